// Local names from a module's name section (subsection 2): what an instruction-level debug
// calls a function's locals (wabt keeps WAT's `$names`, asc --debug its variables').
import { Reader } from '../wasm/reader';

/** function index → local index → name. */
export function localNames(bytes: Uint8Array): Map<number, Map<number, string>> {
  const out = new Map<number, Map<number, string>>();
  try {
    const r = new Reader(bytes, 8);
    while (r.pos < r.end) {
      const id = r.byte();
      const size = r.u32();
      const end = r.pos + size;
      if (id === 0 && r.name() === 'name') {
        while (r.pos < end) {
          const sub = r.byte();
          const len = r.u32();
          const next = r.pos + len;
          if (sub === 2) {
            for (let n = r.u32(); n > 0; n--) {
              const f = r.u32();
              const names = new Map<number, string>();
              for (let k = r.u32(); k > 0; k--) names.set(r.u32(), r.name());
              out.set(f, names);
            }
          }
          r.pos = next;
        }
      }
      r.pos = end;
    }
  } catch {
    // A malformed name section names nothing.
  }
  return out;
}
