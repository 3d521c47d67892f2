/** Whether two byte arrays hold the same bytes (an absent one is the same as nothing). */
export function sameBytes(a: Uint8Array, b: Uint8Array | null | undefined): boolean {
  if (!b || a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
