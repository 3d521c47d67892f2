/**
 * Lets V8 use its wasm code cache for the C/C++ toolchain, without patching it.
 *
 * V8 caches (and later reuses) a module's compiled code only when it was compiled with
 * `WebAssembly.compileStreaming` from a real network `Response` that has a URL. `@yowasp/runtime`
 * (bundled into `@yowasp/clang`) wraps every fetched `Response` in `new Response(stream, response)`
 * to count download progress, and that wrapper has no URL: every page load compiled the 75 MB
 * `llvm.core.wasm` again (≈1.5 s on 2 cores).
 *
 * Installed in the compiler worker before the toolchain is imported (its runtime reads
 * `globalThis.fetch` once, when its module is evaluated):
 * - `fetch` of a `.wasm` URL starts `compileStreaming` on the real response at once and hands the
 *   runtime a clone of it, tagged with a header that names that compile;
 * - `WebAssembly.compileStreaming` given the runtime's wrapper of a tagged clone reads the
 *   wrapper through (so the runtime's progress still counts every byte) and returns the compile
 *   started on the real response.
 *
 * The upstream fix is smaller: in the runtime's `#fetchResources`, count progress on
 * `response.clone()` and pass the original `response` on (see the README's note on it).
 */

const TAG = 'x-playground-compile';

let installed = false;
/** Every module compiled through the hook, by the URL it was fetched from. */
const compiledByUrl = new Map<string, Promise<WebAssembly.Module>>();
/** Modules another worker compiled, by URL: used instead of fetching and compiling them here. */
let provided = new Map<string, WebAssembly.Module>();

/**
 * The modules compiled here so far (the toolchain's, once it is loaded), for a helper worker:
 * a `WebAssembly.Module` posted to a worker of the same page shares its compiled code, so the
 * helper's clang is ready without compiling 75 MB of wasm again.
 */
export async function compiledModules(): Promise<Record<string, WebAssembly.Module>> {
  const out: Record<string, WebAssembly.Module> = {};
  for (const [url, compile] of compiledByUrl) {
    const m = await compile.catch(() => null);
    if (m) out[url] = m;
  }
  return out;
}

/** Call before the toolchain loads: these URLs are neither fetched nor compiled here. */
export function provideModules(modules: Record<string, WebAssembly.Module>): void {
  provided = new Map(Object.entries(modules));
}

const urlOf = (input: RequestInfo | URL) =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

export function installWasmCodeCache(scope: typeof globalThis = globalThis): void {
  if (installed || typeof scope.WebAssembly?.compileStreaming !== 'function') return;
  installed = true;
  const realFetch = scope.fetch.bind(scope);
  const realCompileStreaming = scope.WebAssembly.compileStreaming.bind(scope.WebAssembly);
  const compiles = new Map<string, Promise<WebAssembly.Module>>();
  let next = 0;

  scope.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const given = provided.get(urlOf(input));
    if (given) {
      // An empty body: the runtime's progress counts nothing, and the compile is the given one.
      const id = String(next++);
      compiles.set(id, Promise.resolve(given));
      return new Response(new Uint8Array(0), {
        headers: { [TAG]: id, 'content-type': 'application/wasm', 'content-length': '0' },
      });
    }
    const response = await realFetch(input, init);
    const url = response.url;
    if (!response.ok || !response.body || !new URL(url).pathname.endsWith('.wasm')) return response;
    const id = String(next++);
    const copy = response.clone();
    const compile = realCompileStreaming(response);
    // Nobody may ask (a runtime that compiles another way): the rejection is not unhandled.
    compile.catch(() => {});
    compiles.set(id, compile);
    compiledByUrl.set(urlOf(input), compile);
    const headers = new Headers(copy.headers);
    headers.set(TAG, id);
    return new Response(copy.body, {
      status: copy.status,
      statusText: copy.statusText,
      headers,
    });
  };

  scope.WebAssembly.compileStreaming = async (
    source: Response | PromiseLike<Response>,
  ): Promise<WebAssembly.Module> => {
    const response = await source;
    const id = response.headers.get(TAG);
    const compile = id === null ? undefined : compiles.get(id);
    if (!compile || id === null) return realCompileStreaming(response);
    compiles.delete(id);
    // Drain the wrapper: its transform stream is what reports the download progress.
    await response.body?.pipeTo(new WritableStream());
    return compile;
  };
}
