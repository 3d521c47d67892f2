import { BinaryReader } from 'wasmparser/dist/esm/WasmParser.js';
// NameSectionReader is not re-exported by the package's index: both come from the ES build.
import { NameSectionReader, WasmDisassembler } from 'wasmparser/dist/esm/WasmDis.js';

export interface WatFunction {
  /** 1-based line of the `(func` in the text. */
  line: number;
  name: string;
  index: number;
  /** Byte offset of its body in the module. */
  offset: number;
}

export interface WatText {
  text: string;
  /** Byte offset of the instruction on each line (index 0 = line 1); -1 where none. */
  offsets: number[];
  functions: WatFunction[];
  /** Set when the module could not be disassembled to its end (the text is what was read). */
  error?: string;
}

/** Above this many bytes the whole module is not disassembled at once; one function is. */
export const WAT_LIMIT = 8 * 1024 * 1024;

const reader = (bytes: Uint8Array) => {
  const r = new BinaryReader();
  r.setData(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength, true);
  return r;
};

/**
 * The module as WebAssembly text with wasmparser's disassembler: names from the name section,
 * the byte offset of every line, and where each function starts. Folding and the outline come
 * from `functions`; the offsets gutter from `offsets`.
 */
export function disassemble(bytes: Uint8Array): WatText {
  const names = new NameSectionReader();
  try {
    names.read(reader(bytes));
  } catch {
    // No usable name section: the default $func12 names.
  }
  const dis = new WasmDisassembler();
  dis.addOffsets = true;
  if (names.hasValidNames()) dis.nameResolver = names.getNameResolver();
  let error: string | undefined;
  const r = reader(bytes);
  try {
    dis.disassembleChunk(r);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const result = dis.getResult();
  const lines = result.lines;
  const offsets = result.offsets ?? [];
  const functions: WatFunction[] = [];
  let imported = 0;
  let index = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*\(func (\$[^\s()]+)?/.exec(lines[i]);
    if (!m) continue;
    if (lines[i].includes('(import ')) {
      imported++;
      continue;
    }
    functions.push({
      line: i + 1,
      name: (m[1] ?? `$func${imported + index}`).slice(1),
      index: imported + index++,
      offset: result.functionBodyOffsets?.[functions.length]?.start ?? offsets[i] ?? -1,
    });
  }
  return {
    text: lines.join('\n'),
    offsets: offsets.length === lines.length ? offsets : lines.map((_, i) => offsets[i] ?? -1),
    functions,
    ...(error ? { error } : {}),
  };
}
