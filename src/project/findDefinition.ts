import type { ProjectFiles } from './model';

/** Where a function is defined in a project's sources. */
export interface SourcePlace {
  /** The function as written in the source (a C++ name demangled, an AS path dropped). */
  name: string;
  file: string;
  line: number;
  column: number;
}

/**
 * The plain identifier of a wasm function name as the name section has it: `$divide` → divide,
 * C++'s Itanium-mangled `_ZN3geo4areaEv` → area (the last component of the nested name),
 * `_Z6divideii` → divide, AssemblyScript's `assembly/index/divide` or `index/Foo#bar` → bar.
 */
export function identifierOf(wasmName: string): string {
  let n = wasmName.replace(/^\$/, '');
  const mangled = /^_Z(N?)(.*)$/.exec(n);
  if (mangled) {
    let rest = mangled[2];
    // Skip CV/ref qualifiers of a nested name (N[K|V|R|O]…).
    if (mangled[1]) rest = rest.replace(/^[KVRO]+/, '');
    let last = '';
    for (;;) {
      const m = /^(\d+)/.exec(rest);
      if (!m) break;
      const len = Number(m[1]);
      last = rest.slice(m[1].length, m[1].length + len);
      rest = rest.slice(m[1].length + len);
      if (!mangled[1]) break;
    }
    if (last) return last;
  }
  n = n.slice(n.lastIndexOf('/') + 1);
  n = n.slice(Math.max(n.lastIndexOf('#'), n.lastIndexOf('.'), n.lastIndexOf(':')) + 1);
  return n.replace(/[<(].*$/, '');
}

const SOURCE = /\.(c|h|cc|cpp|cxx|c\+\+|hpp|hh|hxx|ts|wat|wast)$/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The line (1-based) and column of a definition of `name` in one file's text, or null. */
function definitionIn(path: string, text: string, name: string): [number, number] | null {
  const id = escape(name);
  const patterns = /\.wa(t|st)$/i.test(path)
    ? [new RegExp(`\\(func\\s+\\$${id}(?![\\w.$])`)]
    : /\.ts$/i.test(path)
      ? [
          new RegExp(`\\bfunction\\s+(${id})\\s*[<(]`),
          // A method or accessor: `name(…): T {` at the start of a line inside a class.
          new RegExp(
            `^\\s*(?:(?:public|private|protected|static|get|set)\\s+)*(${id})\\s*\\([^;]*\\)\\s*(?::[^;{]*)?\\{`,
          ),
        ]
      : // C/C++: a name followed by a parameter list and a body on this or a later line, not a
        // call (no `;` before the `{`) and not a keyword like `if (`.
        [new RegExp(`^(?:[^;=()]*?(?:[\\w*&>\\]]\\s+|::|[*&]))?(${id})\\s*\\([^;]*$`)];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    for (const re of patterns) {
      const m = re.exec(lines[i]);
      if (!m) continue;
      if (!/\.wa(t|st)$/i.test(path) && !/\.ts$/i.test(path)) {
        // C/C++: the body must open before a `;` (else it is a declaration).
        const from = lines[i].indexOf(name, m.index) + name.length;
        const after = lines
          .slice(i, i + 8)
          .join('\n')
          .slice(from);
        const brace = after.indexOf('{');
        const semi = after.indexOf(';');
        if (brace < 0 || (semi >= 0 && semi < brace)) continue;
      }
      const col = lines[i].indexOf(name, m.index) + 1;
      return [i + 1, Math.max(1, col)];
    }
  }
  return null;
}

/**
 * The first of `frames` (wasm function names, innermost first) that the project defines, with
 * where: a trap in libc's `abort` called from `main` points at `main`. Files are searched entry
 * first, then in path order.
 */
export function findDefinition(
  files: ProjectFiles,
  entry: string,
  frames: readonly string[],
): SourcePlace | null {
  const paths = Object.keys(files)
    .filter((p) => SOURCE.test(p) && typeof files[p] === 'string')
    .sort((a, b) => (a === entry ? -1 : b === entry ? 1 : a.localeCompare(b)));
  for (const frame of frames) {
    if (/^wasm-function\[/.test(frame)) continue;
    const name = identifierOf(frame);
    if (!/^[A-Za-z_]\w*$/.test(name)) continue;
    for (const path of paths) {
      const at = definitionIn(path, files[path] as string, name);
      if (at) return { name, file: path, line: at[0], column: at[1] };
    }
  }
  return null;
}
