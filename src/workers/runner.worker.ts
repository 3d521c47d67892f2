/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { runWasi } from '../wasm/runWasi';
import { warmupWasm } from '../wasm/warmup';
import type { OutputMessage, RunRequest, RunnerApi } from './protocol';

const api: RunnerApi = {
  async run(req: RunRequest) {
    const post = (msg: OutputMessage) => self.postMessage(msg);
    return runWasi(
      req,
      (chunks) => post({ type: 'runner:output', runId: req.runId, chunks }),
      (state) => post({ type: 'runner:stdin', runId: req.runId, state }),
    );
  },
  async ping() {
    const r = await runWasi(
      { runId: -1, wasm: warmupWasm(), stdin: '', args: [], env: [] },
      () => {},
    );
    return r.exitCode === 0;
  },
};

Comlink.expose(api);
