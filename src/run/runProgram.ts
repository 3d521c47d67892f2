// Run, as named steps: begin → build (compile, then wasm-opt) → component (optional) →
// execute (or serve, for an HTTP handler) → finish (exit, timings, the files the program
// changed). Each step lives in its own module; this one only orders them.
import type { CompileResult, ComponentBuild } from '../protocol/compile';
import type { ProjectFiles } from '../project/model';
import { isComponent } from '../component/detect';
import { useOutput } from '../store/outputStore';
import { currentProject } from '../store/projectSlice';
import { emit } from '../store/runEvents';
import { useStore } from '../store/store';
import { SUPERSEDED } from '../util/workerCall';
import { buildCurrent, compilePatch, publishCompile } from './build';
import { initWorkers } from './clients';
import { componentStep } from './component';
import type { RunContext } from './context';
import { execute } from './execute';
import { completeRun, exitFromError, finish } from './finish';
import { serveStep } from './http';
import { isHttpComponent } from '../server/spin/imports';
import { interpreted, interpretStep } from './interpret';
import { endRun, isNewest, newRun } from './session';

/** What a run may be given besides the current project. */
export interface RunOptions {
  /** Run these bytes instead of compiling (opened or embedded modules). */
  wasm?: Uint8Array;
  /** Mount these files instead of the project's (the embed API's `files`). */
  files?: ProjectFiles;
  /** Build and run a component whatever Run settings say (the embed's `component: true`). */
  component?: boolean;
  /** Hand every file of the sandbox after the run to the listeners (the embed API). */
  returnFiles?: boolean;
  /** false: no directory is preopened (the embed's `files: null`, a host given no --dir). */
  preopen?: boolean;
  /** A debug run: a debug build, run under the debugger (`stopAtEntry`: Step into from idle). */
  debug?: { stopAtEntry: boolean };
  /** The opened file's name (an opened Spin component keeps its manifest and data under it). */
  fileName?: string;
}

/** Step begin: a new run id; the last run's output, exit, changes and problems go, at once. */
function begin(opts: RunOptions): RunContext {
  const { runId, ctl } = newRun(SUPERSEDED);
  const store = useStore.getState();
  useOutput.getState().clear();
  // Only what changes is replaced: an unchanged (empty) array keeps its identity, so panels that
  // show it do not re-render at the start of every run.
  const keep = <T>(xs: T[]): T[] => (xs.length ? [] : xs);
  store.patchRun({
    runId,
    status: 'compiling',
    exit: null,
    diagnostics: keep(store.diagnostics),
    compileLog: '',
    imports: keep(store.imports),
    exports: keep(store.exports),
    timings: { phases: [] },
    component: null,
  });
  if (store.runChanges) store.setRunChanges(null);
  return {
    runId,
    ctl,
    tStart: performance.now(),
    projectId: store.currentId,
    files: opts.files ?? currentProject(store).files,
    returnFiles: opts.returnFiles === true,
    preopen: opts.preopen !== false,
    current: () => isNewest(runId),
  };
}

/** Step component: on failure the run ends here with the reason (null: go on). */
async function asComponent(
  ctx: RunContext,
  wasm: Uint8Array,
  opened: boolean,
  compiled: CompileResult | null,
  fileName = 'component.wasm',
): Promise<{ build?: ComponentBuild; compiled: CompileResult | null } | 'served' | null> {
  useStore.getState().patchRun({ wasm: wasm.slice(), wasmBuilt: !opened && compiled !== null });
  const step = await componentStep(wasm, opened, ctx.ctl.signal);
  if (!ctx.current()) return null;
  if (opened && isHttpComponent(step.build.exports)) {
    // An HTTP component (a `spin build` output): served as Spin serves it, in the HTTP tab.
    useStore.getState().patchUi({ mainTab: 'http', narrowTab: 'http' });
    const none = {
      ok: true,
      diagnostics: [],
      log: '',
      compileMs: 0,
      phases: step.build.phases,
      coldStart: false,
    };
    const exit = await serveStep(ctx, none, wasm, fileName);
    if (exit) finish(exit, performance.now() - ctx.tStart);
    return 'served';
  }
  const phases = step.build.phases;
  const withPhases = compiled && {
    ...compiled,
    phases: [...compiled.phases, ...phases],
    compileMs: compiled.compileMs + phases.reduce((t, p) => t + p.ms, 0),
  };
  if (!step.error) return { build: step.build, compiled: withPhases };
  if (withPhases) publishCompile(withPhases, wasm.byteLength);
  else useStore.getState().patchRun({ timings: { phases, wasmSize: wasm.byteLength } });
  useOutput.getState().append([{ stream: 'stderr', text: `${step.error}\n` }]);
  finish({ kind: 'error', message: step.error }, performance.now() - ctx.tStart);
  return null;
}

