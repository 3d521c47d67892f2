/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { runWasi } from '../wasm/runWasi';
import { warmupWasm } from '../wasm/warmup';
import { coldStartLoop } from '../wasm/coldStart';
import {
  loadTestHere,
  prepareHandler,
  previewConnect,
  serveOne,
  setPreviewSpec,
} from '../server/handlerWorker';
import type { OutputMessage, RunRequest, RunnerApi } from '../protocol/run';
import type { ServerMessage } from '../protocol/server';

const postServer = (m: ServerMessage) => self.postMessage(m);

const api: RunnerApi = {
  async run(req: RunRequest) {
    const post = (msg: OutputMessage) => self.postMessage(msg);
    if (req.component) {
      const { runComponent } = await import('../component/runComponent');
      return runComponent(
        { ...req, component: req.component },
        (chunks) => post({ type: 'runner:output', runId: req.runId, chunks }),
        (state) => post({ type: 'runner:stdin', runId: req.runId, state }),
      );
    }
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
  async serve(spec, req) {
    const a = serveOne(spec, req);
    return Comlink.transfer(a, [a.body.buffer]);
  },
  async previewConnect(port, spec) {
    previewConnect(port, spec, postServer);
  },
  async previewSpec(spec) {
    setPreviewSpec(spec);
  },
  async prepare(spec) {
    return prepareHandler(spec);
  },
  async loadTest(spec, req, requests, clients) {
    return loadTestHere(spec, req, requests, clients, postServer);
  },
  async coldStart(req) {
    const r = coldStartLoop(req, postServer);
    return Comlink.transfer(r, [
      r.samplesUs.buffer,
      ...(r.runSamplesUs ? [r.runSamplesUs.buffer] : []),
    ]);
  },
};

Comlink.expose(api);
