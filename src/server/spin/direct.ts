/**
 * The direct host for components built with spin.h: the component's own core module (before
 * `component new`), instantiated per request like a WAGI module (memories pooled), its WASI
 * preview 1 calls served by our WASI host (the adapter's part) and its canonical-ABI imports of
 * wasi:http, wasi:io and fermyon:spin lowered here by hand (the bindings' part), over the same
 * host objects as the jco path. Same answers (spin.test.ts runs both), ≈ 10× less per request:
 * jco's bindings build hundreds of closures per instance and a task per call.
 */
import type { SpinGrants } from '../../protocol/server';
import { serverError } from '../cgi';
import { parseRoute, type HttpRequest } from '../wagi';
import { WasiExit, WasiHost, wasiImportsOf, type WasiOptions } from '../../wasi/host';
import { Budget, buildTree, type DirNode } from '../../wasi/memfs';
import { mountedTree } from './files';
import { StdinStream } from '../../wasi/stdin';
import { FreshInstances } from '../../wasm/memoryPool';
import { describeTrap } from '../../wasm/trap';
import { Abi } from './abi';
import type { SpinData } from './data';
import { ResponseOutparam } from './httpTypes';
import { beginServe, guestLog, incomingRequest, responseOf, type SpinServeResult } from './serving';
import { httpImports, OWN_MODULES } from './directHttp';
import { spinServiceImports } from './directServices';
import { xhrSender, type Sender } from './outbound';
import type { ServiceContext } from './services';

const HANDLE = 'wasi:http/incoming-handler@0.2.0#handle';

/** Whether a core module can be served directly: it imports only what this host lowers. */
export function directServable(mod: WebAssembly.Module): boolean {
  const exportsHandle = WebAssembly.Module.exports(mod).some((e) => e.name === HANDLE);
  return (
    exportsHandle &&
    WebAssembly.Module.imports(mod).every(
      (i) => i.module === 'wasi_snapshot_preview1' || OWN_MODULES.has(i.module),
    )
  );
}

export class DirectSpinHost {
  private fresh: FreshInstances;
  private only: ReadonlySet<string>;
  private abi = new Abi();
  private ctx: ServiceContext;
  private imports: WebAssembly.Imports;
  private wasi: WasiHost | null = null;
  private log: (b: Uint8Array) => void = () => {};
  private route;
  /** The manifest's files, read-only at `/` (built once: nothing can change them). */
  private mounted: DirNode | null = null;

  constructor(
    core: Uint8Array,
    readonly grants: SpinGrants,
    data: SpinData | null,
    env: Record<string, string> = {},
    send: Sender = xhrSender,
    pooled = true,
  ) {
    this.fresh = new FreshInstances(core, pooled);
    this.only = wasiImportsOf(this.fresh.module);
    this.ctx = { grants, data, env, calls: [] };
    this.route = parseRoute(grants.route);
    this.imports = {
      ...httpImports(this.abi, this.ctx, send),
      ...spinServiceImports(this.abi, this.ctx),
    } as WebAssembly.Imports;
  }

  get data(): SpinData | null {
    return this.ctx.data;
  }

  /** Mounts the manifest's files (guest path → bytes) read-only at `/`; none: no preopen. */
  mount(files: Record<string, Uint8Array>) {
    this.mounted = mountedTree(files);
  }

  private wasiOptions(): WasiOptions {
    const budget = new Budget();
    const log = (b: Uint8Array) => this.log(b);
    return {
      args: [],
      env: [],
      stdin: new StdinStream(new Uint8Array(0), false),
      stdout: log,
      stderr: log,
      root: this.mounted ?? buildTree({}, budget),
      preopen: this.mounted !== null,
      readOnly: true,
      budget,
      only: this.only,
    };
  }

  /** A fresh instance with its WASI state and an empty resource table. */
  private instance() {
    const opts = this.wasiOptions();
    if (this.wasi) this.wasi.renew(opts);
    else {
      this.wasi = new WasiHost(opts);
      this.imports.wasi_snapshot_preview1 = this.wasi.imports as WebAssembly.ModuleImports;
    }
    const made = this.fresh.instantiate(this.imports);
    const memory = made.memory;
    this.wasi.memory = memory;
    const realloc = made.instance.exports.cabi_realloc as Abi['realloc'];
    this.abi.reset(memory, realloc);
    return made;
  }

  /** One fresh instance, made and dropped (the cold-start lab): µs. */
  instantiateOnce(): number {
    const t0 = performance.now();
    const made = this.instance();
    const us = (performance.now() - t0) * 1000;
    this.fresh.release(made.pooled);
    return us;
  }

  serve(req: HttpRequest): SpinServeResult {
    const { early, ...result } = beginServe(req, this.route, this.ctx);
    if (early) return result;
    const log = guestLog();
    this.log = log.write;
    const t0 = performance.now();
    let made: ReturnType<DirectSpinHost['instance']>;
    try {
      made = this.instance();
    } catch (e) {
      result.response = serverError(
        500,
        `the component could not be instantiated: ${(e as Error).message}`,
      );
      return result;
    }
    const t1 = performance.now();
    result.instantiateUs = (t1 - t0) * 1000;
    const out = new ResponseOutparam();
    let failure: string | null = null;
    try {
      const ex = made.instance.exports;
      (ex._initialize as (() => void) | undefined)?.();
      const request = this.abi.own(incomingRequest(req));
      (ex[HANDLE] as (r: number, o: number) => void)(request, this.abi.own(out));
    } catch (e) {
      failure =
        e instanceof WasiExit
          ? `the component exited with code ${e.code} while handling the request`
          : `the component trapped: ${describeTrap(e).message}`;
    } finally {
      this.fresh.release(made.pooled);
    }
    result.runUs = (performance.now() - t1) * 1000;
    result.stderr = log.text();
    result.response = responseOf(out, failure, result.stderr);
    return result;
  }
}
