/**
 * Component builds in the compiler worker: a preview 1 command module becomes a
 * `wasi:cli/command` component (wasm-tools' component-new with the preview 1 command adapter,
 * both from jco as wasm), and a component is transpiled for this host by jco's bindgen
 * (`generate`, async instantiation: the runner supplies the imports and the core modules).
 */
import type { ComponentBuild, PhaseTiming, TranspiledComponent } from '../protocol/compile';
import { componentBlocker, worldOf } from './detect';

/**
 * wasmtime's preview 1 adapters (command and reactor), as jco 1.35.0 ships them (lib/, Apache-2.0 WITH
 * LLVM-exception). Kept here because jco itself brings 340 MB of dependencies for two 51 KB files.
 */
const adapters = {
  command: new URL('./wasi_snapshot_preview1.command.wasm', import.meta.url),
  reactor: new URL('./wasi_snapshot_preview1.reactor.wasm', import.meta.url),
};
const loaded: Partial<Record<keyof typeof adapters, Promise<Uint8Array>>> = {};

/** wasmtime's preview 1 adapter: `command` (a `_start` program) or `reactor` (exports only). */
export function loadAdapter(kind: keyof typeof adapters = 'command'): Promise<Uint8Array> {
  const adapterUrl = adapters[kind];
  const adapter = (loaded[kind] ??= (async () => {
    if (adapterUrl.protocol === 'file:') {
      // Node (the unit tests) reads it from disk.
      const fs = await import('node:fs/promises');
      return new Uint8Array(await fs.readFile(adapterUrl));
    }
    const res = await fetch(adapterUrl);
    if (!res.ok) throw new Error(`the preview 1 adapter did not load (HTTP ${res.status})`);
    return new Uint8Array(await res.arrayBuffer());
  })());
  adapter.catch(() => delete loaded[kind]);
  return adapter;
}

/** What jco's wasm tools throw: a ComponentError whose payload is wasm-tools' message. */
export function messageOf(e: unknown): string {
  const payload = (e as { payload?: unknown } | null)?.payload;
  if (typeof payload === 'string') return payload;
  return e instanceof Error ? e.message : String(e);
}

export async function timed<T>(
  phases: PhaseTiming[],
  name: string,
  f: () => Promise<T>,
): Promise<T> {
  const t0 = performance.now();
  const r = await f();
  phases.push({ name, ms: performance.now() - t0 });
  return r;
}

/** Wraps a preview 1 command module as a component, then transpiles it (see transpile). */
export async function componentize(core: Uint8Array): Promise<ComponentBuild> {
  const phases: PhaseTiming[] = [];
  let mod: WebAssembly.Module;
  try {
    mod = await WebAssembly.compile(core as BufferSource);
  } catch (e) {
    return { ok: false, error: `not a valid module: ${messageOf(e)}`, phases };
  }
  const blocker = componentBlocker(
    WebAssembly.Module.imports(mod),
    WebAssembly.Module.exports(mod),
  );
  if (blocker) return { ok: false, error: `cannot become a component: ${blocker}`, phases };
  let component: Uint8Array;
  let adapterBytes: number;
  try {
    const [tools, adapterWasm] = await Promise.all([
      import('@bytecodealliance/jco-transpile/wasm-tools'),
      loadAdapter(),
    ]);
    adapterBytes = adapterWasm.byteLength;
    component = (
      await timed(phases, 'component-new', () =>
        tools.componentNew(core, [['wasi_snapshot_preview1', adapterWasm]]),
      )
    ).slice();
  } catch (e) {
    return { ok: false, error: `component-new failed: ${messageOf(e)}`, phases };
  }
  const r = await transpile(component, phases);
  return { ...r, coreBytes: core.byteLength, adapterBytes };
}

/** Reads a component's WIT and transpiles it with jco (`generate`). */
export async function transpile(
  component: Uint8Array,
  phases: PhaseTiming[] = [],
  instantiation: 'async' | 'sync' = 'async',
): Promise<ComponentBuild> {
  let wit: string;
  try {
    const tools = await import('@bytecodealliance/jco-transpile/wasm-tools');
    wit = await timed(phases, 'wit', () => tools.componentWit(component));
  } catch (e) {
    return { ok: false, error: `not a readable component: ${messageOf(e)}`, component, phases };
  }
  const world = worldOf(wit);
  const base = { component, wit, ...world, phases };
  try {
    const transpiled = await timed(phases, 'transpile', () => generate(component, instantiation));
    return { ok: true, ...base, transpiled };
  } catch (e) {
    return { ...base, ok: false, error: `jco could not transpile it: ${messageOf(e)}` };
  }
}

/**
 * jco wraps two reallocs with `WebAssembly.promising` at every instantiation, for async lowering
 * a sync component never does; where JSPI exists each wrap costs ≈ 4 ms (8.7 → 0.73 ms per
 * instantiation of a Spin component, measured in Node 20). Made lazy: wrapped on first use.
 */
function lazyPromising(js: string): string {
  return (
    'const __lazyPromising = (f) => { let p; return (...a) => (p ??= WebAssembly.promising(f))(...a); };\n' +
    js
      .replaceAll('WebAssembly.promising(', '__lazyPromising(')
      // Its debug log reads process.env on every call (slow in Node; the unit tests run there).
      .replace(
        'if (!globalThis?.process?.env?.JCO_DEBUG) { return; }',
        'if (!JCO_DEBUG) { return; }',
      )
      .replace(
        'const _debugLog = (',
        'const JCO_DEBUG = !!globalThis?.process?.env?.JCO_DEBUG;\n  const _debugLog = (',
      )
  );
}

async function generate(
  component: Uint8Array,
  instantiation: 'async' | 'sync',
): Promise<TranspiledComponent> {
  const bindgen = await import('@bytecodealliance/jco-transpile/component');
  await bindgen.$init;
  const out = bindgen.generate(component, {
    name: 'component',
    // The runner passes the WASI implementation and the compiled core modules in; `sync` for
    // a Spin component, instantiated afresh for every request.
    instantiation: { tag: instantiation },
    noTypescript: true,
    noNodejsCompat: true,
    // Core modules stay separate files (compiled by the runner), never base64 in the JS.
    base64Cutoff: 0,
  });
  const cores: Record<string, Uint8Array> = {};
  let js = '';
  for (const [name, bytes] of out.files) {
    // Copies: each gets a buffer of its own, so it can be transferred.
    if (name.endsWith('.wasm')) cores[name] = bytes.slice();
    else if (name.endsWith('.js')) js = new TextDecoder().decode(bytes);
  }
  if (!js) throw new Error('jco produced no JavaScript');
  return { js: lazyPromising(js), cores };
}
