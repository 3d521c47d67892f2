// The embed's postMessage bridge in Node: a stand-in window and parent, the real command
// checks, and Run on the real compiler and WASI runner in this thread.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inProcessClients } from '../run/inProcessClients';
import { useStore } from '../store/store';
import { defaultEmbedOptions } from './options';
import type { EmbedEvent } from './protocol';

const posted: EmbedEvent[] = [];
const win = Object.assign(new EventTarget(), {
  parent: { postMessage: (ev: EmbedEvent) => posted.push(ev) },
});
const send = (data: unknown, origin = 'https://host.example') =>
  win.dispatchEvent(new MessageEvent('message', { data, origin }));
const events = (type: string) => posted.filter((e) => e.type === type);

const SHUTDOWN_FD3 = `(module
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $pre (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  ;; exit code = the errno of fd_prestat_get(3): 0 with a directory at fd 3, 8 (EBADF) without
  (func (export "_start") (call $exit (call $pre (i32.const 3) (i32.const 0)))))`;

let stop: () => void;
beforeAll(async () => {
  vi.stubGlobal('window', win);
  globalThis.requestAnimationFrame ??= ((cb: FrameRequestCallback) =>
    setTimeout(() => cb(performance.now()), 0)) as unknown as typeof requestAnimationFrame;
  inProcessClients().install();
  const { startBridge } = await import('./bridge');
  stop = startBridge({ ...defaultEmbedOptions, origin: 'https://host.example' });
});
afterAll(() => {
  stop();
  vi.unstubAllGlobals();
});

describe('embed bridge', { timeout: 60_000 }, () => {
  it('says it is ready, and obeys only its origin and well-formed commands', () => {
    expect(events('playground:ready')).toHaveLength(1);
    const before = useStore.getState().stdin;
    send({ type: 'playground:set', stdin: 'from elsewhere' }, 'https://evil.example');
    send({ type: 'playground:set', stdin: 42 });
    send('not even an object');
    expect(useStore.getState().stdin).toBe(before);
    send({ type: 'playground:set', stdin: 'from the host' });
    expect(useStore.getState().stdin).toBe('from the host');
  });

  it('takes env as an object (values with line breaks too)', () => {
    send({ type: 'playground:set', env: { A: 'text', C: 'new\nline' } });
    expect(useStore.getState().env).toBe('A=text\nC="new\\nline"');
  });

  it('runs: files: null preopens no directory; the exit event carries code and timings', async () => {
    send({ type: 'playground:set', language: 'wat', source: SHUTDOWN_FD3 });
    send({ type: 'playground:run', files: null });
    await vi.waitFor(() => expect(events('playground:exit')).toHaveLength(1));
    send({ type: 'playground:run' });
    await vi.waitFor(() => expect(events('playground:exit')).toHaveLength(2));
    const [none, withDir] = events('playground:exit') as Extract<
      EmbedEvent,
      { type: 'playground:exit' }
    >[];
    expect(none.code).toBe(8);
    expect(withDir.code).toBe(0);
    expect(withDir.timings.totalMs).toBeGreaterThan(0);
    expect(events('playground:compiled').every((e) => 'ok' in e && e.ok)).toBe(true);
  });

  it('takes compiler options in set and run, without a reload; a level the language lacks is ignored', async () => {
    const source = `#include <stdio.h>
int main(void) {
#ifdef __OPTIMIZE__
  printf("N=%d optimized\\n", N);
#else
  printf("N=%d unoptimized\\n", N);
#endif
  return 0;
}
`;
    const text = () =>
      (events('playground:output') as Extract<EmbedEvent, { type: 'playground:output' }>[])
        .map((e) => e.text)
        .join('');
    const exits = () => events('playground:exit').length;
    send({ type: 'playground:set', language: 'c', source, optLevel: '-O0', flags: '-DN=7' });
    expect(useStore.getState().compileOptions.c).toEqual({ optLevel: '-O0', flags: '-DN=7' });
    let before = exits();
    send({ type: 'playground:run' });
    await vi.waitFor(() => expect(exits()).toBe(before + 1), { timeout: 60_000 });
    expect(text()).toContain('N=7 unoptimized\n');
    before = exits();
    send({ type: 'playground:run', optLevel: '-O2', flags: '-DN=8' });
    await vi.waitFor(() => expect(exits()).toBe(before + 1), { timeout: 60_000 });
    expect(text()).toContain('N=8 optimized\n');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    send({ type: 'playground:set', optLevel: '-O9' });
    send({ type: 'playground:set', flags: 42 });
    expect(useStore.getState().compileOptions.c).toEqual({ optLevel: '-O2', flags: '-DN=8' });
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/optLevel "-O9" ignored: c has -O0, -O1/),
      expect.stringMatching(/malformed message/),
    ]);
    warn.mockRestore();
  });
});
