// Run's first step: compile the project in the compiler worker, then the optional wasm-opt.
import { debugBuildOptions } from '../debug/buildOptions';
import { inspectCall } from '../inspect/client';
import { languageById } from '../languages/registry';
import type { CompileResult } from '../protocol/compile';
import type { OptimizePreset } from '../protocol/inspect';
import { isSpinProject, textFiles } from '../project/model';
import { handlerIsCurrent, setHandler, useServer } from '../server/state';
import { currentProject } from '../store/projectSlice';
import { emit } from '../store/runEvents';
import { useStore } from '../store/store';
import { serviceWorkerControl } from '../sw/control';
import { compilerClient, initWorkers } from './clients';
import { downloadToolchain, pendingDownload } from './toolchains';

/**
 * `?jobs=N` in the page's URL caps the workers that compile a C/C++ project's units at once (the
 * benchmark compares 1 with the default, one per core).
 */
const JOBS = (() => {
  const n = Number(new URLSearchParams(globalThis.location?.search ?? '').get('jobs'));
  return Number.isInteger(n) && n >= 1 ? n : undefined;
})();

/** Compiles the current source in the compiler worker (`debug`: a debug build). */
async function compileCurrent(signal: AbortSignal, debug: boolean): Promise<CompileResult> {
  // A toolchain's first load goes through the service worker, so it is kept for offline use.
  if (!languageById[useStore.getState().language].toolchainBundled) await serviceWorkerControl();
  const s = useStore.getState();
  const p = currentProject(s);
  const source = p.files[p.entry];
  const spin = !debug && isSpinProject(p);
  if (spin) {
    // The manifest first: a bad key is a Problem on its line, before any compile.
    const { manifestDiagnostics } = await import('../server/spin/page');
    const problems = manifestDiagnostics(p);
    const noSdk = !['c', 'cpp'].includes(p.language);
    if (noSdk)
      problems.push({
        severity: 'error',
        message: `a Spin component is built from C or C++ here (spin.h); ${languageById[p.language].label} runs as WAGI, and a component built by Spin's own SDKs runs with Open .wasm`,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      });
    if (problems.length)
      return {
        ok: false,
        diagnostics: problems,
        log: '',
        compileMs: 0,
        phases: [],
        coldStart: false,
      };
  }
  return compilerClient().compile(
    {
      language: p.language,
      source: typeof source === 'string' ? source : '',
      files: textFiles(p.files),
      entry: p.entry,
      options: debug
        ? debugBuildOptions(p.language, s.compileOptions[p.language])
        : s.compileOptions[p.language],
      ...(JOBS ? { jobs: JOBS } : {}),
      ...(spin ? { target: 'spin-http' as const } : {}),
    },
    (p) => {
      if (!signal.aborted)
        useStore.getState().patchRun({ loading: p.phase === 'ready' ? null : p });
    },
    signal,
  );
}

/**
 * The "then wasm-opt" compile option: binaryen in the inspect worker on the fresh build. When it
 * fails the unoptimized module runs, and the toast says why.
 */
async function wasmOptAfterBuild(
  wasm: Uint8Array,
  preset: OptimizePreset,
  signal: AbortSignal,
): Promise<{ wasm: Uint8Array; ms: number } | null> {
  try {
    const r = await inspectCall((api) => api.optimize(wasm.slice(), preset, false));
    if (signal.aborted) return null;
    return { wasm: r.wasm, ms: r.ms };
  } catch (e) {
    useStore.getState().patchUi({
      toast: {
        tone: 'warn',
        text: `wasm-opt ${preset} failed (${e instanceof Error ? e.message : String(e)}); the module runs unoptimized`,
      },
      toastAction: null,
    });
    return null;
  }
}

/** What the store shows of a compile: diagnostics, log, timings (its bytes may be transferred). */
export function compilePatch(result: CompileResult, wasmSize = result.wasm?.byteLength) {
  return {
    diagnostics: result.diagnostics,
    compileLog: result.log,
    loading: null,
    timings: {
      compileMs: result.compileMs,
      phases: result.phases,
      coldStart: result.coldStart,
      wasmSize,
      gzipSize: result.gzipSize,
    },
  };
}

/** Publishes a compile's diagnostics, log and timings. */
export function publishCompile(result: CompileResult, wasmSize = result.wasm?.byteLength) {
  useStore.getState().patchRun(compilePatch(result, wasmSize));
  emit('compiled', result.ok, result.diagnostics);
}

/**
 * Compiles the current project (a Run is consent to the toolchain's download), then applies the
 * "then wasm-opt" preset when one is set.
 */
export async function buildCurrent(signal: AbortSignal, debug = false): Promise<CompileResult> {
  const store = useStore.getState();
  if (pendingDownload(store.language) || store.downloadCancelled) downloadToolchain(false);
  const compiled = await compileCurrent(signal, debug);
  if (!compiled.ok || !compiled.wasm || debug) return compiled;
  const preset = store.compileOptions[currentProject(store).language]?.wasmOpt;
  if (!preset) return compiled;
  const opt = await wasmOptAfterBuild(compiled.wasm, preset as OptimizePreset, signal);
  if (!opt) return compiled;
  return {
    ...compiled,
    wasm: opt.wasm,
    compileMs: compiled.compileMs + opt.ms,
    phases: [...compiled.phases, { name: `wasm-opt ${preset}`, ms: opt.ms }],
    gzipSize: undefined,
  };
}

/**
 * Compiles the current project outside a Run (the lab, the embed's requests): its problems and
 * compile timings show as after a Run, and the module becomes the last one. Null when it does
 * not compile.
 */
async function buildWithoutRun(): Promise<Uint8Array | null> {
  initWorkers();
  const compiled = await buildCurrent(new AbortController().signal);
  publishCompile(compiled, compiled.wasm?.byteLength);
  if (!compiled.ok || !compiled.wasm) return null;
  useStore.getState().patchRun({ wasm: compiled.wasm.slice(), wasmBuilt: true });
  return compiled.wasm;
}

/**
 * The module of the last Run, or (when nothing was built yet) the current project compiled now,
 * without running it (the cold-start lab). Null when the compile failed (see Problems).
 */
export async function currentModule(): Promise<Uint8Array | null> {
  // A Spin project's instances are its component's: built (with its manifest) first.
  if (isSpinProject(currentProject(useStore.getState())))
    return (await ensureHandler()) ? useServer.getState().handler!.wasm : null;
  return useStore.getState().wasm ?? buildWithoutRun();
}

/**
 * Makes sure the current project is built as an HTTP handler (switching it to handler mode):
 * compiles it unless the built handler is of the project as it is now. False when it does not
 * compile (see Problems).
 */
export async function ensureHandler(): Promise<boolean> {
  const s = useStore.getState();
  if (currentProject(s).runMode !== 'http') s.setServerConfig({ runMode: 'http' });
  if (handlerIsCurrent()) return true;
  const wasm = await buildWithoutRun();
  if (!wasm) return false;
  if (!isSpinProject(currentProject(useStore.getState()))) {
    setHandler(wasm);
    return true;
  }
  const { spinStep } = await import('./spin');
  const r = await spinStep(wasm, null);
  if ('error' in r) {
    useServer.setState({ requestError: r.error });
    return false;
  }
  setHandler(wasm, r.spec);
  return true;
}
