/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { compilers } from '../languages/compilers';
import type {
  ComponentBuild,
  CompileRequest,
  CompileResult,
  CompilerApi,
  LoadProgress,
} from '../protocol/compile';
import { allowWorkersFromOpaqueOrigin } from '../util/crossOriginWorker';

// The parallel build's helpers, in an opaque-origin embed.
allowWorkersFromOpaqueOrigin();

const ready = new Set<string>();
/** Toolchains being loaded, shared by every request that arrives meanwhile. */
const loading = new Map<
  string,
  { done: Promise<void>; listeners: Set<(p: LoadProgress) => void> }
>();

/** Loads the language's toolchain once; returns whether this request had to wait for it. */
async function ensureLoaded(
  language: string,
  onProgress?: (p: LoadProgress) => void,
  variant?: string,
) {
  const { warm } = compilers[language];
  const toolchain = variant
    ? `${compilers[language].toolchain}:${variant}`
    : compilers[language].toolchain;
  if (ready.has(toolchain)) return false;
  let entry = loading.get(toolchain);
  if (!entry) {
    const listeners = new Set<(p: LoadProgress) => void>();
    const done = warm((p) => listeners.forEach((l) => l({ ...p, language })), variant)
      .then(() => void ready.add(toolchain))
      // A failed load is forgotten, so the next compile tries again.
      .finally(() => loading.delete(toolchain));
    entry = { done, listeners };
    loading.set(toolchain, entry);
  }
  if (onProgress) {
    entry.listeners.add(onProgress);
    onProgress({ language, phase: 'loading' });
  }
  try {
    await entry.done;
  } finally {
    if (onProgress) entry.listeners.delete(onProgress);
  }
  onProgress?.({ language, phase: 'ready' });
  return true;
}

const api: CompilerApi = {
  async compile(
    req: CompileRequest,
    onProgress?: (p: LoadProgress) => void,
  ): Promise<CompileResult> {
    try {
      const entry = compilers[req.language];
      if (!entry) throw new Error(`unknown language: ${String(req.language)}`);
      const coldStart = await ensureLoaded(req.language, onProgress);
      const compile = await entry.load();
      const result = await compile(req);
      result.coldStart = coldStart;
      // The gzip size is the page's to take after the run (CompressionStream, off its thread):
      // here it would delay the answer the run waits for.
      return result.wasm ? Comlink.transfer(result, [result.wasm.buffer]) : result;
    } catch (e) {
      // A crashing toolchain must not take the worker down: report it and stay usable.
      const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      return {
        ok: false,
        diagnostics: [
          {
            severity: 'error',
            message: `compiler crashed: ${message}`,
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
          },
        ],
        log: e instanceof Error && e.stack ? e.stack : message,
        compileMs: 0,
        phases: [],
        coldStart: false,
      };
    }
  },
  async toText(wasm: Uint8Array) {
    const { disassemble } = await import('../languages/wat/compile');
    return disassemble(wasm);
  },
  async warm(language: string, onProgress?: (p: LoadProgress) => void, variant?: string) {
    await ensureLoaded(language, onProgress, variant);
  },
  async componentize(core: Uint8Array) {
    const { componentize } = await import('../component/build');
    return transferBuild(await componentize(core));
  },
  async transpileComponent(component: Uint8Array, instantiation?: 'async' | 'sync') {
    const { transpile } = await import('../component/build');
    return transferBuild(await transpile(component, [], instantiation));
  },
  async spinComponent(core: Uint8Array) {
    const { spinComponent } = await import('../component/spin');
    return transferBuild(await spinComponent(core));
  },
};

/** Sends a component build's bytes as transfers, not copies. */
function transferBuild(b: ComponentBuild): ComponentBuild {
  const buffers = new Set<ArrayBuffer>();
  if (b.component) buffers.add(b.component.buffer as ArrayBuffer);
  for (const core of Object.values(b.transpiled?.cores ?? {}))
    buffers.add(core.buffer as ArrayBuffer);
  return Comlink.transfer(b, [...buffers]);
}

Comlink.expose(api);
