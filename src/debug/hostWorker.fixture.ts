// A runner stand-in for host.test.ts (a node:worker_threads worker): runs an instrumented module
// under a DebugHost and reports its pauses and its end to the test.
import { parentPort, workerData } from 'node:worker_threads';
import { DebugHost } from './host';
import { instrument } from './instrument';

const { wasm, channel, stopAtEntry } = workerData as {
  wasm: Uint8Array;
  channel: SharedArrayBuffer;
  stopAtEntry: boolean;
};
const out = instrument(wasm);
const host = new DebugHost(channel, out, (e) => parentPort!.postMessage({ pause: e }), {
  stopAtEntry,
});
const printed: number[] = [];
const instance = new WebAssembly.Instance(new WebAssembly.Module(out.wasm as BufferSource), {
  dbg: host.hooks,
  env: { print: (x: number) => void printed.push(x) },
});
host.bind(instance);
const result = (instance.exports.main as () => number)();
parentPort!.postMessage({ done: { result, printed } });
