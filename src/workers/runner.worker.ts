/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { runWasi } from '../wasm/runWasi';
import { runInterpreted } from '../interpret/runInterpreted';
import { interpreterOf } from '../languages/interpreters';
import { warmupWasm } from '../wasm/warmup';
import { coldStartLoop } from '../wasm/coldStart';
import {
  loadTestHere,
  prepareHandler,
  previewConnect,
  serveOne,
  setPreviewSpec,
} from '../server/handlerWorker';
import type { OutputChunk, OutputMessage, RunRequest, RunResult, RunnerApi } from '../protocol/run';
import { MountedProject } from '../wasi/mount';
import type { StdinWaitState } from '../wasi/host';
import type { ServerMessage } from '../protocol/server';

const postServer = (m: ServerMessage) => self.postMessage(m);
/** The project as of the last run: each run brings only what changed since. */
const mount = new MountedProject();

/**
 * The buffers of a result's file bytes, to transfer them back instead of copying: the changed
 * files' (copies made for the answer), and the whole listing's when it was copied too
 * (readTree; a component's filesystem may still share bytes with the kept project).
 */
function resultBuffers(r: RunResult, listingIsCopy: boolean): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const b of Object.values(r.changes?.after ?? {})) out.add(b.buffer as ArrayBuffer);
  if (listingIsCopy) for (const b of Object.values(r.files ?? {})) out.add(b.buffer as ArrayBuffer);
  return [...out];
}

const api: RunnerApi = {
  async run(req: RunRequest) {
    const post = (msg: OutputMessage) => self.postMessage(msg);
    if (req.files) mount.apply(req.files);
    const onOutput = (chunks: OutputChunk[]) =>
      post({ type: 'runner:output', runId: req.runId, chunks });
    const onStdin = (state: StdinWaitState) =>
      post({ type: 'runner:stdin', runId: req.runId, state });
    let r: RunResult;
    const component = req.component !== undefined;
    if (req.component) {
      const { runComponent } = await import('../component/runComponent');
      const input = { ...req, files: Object.fromEntries(mount.files), component: req.component };
      r = await runComponent(input, onOutput, onStdin);
      if (r.files) {
        r.changes = mount.changesOf(r.files);
        if (!req.returnFiles) delete r.files;
      }
    } else if (req.interpret) r = await runInterpreted(req, mount, onOutput, onStdin);
    else if (req.debug) {
      const { debugRun } = await import('../debug/runner');
      const debug = debugRun(req.wasm, req.debug, (event) =>
        post({ type: 'runner:debug', runId: req.runId, event }),
      );
      // A pause lists the whole call stack from the engine's stack trace.
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = Infinity;
      try {
        r = await runWasi(
          { ...req, wasm: debug.wasm, files: undefined, mount, debugHooks: debug },
          onOutput,
          onStdin,
        );
      } finally {
        Error.stackTraceLimit = limit;
      }
      // The program's own imports and exports, not the debugger's.
      r.imports = r.imports.filter((i) => i.module !== 'dbg');
      r.exports = r.exports.filter((e) => !e.name.startsWith('__dbg_'));
    } else r = await runWasi({ ...req, files: undefined, mount }, onOutput, onStdin);
    return Comlink.transfer(r, resultBuffers(r, !component));
  },
  async ping() {
    const r = await runWasi(
      { runId: -1, wasm: warmupWasm(), stdin: '', args: [], env: [] },
      () => {},
    );
    return r.exitCode === 0;
  },
  async serve(spec, req) {
    const a = await serveOne(spec, req, postServer);
    return Comlink.transfer(a, [a.body.buffer]);
  },
  async spinData(dataKey, data, edit) {
    const { spinDataHere } = await import('../server/spin/worker');
    return spinDataHere(dataKey, data, edit);
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
  async prepareInterpreter(language, variant) {
    const entry = await interpreterOf(language);
    if (!entry) return false;
    return entry
      .prepare(variant, (u) => u)
      .then(
        () => true,
        () => false,
      );
  },
  async loadTest(spec, req, requests, clients) {
    return loadTestHere(spec, req, requests, clients, postServer);
  },
  async coldStart(req) {
    const spin = req.spin;
    const r = spin
      ? await (
          await import('../server/spin/coldStart')
        ).spinColdStartLoop({ ...req, spin }, postServer)
      : coldStartLoop(req, postServer);
    return Comlink.transfer(r, [
      r.samplesUs.buffer,
      ...(r.runSamplesUs ? [r.runSamplesUs.buffer] : []),
    ]);
  },
};

Comlink.expose(api);
