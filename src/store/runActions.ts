import { inspectCall } from '../workers/inspectClient';
import { splitArgs, parseEnv } from '../wasm/args';
import { gzipSize } from '../wasm/gzipSize';
import { AbortError, CompilerClient, SUPERSEDED } from '../workers/compilerClient';
import type { ComponentBuild, CompileResult, LoadProgress } from '../protocol/compile';
import type { OptimizePreset } from '../protocol/inspect';
import type { RunResult } from '../protocol/run';
import type { LanguageId } from '../languages/registry';
import { RunnerPool } from '../workers/runnerClient';
import {
  chooseWaitMode,
  componentWaitMode,
  noWaitReason,
  StdinChannel,
} from '../workers/stdinChannel';
import { diffTrees, toMountable } from '../project/changes';
import { textFiles, type ProjectFiles } from '../project/model';
import { useOutput } from './outputStore';
import { currentProject } from './projectSlice';
import type { ExitStatus } from './runSlice';
import { emit } from './runEvents';
import { useStore } from './store';
import { languageById } from '../languages/registry';
import { handlerIsCurrent, sendComposed, setHandler, useServer } from './serverStore';
import { isComponent } from '../component/detect';
import { serviceWorkerControl } from '../sw/control';
import type { ComponentInfo } from './runSlice';

let compiler: CompilerClient | null = null;
let runner: RunnerPool | null = null;
let controller: AbortController | null = null;
/** The running program's stdin, while it can take input. */
let stdinChannel: StdinChannel | null = null;
const encoder = new TextEncoder();

/** The size of the terminal the Output panel shows (for COLUMNS and LINES). */
export const terminalSize = { cols: 80, rows: 24 };

/** A time limit that does not run while the program waits for the user. */
class RunClock {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private left: number;
  private since = 0;

  constructor(
    ms: number,
    private readonly onTimeout: () => void,
  ) {
    this.left = ms;
    this.resume();
  }

  pause() {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.left -= performance.now() - this.since;
  }

