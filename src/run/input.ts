// Typed input for the running program: the terminal and the embed API write here.
import { useOutput } from '../store/outputStore';
import { emit } from '../store/runEvents';
import { useStore } from '../store/store';
import type { StdinChannel } from './stdinChannel';

const encoder = new TextEncoder();
/** The running program's stdin, while it can take input. */
let channel: StdinChannel | null = null;

/** The size of the terminal the Output panel shows (for COLUMNS and LINES). */
export const terminalSize = { cols: 80, rows: 24 };

/** The run that owns stdin now (null: none); `release` clears it only if it is still `c`. */
export function holdStdin(c: StdinChannel): void {
  channel = c;
}
export function releaseStdin(c: StdinChannel): void {
  if (channel === c) channel = null;
}

/**
 * Types `text` into the running program's stdin (it shows in the output as the user's input;
 * `echoed`: the terminal has shown it already). Returns false when no running program takes
 * input.
 */
export function sendInput(text: string, echoed = false): boolean {
  if (!channel?.open || useStore.getState().status !== 'running') return false;
  if (text) {
    useOutput.getState().append([{ stream: 'stdin', text }]);
    emit('input', text, echoed);
  }
  channel.write(encoder.encode(text));
  return true;
}

/** Closes the running program's stdin (Ctrl+D): its reads past what it has return 0. */
export function sendEof(): boolean {
  if (!channel?.open || useStore.getState().status !== 'running') return false;
  channel.eof();
  useStore.getState().patchRun({ inputOpen: false });
  return true;
}
