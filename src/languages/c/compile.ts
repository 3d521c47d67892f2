import type {
  CompileRequest,
  CompileResult,
  Diagnostic,
  LoadProgress,
  PhaseTiming,
} from '../../workers/protocol';
import { parseLocatedMessages } from '../diagnostics';
import cxaSupport from '../cpp/cxaSupport.cpp?raw';

type Clang = typeof import('@yowasp/clang');
type Tree = Parameters<Clang['runClang']>[1];
let loadPromise: Promise<Clang> | null = null;
let cxaObject: Promise<Uint8Array> | null = null;

/** Loads the toolchain once: the JS glue, then (on the first run) ≈105 MB of wasm and resources. */
export function loadClang(
  onProgress?: (p: Omit<LoadProgress, 'language'>) => void,
): Promise<Clang> {
  loadPromise ??= (async () => {
    const clang = await import('@yowasp/clang');
    let last = 0;
    // `--version` makes runClang fetch and instantiate everything without compiling anything.
    await clang.runClang(
      ['clang', '--version'],
      {},
      {
        stdout: () => {},
        stderr: () => {},
        fetchProgress: ({ doneLength, totalLength }) => {
          const now = performance.now();
          if (now - last < 50 && doneLength < totalLength) return;
          last = now;
          onProgress?.({ phase: 'loading', done: doneLength, total: totalLength });
        },
      },
    );
    return clang;
  })().catch((e) => {
    loadPromise = null;
    throw e;
  });
  return loadPromise;
}

class Collector {
  text = '';
  private dec = new TextDecoder();
  write = (bytes: Uint8Array | null) => {
    if (bytes) this.text += this.dec.decode(bytes, { stream: true });
  };
}

/** Splits the free-text flags field like a shell would for simple cases (no quotes inside). */
function splitFlags(flags: string | undefined): string[] {
  return (
    (flags ?? '')
      .match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g)
      ?.map((f) => f.replace(/^(['"])(.*)\1$/, '$2')) ?? []
  );
}

/** wasm-ld's "undefined symbol: f" placed at the first use of `f` in the source. */
function linkDiagnostics(log: string, source: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of log.matchAll(/wasm-ld: error: (?:[^:\n]*: )?(undefined symbol: (\S+).*)$/gm)) {
    const sym = m[2].replace(/\(.*$/, '');
    const re = new RegExp(`\\b${sym.replace(/[^\w]/g, '\\$&')}\\b`);
    const lines = source.split('\n');
    const idx = lines.findIndex((l) => re.test(l));
    const line = idx >= 0 ? idx + 1 : 1;
    const column = idx >= 0 ? lines[idx].search(re) + 1 : 1;
    out.push({
      severity: 'error',
      message: `link error: ${m[1]}`,
      line,
      column,
      endLine: line,
      endColumn: column + sym.length,
    });
  }
  for (const m of log.matchAll(/wasm-ld: error: (?!.*undefined symbol)(.*)$/gm)) {
    out.push({
      severity: 'error',
      message: `link error: ${m[1]}`,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
  }
  return out;
}

async function run(
  clang: Clang,
  args: string[],
  files: Tree,
  log: Collector,
): Promise<Tree | null> {
  try {
    return (await clang.runClang(args, files, { stdout: log.write, stderr: log.write })) ?? null;
  } catch (e) {
    if (e instanceof clang.Exit) return null;
    throw e;
  }
}

async function cxaSupportObject(clang: Clang): Promise<Uint8Array> {
  cxaObject ??= (async () => {
    const log = new Collector();
    const out = await run(
      clang,
      ['clang++', '-O2', '-c', 'cxa.cpp', '-o', 'cxa.o'],
      { 'cxa.cpp': cxaSupport },
      log,
    );
    const obj = out?.['cxa.o'];
    if (!(obj instanceof Uint8Array))
      throw new Error(`building the C++ support object failed:\n${log.text}`);
    return obj;
  })();
  return cxaObject;
}

/** A failed compile: the diagnostics found, or the whole log as one error when none was. */
function failure(
  diagnostics: Diagnostic[],
  log: string,
  fallback: string,
  compileMs: number,
  phases: PhaseTiming[],
): CompileResult {
  if (!diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push({
      severity: 'error',
      message: log.trim() || fallback,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
  }
  return { ok: false, diagnostics, log, compileMs, phases, coldStart: false };
}

/** Compiles C or C++ with clang (front end) then links with wasm-ld, timing both phases. */
export async function compileClang(req: CompileRequest, lang: 'c' | 'cpp'): Promise<CompileResult> {
  const clang = await loadClang();
  const driver = lang === 'c' ? 'clang' : 'clang++';
  const file = lang === 'c' ? 'main.c' : 'main.cpp';
  const opt = req.options.optLevel || '-O2';
  const flags = splitFlags(req.options.flags);
  const support = lang === 'cpp' ? await cxaSupportObject(clang) : null;
  const log = new Collector();
  const phases: PhaseTiming[] = [];

  const t0 = performance.now();
  const compiled = await run(
    clang,
    [driver, opt, ...flags, '-fno-color-diagnostics', '-c', file, '-o', 'main.o'],
    { [file]: req.source },
    log,
  );
  const t1 = performance.now();
  phases.push({ name: 'front end + codegen', ms: t1 - t0 });
  const diagnostics = parseLocatedMessages(log.text, file);
  const obj = compiled?.['main.o'];
  if (!(obj instanceof Uint8Array))
    return failure(diagnostics, log.text, 'clang failed', t1 - t0, phases);

  const linkFiles: Tree = { 'main.o': obj };
  if (support) linkFiles['cxa.o'] = support;
  const linked = await run(
    clang,
    [
      driver,
      opt,
      ...flags,
      '-Wno-unused-command-line-argument',
      'main.o',
      ...(support ? ['cxa.o'] : []),
      '-o',
      'main.wasm',
    ],
    linkFiles,
    log,
  );
  const t2 = performance.now();
  phases.push({ name: 'link', ms: t2 - t1 });
  const wasm = linked?.['main.wasm'];
  if (!(wasm instanceof Uint8Array)) {
    diagnostics.push(...linkDiagnostics(log.text, req.source));
    return failure(diagnostics, log.text, 'link failed', t2 - t0, phases);
  }
  return {
    ok: true,
    wasm: new Uint8Array(wasm),
    diagnostics,
    log: log.text,
    compileMs: t2 - t0,
    phases,
    coldStart: false,
  };
}

export const compileC = (req: CompileRequest) => compileClang(req, 'c');
