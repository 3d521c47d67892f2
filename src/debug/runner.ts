// Runner worker only: a debug run's module and hooks. The module is instrumented here (the page
// sends the original, so the inspector and the symbols see the same bytes), its `dbg` imports
// pause it through the shared channel, and a trap pauses it where it happened.
import type { DebugRequest, PauseEvent } from '../protocol/debug';
import { DebugHost } from './host';
import { instrument } from './instrument';

export interface DebugRun {
  /** The instrumented module to run instead of the original. */
  wasm: Uint8Array;
  /** The import module "dbg". */
  imports: Record<string, (...args: number[]) => void>;
  /** The instance: its memory (read while paused) and the globals of its checks. */
  bind(instance: WebAssembly.Instance): void;
  /** The program trapped: it pauses at the trap until the page resumes (then the run ends). */
  trapped(thrown: unknown, message: string): void;
}

export function debugRun(
  wasm: Uint8Array,
  req: DebugRequest,
  onPause: (e: PauseEvent) => void,
): DebugRun {
  const sites = req.sites ? new Set(req.sites) : null;
  const frameLocals = new Map(req.frameLocals ?? []);
  const localsOf = new Set(req.localsOf ?? []);
  const out = instrument(
    wasm,
    sites ? (offset) => sites.has(offset) : undefined,
    (f) => frameLocals.get(f) ?? null,
    (f) => localsOf.has(f),
  );
  const lines = new Map<number, number>();
  req.sites?.forEach((s, i) => lines.set(s, req.lines?.[i] ?? s));
  const host = new DebugHost(req.channel, out, onPause, {
    breakpoints: req.breakpoints,
    stopAtEntry: req.stopAtEntry,
    lineOf: req.lines ? (o) => lines.get(o) : undefined,
  });
  return {
    wasm: out.wasm,
    imports: host.hooks,
    bind: (instance) => host.bind(instance),
    trapped: (thrown, message) =>
      host.trapped(thrown instanceof Error ? thrown.stack : undefined, message),
  };
}
