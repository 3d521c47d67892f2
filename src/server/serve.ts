/**
 * Serves one HTTP request with a fresh instance of a WAGI handler (worker side, synchronous):
 * the request's environment and argv, its body on stdin, the project's files at `/`, stdout
 * parsed as a CGI response. Spin does the same for every request; so does the playground.
 */
import { WasiHost, wasiImportsOf, type WasiOptions } from '../wasi/host';
import { Budget, buildTree } from '../wasi/memfs';
import { StdinStream } from '../wasi/stdin';
import { FreshInstances } from '../wasm/memoryPool';
import { runStart } from '../wasm/command';
import { composeResponse, serverError, type HttpResponse } from './cgi';
import {
  parseRoute,
  routeMatches,
  splitTarget,
  wagiArgv,
  wagiEnv,
  type HttpRequest,
  type WagiSite,
} from './wagi';

/** A handler's answer to one request, with what it cost. */
export interface ServeResult {
  response: HttpResponse;
  /** `new WebAssembly.Instance` with a fresh WASI host, µs. */
  instantiateUs: number;
  /** `_start` until it returned or exited, µs. */
  runUs: number;
  /** What the handler wrote to stderr (its log), at most STDERR_KEEP bytes. */
  stderr: string;
}

/** A response larger than this is cut off with a 502 (the page holds it whole). */
export const MAX_RESPONSE = 32 * 1024 * 1024;
const STDERR_KEEP = 16 * 1024;
const dec = new TextDecoder();

/**
 * A compiled handler and the world each of its instances gets. Each request gets a new instance
 * and new WASI state (WasiHost.renew: only the calls' JS functions are kept); its linear memory
 * comes from a pool, zeroed (as Spin's Wasmtime pooling allocator gives it), unless `pooled` is
 * false or the module cannot take one. Requests are served one at a time.
 */
export class HandlerHost {
  private route;
  private only: ReadonlySet<string>;
  private fresh: FreshInstances;
  private wasi: WasiHost | null = null;
  private imports: WebAssembly.Imports | null = null;

  /** Compiles `wasm` (throws its compile error). */
  constructor(
    wasm: Uint8Array,
    readonly site: WagiSite,
    readonly files: Record<string, Uint8Array>,
    pooled = true,
  ) {
    this.route = parseRoute(site.route);
    this.fresh = new FreshInstances(wasm, pooled);
    this.only = wasiImportsOf(this.fresh.module);
  }

  /** Whether instances get pooled memories. */
  get pooled(): boolean {
    return this.fresh.pool !== null;
  }

  serve(req: HttpRequest): ServeResult {
    const result: ServeResult = {
      response: serverError(500, ''),
      instantiateUs: 0,
      runUs: 0,
      stderr: '',
    };
    if (!routeMatches(this.route, splitTarget(req.path).path)) {
      result.response = serverError(404, `Not Found: the route ${this.site.route} does not match`);
      return result;
    }
    const out: Uint8Array[] = [];
    let outBytes = 0;
    let tooBig = false;
    const err: Uint8Array[] = [];
    let errBytes = 0;
    const budget = new Budget();
    const opts: WasiOptions = {
      args: wagiArgv(req),
      env: wagiEnv(req, this.site),
      stdin: new StdinStream(req.body, false),
      stdout: (b) => {
        if (outBytes + b.length > MAX_RESPONSE) tooBig = true;
        else out.push(b.slice());
        outBytes += b.length;
      },
      stderr: (b) => {
        if (errBytes < STDERR_KEEP) err.push(b.slice(0, STDERR_KEEP - errBytes));
        errBytes += b.length;
      },
      root: buildTree(this.files, budget),
      budget,
      only: this.only,
    };
    // The calls' functions are made once per handler; the state they act on, per request.
    const wasi = this.wasi ?? new WasiHost(opts);
    if (this.wasi) wasi.renew(opts);
    else {
      this.wasi = wasi;
      this.imports = { wasi_snapshot_preview1: wasi.imports as WebAssembly.ModuleImports };
    }
    const t0 = performance.now();
    let made: ReturnType<FreshInstances['instantiate']>;
    try {
      made = this.fresh.instantiate(this.imports!);
    } catch (e) {
      result.response = serverError(
        500,
        `the handler could not be instantiated: ${(e as Error).message}`,
      );
      return result;
    }
    result.instantiateUs = (performance.now() - t0) * 1000;
    const end = runStart(made.instance, wasi, made.memory);
    this.fresh.release(made.pooled);
    if (end.error) {
      result.response = serverError(500, end.error);
      return result;
    }
    const exitCode = end.exitCode;
    const trap = end.trap?.message ?? null;
    result.runUs = end.ms * 1000;
    result.stderr = dec.decode(concat(err));
    const log = result.stderr ? `\n\nstderr:\n${result.stderr}` : '';
    if (trap !== null) result.response = serverError(500, `the handler trapped: ${trap}${log}`);
    else if (exitCode !== 0)
      result.response = serverError(500, `the handler exited with code ${exitCode}${log}`);
    else if (tooBig)
      result.response = serverError(
        502,
        `the response is larger than ${MAX_RESPONSE / 1048576} MiB`,
      );
    else result.response = composeResponse(concat(out));
    return result;
  }
}

export function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  let n = 0;
  for (const p of parts) n += p.length;
  const all = new Uint8Array(n);
  n = 0;
  for (const p of parts) {
    all.set(p, n);
    n += p.length;
  }
  return all;
}
