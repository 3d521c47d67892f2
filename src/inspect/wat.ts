import { BinaryReader } from 'wasmparser/dist/esm/WasmParser.js';
// NameSectionReader is not re-exported by the package's index: both come from the ES build.
import { NameSectionReader, WasmDisassembler } from 'wasmparser/dist/esm/WasmDis.js';
import type { WatFunction } from '../protocol/inspect';
export type { WatFunction };

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

/** A module's own copy of its bytes, starting at offset 0 of its buffer (wasmparser reads so). */
const own = (bytes: Uint8Array): ArrayBuffer =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.slice().buffer as ArrayBuffer);

/**
 * The module as WebAssembly text with wasmparser's disassembler: names from the name section,
 * the byte offset of every line, and where each function starts. Folding and the outline come
 * from `functions`; the offsets gutter from `offsets`.
 */
export function disassemble(bytes: Uint8Array): WatText {
  const d = new Disassembly(bytes);
  while (!d.step(Infinity));
  return {
    text: d.lines.join('\n'),
    offsets: d.offsets,
    functions: d.functions,
    ...(d.error ? { error: d.error } : {}),
  };
}

/** A line that starts a function (with its name) or an import. */
const FUNC_LINE = /^\s*\((func|import)\b ?(\$[^\s()]+)?/;

/**
 * A disassembly made a piece at a time: wasmparser's reader is fed the module's bytes in slices
 * (its streaming mode: a read that needs bytes not yet given waits for them), so the first lines
 * are there long before the last (a 1 MB module is ≈ 500,000 lines, ≈ 1 s of work).
 */
export class Disassembly {
  readonly lines: string[] = [];
  readonly offsets: number[] = [];
  readonly functions: WatFunction[] = [];
  error?: string;
  done = false;
  private readonly buffer: ArrayBuffer;
  private readonly reader = new BinaryReader();
  private readonly dis = new WasmDisassembler();
  private fed = 0;
  private imported = 0;

  constructor(bytes: Uint8Array) {
    this.buffer = own(bytes);
    const names = new NameSectionReader();
    try {
      const r = new BinaryReader();
      r.setData(this.buffer, 0, this.buffer.byteLength, true);
      names.read(r);
    } catch {
      // No usable name section: the default $func12 names.
    }
    this.dis.addOffsets = true;
    if (names.hasValidNames()) this.dis.nameResolver = names.getNameResolver();
  }

  /** Disassembles `bytes` more bytes of the module; true once the whole module is. */
  step(bytes: number): boolean {
    if (this.done) return true;
    const total = this.buffer.byteLength;
    const end = Math.min(total, this.fed + bytes);
    this.reader.setData(this.buffer, this.reader.position, end, end === total);
    this.fed = end;
    try {
      const finished = this.dis.disassembleChunk(this.reader);
      if (end === total && !finished)
        this.error = `the module ends early (at byte ${this.reader.position} of ${total})`;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.done = true;
    }
    if (end === total) this.done = true;
    this.take();
    return this.done;
  }

  /** The lines the disassembler has finished, and the functions that start on them. */
  private take() {
    const r = this.dis.getResult();
    const first = this.lines.length;
    const offsets = r.offsets ?? [];
    for (let i = 0; i < r.lines.length; i++) {
      this.lines.push(r.lines[i]);
      this.offsets.push(offsets[i] ?? -1);
    }
    for (let i = first; i < this.lines.length; i++) {
      const m = FUNC_LINE.exec(this.lines[i]);
      if (!m) continue;
      // An imported function: `(func $f (import "m" "n") …)` (or `(import "m" "n" (func …))`).
      if (m[1] === 'import' || this.lines[i].includes('(import ')) {
        if (this.lines[i].includes('(func')) this.imported++;
        continue;
      }
      const index = this.imported + this.functions.length;
      this.functions.push({
        line: i + 1,
        name: (m[2] ?? `$func${index}`).slice(1),
        index,
        offset: this.offsets[i],
      });
    }
  }
}
