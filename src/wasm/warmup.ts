/**
 * A 131-byte WASI command that writes "ok\n" (built from WAT with wabt). A fresh runner worker
 * runs it once so the first real run finds the shim's code and the engine's pipeline warm.
 */
export const WARMUP_WASM_BASE64 =
  'AGFzbQEAAAABDAJgBH9/f38Bf2AAAAIjARZ3YXNpX3NuYXBzaG90X3ByZXZpZXcxCGZkX3dyaXRlAAADAgEBBQMBAAEHEwIGbWVtb3J5AgAGX3N0YXJ0AAEKHQEbAEEAQRA2AgBBBEEDNgIAQQFBAEEBQQgQABoLCwkBAEEQCwNvawo=';

export function warmupWasm(): Uint8Array {
  return Uint8Array.from(atob(WARMUP_WASM_BASE64), (c) => c.charCodeAt(0));
}
