import type {
  CompileRequest,
  CompileResult,
  Diagnostic,
  LoadProgress,
  PhaseTiming,
} from '../../protocol/compile';
import { isCompiledByClang, isCppSource } from './extensions';
import { normalizePath, parseLocatedMessages } from '../diagnostics';
import { installWasmCodeCache } from './codeCache';
import { installWireMeter } from './wireMeter';
import { Collector, runClang, runUnitJob, type UnitJob } from './unitJob';
import { defaultParallelism, runUnits } from './unitPool';
import {
  CPP_COMPILE_FLAGS,
  DEFAULT_COMPILE_FLAGS,
  linkLibsOf,
  OVERLAY,
  supportObjects,
  type Tree,
} from './support';

type Clang = typeof import('@yowasp/clang');
let loadPromise: Promise<Clang> | null = null;

/**
 * Loads the toolchain once: the JS glue, then (on the first run) ≈105 MB of wasm and resources,
 * ≈20 MB on the wire from a server that sends the build's brotli copies.
 */
export function loadClang(
  onProgress?: (p: Omit<LoadProgress, 'language'>) => void,
): Promise<Clang> {
  loadPromise ??= (async () => {
    installWasmCodeCache();
    const wire = installWireMeter();
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
          onProgress?.({ phase: 'loading', ...wire.scale(doneLength, totalLength) });
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

/** Splits the free-text flags field like a shell would for simple cases (no quotes inside). */
function splitFlags(flags: string | undefined): string[] {
  return (
    (flags ?? '')
      .match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g)
      ?.map((f) => f.replace(/^(['"])(.*)\1$/, '$2')) ?? []
  );
}

/** wasm-ld's "undefined symbol: f" placed at the first use of `f` in the file that uses it. */
function linkDiagnostics(
  log: string,
  objects: Map<string, string>,
  files: Record<string, string>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of log.matchAll(/wasm-ld: error: (?:([^:\n]*): )?(undefined symbol: (\S+).*)$/gm)) {
    const sym = m[3].replace(/\(.*$/, '');
    const re = new RegExp(`\\b${sym.replace(/[^\w]/g, '\\$&')}\\b`);
    // The object wasm-ld names is the unit that uses the symbol; else the first that mentions it.
    const user =
      (m[1] && objects.get(m[1])) ?? [...objects.values()].find((u) => re.test(files[u]));
    const lines = (user ? files[user] : '').split('\n');
    // A use, not the declaration that only names it (`void missing(void);`).
    const decl = new RegExp(
      `^\\s*(?:extern\\s+)?[A-Za-z_][\\w\\s*]*\\b${sym}\\s*\\([^;{]*\\)\\s*;`,
    );
    const uses = lines.map((l, i) => (re.test(l) ? i : -1)).filter((i) => i >= 0);
    const idx = uses.find((i) => !decl.test(lines[i])) ?? uses[0] ?? -1;
    const line = idx >= 0 ? idx + 1 : 1;
    const column = idx >= 0 ? lines[idx].search(re) + 1 : 1;
    out.push({
      ...(user ? { file: user } : {}),
      severity: 'error',
      message: `link error: ${m[2]}`,
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

/** A flat path → content map as the nested tree runClang mounts. */
function toTree(files: Record<string, string | Uint8Array>): Tree {
  const root: Tree = {};
  for (const [path, data] of Object.entries(files)) {
    const parts = path.split('/');
    let dir = root;
    for (const p of parts.slice(0, -1)) dir = (dir[p] ??= {}) as Tree;
    dir[parts[parts.length - 1]] = data;
  }
  return root;
}

/** The project files a `-MD` dependency file lists (system headers are left out). */
function parseDeps(depFile: string, files: Record<string, string>): string[] {
  const body = depFile.replace(/\\\n/g, ' ').replace(/^[^:]*:/, '');
  const deps = new Set<string>();
  for (const raw of body.split(/\s+/)) {
    if (!raw || raw.startsWith('/')) continue;
    const p = normalizePath(raw);
    if (p in files) deps.add(p);
  }
  return [...deps];
}

/** What a unit's object was built from: reused while all of it is unchanged. */
interface CachedObject {
  key: string;
  /** Project files the unit included (itself too), with the text each had. */
  deps: Record<string, string>;
  /** The default libraries its system headers call for (support.ts, DEFAULT_LINK_LIBS). */
  libs: string[];
  obj: Uint8Array;
  /** The compiler's messages for it (warnings are shown again when the object is reused). */
  log: string;
}

/** Objects of the last builds, by unit; edit one file of ten and nine are reused. */
const objectCache = new Map<string, CachedObject>();
const MAX_CACHED_OBJECTS = 500;

/** A failed compile: the diagnostics found, or the whole log as one error when none was. */
function failure(
  diagnostics: Diagnostic[],
  log: string,
  fallback: string,
  compileMs: number,
  phases: PhaseTiming[],
  file?: string,
): CompileResult {
  if (!diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push({
      ...(file ? { file } : {}),
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

/**
 * Compiles every C/C++ file of the project with clang (`-c`, each to an object, headers found
 * with `-I.` and beside the including file) and links them with wasm-ld. A unit whose text,
 * included project headers and options are unchanged reuses its object from the last build.
 */
export async function compileClang(req: CompileRequest, lang: 'c' | 'cpp'): Promise<CompileResult> {
  const clang = await loadClang();
  const defaultFile = lang === 'c' ? 'main.c' : 'main.cpp';
  const files = req.files ?? { [req.entry ?? defaultFile]: req.source };
  const entry = req.entry ?? defaultFile;
  const units = Object.keys(files).filter(isCompiledByClang).sort();
  if (units.length === 0) units.push(entry);
  const opt = req.options.optLevel || '-O2';
  const flags = splitFlags(req.options.flags);
  const linkCpp = lang === 'cpp' || units.some(isCppSource);
  const support = await supportObjects(
    clang.version,
    async (args, tree) => {
      const log = new Collector();
      return { out: await runClang(clang, args, tree, log), log: log.text };
    },
    linkCpp,
    req.target === 'spin-http',
  );
  const log = new Collector();
  const phases: PhaseTiming[] = [];
  const tree = { ...toTree(files), ...OVERLAY };
  const projectFiles = new Set(Object.keys(files));

  const t0 = performance.now();
  const objects = new Map<string, string>(); // object name → unit
  const linkFiles: Tree = {};
  /** Each unit's messages, in unit order whichever worker compiled it. */
  const unitLogs: string[] = [];
  const libs = new Set<string>();
  const jobs: { index: number; unit: string; key: string; job: UnitJob }[] = [];
  for (const [i, unit] of units.entries()) {
    const cpp = isCppSource(unit) || (lang === 'cpp' && !unit.endsWith('.c'));
    const driver = cpp ? 'clang++' : 'clang';
    const key = JSON.stringify([driver, opt, flags]);
    const objName = `unit${i}.o`;
    objects.set(objName, unit);
    const cached = objectCache.get(unit);
    if (
      cached &&
      cached.key === key &&
      Object.entries(cached.deps).every(([p, text]) => files[p] === text)
    ) {
      unitLogs[i] = cached.log;
      linkFiles[objName] = cached.obj;
      cached.libs.forEach((l) => libs.add(l));
      continue;
    }
    const args = [
      driver,
      opt,
      ...DEFAULT_COMPILE_FLAGS,
      ...(cpp ? CPP_COMPILE_FLAGS : []),
      ...flags,
      '-fno-color-diagnostics',
      '-I.',
      '-c',
      unit,
      '-o',
      objName,
      '-MD',
      '-MF',
      `${objName}.d`,
    ];
    jobs.push({ index: i, unit, key, job: { args, tree, objName, depName: `${objName}.d` } });
  }
  const { results, workers } = await runUnits(
    jobs.map((j) => j.job),
    jobs.map((j) => files[j.unit]?.length ?? 0),
    (job) => runUnitJob(clang, job),
    req.jobs ?? defaultParallelism(),
  );
  let failed = false;
  for (const [k, { index, unit, key, job }] of jobs.entries()) {
    const r = results[k];
    unitLogs[index] = r.log;
    if (!r.obj) {
      failed = true;
      objectCache.delete(unit);
      continue;
    }
    const depList = r.dep !== undefined ? parseDeps(r.dep, files) : [unit];
    const unitLibs = r.dep !== undefined ? linkLibsOf(r.dep) : [];
    unitLibs.forEach((l) => libs.add(l));
    const deps = Object.fromEntries([unit, ...depList].map((p) => [p, files[p]]));
    if (objectCache.size >= MAX_CACHED_OBJECTS)
      objectCache.delete(objectCache.keys().next().value!);
    objectCache.set(unit, { key, deps, libs: unitLibs, obj: r.obj, log: r.log });
    linkFiles[job.objName] = r.obj;
  }
  const compiled = jobs.length;
  log.text += unitLogs.join('');
  const summary =
    `compiled ${compiled} of ${units.length} file${units.length === 1 ? '' : 's'}` +
    (workers > 1 ? ` on ${workers} workers` : '');
  const t1 = performance.now();
  // A project says how many of its files were compiled (the rest were reused) and on how many workers.
  phases.push({
    name: units.length > 1 ? `front end + codegen (${summary})` : 'front end + codegen',
    ms: t1 - t0,
  });
  const diagnostics = parseLocatedMessages(log.text, undefined, projectFiles);
  if (failed) return failure(diagnostics, log.text, 'clang failed', t1 - t0, phases, entry);

  Object.assign(linkFiles, support.always, support.lazy);
  const linked = await runClang(
    clang,
    [
      linkCpp ? 'clang++' : 'clang',
      opt,
      ...flags,
      '-Wno-unused-command-line-argument',
      ...objects.keys(),
      ...Object.keys(support.always),
      // Lazy members: each linked only into programs that use what it defines.
      '-Wl,--start-lib',
      ...Object.keys(support.lazy),
      '-Wl,--end-lib',
      '-Wl,--wrap=__stdio_read',
      // A Spin component is a reactor: no main, its export is the request handler.
      ...(req.target === 'spin-http' ? ['-mexec-model=reactor'] : []),
      // An exception no handler takes is reported as a native program reports it.
      ...(linkCpp && req.target !== 'spin-http' ? ['-Wl,--wrap=__main_void'] : []),
      ...libs,
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
    diagnostics.push(
      ...linkDiagnostics(log.text, objects, files).map((d) =>
        req.target === 'spin-http' && d.message === 'link error: undefined symbol: spin_handle'
          ? {
              ...d,
              message:
                'a Spin component defines void spin_handle(const spin_request *req, spin_response *res) ' +
                '(#include <spin.h>); main() is not called — see the "Spin component" examples, or ' +
                'choose the WAGI executor for a program that prints CGI',
            }
          : d,
      ),
    );
    return failure(diagnostics, log.text, 'link failed', t2 - t0, phases, entry);
  }
  return {
    ok: true,
    wasm: new Uint8Array(wasm),
    diagnostics,
    log: log.text,
    compileMs: t2 - t0,
    phases,
    coldStart: false,
    units: { compiled, total: units.length, summary },
  };
}

export const compileC = (req: CompileRequest) => compileClang(req, 'c');
