import * as Comlink from 'comlink';
import { AbortError, raceWorker, SUPERSEDED } from '../util/workerCall';
import type {
  ComponentBuild,
  CompileRequest,
  CompileResult,
  CompilerApi,
  LoadProgress,
} from '../protocol/compile';
import type { LanguageId } from '../languages/registry';

/** The long-lived compiler worker. Toolchains stay warm in it until it has to be restarted. */
export class CompilerClient {
  private worker!: Worker;
  private api!: Comlink.Remote<CompilerApi>;

  constructor() {
    this.start();
  }

  private start() {
    this.worker = new Worker(new URL('../workers/compiler.worker.ts', import.meta.url), {
      type: 'module',
      name: 'compiler',
    });
    this.api = Comlink.wrap<CompilerApi>(this.worker);
  }

  /** Kills the worker (a stuck compile) and starts a fresh one; toolchains reload on next use. */
  restart() {
    this.worker.terminate();
    this.start();
  }

  /** Loads a toolchain in the background; errors surface on the next compile instead. */
  warm(
    language: LanguageId,
    onProgress?: (p: LoadProgress<LanguageId>) => void,
    variant?: string,
  ): Promise<void> {
    const cb = onProgress ? Comlink.proxy(onProgress as (p: LoadProgress) => void) : undefined;
    return raceWorker(this.worker, this.api.warm(language, cb, variant)).catch(() => {});
  }

  /** WebAssembly text of a module, for download. */
  toText(wasm: Uint8Array): Promise<string> {
    return raceWorker(this.worker, this.api.toText(wasm));
  }

  /** A preview 1 command module as a component, transpiled (see CompilerApi.componentize). */
  componentize(core: Uint8Array, signal?: AbortSignal): Promise<ComponentBuild> {
    return raceWorker(
      this.worker,
      this.api.componentize(Comlink.transfer(core, [core.buffer])),
      signal,
    );
  }

  /** A component's WIT and its transpiled form (`sync`: a Spin component's). */
  transpileComponent(
    component: Uint8Array,
    signal?: AbortSignal,
    instantiation?: 'async' | 'sync',
  ): Promise<ComponentBuild> {
    return raceWorker(
      this.worker,
      this.api.transpileComponent(Comlink.transfer(component, [component.buffer]), instantiation),
      signal,
    );
  }

  /** A Spin HTTP component from a `spin-http` core module (see CompilerApi.spinComponent). */
  spinComponent(core: Uint8Array, signal?: AbortSignal): Promise<ComponentBuild> {
    return raceWorker(
      this.worker,
      this.api.spinComponent(Comlink.transfer(core, [core.buffer])),
      signal,
    );
  }

  async compile(
    req: CompileRequest,
    onProgress?: (p: LoadProgress<LanguageId>) => void,
    signal?: AbortSignal,
  ): Promise<CompileResult> {
    const cb = onProgress ? Comlink.proxy(onProgress as (p: LoadProgress) => void) : undefined;
    const worker = this.worker;
    try {
      return await raceWorker(worker, this.api.compile(req, cb), signal);
    } catch (e) {
      // A newer request superseded this one: it is queued behind it in the same worker, so the
      // worker must live on; this answer is simply ignored when it comes.
      if (e instanceof AbortError && signal?.reason === SUPERSEDED) throw e;
      // Stopped mid-compile (a stuck compiler) or the worker died: start a fresh one, unless
      // that already happened since this call began.
      if (this.worker === worker) this.restart();
      throw e;
    }
  }
}
