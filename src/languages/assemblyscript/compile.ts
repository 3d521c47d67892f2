import type {
  CompileRequest,
  CompileResult,
  Diagnostic,
  PhaseTiming,
} from '../../protocol/compile';
import { normalizePath, offsetToLineCol } from '../diagnostics';
import playgroundConsole from './lib/playground_console.ts?raw';

type Asc = typeof import('assemblyscript/asc');
let ascPromise: Promise<Asc> | null = null;

/** The WASI shim's sources, bundled as text so asc can read them from memory. */
const shimSources = import.meta.glob<string>(
  '/node_modules/@assemblyscript/wasi-shim/assembly/**/*.ts',
  { query: '?raw', import: 'default', eager: true },
);
const SHIM_PREFIX = '/node_modules/@assemblyscript/wasi-shim/assembly/';
/** Library files asc reads from LIB_DIR: the shim's, plus our console. */
const libFiles: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(shimSources).map(([k, v]) => [k.slice(SHIM_PREFIX.length), v]),
  ),
  'playground_console.ts': playgroundConsole,
};
const LIB_DIR = '/wasi-shim';
/** The `use` aliases from @assemblyscript/wasi-shim's asconfig.json, with our console. */
const SHIM_USE = [
  'ASC_WASI=1',
  'abort=wasi_abort',
  'trace=wasi_trace',
  'seed=wasi_seed',
  'console=playground_console',
  'crypto=wasi_crypto',
  'performance=wasi_performance',
  'process=wasi_process',
  'Date=wasi_Date',
];
const ENTRY = 'main.ts';

/** Loads the AssemblyScript compiler (with binaryen) once. */
export function loadAsc(): Promise<Asc> {
  ascPromise ??= import('assemblyscript/asc');
  return ascPromise;
}

/** Builds asc's argument list: entry, output, shim, then the user's options. */
export function ascArgs(req: CompileRequest): string[] {
  const args = [
    req.entry ?? ENTRY,
    '--outFile',
    'main.wasm',
    '--exportStart',
    '_start',
    '--lib',
    LIB_DIR,
  ];
  for (const u of SHIM_USE) args.push('--use', u);
  args.push(req.options.optLevel || '-O2');
  if (req.options.flags?.trim()) args.push(...req.options.flags.trim().split(/\s+/));
  args.push('--noColors', '--stats');
  return args;
}

const SEVERITY: Record<number, Diagnostic['severity']> = {
  0: 'info',
  1: 'info',
  2: 'warning',
  3: 'error',
};

/** Compiles AssemblyScript to a WASI command with asc and @assemblyscript/wasi-shim. */
export async function compileAssemblyScript(req: CompileRequest): Promise<CompileResult> {
  const asc = await loadAsc();
  const outputs: Record<string, Uint8Array | string> = {};
  const diagnostics: Diagnostic[] = [];
  const stderr = asc.createMemoryStream();
  const entry = req.entry ?? ENTRY;
  // The project's modules, so relative imports between them resolve (`import { f } from './lib'`).
  const files = req.files ?? { [entry]: req.source };
  const t0 = performance.now();
  const res = await asc.main(ascArgs(req), {
    stdout: asc.createMemoryStream(),
    stderr,
    readFile: (name: string, baseDir: string) => {
      if (baseDir === LIB_DIR) return libFiles[name] ?? null;
      return files[normalizePath(`${baseDir}/${name}`)] ?? null;
    },
    writeFile: (name: string, data: Uint8Array | string) => {
      outputs[name] = data;
    },
    listFiles: (dir: string) =>
      dir === LIB_DIR ? Object.keys(libFiles).filter((k) => !k.includes('/')) : [],
    reportDiagnostic: (d) => {
      // Diagnostics in library files have no place in the editor; they stay in the log.
      const file = normalizePath(d.range?.source?.normalizedPath ?? '');
      if (!d.range || !(file in files)) return;
      const start = offsetToLineCol(files[file], d.range.start);
      const end = offsetToLineCol(files[file], d.range.end);
      diagnostics.push({
        file,
        severity: SEVERITY[d.category] ?? 'error',
        message: `${d.message} (AS${d.code})`,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      });
    },
  });
  const compileMs = performance.now() - t0;
  const stats = res.stats as typeof res.stats & { initializeTime: number };
  const phases: PhaseTiming[] = [
    { name: 'parse', ms: stats.parseTime / 1e6 },
    { name: 'compile', ms: (stats.initializeTime + stats.compileTime) / 1e6 },
    { name: 'optimize', ms: stats.optimizeTime / 1e6 },
    { name: 'emit', ms: stats.emitTime / 1e6 },
  ];
  const log = stderr.toString().replace(/╭[\s\S]*╯\n?/, '');
  const wasm = outputs['main.wasm'];
  if (res.error || !(wasm instanceof Uint8Array)) {
    if (!diagnostics.some((d) => d.severity === 'error')) {
      const message = res.error?.message ?? 'the compiler produced no binary';
      diagnostics.push({
        severity: 'error',
        message,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      });
    }
    return { ok: false, diagnostics, log, compileMs, phases, coldStart: false };
  }
  return {
    ok: true,
    wasm: new Uint8Array(wasm),
    diagnostics,
    log,
    compileMs,
    phases,
    coldStart: false,
    ...sourceMapOf(outputs['main.wasm.map']),
  };
}

/** A debug build's source map (--sourceMap), as text. */
function sourceMapOf(map: Uint8Array | string | undefined): { sourceMap?: string } {
  if (map === undefined) return {};
  return { sourceMap: typeof map === 'string' ? map : new TextDecoder().decode(map) };
}
