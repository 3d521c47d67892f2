/**
 * Component builds in the compiler worker: a preview 1 command module becomes a
 * `wasi:cli/command` component (wasm-tools' component-new with the preview 1 command adapter,
 * both from jco as wasm), and a component is transpiled for this host by jco's bindgen
 * (`generate`, async instantiation: the runner supplies the imports and the core modules).
 */
import type { ComponentBuild, PhaseTiming, TranspiledComponent } from '../protocol/compile';
import { componentBlocker, worldOf } from './detect';

/**
 * wasmtime's preview 1 command adapter, as jco 1.35.0 ships it (lib/, Apache-2.0 WITH
 * LLVM-exception). Kept here because jco itself brings 340 MB of dependencies for one 51 KB file.
 */
const adapterUrl = new URL('./wasi_snapshot_preview1.command.wasm', import.meta.url);
let adapter: Promise<Uint8Array> | null = null;

function loadAdapter(): Promise<Uint8Array> {
  adapter ??= (async () => {
    if (adapterUrl.protocol === 'file:') {
      // Node (the unit tests) reads it from disk.
      const fs = await import('node:fs/promises');
      return new Uint8Array(await fs.readFile(adapterUrl));
    }
    const res = await fetch(adapterUrl);
    if (!res.ok) throw new Error(`the preview 1 adapter did not load (HTTP ${res.status})`);
    return new Uint8Array(await res.arrayBuffer());
  })();
  adapter.catch(() => (adapter = null));
  return adapter;
}

/** What jco's wasm tools throw: a ComponentError whose payload is wasm-tools' message. */
function messageOf(e: unknown): string {
  const payload = (e as { payload?: unknown } | null)?.payload;
  if (typeof payload === 'string') return payload;
  return e instanceof Error ? e.message : String(e);
}

async function timed<T>(phases: PhaseTiming[], name: string, f: () => Promise<T>): Promise<T> {
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
    const transpiled = await timed(phases, 'transpile', () => generate(component));
    return { ok: true, ...base, transpiled };
  } catch (e) {
    return { ...base, ok: false, error: `jco could not transpile it: ${messageOf(e)}` };
  }
}

async function generate(component: Uint8Array): Promise<TranspiledComponent> {
  const bindgen = await import('@bytecodealliance/jco-transpile/component');
  await bindgen.$init;
  const out = bindgen.generate(component, {
    name: 'component',
    // The runner passes the WASI implementation and the compiled core modules in.
    instantiation: { tag: 'async' },
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
  return { js, cores };
}
