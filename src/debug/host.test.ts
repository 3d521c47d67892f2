import { Worker } from 'node:worker_threads';
import wabtInit from 'wabt';
import { afterEach, describe, expect, it } from 'vitest';
import { createChannel, DebugControl } from './channel';
import type { PauseEvent } from './host';

const wabt = await wabtInit();
function wat(text: string): Uint8Array {
  const m = wabt.parseWat('t.wat', text);
  try {
    return new Uint8Array(m.toBinary({}).buffer);
  } finally {
    m.destroy();
  }
}

const PROGRAM = wat(`(module
  (import "env" "print" (func $print (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello")
  (func $twice (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
  (func (export "main") (result i32)
    (call $print (call $twice (i32.const 21)))
    (i32.const 7)))`);

const LOOP = wat(`(module
  (memory (export "memory") 1)
  (func (export "main") (result i32)
    (local i32)
    (loop $l (local.set 0 (i32.add (local.get 0) (i32.const 1))) (br $l))
    (local.get 0)))`);

type Message = { pause?: PauseEvent; done?: { result: number; printed: number[] }; error?: string };

let worker: Worker | null = null;
afterEach(() => void worker?.terminate());

/** Starts the program in a worker thread under the debug host; its messages arrive in order. */
function start(wasm: Uint8Array, stopAtEntry: boolean) {
  const channel = createChannel();
  worker = new Worker(
    `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(new URL('./hostWorker.fixture.ts', import.meta.url).pathname)}, ${JSON.stringify(import.meta.url)}))`,
    { eval: true, workerData: { wasm, channel, stopAtEntry } },
  );
  const queue: Message[] = [];
  const waiting: ((m: Message) => void)[] = [];
  worker.on('error', (e) => {
    const w = waiting.shift();
    const m = { error: String(e) } as Message;
    if (w) w(m);
    else queue.push(m);
  });
  worker.on('message', (m: Message) => {
    const w = waiting.shift();
    if (w) w(m);
    else queue.push(m);
  });
  const next = () =>
    new Promise<Message>((resolve) => {
      const m = queue.shift();
      if (m) resolve(m);
      else waiting.push(resolve);
    });
  return { control: new DebugControl(channel), next };
}

describe('the debug host, across threads', () => {
  it('pauses at entry, steps into a call, reads memory while paused, runs to the end', async () => {
    const { control, next } = start(PROGRAM, true);
    const entry = (await next()).pause!;
    expect(entry.reason).toBe('entry');
    expect(entry.frames).toHaveLength(1);
    expect(control.paused).toBe(true);
    expect(new TextDecoder().decode(control.readMemory(16, 5)!)).toBe('hello');
    control.resume('into'); // i32.const 21 → call $twice
    expect((await next()).pause!.frames).toHaveLength(1);
    control.resume('into'); // into $twice
    const inside = (await next()).pause!;
    expect(inside.frames.map((f) => f.func)).toEqual([1, 2]);
    control.resume('out');
    expect((await next()).pause!.frames).toHaveLength(1);
    control.resume('continue');
    expect((await next()).done).toEqual({ result: 7, printed: [42] });
  }, 30_000);

  it('Pause stops an endless loop; breakpoints set while paused are honoured', async () => {
    const { control, next } = start(LOOP, false);
    await new Promise((r) => setTimeout(r, 200));
    control.requestPause();
    const first = await next();
    expect(first.error).toBeUndefined();
    const paused = first.pause!;
    expect(paused.reason).toBe('pause');
    // One step on is inside the loop's body (the pause may have come at the `loop` itself).
    control.resume('into');
    const inside = (await next()).pause!;
    control.setBreakpoints([inside.offset]);
    control.resume('continue');
    const again = (await next()).pause!;
    expect(again).toMatchObject({ reason: 'breakpoint', offset: inside.offset });
  }, 30_000);
});
