import wabtInit from 'wabt';
import { describe, expect, it } from 'vitest';
import { DebugHost } from './host';
import { instrument } from './instrument';
import { Stepper, type PauseReason, type Resume } from './stepper';

const wabt = await wabtInit();
const mod = wabt.parseWat(
  't.wat',
  `(module
    (func $inner (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
    (func $outer (result i32)
      (local i32)
      (local.set 0 (call $inner (i32.const 1)))
      (local.set 0 (call $inner (local.get 0)))
      (local.get 0))
    (export "main" (func $outer)))`,
);
const ORIGINAL = new Uint8Array(mod.toBinary({}).buffer);
mod.destroy();
Error.stackTraceLimit = Infinity;

/**
 * Runs the program under a DebugHost in this thread, answering each pause with the next of
 * `answers`; returns each pause's reason, offset and stack depth.
 */
function debug(
  opts: { breakpoints?: number[]; stopAtEntry?: boolean },
  answers: Resume[],
  pause = false,
) {
  const out = instrument(ORIGINAL);
  const pauses: { reason: PauseReason; offset: number; depth: number }[] = [];
  const host = new DebugHost(null, out, () => {}, {
    ...opts,
    answer: (e) => {
      pauses.push({ reason: e.reason, offset: e.offset, depth: e.frames.length });
      return answers.shift() ?? { kind: 'continue' };
    },
  });
  if (pause) host.stepper.requestPause();
  const instance = new WebAssembly.Instance(new WebAssembly.Module(out.wasm as BufferSource), {
    dbg: host.hooks,
  });
  host.bind(instance);
  const result = (instance.exports.main as () => number)();
  return { pauses, result };
}

describe('the stepper', () => {
  it('stops at entry, steps into a call and out of it, then runs to the end', () => {
    const { pauses, result } = debug({ stopAtEntry: true }, [
      { kind: 'over' }, // i32.const 1 → call $inner
      { kind: 'over' }, // call → (stays in $outer: next is local.set after the call returns)
      { kind: 'into' }, // local.set → local.get 0
      { kind: 'into' }, // local.get → call $inner
      { kind: 'into' }, // into $inner
      { kind: 'out' }, // back in $outer, at the call
    ]);
    expect(result).toBe(3);
    expect(pauses.map((p) => p.depth)).toEqual([1, 1, 1, 1, 1, 2, 1]);
    expect(pauses[0].reason).toBe('entry');
    expect(pauses.slice(1).every((p) => p.reason === 'step')).toBe(true);
    // Step out pauses in the caller on the call it returned from.
    expect(ORIGINAL[pauses[6].offset]).toBe(0x10);
  });

  it('pauses at a breakpoint each time it is reached, and on Pause', () => {
    // The first instruction of $inner (entry, into the call, into $inner): reached once per call.
    const walk = debug({ stopAtEntry: true }, [{ kind: 'into' }, { kind: 'into' }]);
    expect(walk.pauses[2].depth).toBe(2);
    const first = walk.pauses[2].offset;
    const { pauses } = debug({ breakpoints: [first] }, []);
    expect(pauses.map((p) => [p.reason, p.depth])).toEqual([
      ['breakpoint', 2],
      ['breakpoint', 2],
    ]);
    expect(debug({}, [], true).pauses.map((p) => p.reason)).toEqual(['pause']);
  });

  it('sets the limit the code checks: none running, all for into, this frame for over', () => {
    const s = new Stepper();
    expect(s.limit()).toBe(-1);
    s.go({ kind: 'over' }, 3, 0);
    expect(s.limit()).toBe(3);
    s.go({ kind: 'out' }, 3, 0);
    expect(s.limit()).toBe(2);
    expect(s.leave(2)).toBe(true);
    expect(s.limit()).toBe(-1);
    s.requestPause();
    expect(s.limit()).toBeGreaterThan(1e9);
  });
});
