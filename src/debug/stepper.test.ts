import wabtInit from 'wabt';
import { describe, expect, it } from 'vitest';
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

/**
 * Runs the program under a Stepper, answering each pause with the next of `answers`; returns
 * each pause's reason, offset and stack depth.
 */
function debug(stepper: Stepper, answers: Resume[]) {
  const out = instrument(ORIGINAL);
  const pauses: { reason: PauseReason; offset: number; depth: number }[] = [];
  const instance = new WebAssembly.Instance(new WebAssembly.Module(out.wasm as BufferSource), {
    dbg: {
      step: (offset: number) => {
        const reason = stepper.step(offset);
        if (!reason) return;
        pauses.push({ reason, offset, depth: stepper.stack.length });
        stepper.go(answers.shift() ?? { kind: 'continue' });
      },
      enter: (f: number) => stepper.enter(f),
      leave: (f: number) => {
        // A step that left its frame pauses in the caller, on the line of the call.
        if (!stepper.leave(f)) return;
        pauses.push({
          reason: 'step',
          offset: stepper.frames()[0].offset,
          depth: stepper.stack.length,
        });
        stepper.go(answers.shift() ?? { kind: 'continue' });
      },
    },
  });
  const result = (instance.exports.main as () => number)();
  return { pauses, result };
}

describe('the stepper', () => {
  it('stops at entry, steps into a call and out of it, then runs to the end', () => {
    const { pauses, result } = debug(new Stepper({ stopAtEntry: true }), [
      { kind: 'over' }, // i32.const 1 → call $inner
      { kind: 'over' }, // call → (stays in $outer: next is local.set after the call returns)
      { kind: 'into' }, // local.set → local.get 0
      { kind: 'into' }, // local.get → call $inner
      { kind: 'into' }, // into $inner
      { kind: 'out' }, // back in $outer
    ]);
    expect(result).toBe(3);
    expect(pauses.map((p) => p.depth)).toEqual([1, 1, 1, 1, 1, 2, 1]);
    expect(pauses[0].reason).toBe('entry');
    expect(pauses.slice(1).every((p) => p.reason === 'step')).toBe(true);
  });

  it('pauses at a breakpoint each time it is reached, and on Pause', () => {
    // The first instruction of $inner (entry, into the call, into $inner): reached once per call.
    const walk = debug(new Stepper({ stopAtEntry: true }), [{ kind: 'into' }, { kind: 'into' }]);
    expect(walk.pauses[2].depth).toBe(2);
    const first = walk.pauses[2].offset;
    const stepper = new Stepper();
    stepper.setBreakpoints([first]);
    const { pauses } = debug(stepper, []);
    expect(pauses.map((p) => [p.reason, p.depth])).toEqual([
      ['breakpoint', 2],
      ['breakpoint', 2],
    ]);
    const paused = new Stepper();
    paused.requestPause();
    expect(debug(paused, []).pauses.map((p) => p.reason)).toEqual(['pause']);
  });

  it('keeps the shadow stack across a leave that an unwind skipped', () => {
    const s = new Stepper();
    s.enter(1);
    s.enter(2);
    s.enter(3);
    s.leave(2);
    expect(s.frames().map((f) => f.func)).toEqual([1]);
  });
});