  resume() {
    if (this.timer !== undefined) return;
    this.since = performance.now();
    this.timer = setTimeout(this.onTimeout, Math.max(0, this.left));
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * Types `text` into the running program's stdin (it shows in the output as the user's input;
 * `echoed`: the terminal has shown it already). Returns false when no running program takes
 * input.
 */
export function sendInput(text: string, echoed = false): boolean {
  if (!stdinChannel?.open || useStore.getState().status !== 'running') return false;
  if (text) {
    useOutput.getState().append([{ stream: 'stdin', text }]);
    emit('input', text, echoed);
  }
  stdinChannel.write(encoder.encode(text));
  return true;
}

/** Closes the running program's stdin (Ctrl+D): its reads past what it has return 0. */
export function sendEof(): boolean {
  if (!stdinChannel?.open || useStore.getState().status !== 'running') return false;
  stdinChannel.eof();
  useStore.getState().patchRun({ inputOpen: false });
  return true;
}
/** Starts the workers ahead of the first Run, so pressing Run waits for neither. */
export function initWorkers() {
  ensureCompiler();
  ensureRunner();
}

const ensureCompiler = () => (compiler ??= new CompilerClient());
const ensureRunner = () => (runner ??= new RunnerPool());

/** Resolves after the browser has painted what the store holds now. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function exitFromResult(r: RunResult): ExitStatus {
  if (r.error) return { kind: 'error', message: r.error };
  if (r.trap) return { kind: 'trap', ...r.trap };
  return { kind: 'exit', code: r.exitCode ?? 0 };
}

/** Compiles the current source in the compiler worker. */
async function compileCurrent(signal: AbortSignal): Promise<CompileResult> {
  // A toolchain's first load goes through the service worker, so it is kept for offline use.
  if (!languageById[useStore.getState().language].toolchainBundled) await serviceWorkerControl();
  const s = useStore.getState();
  const p = currentProject(s);
  const source = p.files[p.entry];
  return ensureCompiler().compile(
    {
      language: p.language,
      source: typeof source === 'string' ? source : '',
      files: textFiles(p.files),
      entry: p.entry,
      options: s.compileOptions[p.language],
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

/** Publishes a compile's diagnostics, log and timings (its bytes may be transferred by now). */
function publishCompile(result: CompileResult, wasmSize = result.wasm?.byteLength) {
  useStore.getState().patchRun({
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
  });
  emit('compiled', result.ok, result.diagnostics);
}

/**
 * Compiles the current project (a Run is consent to the toolchain's download), then applies the
 * "then wasm-opt" preset when one is set.
 */
async function buildCurrent(signal: AbortSignal): Promise<CompileResult> {
  const store = useStore.getState();
  if (pendingDownload(store.language) || store.downloadCancelled) downloadToolchain(false);
  const compiled = await compileCurrent(signal);
  if (!compiled.ok || !compiled.wasm) return compiled;
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
 * The module of the last Run, or (when nothing was built yet) the current project compiled now,
 * without running it (the cold-start lab). Null when the compile failed (see Problems).
 */
export async function currentModule(): Promise<Uint8Array | null> {
  return useStore.getState().wasm ?? buildWithoutRun();
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
  useStore.getState().patchRun({ wasm: compiled.wasm.slice() });
  return compiled.wasm;
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
  if (wasm) setHandler(wasm);
  return wasm !== null;
}

/** What a run may be given besides the current project. */
export interface RunOptions {
  /** Run these bytes instead of compiling (opened or embedded modules). */
  wasm?: Uint8Array;
  /** Mount these files instead of the project's (the embed API's `files`). */
  files?: ProjectFiles;
  /** Build and run a component whatever Run settings say (the embed's `component: true`). */
  component?: boolean;
}

/** What the inspector shows of a component build. */
function componentInfo(b: ComponentBuild): ComponentInfo | null {
  if (!b.wit) return null;
  return {
    bytes: b.component ? b.component.slice() : null,
    wit: b.wit,
    world: b.world ?? 'unknown',
    exports: b.exports ?? [],
    runnable: b.runnable === true,
    coreBytes: b.coreBytes,
    adapterBytes: b.adapterBytes,
  };
}

/**
 * The component step of a Run: a built module is wrapped and transpiled, an opened component is
 * transpiled. On failure the reason is returned and the preview 1 module stays the last module
 * (Download, the inspector, and Run with the setting off all still work on it).
 */
async function componentStep(
  wasm: Uint8Array,
  opened: boolean,
  signal: AbortSignal,
): Promise<{ build: ComponentBuild; error?: string }> {
  const build = opened
    ? await ensureCompiler().transpileComponent(wasm.slice(), signal)
    : await ensureCompiler().componentize(wasm.slice(), signal);
  useStore.getState().patchRun({ component: componentInfo(build) });
  if (!build.ok) return { build, error: build.error ?? 'the component could not be built' };
  if (!build.runnable)
    return {
      build,
      error: `a component of world "${build.world}" (exports ${build.exports?.join(', ') || 'nothing'}) is shown, not run: only wasi:cli/run components run here`,
    };
  return { build };
}

/**
 * Run: compile in the compiler worker, then run the bytes in a runner worker with a fresh copy
 * of the project's files mounted at `/`, streaming output into the output store. Afterwards the
 * files the program created, modified or deleted are the run's changes.
 */
export async function runProgram(opts: RunOptions = {}): Promise<void> {
  initWorkers();
  controller?.abort(SUPERSEDED);
  const ctl = new AbortController();
  controller = ctl;
  const tStart = performance.now();
  const store = useStore.getState();
  const runId = store.runId + 1;
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
  const projectId = store.currentId;
  const mounted = opts.files ?? currentProject(store).files;
  const current = () => useStore.getState().runId === runId;
  const finish = (exit: ExitStatus, totalMs?: number, files?: Record<string, Uint8Array>) => {
    const timings =
      totalMs === undefined
        ? useStore.getState().timings
        : { ...useStore.getState().timings, totalMs };
    useStore.getState().patchRun({ status: 'idle', exit, timings, loading: null });
    emit('exit', exit, timings, files);
  };

  let clock: RunClock | undefined;
  let channel: StdinChannel | undefined;
  try {
    let compiled: CompileResult | null = null;
    let wasm = opts.wasm;
    if (!wasm) {
      compiled = await buildCurrent(ctl.signal);
      if (!compiled.ok || !compiled.wasm) {
        publishCompile(compiled);
        if (current()) finish({ kind: 'error', message: 'compile failed: see Problems' });
        return;
      }
      wasm = compiled.wasm;
    }
    const bytes = wasm.slice();
    const http = !opts.wasm && currentProject(useStore.getState()).runMode === 'http';
    const opened = opts.wasm !== undefined && isComponent(opts.wasm);
    let component: ComponentBuild | null = null;
    if (opened || (!http && (opts.component ?? useStore.getState().asComponent))) {
      useStore.getState().patchRun({ wasm: bytes });
      const step = await componentStep(wasm, opened, ctl.signal);
      if (!current()) return;
      if (compiled) {
        compiled = { ...compiled, phases: [...compiled.phases, ...step.build.phases] };
        compiled.compileMs += step.build.phases.reduce((t, p) => t + p.ms, 0);
      }
      if (step.error) {
        if (compiled) publishCompile(compiled, bytes.byteLength);
        else
          useStore.getState().patchRun({
            timings: { phases: step.build.phases, wasmSize: bytes.byteLength },
          });
        useOutput.getState().append([{ stream: 'stderr', text: `${step.error}\n` }]);
        finish({ kind: 'error', message: step.error }, performance.now() - tStart);
        return;
      }
      component = step.build;
    }
    if (http) {
      // An HTTP handler: Run builds it, reloads the preview and answers the composer's request.
      publishCompile(compiled!, bytes.byteLength);
      useStore.getState().patchRun({ status: 'running', wasm: bytes });
      setHandler(wasm);
      const r = await sendComposed();
      if (!current()) return;
      useStore.getState().patchRun({
        timings: {
          ...useStore.getState().timings,
          instantiateMs: r ? r.instantiateUs / 1000 : undefined,
          runMs: r ? r.runUs / 1000 : undefined,
        },
      });
      await afterPaint();
      if (!current()) return;
      finish(
        r
          ? { kind: 'served', status: r.status, message: r.error }
          : { kind: 'error', message: useServer.getState().requestError ?? 'the request failed' },
        performance.now() - tStart,
      );
      return;
    }
    const { stdin, args, env, timeLimit, stdinThenTerminal, interactive, outputView } =
      useStore.getState();
    if (timeLimit > 0) clock = new RunClock(timeLimit * 1000, () => ctl.abort('timeout'));
    // Typed input follows an empty preset (or one the user said to continue in the terminal).
    // fd 0 is a terminal only when nothing was preset (preset text is piped, as in a shell);
    // fds 1 and 2 are one when the program's output goes to the terminal view.
    // A component waits for typing only through Atomics (see componentWaitMode); its stdio is
    // never a terminal to it (preview2-shim has no terminal interfaces in the browser).
    const wait = component ? componentWaitMode() : chooseWaitMode();
    const typed =
      interactive && (stdin === '' || stdinThenTerminal) && (!component || wait !== 'none');
    channel = new StdinChannel(wait, typed, {
      stdin: !component && typed && stdin === '' && wait !== 'none',
      stdout: !component && typed && outputView === 'terminal',
    });
    stdinChannel = channel;
    const envList = parseEnv(env);
    if (channel.setup.tty.stdout) {
      // What a terminal program looks at to size and colour its output, unless set in Run settings.
      const has = (k: string) => envList.some((e) => e.startsWith(`${k}=`));
      if (!has('TERM')) envList.push('TERM=xterm-256color');
      if (!has('COLUMNS')) envList.push(`COLUMNS=${terminalSize.cols}`);
      if (!has('LINES')) envList.push(`LINES=${terminalSize.rows}`);
    }
    const onStdin = (id: number, state: 'waiting' | 'resumed' | 'unavailable') => {
      if (id !== useStore.getState().runId) return;
      const s = useStore.getState();
      if (state === 'waiting') {
        clock?.pause();
        channel!.waiting();
        // A program that asks for input is played with in the terminal.
        if (s.outputView !== 'terminal') s.setOutputView('terminal');
        s.patchRun({ stdinWaiting: true });
      } else if (state === 'resumed') {
        clock?.resume();
        s.patchRun({ stdinWaiting: false });
      } else {
        s.patchRun({ stdinNotice: noWaitReason(), inputOpen: false });
      }
    };
    // The run request goes out before any store update: those make React render, and the
    // program should not wait for that.
    const running = ensureRunner().run(
      {
        runId,
        wasm,
        stdin,
        args: splitArgs(args),
        env: envList,
        files: toMountable(mounted),
        stdio: channel.setup,
        component: component?.transpiled,
      },
      {
        output: (id, chunks) => {
          // Output of any other run (a killed one) is dropped.
          if (id !== useStore.getState().runId) return;
          useOutput.getState().append(chunks);
          emit('output', chunks);
        },
        stdin: onStdin,
      },
      ctl.signal,
      channel.transfer,
    );
    if (compiled) publishCompile(compiled, bytes.byteLength);
    else
      useStore.getState().patchRun({
        timings: { phases: component?.phases ?? [], wasmSize: bytes.byteLength },
      });
    useStore.getState().patchRun({
      status: 'running',
      wasm: bytes,
      inputOpen: channel.open,
      stdinWaiting: false,
      stdinNotice: null,
    });
    if (opts.wasm || compiled?.gzipSize === undefined) {
      // Compiled modules come with their gzip size from the worker; opened (and wasm-opt'ed)
      // ones are sized here.
      void gzipSize(bytes).then((gz) => {
        if (current())
          useStore
            .getState()
            .patchRun({ timings: { ...useStore.getState().timings, gzipSize: gz } });
      });
    }
    const result = await running;
    if (!current()) return;
    useStore.getState().patchRun({
      imports: result.imports,
      exports: result.exports,
      timings: {
        ...useStore.getState().timings,
        compileModuleMs: result.compileModuleMs,
        instantiateMs: result.instantiateMs,
        runMs: result.runMs,
      },
    });
    if (result.files && useStore.getState().currentId === projectId) {
      useStore.getState().setRunChanges(diffTrees(mounted, result.files));
    }
    // End to end = until the last output is on screen, so wait for the paint.
    await afterPaint();
    if (!current()) return;
    const exit = exitFromResult(result);
    if (result.sandboxFull && exit.kind === 'exit') exit.sandboxFull = true;
    if (result.component && exit.kind === 'exit') exit.component = result.component.status;
    finish(exit, performance.now() - tStart, result.files);
  } catch (e) {
    if (!current()) return;
    let exit: ExitStatus;
    if (e instanceof AbortError) {
      const limit = useStore.getState().timeLimit;
      exit =
        ctl.signal.reason === 'timeout'
          ? {
              kind: 'stopped',
              message: `time limit exceeded: stopped after ${limit} s (change it in Run settings)`,
              short: `at the time limit (${limit} s)`,
            }
          : { kind: 'stopped', message: 'stopped by user', short: 'by user' };
    } else {
      exit = { kind: 'error', message: e instanceof Error ? e.message : String(e) };
    }
    finish(exit);
  } finally {
    clock?.stop();
    channel?.dispose();
    if (stdinChannel === channel) stdinChannel = null;
    if (current()) useStore.getState().patchRun({ inputOpen: false, stdinWaiting: false });
    if (controller === ctl) controller = null;
  }
}

/** Bumped when a download is cancelled: the progress of the loads before it is stale. */
let warmGeneration = 0;

/** The big download `language` needs and the user has not agreed to yet, or null. */
export function pendingDownload(language: LanguageId, s = useStore.getState()) {
  const d = languageById[language].download;
  return d && !s.toolchainConsent[d.toolchain] ? d : null;
}

/**
 * The user agreed to the current language's download (the button, or Run): it is remembered,
 * and with `start` the download begins now (a compile loads it anyway).
 */
export function downloadToolchain(start = true): void {
  const s = useStore.getState();
  const d = languageById[s.language].download;
  if (d) s.consentTo(d.toolchain);
  s.patchRun({ downloadCancelled: null });
  if (start) warmLanguage(s.language);
}

/**
 * Cancels a toolchain download: the compiler worker is replaced (a compile waiting for it is
 * stopped); the download is offered again and starts over when asked.
 */
export function cancelDownload(): void {
  const s = useStore.getState();
  const d = s.loading && languageById[s.loading.language].download;
  warmGeneration++;
  if (s.status === 'compiling') stopProgram();
  else compiler?.restart();
  s.patchRun({ loading: null, downloadCancelled: d ? d.toolchain : null });
}

/**
 * Starts loading the language's toolchain as soon as the language is chosen, so the first Run
 * does not wait for the whole download. Progress shows in the Output panel as for a compile.
 * A big download waits for the user's consent (downloadToolchain).
 */
export function warmLanguage(language: LanguageId): void {
  if (pendingDownload(language)) return;
  initWorkers();
  const generation = warmGeneration;
  void (languageById[language].toolchainBundled ? Promise.resolve() : serviceWorkerControl()).then(
    () => startWarm(language, generation),
  );
}

function startWarm(language: LanguageId, generation: number): void {
  const patch = (loading: LoadProgress<LanguageId> | null) => {
    // Progress posted by a worker before it was cancelled arrives late: it is ignored.
    if (generation !== warmGeneration) return;
    const s = useStore.getState();
    // Progress shows for the language on screen; the end of a load clears its own progress
    // even when the user has moved on to another language meanwhile.
    if (loading ? s.language === language : s.loading?.language === language)
      s.patchRun({ loading });
  };
  void ensureCompiler()
    .warm(language, (p) => patch(p.phase === 'ready' ? null : p))
    // Also when the load failed: the next compile reports the error.
    .then(() => patch(null));
}

/**
 * Loads the current language's toolchain once the page is usable (the editor first: it is what
 * a person waits for), and again whenever the language changes.
 */
export function warmOnLanguageChange(pageReady: Promise<void>): () => void {
  const idle = (cb: () => void) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(cb, { timeout: 1000 })
      : setTimeout(cb, 0);
  void pageReady.then(() => idle(() => warmLanguage(useStore.getState().language)));
  return useStore.subscribe((s, prev) => {
    if (s.language !== prev.language) warmLanguage(s.language);
  });
}

/** Disassembles the last compiled module in the compiler worker. */
export function disassembleLast(): Promise<string> {
  initWorkers();
  const wasm = useStore.getState().wasm;
  if (!wasm) return Promise.reject(new Error('nothing compiled yet: press Run first'));
  return ensureCompiler().toText(wasm.slice());
}

/**
 * Another project (or language) shows no output, problems or timings of the last one: they
 * would describe code that is not on screen. A run in progress keeps going and reports as usual.
 */
export function clearRunOnProjectSwitch(): () => void {
  return useStore.subscribe((s, prev) => {
    if (s.currentId === prev.currentId || s.status !== 'idle') return;
    useOutput.getState().clear();
    s.patchRun({
      exit: null,
      diagnostics: [],
      compileLog: '',
      imports: [],
      exports: [],
      timings: { phases: [] },
      wasm: null,
      component: null,
    });
  });
}

/** Stop: terminates the running program (or a stuck compile) at once. */
export function stopProgram(): void {
  controller?.abort('stopped');
}
