import { describe, expect, it } from 'vitest';
import initWabt from 'wabt';
import { detectFeatures } from './features';
import { moduleSizes, producersInWords } from './sizes';
import { Disassembly, disassemble } from './wat';
import { WAT_WINDOW, WatDocument } from './watDocument';

async function wat(source: string): Promise<Uint8Array> {
  const wabt = await initWabt();
  const m = wabt.parseWat('t.wat', source, { bulk_memory: true, sign_extension: true, simd: true });
  try {
    return new Uint8Array(m.toBinary({ write_debug_names: true }).buffer);
  } finally {
    m.destroy();
  }
}

const SOURCE = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello")
  (data (i32.const 64) "a longer data segment")
  (func $small (result i32) i32.const 1)
  (func $big (export "_start")
    (memory.fill (i32.const 0) (i32.const 0) (i32.const 8))
    (drop (i32.extend8_s (i32.const 200)))
    (drop (call $small))
    (drop (call $small))
    (drop (call $small))))`;

describe('moduleSizes', () => {
  it('accounts for every byte: sections add up to the file, functions and data to their sections', async () => {
    const bytes = await wat(SOURCE);
    const s = moduleSizes(bytes);
    expect(s.error).toBeUndefined();
    const sections = s.items.filter((i) => i.kind === 'section');
    expect(sections.reduce((n, i) => n + i.bytes, 0)).toBe(bytes.length);
    const code = sections.find((i) => i.name === 'code')!;
    const fns = s.items.filter((i) => i.kind === 'function');
    expect(fns.map((f) => f.name)).toEqual(['small', 'big']);
    // The code section is its header, its count and the bodies.
    expect(fns.reduce((n, f) => n + f.bytes, 0)).toBeLessThan(code.bytes);
    expect(code.bytes - fns.reduce((n, f) => n + f.bytes, 0)).toBeLessThanOrEqual(6);
    expect(s.items.filter((i) => i.kind === 'data')).toHaveLength(2);
    expect(s.imports).toEqual([
      { module: 'wasi_snapshot_preview1', name: 'fd_write', kind: 'function' },
    ]);
    expect(s.exports.map((e) => e.name)).toEqual(['memory', '_start']);
    expect(s.items.some((i) => i.kind === 'custom' && i.name === 'name')).toBe(true);
  });

  it('reads a broken module up to the break and says where', async () => {
    const bytes = await wat(SOURCE);
    const cut = bytes.slice(0, bytes.length - 10);
    const s = moduleSizes(cut);
    expect(s.error?.message).toMatch(/past the end/);
    expect(s.error?.offset).toBeGreaterThan(8);
    expect(s.items.some((i) => i.name === 'type')).toBe(true);
    expect(moduleSizes(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])).error?.message).toMatch(
      /magic/,
    );
  });

  it('says a component is not a core module', () => {
    const s = moduleSizes(new Uint8Array([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0]));
    expect(s.component).toBe(true);
  });

  it('puts the producers section in words', () => {
    expect(
      producersInWords([
        { field: 'language', name: 'C11', version: '' },
        { field: 'processed-by', name: 'clang', version: '22.0.0git (https://github.com/llvm x)' },
      ]),
    ).toBe('clang 22.0.0git (from C11)');
  });
});

describe('detectFeatures', () => {
  it('finds the post-MVP features the code uses, not more', async () => {
    const bytes = await wat(SOURCE);
    expect(detectFeatures(bytes, moduleSizes(bytes))).toEqual(['sign-ext', 'bulk-memory']);
    const mvp = await wat('(module (func (export "_start")))');
    expect(detectFeatures(mvp, moduleSizes(mvp))).toEqual([]);
  });
});

describe('disassemble', () => {
  it('gives the text with names, a function outline and byte offsets', async () => {
    const bytes = await wat(SOURCE);
    const w = disassemble(bytes);
    expect(w.error).toBeUndefined();
    expect(w.functions.map((f) => f.name)).toEqual(['small', 'big']);
    const lines = w.text.split('\n');
    expect(lines[w.functions[1].line - 1]).toMatch(/^\s*\(func \$big/);
    expect(w.text).toContain('call $small');
    expect(w.offsets).toHaveLength(lines.length);
    expect(w.offsets.some((o) => o > 0)).toBe(true);
  });
});

/** A module of `n` named functions with branches (labels held back by the disassembler). */
const many = (n: number) =>
  `(module (memory 1) ${Array.from(
    { length: n },
    (_, i) =>
      `(func $f${i} (param i32) (result i32) (block $b (loop $l (br_if $b (local.get 0)) (br $l))) i32.const ${i})`,
  ).join('\n')} (func (export "_start")))`;

describe('Disassembly (a piece at a time)', () => {
  it('gives the same text, offsets and outline as at once, whatever the piece size', async () => {
    const bytes = await wat(many(300));
    const whole = disassemble(bytes);
    for (const piece of [1, 7, 97, 4096]) {
      const d = new Disassembly(bytes);
      let steps = 0;
      while (!d.step(piece)) steps++;
      expect(steps).toBeGreaterThan(0);
      expect(d.lines.join('\n')).toBe(whole.text);
      // A function's header line may point a few bytes on (past its body size) when a piece
      // ended inside the header: wasmparser resumes the read there. Every other line is exact.
      d.offsets.forEach((o, i) => {
        if (d.lines[i].trimStart().startsWith('(func '))
          expect(Math.abs(o - whole.offsets[i])).toBeLessThanOrEqual(5);
        else expect(o).toBe(whole.offsets[i]);
      });
      expect(d.functions.map((f) => [f.line, f.name, f.index])).toEqual(
        whole.functions.map((f) => [f.line, f.name, f.index]),
      );
    }
    expect(whole.functions).toHaveLength(301);
    expect(whole.functions[299]).toMatchObject({ name: 'f299', index: 299 });
  });

  it('counts imported functions in the indices and stops with an error at a break', async () => {
    const bytes = await wat(SOURCE);
    expect(disassemble(bytes).functions.map((f) => f.index)).toEqual([1, 2]);
    const cut = bytes.slice(0, bytes.length - 12);
    const d = new Disassembly(cut);
    while (!d.step(16));
    expect(d.error ?? '').not.toBe('');
    expect(d.lines.length).toBeGreaterThan(3);
  });
});

describe('WatDocument', () => {
  it('makes a first window at once, the rest on finish; slices and finds in the whole text', async () => {
    const bytes = await wat(many(2000));
    const whole = disassemble(bytes);
    const all = whole.text.split('\n');
    expect(all.length).toBeGreaterThan(WAT_WINDOW * 2);
    const doc = new WatDocument(7, bytes);
    const first = doc.summary();
    expect(first.done).toBe(false);
    expect(first.first.count).toBe(WAT_WINDOW);
    expect(first.first.text).toBe(all.slice(0, WAT_WINDOW).join('\n'));
    const done = await doc.finish();
    expect(done).toMatchObject({ key: 7, done: true, lineCount: all.length });
    expect(done.functions).toHaveLength(2001);
    const mid = doc.slice(10_000, 10_005);
    expect(mid).toMatchObject({
      from: 10_000,
      count: 5,
      offsets: whole.offsets.slice(10_000, 10_005),
    });
    expect(mid.text).toBe(all.slice(10_000, 10_005).join('\n'));
    expect(doc.slice(all.length - 2, all.length + 50).count).toBe(2);
    // Find: forward from a place, backwards, wrapping around, case-insensitive, or nothing.
    const at = all.findIndex((l) => l.includes('i32.const 1500'));
    expect(doc.find('I32.CONST 1500', 0, 1)).toEqual({
      line: at,
      column: all[at].indexOf('i32') + 1,
    });
    expect(doc.find('$f3 ', at, 1, true)?.line).toBe(all.findIndex((l) => l.includes('$f3 ')));
    expect(doc.find('(func $f0 ', at, 1)?.line).toBe(all.findIndex((l) => l.includes('$f0 ')));
    expect(doc.find('no such text', 0, 1)).toBeNull();
  });

  it('stops finishing when replaced', async () => {
    const doc = new WatDocument(1, await wat(many(2000)));
    doc.cancel();
    await expect(doc.finish()).rejects.toThrow('replaced');
  });
});
