/**
 * Where a module's bytes go: every section, every function body, data segment and custom section,
 * with names from the name section, the producers section, imports and exports. A small reader of
 * our own that decodes only structure (never instructions), so it is fast on a 50 MB module and
 * reads a broken module up to the broken place, which it reports with the byte offset.
 */
import type {
  SizeKind,
  SizeItem,
  Producer,
  ImportEntry,
  ExportEntry,
  ModuleSizes,
} from '../protocol/inspect';
export type { SizeKind, SizeItem, Producer, ImportEntry, ExportEntry, ModuleSizes };
import { ReadError, Reader } from '../wasm/reader';

const SECTION_NAMES = [
  'custom',
  'type',
  'import',
  'function',
  'table',
  'memory',
  'global',
  'export',
  'start',
  'element',
  'code',
  'data',
  'datacount',
  'tag',
];

const KINDS: ImportEntry['kind'][] = ['function', 'table', 'memory', 'global', 'tag'];

/** Reads the structure of a module; never throws (a broken module is read up to the break). */
export function moduleSizes(bytes: Uint8Array): ModuleSizes {
  const out: ModuleSizes = {
    total: bytes.length,
    items: [],
    imports: [],
    exports: [],
    producers: [],
    targetFeatures: [],
    functionNames: {},
    importedFunctions: 0,
    memories: [],
    mutableGlobalImportsExports: 0,
    tables: 0,
    hasTagSection: false,
    multiValueTypes: 0,
  };
  const r = new Reader(bytes);
  try {
    if (bytes.length < 8) throw new ReadError('too short to be a wasm module', 0);
    if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d)
      throw new ReadError('not a wasm module (no \\0asm magic number)', 0);
    if (bytes[6] === 1 && bytes[7] === 0 && bytes[4] !== 1) {
      out.component = true;
      throw new ReadError('a component (the component model), not a core module', 4);
    }
    out.items.push({ kind: 'section', name: 'header', bytes: 8, offset: 0 });
    r.pos = 8;
    let definedFunction = 0;
    const globals: boolean[] = [];
    while (r.pos < bytes.length) {
      const start = r.pos;
      const id = r.byte();
      const size = r.u32();
      const body = r.pos;
      const end = body + size;
      if (end > bytes.length)
        throw new ReadError(
          `section ${SECTION_NAMES[id] ?? id} runs past the end of the file`,
          start,
        );
      const s = new Reader(bytes, body, end);
      let name = SECTION_NAMES[id] ?? `unknown (${id})`;
      switch (id) {
        case 0: {
          const custom = s.name();
          name = `custom: ${custom}`;
          out.items.push({ kind: 'custom', name: custom, bytes: end - start, offset: start });
          readCustom(custom, s, out);
          break;
        }
        case 1: {
          const n = s.u32();
          for (let i = 0; i < n; i++) readType(s, out);
          break;
        }
        case 2: {
          const n = s.u32();
          for (let i = 0; i < n; i++) {
            const module = s.name();
            const field = s.name();
            const kind = s.byte();
            const entry: ImportEntry = { module, name: field, kind: KINDS[kind] ?? 'function' };
            const desc = s.importDesc(kind);
            if (kind === 0) out.importedFunctions++;
            else if (kind === 1) out.tables++;
            else if (kind === 2) {
              const flags = desc.limits!;
              out.memories.push({ shared: !!(flags & 2), memory64: !!(flags & 4), imported: true });
              entry.detail = [flags & 2 ? 'shared' : '', flags & 4 ? 'i64' : '']
                .filter(Boolean)
                .join(' ');
            } else if (kind === 3) {
              globals.push(desc.mutable!);
              if (desc.mutable) {
                out.mutableGlobalImportsExports++;
                entry.detail = 'mutable';
              }
            }
            out.imports.push(entry);
          }
          break;
        }
        case 4: {
          const n = s.u32();
          for (let i = 0; i < n; i++) {
            if (bytes[s.pos] === 0x40) {
              // A table with an initializer expression (function references).
              s.skip(2);
              s.valtype();
              s.limits();
              s.constExpr();
            } else {
              s.valtype();
              s.limits();
            }
          }
          out.tables += n;
          break;
        }
        case 5: {
          const n = s.u32();
          for (let i = 0; i < n; i++) {
            const { flags } = s.limits();
            out.memories.push({ shared: !!(flags & 2), memory64: !!(flags & 4), imported: false });
          }
          break;
        }
        case 6: {
          const n = s.u32();
          for (let i = 0; i < n; i++) {
            s.valtype();
            globals.push(s.byte() === 1);
            s.constExpr();
          }
          break;
        }
        case 7: {
          const n = s.u32();
          for (let i = 0; i < n; i++) {
            const field = s.name();
            const kind = s.byte();
            const index = s.u32();
            out.exports.push({ name: field, kind: KINDS[kind] ?? 'function', index });
            if (kind === 3 && globals[index]) out.mutableGlobalImportsExports++;
          }
          break;
        }
        case 10: {
          const n = s.u32();
          for (let i = 0; i < n; i++) {
            const at = s.pos;
            const len = s.u32();
            s.skip(len);
            const index = out.importedFunctions + definedFunction++;
            out.items.push({
              kind: 'function',
              name: `function[${index}]`,
              bytes: s.pos - at,
              offset: at,
              index,
            });
          }
          break;
        }
        case 11: {
          const n = s.u32();
          for (let i = 0; i < n; i++) {
            const at = s.pos;
            const flags = s.u32();
            if (flags === 2) s.u32();
            if (flags !== 1) s.constExpr();
            const len = s.u32();
            s.skip(len);
            out.items.push({ kind: 'data', name: `data[${i}]`, bytes: s.pos - at, offset: at });
          }
          break;
        }
        case 13:
          out.hasTagSection = true;
          break;
      }
      out.items.push({ kind: 'section', name, bytes: end - start, offset: start });
      r.pos = end;
    }
  } catch (e) {
    out.error =
      e instanceof ReadError
        ? { message: e.message, offset: e.offset }
        : { message: e instanceof Error ? e.message : String(e), offset: r.pos };
  }
  // Names from the name section, once it has been read (it comes after the code).
  // A name that repeats (two static functions called `dummy`) gets its index, so each row is
  // one function.
  const seen = new Set<string>();
  for (const item of out.items) {
    if (item.kind !== 'function' || item.index === undefined) continue;
    const name = out.functionNames[item.index];
    if (!name) continue;
    item.name = seen.has(name) ? `${name} [${item.index}]` : name;
    seen.add(name);
  }
  return out;
}

