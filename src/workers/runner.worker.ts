/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { runWasi } from '../wasm/runWasi';
import { warmupWasm } from '../wasm/warmup';
import type { OutputMessage, RunRequest, RunnerApi } from './protocol';

const api: RunnerApi = {
  async run(req: RunRequest) {
    return runWasi(req, (chunks) => {
      const msg: OutputMessage = { type: 'runner:output', runId: req.runId, chunks };
      self.postMessage(msg);
    });
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
