import type { Diagnostic } from '../protocol/compile';

/**
 * Why an interpreter should not be handed `bytes` as a program's source: binary (a NUL byte) or
 * not UTF-8 (the first bad byte's line). Null when it is text. Interpreters differ here (one
 * runs it, one rejects it with a byte offset), so the playground says it once, the same way.
 */
export function notSourceText(path: string, bytes: Uint8Array): Diagnostic | null {
  const nul = bytes.indexOf(0);
  const at = (offset: number, message: string): Diagnostic => {
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
    return {
      file: path,
      severity: 'error',
      message,
      line,
      column: 1,
      endLine: line,
      endColumn: 1000,
    };
  };
  if (nul >= 0) return at(nul, `${path} is binary (a NUL byte at offset ${nul}), not source text`);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return null;
  } catch {
    // Find the first byte the decoder rejects, for its line.
    for (let i = 0; i < bytes.length; i++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, i + 1), {
          stream: true,
        });
      } catch {
        return at(
          i,
          `${path} is not UTF-8 text (byte 0x${bytes[i].toString(16)} at offset ${i}): save it as UTF-8`,
        );
      }
    }
    return at(0, `${path} is not UTF-8 text: save it as UTF-8`);
  }
}
