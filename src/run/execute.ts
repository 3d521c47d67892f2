// Run's execute step: the module in a runner worker with the project's files, stdin, args, env
// and the time limit; output streams into the output store while it runs.
import { parseEnv, splitArgs } from '../wasm/args';
import type { TranspiledComponent } from '../protocol/compile';
import type { InterpretRequest, RunResult } from '../protocol/run';
import type { DebugRequest, PauseEvent } from '../protocol/debug';
import { useOutput } from '../store/outputStore';
import { emit } from '../store/runEvents';
import { useStore } from '../store/store';
import { runnerPool } from './clients';
import { RunClock } from './clock';
import type { RunContext } from './context';
import { holdStdin, releaseStdin, terminalSize } from './input';
import { chooseWaitMode, componentWaitMode, noWaitReason, StdinChannel } from './stdinChannel';

/** The environment a program gets: Run settings, plus what a terminal program looks at. */
function environment(tty: boolean): string[] {
  const env = parseEnv(useStore.getState().env);
  if (tty) {
    // What a terminal program looks at to size and colour its output, unless set in Run settings.
    const has = (k: string) => env.some((e) => e.startsWith(`${k}=`));
    if (!has('TERM')) env.push('TERM=xterm-256color');
    if (!has('COLUMNS')) env.push(`COLUMNS=${terminalSize.cols}`);
    if (!has('LINES')) env.push(`LINES=${terminalSize.rows}`);
  }
  return env;
}

/**
 * Runs `wasm` (transferred: the caller keeps no view of it) or a transpiled component.
 * `started` is called once the request is on its way, before anything renders: the program
 * should not wait for React.
 */
export async function execute(
  ctx: RunContext,
  wasm: Uint8Array,
  component: TranspiledComponent | undefined,
  started: (channel: StdinChannel) => void,
  interpret?: InterpretRequest,
  debug?: { request: DebugRequest; paused: (e: PauseEvent) => void },
): Promise<RunResult> {
  const { stdin, args, timeLimit, stdinThenTerminal, interactive, outputView } =
    useStore.getState();
  let clock: RunClock | undefined;
  // A debugged program has no time limit: it may stay paused as long as the user reads it.
  if (timeLimit > 0 && !debug)
    clock = new RunClock(timeLimit * 1000, () => ctx.ctl.abort('timeout'));
  // Typed input follows an empty preset (or one the user said to continue in the terminal).
  // fd 0 is a terminal only when nothing was preset (preset text is piped, as in a shell);
  // fds 1 and 2 are one when the program's output goes to the terminal view.
  // A component waits for typing only through Atomics (see componentWaitMode); its stdio is
  // never a terminal to it (preview2-shim has no terminal interfaces in the browser).
  // An interpreter reads stdin from JavaScript called synchronously: Atomics too, as a component.
  const syncOnly = component !== undefined || interpret !== undefined;
  const wait = syncOnly ? componentWaitMode() : chooseWaitMode();
  const typed =
    interactive && (stdin === '' || stdinThenTerminal) && (!syncOnly || wait !== 'none');
  const channel = new StdinChannel(wait, typed, {
    stdin: !component && typed && stdin === '' && wait !== 'none',
    stdout: !component && typed && outputView === 'terminal',
  });
  holdStdin(channel);
  const onStdin = (id: number, state: 'waiting' | 'resumed' | 'unavailable') => {
    if (id !== ctx.runId || !ctx.current()) return;
    const s = useStore.getState();
    if (state === 'waiting') {
      clock?.pause();
      channel.waiting();
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
  try {
    const running = runnerPool().run(
      {
        runId: ctx.runId,
        wasm,
        stdin,
        args: splitArgs(args),
        env: environment(channel.setup.tty.stdout),
        stdio: channel.setup,
        component,
        interpret,
        ...(debug ? { debug: debug.request } : {}),
        returnFiles: ctx.returnFiles,
        ...(ctx.preopen ? {} : { preopen: false }),
      },
      ctx.files,
      {
        output: (id, chunks) => {
          // Output of any other run (a killed one) is dropped.
          if (id !== ctx.runId || !ctx.current()) return;
          useOutput.getState().append(chunks);
          emit('output', chunks);
        },
        stdin: onStdin,
        paused: (id, e) => {
          if (id === ctx.runId && ctx.current()) debug?.paused(e);
        },
      },
      ctx.ctl.signal,
      channel.transfer,
    );
    started(channel);
    return await running;
  } finally {
    clock?.stop();
    channel.dispose();
    releaseStdin(channel);
  }
}