/**
 * Run: compile in the compiler worker, then run the bytes in a runner worker with the project's
 * files mounted at `/`, streaming output into the output store. Afterwards the files the
 * program created, modified or deleted are the run's changes.
 */
export async function runProgram(opts: RunOptions = {}): Promise<void> {
  initWorkers();
  const ctx = begin(opts);
  try {
    // build
    let compiled: CompileResult | null = null;
    let wasm = opts.wasm;
    if (!wasm && interpreted()) {
      await interpretStep(ctx);
      return;
    }
    if (!wasm) {
      compiled = await buildCurrent(ctx.ctl.signal, opts.debug !== undefined);
      if (!ctx.current()) return;
      if (!compiled.ok || !compiled.wasm) {
        publishCompile(compiled);
        finish({ kind: 'error', message: 'compile failed: see Problems' });
        return;
      }
      wasm = compiled.wasm;
    }
    // The store keeps its own copy: the runner is handed `wasm` itself (transferred), and
    // bytes the caller gave (an opened file, the inspector's optimized module) stay theirs.
    const bytes = wasm.slice();
    if (opts.wasm) wasm = bytes.slice();
    const http =
      !opts.debug && !opts.wasm && currentProject(useStore.getState()).runMode === 'http';
    const opened = opts.wasm !== undefined && isComponent(opts.wasm);
    // component (optional)
    let component: ComponentBuild | undefined;
    const wantComponent = !opts.debug && (opts.component ?? useStore.getState().asComponent);
    if (opened || (!http && wantComponent)) {
      const step = await asComponent(ctx, bytes, opened, compiled, opts.fileName);
      if (step === 'served') return;
      if (!step) return;
      component = step.build;
      compiled = step.compiled;
    }
    // serve (an HTTP handler): Run builds it, reloads the preview and answers the request
    if (http) {
      const exit = await serveStep(ctx, compiled!, wasm);
      if (exit) finish(exit, performance.now() - ctx.tStart);
      return;
    }
    // execute (under the debugger: the session reads the debug build's DWARF first)
    const debug =
      opts.debug &&
      (await debugStep(
        bytes,
        opts.debug.stopAtEntry,
        compiled?.sourceMap,
        opts.wasm !== undefined,
      ));
    if (!ctx.current()) return;
    const result = await execute(
      ctx,
      wasm,
      component?.transpiled,
      (channel) => {
        // One update for everything the compile and the start of the run change: one render,
        // after the request is on its way.
        useStore.getState().patchRun({
          ...(compiled
            ? compilePatch(compiled, bytes.byteLength)
            : { timings: { phases: component?.phases ?? [], wasmSize: bytes.byteLength } }),
          status: 'running',
          wasm: bytes,
          wasmBuilt: !opts.wasm,
          sourceMap: compiled?.sourceMap ?? null,
          inputOpen: channel.open,
          stdinWaiting: false,
          stdinNotice: null,
        });
        if (compiled) emit('compiled', compiled.ok, compiled.diagnostics);
      },
      undefined,
      debug || undefined,
    );
    if (!ctx.current()) return;
    // finish: end to end = until the last output is on screen, so the output paints first;
    // the result's figures and the exit follow in one update.
    await completeRun(ctx, result, bytes, compiled?.gzipSize);
  } catch (e) {
    if (ctx.current()) finish(exitFromError(ctx, e));
  } finally {
    if (ctx.current()) useStore.getState().patchRun({ inputOpen: false, stdinWaiting: false });
    endRun(ctx.ctl);
  }
}

/** A debug run's request for the runner, and where its pauses go (the session, loaded now). */
async function debugStep(
  wasm: Uint8Array,
  stopAtEntry: boolean,
  sourceMap: string | undefined,
  opened: boolean,
) {
  const d = await import('../debug/session');
  return { request: d.prepareDebug(wasm, stopAtEntry, sourceMap, opened), paused: d.onPaused };
}
