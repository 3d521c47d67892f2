/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { runWasi } from '../wasm/runWasi';
import type { OutputMessage, RunRequest, RunnerApi } from './protocol';

const api: RunnerApi = {
  async run(req: RunRequest) {
    return runWasi(req, (chunks) => {
      const msg: OutputMessage = { type: 'runner:output', runId: req.runId, chunks };
      self.postMessage(msg);
    });
  },
  async ping() {
    return true;
  },
};

Comlink.expose(api);
