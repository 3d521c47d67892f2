import { describe, expect, it } from 'vitest';
import initWabt from 'wabt';
import { detectFeatures } from './features';
import { moduleSizes, producersInWords } from './sizes';
import { disassemble } from './wat';

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
