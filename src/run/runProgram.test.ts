// The Run sequence end to end in Node: the real compilers and the real WASI runner (with the
// runner worker's project cache), put in place of the workers; the store as the UI reads it.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useOutput } from '../store/outputStore';
import { currentProject } from '../store/projectSlice';
import { useStore } from '../store/store';
import { inProcessClients } from './inProcessClients';
import { runProgram } from './runProgram';
import { stopProgram } from './session';

const WRITER = `(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 100) "out.txt")
  (data (i32.const 200) "written\\n")
  (func (export "_start")
    ;; open("out.txt", O_CREAT|O_TRUNC, rights: write) at fd 3, then write 8 bytes to it
    (drop (call $open (i32.const 3) (i32.const 0) (i32.const 100) (i32.const 7) (i32.const 9)
      (i64.const 64) (i64.const 0) (i32.const 0) (i32.const 0)))
    (i32.store (i32.const 8) (i32.const 200))
    (i32.store (i32.const 12) (i32.const 8))
    (drop (call $write (i32.load (i32.const 0)) (i32.const 8) (i32.const 1) (i32.const 16)))))`;

const HELLO = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hi\\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 3))
    (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))`;

const output = () =>
  useOutput
    .getState()
    .lines.map((l) => l.text)
    .join('\n');

beforeAll(() => {
  // Node has no frames: "after the paint" is the next task.
  globalThis.requestAnimationFrame ??= ((cb: FrameRequestCallback) =>
    setTimeout(() => cb(performance.now()), 0)) as unknown as typeof requestAnimationFrame;
});

const clients = inProcessClients();
const sentBytes = clients.sentBytes;
beforeEach(() => {
  clients.install();
  clients.gate(null);
  sentBytes.length = 0;
});

function setProject(source: string, extra: Record<string, string> = {}) {
  const s = useStore.getState();
  s.setSource(source);
  for (const [p, v] of Object.entries(extra)) useStore.getState().writeFile(p, v);
}

describe('runProgram: Run as named steps', { timeout: 60_000 }, () => {
  it('builds, runs, streams output and ends idle with timings and the module', async () => {
    setProject(HELLO);
    await runProgram();
    const s = useStore.getState();
    expect(s.status).toBe('idle');
    expect(s.exit).toEqual({ kind: 'exit', code: 0 });
    expect(output()).toBe('hi');
    expect(s.timings.compileMs).toBeGreaterThan(0);
    expect(s.timings.totalMs).toBeGreaterThan(0);
    expect(s.timings.instantiateMs).toBeGreaterThanOrEqual(0);
    expect(s.wasm?.byteLength).toBe(s.timings.wasmSize);
    expect(s.wasmBuilt).toBe(true);
    expect(s.imports.map((i) => i.name)).toEqual(['fd_write']);
  });

  it('a compile error ends the run with Problems, and never reaches the runner', async () => {
    setProject('(module (func (export "_start") (i32.add)))');
    const runs = sentBytes.length;
    await runProgram();
    const s = useStore.getState();
    expect(s.exit).toEqual({ kind: 'error', message: 'compile failed: see Problems' });
    expect(s.diagnostics.length).toBeGreaterThan(0);
    expect(s.diagnostics[0].line).toBe(1);
    expect(sentBytes.length).toBe(runs);
  });

  it('files the program writes are the run’s changes; unchanged files are not sent again', async () => {
    setProject(WRITER, { 'data.txt': 'x'.repeat(1000) });
    await runProgram();
    let s = useStore.getState();
    expect(s.exit).toEqual({ kind: 'exit', code: 0 });
    expect(s.runChanges?.changes).toEqual({ 'out.txt': 'created' });
    expect(new TextDecoder().decode(s.runChanges?.after['out.txt'])).toBe('written\n');
    const first = sentBytes.at(-1)!;
    expect(first).toBeGreaterThan(1000);
    // Again, nothing edited: no file crosses to the runner, the changes are the same.
    await runProgram();
    s = useStore.getState();
    expect(sentBytes.at(-1)).toBe(0);
    expect(s.runChanges?.changes).toEqual({ 'out.txt': 'created' });
    // The project itself never took the program's writes.
    expect(currentProject(s).files['out.txt']).toBeUndefined();
    // One file edited: only it is sent.
    useStore.getState().writeFile('data.txt', 'y');
    await runProgram();
    expect(sentBytes.at(-1)).toBe(1);
  });

  it('Stop during the build ends the run as stopped by the user, and nothing runs', async () => {
    setProject(HELLO);
    const open = clients.gate();
    const runs = sentBytes.length;
    const running = runProgram();
    expect(useStore.getState().status).toBe('compiling');
    stopProgram();
    open();
    await running;
    const s = useStore.getState();
    expect(s.status).toBe('idle');
    expect(s.exit).toMatchObject({ kind: 'stopped', message: 'stopped by user' });
    expect(sentBytes.length).toBe(runs);
  });

  it('a newer Run supersedes one still building: only the newer one reports', async () => {
    setProject(HELLO);
    const open = clients.gate();
    const older = runProgram();
    const olderId = useStore.getState().runId;
    clients.gate(null);
    const newer = runProgram();
    open();
    await Promise.all([older, newer]);
    const s = useStore.getState();
    expect(s.runId).toBe(olderId + 1);
    expect(s.exit).toEqual({ kind: 'exit', code: 0 });
    expect(output()).toBe('hi');
  });
});
