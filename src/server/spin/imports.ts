/**
 * What a component needs of a Spin host, read from its WIT: the imports this playground does not
 * provide, and whether it is an HTTP component at all. Any WASI 0.2.x patch version is served
 * (Spin's JS tools mix wasi:http@0.2.3 with wasi:io@0.2.12); 0.3 (async) is not.
 */
const PROVIDED =
  /^(wasi:(io|cli|clocks|random|filesystem)\/[\w-]+@0\.2\.\d+|wasi:http\/(types|outgoing-handler)@0\.2\.\d+|fermyon:spin\/(key-value|sqlite|variables)@2\.0\.0|spin:sqlite\/sqlite@3\.\d+\.\d+|wasi:config\/store@0\.2\.0-draft-2024-09-27)$/;

/** The imports this host does not provide, as the WIT names them. */
export function missingImports(wit: string): string[] {
  return [...wit.matchAll(/^\s*import ([\w:/.@-]+);/gm)]
    .map((m) => m[1])
    .filter((i) => !PROVIDED.test(i));
}

/** Whether the component exports a WASI 0.2 HTTP handler (what Spin's HTTP trigger calls). */
export const isHttpComponent = (exports: string[] | undefined) =>
  (exports ?? []).some((e) => /^wasi:http\/incoming-handler@0\.2\.\d+$/.test(e));

/** Why a component cannot be served as a Spin HTTP handler (null: it can). */
export function spinBlocker(
  wit: string,
  world: string | undefined,
  exports: string[] | undefined,
): string | null {
  if (!isHttpComponent(exports)) {
    const p3 = (exports ?? []).find((e) => /^wasi:http\/handler@0\.3/.test(e));
    return p3
      ? `world "${world ?? 'unknown'}" exports ${p3} (WASI 0.3, async): this host runs WASI 0.2 HTTP components (wasi:http/incoming-handler@0.2.x)`
      : `world "${world ?? 'unknown'}" exports ${exports?.join(', ') || 'nothing'}: a Spin HTTP component exports wasi:http/incoming-handler@0.2.x`;
  }
  const missing = missingImports(wit);
  return missing.length
    ? `world "${world ?? 'unknown'}" imports what this host does not provide: ${missing.join(', ')} (here: key-value, SQLite, variables, outbound HTTP and WASI 0.2)`
    : null;
}
