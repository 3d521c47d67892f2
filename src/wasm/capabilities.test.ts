import { describe, expect, it } from 'vitest';
import { capabilities } from './capabilities';

const wasi = (name: string) => ({ module: 'wasi_snapshot_preview1', name, kind: 'function' });

describe('capabilities', () => {
  it('names what WASI imports let a module do, once each', () => {
    expect(
      capabilities([wasi('fd_write'), wasi('fd_read'), wasi('fd_pwrite'), wasi('proc_exit')]),
    ).toEqual(['write output', 'read input', 'exit code']);
    expect(
      capabilities([
        wasi('path_open'),
        wasi('clock_time_get'),
        wasi('random_get'),
        wasi('environ_get'),
      ]),
    ).toEqual(['filesystem', 'clock', 'randomness', 'environment']);
  });

  it('is empty for a pure module and flags non-WASI imports', () => {
    expect(capabilities([])).toEqual([]);
    expect(
      capabilities([{ module: 'env', name: 'memory', kind: 'memory' }, wasi('frobnicate')]),
    ).toEqual(['env.memory', 'wasi: frobnicate']);
  });

  it('groups a module that supplies many imports, and drops signatures from names', () => {
    const env = Array.from({ length: 6 }, (_, k) => ({
      module: 'env',
      name: `invoke_${k}`,
      kind: 'function',
    }));
    expect(capabilities([...env, wasi('fd_write')])).toEqual(['env: 6 imports', 'write output']);
    expect(
      capabilities([
        { module: 'rb-js-abi-host', name: 'eval-js: func(code: string) -> bool', kind: 'function' },
      ]),
    ).toEqual(['rb-js-abi-host.eval-js']);
  });
});