function readType(s: Reader, out: ModuleSizes) {
  const form = s.byte();
  if (form === 0x4e) {
    // A recursion group (GC): its types follow.
    const n = s.u32();
    for (let i = 0; i < n; i++) readType(s, out);
    return;
  }
  if (form === 0x50 || form === 0x4f) {
    // Subtype (GC): supertypes, then the composite type.
    const n = s.u32();
    for (let i = 0; i < n; i++) s.u32();
    readType(s, out);
    return;
  }
  if (form === 0x60) {
    const params = s.u32();
    for (let i = 0; i < params; i++) s.valtype();
    const results = s.u32();
    for (let i = 0; i < results; i++) s.valtype();
    if (results > 1) out.multiValueTypes++;
  } else if (form === 0x5f) {
    const n = s.u32();
    for (let i = 0; i < n; i++) {
      storageType(s);
      s.byte();
    }
  } else if (form === 0x5e) {
    storageType(s);
    s.byte();
  } else throw new ReadError(`unknown type form 0x${form.toString(16)}`, s.pos - 1);
}

function storageType(s: Reader) {
  const t = s.bytes[s.pos];
  if (t === 0x78 || t === 0x77) s.byte();
  else s.valtype();
}

function readCustom(name: string, s: Reader, out: ModuleSizes) {
  try {
    if (name === 'name') {
      while (s.pos < s.end) {
        const sub = s.byte();
        const size = s.u32();
        const end = s.pos + size;
        if (sub === 1) {
          const n = s.u32();
          for (let i = 0; i < n; i++) {
            const index = s.u32();
            out.functionNames[index] = s.name();
          }
        }
        s.pos = end;
      }
    } else if (name === 'producers') {
      const fields = s.u32();
      for (let i = 0; i < fields; i++) {
        const field = s.name();
        const n = s.u32();
        for (let j = 0; j < n; j++)
          out.producers.push({ field, name: s.name(), version: s.name() });
      }
    } else if (name === 'target_features') {
      const n = s.u32();
      for (let i = 0; i < n; i++) {
        const prefix = String.fromCharCode(s.byte());
        out.targetFeatures.push(prefix + s.name());
      }
    }
  } catch {
    // A malformed custom section is only metadata: its size still counts.
  }
}

/** "clang 22.0.0git, wasi-libc" from the producers section. */
export function producersInWords(producers: Producer[]): string {
  const tools = producers
    .filter((p) => p.field !== 'language')
    .map((p) => `${p.name}${p.version ? ` ${p.version.split(' ')[0]}` : ''}`);
  const langs = producers.filter((p) => p.field === 'language').map((p) => p.name);
  return [...new Set(tools)].join(', ') + (langs.length ? ` (from ${langs.join(', ')})` : '');
}
