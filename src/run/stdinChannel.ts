import { hasJspi } from '../wasm/jspi';
import { createRing, RingWriter, type StdinPortMessage } from '../wasi/stdin';
import type { StdioSetup, WaitMode } from '../protocol/run';

/** The best way this page has to let a program wait for input (see WaitMode). */
export function availableWaitMode(): WaitMode {
  if (hasJspi()) return 'jspi';
  if (typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated) return 'atomics';
  return 'none';
}

/** A component reads stdin synchronously: only Atomics.wait can make it wait for typing. */
export function componentWaitMode(): WaitMode {
  const mode = chooseWaitMode();
  return mode === 'none' || !(typeof SharedArrayBuffer === 'function' && crossOriginIsolated)
    ? 'none'
    : 'atomics';
}

/**
 * The wait mechanism for runs: the best available, or a lower one asked for with
 * `?stdin-wait=atomics|none` (to try the fallbacks in a browser that has JSPI).
 */
export function chooseWaitMode(search = globalThis.location?.search ?? ''): WaitMode {
  const best = availableWaitMode();
  const order: WaitMode[] = ['jspi', 'atomics', 'none'];
  const asked = new URLSearchParams(search).get('stdin-wait') as WaitMode | null;
  if (!asked || !order.includes(asked)) return best;
  if (asked === 'atomics' && !(typeof SharedArrayBuffer === 'function' && crossOriginIsolated))
    return 'none';
  return order.indexOf(asked) >= order.indexOf(best) ? asked : best;
}

/** Why a program cannot wait for input here, in words for the terminal. */
export function noWaitReason(search = globalThis.location?.search ?? ''): string {
  const forced = new URLSearchParams(search).get('stdin-wait') === 'none';
  return forced
    ? 'Interactive input is off (?stdin-wait=none): stdin is the text in Run settings only.'
    : 'This browser cannot pause a WebAssembly program for input: it has neither JSPI ' +
        '(WebAssembly.Suspending) nor a cross-origin isolated page for Atomics.wait. ' +
        'stdin is the text in Run settings only.';
}

/**
 * The page's end of one run's stdin: what the user types goes to the program through the
 * run's port (JSPI) or ring (Atomics). Created per run; `setup` goes into the run request.
 */
export class StdinChannel {
  readonly setup: StdioSetup;
  readonly transfer: Transferable[] = [];
  private port: MessagePort | null = null;
  private ring: RingWriter | null = null;
  private closed = false;

  constructor(wait: WaitMode, interactive: boolean, tty: StdioSetup['tty']) {
    this.setup = { wait, interactive, tty };
    if (wait === 'jspi') {
      const ch = new MessageChannel();
      this.port = ch.port1;
      this.setup.port = ch.port2;
      this.transfer.push(ch.port2);
    } else if (wait === 'atomics') {
      const sab = createRing();
      this.setup.ring = sab;
      this.ring = new RingWriter(sab);
    }
  }

  /** True while input can still reach the program. */
  get open(): boolean {
    return !this.closed && this.setup.interactive && this.setup.wait !== 'none';
  }

  write(bytes: Uint8Array) {
    if (!this.open || bytes.length === 0) return;
    if (this.ring) this.ring.write(bytes);
    else this.port?.postMessage({ bytes } satisfies StdinPortMessage);
  }

  /** End of file: the program's next read past what it has returns 0. */
  eof() {
    if (!this.open) return;
    this.closed = true;
    if (this.ring) this.ring.close();
    else this.port?.postMessage({ eof: true } satisfies StdinPortMessage);
  }

  /** The program waits: the ring is empty now, so what did not fit goes in. */
  waiting() {
    this.ring?.flush();
  }

  dispose() {
    this.closed = true;
    this.port?.close();
  }
}
