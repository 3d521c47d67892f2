// A module's JavaScript-style source map (asc --sourceMap, binaryen): for a wasm module the
// generated "column" is a byte offset in the module, and each mapping names a source line.
// Decoded into offset → file, line: what an AssemblyScript debug stops on.

export interface MappedPlace {
  file: string;
  line: number;
  column: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/** One segment's VLQ numbers. */
function vlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const d = DIGIT.get(c);
    if (d === undefined) throw new Error(`bad source map character "${c}"`);
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Offset → place for every mapping of `map` whose source is one of `files` (null: unreadable). */
export function readSourceMap(
  map: string,
  files: (path: string) => string | null,
): Map<number, MappedPlace> | null {
  let json: { sources?: string[]; mappings?: string };
  try {
    json = JSON.parse(map);
  } catch {
    return null;
  }
  const sources = (json.sources ?? []).map(files);
  const out = new Map<number, MappedPlace>();
  let offset = 0;
  let source = 0;
  let line = 0;
  let column = 0;
  for (const group of (json.mappings ?? '').split(';')) {
    for (const seg of group.split(',')) {
      if (!seg) continue;
      const v = vlq(seg);
      offset += v[0];
      if (v.length < 4) continue;
      source += v[1];
      line += v[2];
      column += v[3];
      const file = sources[source];
      if (file) out.set(offset, { file, line: line + 1, column: column + 1 });
    }
  }
  return out;
}
