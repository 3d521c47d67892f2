/**
 * Serves HTTP requests with a Spin component, as Spin's HTTP trigger does: a fresh instance per
 * request (jco's sync instantiation over core modules compiled once), the request handed to its
 * wasi:http/incoming-handler export, the host services the manifest grants. Runner worker side.
 */
import type { SpinGrants } from '../../protocol/server';
import type { TranspiledComponent } from '../../protocol/compile';
import { serverError } from '../cgi';
import { parseRoute, type HttpRequest } from '../wagi';
import type { SpinData } from './data';
import { type IncomingRequest, ResponseOutparam, httpTypes } from './httpTypes';
import { beginServe, guestLog, incomingRequest, responseOf, type SpinServeResult } from './serving';
export { MAX_REQUEST_BODY, type SpinServeResult } from './serving';
import { outgoingHandler, xhrSender, type Sender } from './outbound';
import { spinImports, type ServiceContext } from './services';
import { GuestExit, wasiImports } from './wasi';
import { filesystemImports } from './wasiFs';
import { mountedTree } from './files';
import type { DirNode } from '../../wasi/memfs';

type Instantiate = (
  getCoreModule: (name: string) => WebAssembly.Module,
  imports: object,
) => Record<string, unknown>;

/** Loads jco's ES module text (a blob URL in a browser; a data URL in Node). */
async function loadModule(js: string): Promise<{ instantiate: Instantiate }> {
  const NodeBuffer = (
    globalThis as { Buffer?: { from(s: string): { toString(e: 'base64'): string } } }
  ).Buffer;
  if (NodeBuffer)
    return import(
      /* @vite-ignore */ `data:text/javascript;base64,${NodeBuffer.from(js).toString('base64')}`
    );
  const url = URL.createObjectURL(new Blob([js], { type: 'text/javascript' }));
  try {
    return await import(/* @vite-ignore */ url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export class SpinHost {
  private ctx: ServiceContext;
  private route;

  private constructor(
    private modules: Record<string, WebAssembly.Module>,
    private instantiate: Instantiate,
    readonly grants: SpinGrants,
    data: SpinData | null,
    env: Record<string, string>,
    private send: Sender,
  ) {
    this.ctx = { grants, data, env, calls: [] };
    this.route = parseRoute(grants.route);
  }

  /** Compiles the component's core modules and loads its bindings (throws what fails). */
  static async create(
    component: TranspiledComponent,
    grants: SpinGrants,
    data: SpinData | null,
    env: Record<string, string> = {},
    send: Sender = xhrSender,
  ): Promise<SpinHost> {
    const modules: Record<string, WebAssembly.Module> = {};
    for (const [name, bytes] of Object.entries(component.cores))
      modules[name] = await WebAssembly.compile(bytes as BufferSource);
    const mod = await loadModule(component.js);
    return new SpinHost(modules, mod.instantiate, grants, data, env, send);
  }

  get data(): SpinData | null {
    return this.ctx.data;
  }

  /** The manifest's files, read-only at `/` (built once: nothing can change them). */
  private mounted: DirNode | null = null;

  /** Mounts the manifest's files (guest path → bytes) read-only at `/`; none: no preopen. */
  mount(files: Record<string, Uint8Array>) {
    this.mounted = mountedTree(files);
  }

  /** One fresh instance, made and dropped (the cold-start lab): µs; throws what fails. */
  instantiateOnce(): number {
    const imports = this.importsFor(() => {});
    const t0 = performance.now();
    this.instantiate((name) => this.modules[name], imports);
    return (performance.now() - t0) * 1000;
  }

  /** The import object for one instance (what it prints goes to `log`). */
  private importsFor(log: (b: Uint8Array) => void): Record<string, object> {
    return {
      ...wasiImports({ env: [], log }),
      ...filesystemImports(this.mounted),
      ...spinImports(this.ctx),
      'wasi:http/types': httpTypes,
      'wasi:http/outgoing-handler': outgoingHandler(this.ctx, this.send),
    };
  }

  serve(req: HttpRequest): SpinServeResult {
    const { early, ...result } = beginServe(req, this.route, this.ctx);
    if (early) return result;
    const log = guestLog();
    const imports = this.importsFor(log.write);
    const t0 = performance.now();
    let exports: Record<string, unknown>;
    try {
      exports = this.instantiate((name) => this.modules[name], imports);
    } catch (e) {
      result.response = serverError(
        500,
        `the component could not be instantiated: ${(e as Error).message ?? e}`,
      );
      return result;
    }
    const t1 = performance.now();
    result.instantiateUs = (t1 - t0) * 1000;
    const handler = (exports.incomingHandler ??
      Object.entries(exports).find(([k]) => k.startsWith('wasi:http/incoming-handler@'))?.[1]) as
      { handle(r: IncomingRequest, o: ResponseOutparam): void } | undefined;
    if (!handler) {
      result.response = serverError(500, 'the component exports no wasi:http/incoming-handler');
      return result;
    }
    const out = new ResponseOutparam();
    let failure: string | null = null;
    try {
      handler.handle(incomingRequest(req), out);
    } catch (e) {
      failure =
        e instanceof GuestExit
          ? `the component called exit(${e.code}) while handling the request`
          : `the component trapped: ${(e as Error).message ?? e}`;
    }
    result.runUs = (performance.now() - t1) * 1000;
    result.stderr = log.text();
    result.response = responseOf(out, failure, result.stderr);
    return result;
  }
}
