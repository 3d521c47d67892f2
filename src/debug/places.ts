// Where instructions are in the source when there is no DWARF: a WAT program's own text (each
// instruction) or a source map (AssemblyScript's lines). One shape for the session either way.
import { bodyAt, type Body } from './module';
import { readSourceMap } from './sourceMap';
import { watLines } from './watLines';

export interface Place {
  file: string;
  line: number;
  column?: number;
  /** The instruction's length in the text (WAT: it is marked). */
  length?: number;
}

export interface Places {
  /** Offsets the program may pause at. */
  sites: number[];
  placeOf(offset: number): Place | undefined;
  /** Where a breakpoint on `file`:`line` stops (the next line with code when it has none). */
  breakpoint(file: string, line: number): { line: number; offsets: number[] } | null;
  /** A step ends on another line (a source map), or at the next instruction (WAT). */
  byLine: boolean;
}

/** The first offset on the line (or the next line that has one) in each function. */
function breakpointIn(
  sites: number[],
  placeOf: (o: number) => Place | undefined,
  bodies: Body[],
  file: string,
  line: number,
) {
  const on = sites.filter((o) => placeOf(o)!.file === file && placeOf(o)!.line >= line);
  if (!on.length) return null;
  const at = Math.min(...on.map((o) => placeOf(o)!.line));
  const first = new Map<number, number>();
  for (const o of on) {
    if (placeOf(o)!.line !== at) continue;
    const f = bodyAt(bodies, o);
    if (!first.has(f) || o < first.get(f)!) first.set(f, o);
  }
  return { line: at, offsets: [...first.values()] };
}

/** A WAT program's instructions in its text (the entry file). */
export function watPlaces(source: string, entry: string, bodies: Body[]): Places | null {
  const wat = watLines(source, bodies);
  if (!wat) return null;
  const placeOf = (o: number): Place | undefined => {
    const p = wat.placeOf(o);
    return p && { file: entry, ...p };
  };
  return {
    sites: wat.sites,
    placeOf,
    breakpoint: (file, line) => breakpointIn(wat.sites, placeOf, bodies, file, line),
    byLine: false,
  };
}

/** A source map's lines, for the sources that are project files. */
export function mapPlaces(
  map: string,
  isProjectFile: (path: string) => boolean,
  bodies: Body[],
): Places | null {
  const places = readSourceMap(map, (p) => {
    const path = p.replace(/^(\.\/|\/)+/, '');
    return isProjectFile(path) ? path : null;
  });
  if (!places?.size) return null;
  const sites = [...places.keys()].sort((a, b) => a - b);
  const placeOf = (o: number) => places.get(o);
  return {
    sites,
    placeOf,
    breakpoint: (file, line) => breakpointIn(sites, placeOf, bodies, file, line),
    byLine: true,
  };
}
