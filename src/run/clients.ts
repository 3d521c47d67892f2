// The workers Run talks to: one long-lived compiler, a pool of runners. Made on first use.
import { CompilerClient } from './compilerClient';
import { RunnerPool } from './runnerPool';

let compiler: CompilerClient | null = null;
let runner: RunnerPool | null = null;

export const compilerClient = (): CompilerClient => (compiler ??= new CompilerClient());
export const runnerPool = (): RunnerPool => (runner ??= new RunnerPool());

/** The compiler worker if it was started (a cancelled download restarts only a live one). */
export const startedCompiler = (): CompilerClient | null => compiler;

/**
 * Puts other clients in place of the workers (the unit tests of src/run/ run the same steps
 * with the compilers and the WASI runner in the test's own thread).
 */
export function setClients(c: CompilerClient, r: RunnerPool): void {
  compiler = c;
  runner = r;
}

/** Starts the workers ahead of the first Run, so pressing Run waits for neither. */
export function initWorkers(): void {
  compilerClient();
  runnerPool();
}
