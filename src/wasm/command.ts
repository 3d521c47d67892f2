// One way to run a WASI command's `_start`, for every caller: the command runner, HTTP
// handlers, the cold-start lab and the tests. Instantiation differs between them (pooled
// memories, JSPI, sync or not); what happens from `_start` on does not.
import { WasiExit } from '../wasi/host';
import { describeTrap, type TrapInfo } from './trap';

/** How a command ended: `_start` returned (0) or called proc_exit, or it trapped, or never ran. */
export interface CommandEnd {
  /** The exit code; null when it trapped or could not start. */
  exitCode: number | null;
  trap?: TrapInfo;
  /** What was thrown, for callers that pass a trap on as it was (the tests). */
  thrown?: unknown;
  /** Why it could not start at all (not a command). */
  error?: string;
  /** `_start` until it returned, threw or exited, ms. */
  ms: number;
}

export const NO_START = 'not a WASI command: the module exports no _start function';

/** The host side a command binds its memory to. */
interface MemoryUser {
  memory: WebAssembly.Memory | null;
}

function startOf(instance: WebAssembly.Instance): (() => unknown) | null {
  const start = instance.exports._start;
  return typeof start === 'function' ? (start as () => unknown) : null;
}

function ended(e: unknown, ms: number): CommandEnd {
  if (e instanceof WasiExit) return { exitCode: e.code, ms };
  return { exitCode: null, trap: describeTrap(e), thrown: e, ms };
}

/**
 * Binds `host` to the instance's memory (or `memory`, a pooled one the module imports) and runs
 * `_start` to its end.
 */
export function runStart(
  instance: WebAssembly.Instance,
  host: MemoryUser,
  memory = (instance.exports.memory as WebAssembly.Memory | undefined) ?? null,
): CommandEnd {
  const start = startOf(instance);
  if (!start) return { exitCode: null, error: NO_START, ms: 0 };
  host.memory = memory;
  const t0 = performance.now();
  try {
    start();
    return { exitCode: 0, ms: performance.now() - t0 };
  } catch (e) {
    return ended(e, performance.now() - t0);
  }
}

/**
 * As runStart, with `_start` wrapped by JSPI's `promising`: the host's Suspending imports may
 * suspend it while the program waits for input.
 */
export async function runStartSuspending(
  instance: WebAssembly.Instance,
  host: MemoryUser,
  promising: (f: () => unknown) => () => Promise<unknown>,
): Promise<CommandEnd> {
  const start = startOf(instance);
  if (!start) return { exitCode: null, error: NO_START, ms: 0 };
  host.memory = (instance.exports.memory as WebAssembly.Memory | undefined) ?? null;
  const t0 = performance.now();
  try {
    await promising(start)();
    return { exitCode: 0, ms: performance.now() - t0 };
  } catch (e) {
    return ended(e, performance.now() - t0);
  }
}
