/**
 * A Spin HTTP component from a core module built for it (C/C++ with spin.h): wasm-tools'
 * `component embed` with the WIT of fermyon:spin/http-trigger@2.0.0, then `component new` with
 * the preview 1 reactor adapter; its WIT for the inspector and the manifest view. Not transpiled:
 * the runner serves the core module directly (a fresh instance per request, server/spin/
 * direct.ts) — jco's bindgen took ≈ 400 ms a build for bindings nobody used, and refuses a module
 * with wasm exceptions (C++). In the compiler worker.
 */
import type { ComponentBuild, PhaseTiming } from '../protocol/compile';
import { loadAdapter, messageOf, timed } from './build';
import { worldOf } from './detect';

let wit: Promise<string> | null = null;
/**
 * The world's WIT (≈ 34 KB of text: the world, then one file per package, nested), loaded with
 * the first Spin build.
 */
function loadWit(): Promise<string> {
  wit ??= Promise.all(
    Object.entries(import.meta.glob<string>('./wit/*.wit', { query: '?raw', import: 'default' }))
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([, load]) => load()),
  ).then((texts) => texts.join('\n'));
  return wit;
}

export async function spinComponent(core: Uint8Array): Promise<ComponentBuild> {
  const phases: PhaseTiming[] = [];
  let component: Uint8Array;
  let adapterBytes: number;
  let wit: string;
  try {
    const [tools, adapter, witSource] = await Promise.all([
      import('@bytecodealliance/jco-transpile/wasm-tools'),
      loadAdapter('reactor'),
      loadWit(),
    ]);
    adapterBytes = adapter.byteLength;
    const embedded = await timed(phases, 'component embed', () =>
      tools.componentEmbed({ binary: core, witSource, world: 'http-trigger' }),
    );
    component = (
      await timed(phases, 'component new', () =>
        tools.componentNew(embedded, [['wasi_snapshot_preview1', adapter]]),
      )
    ).slice();
    wit = await timed(phases, 'wit', () => tools.componentWit(component));
  } catch (e) {
    return { ok: false, error: `the Spin component could not be made: ${messageOf(e)}`, phases };
  }
  return {
    ok: true,
    component,
    wit,
    ...worldOf(wit),
    phases,
    coreBytes: core.byteLength,
    adapterBytes,
  };
}
