/**
 * A Spin HTTP component from a core module built for it (C/C++ with spin.h): wasm-tools'
 * `component embed` with the WIT of fermyon:spin/http-trigger@2.0.0, then `component new` with
 * the preview 1 reactor adapter, then jco's bindgen with sync instantiation (the runner makes a
 * fresh instance for every request). In the compiler worker.
 */
import type { ComponentBuild, PhaseTiming } from '../protocol/compile';
import { loadAdapter, messageOf, timed, transpile } from './build';

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
  } catch (e) {
    return { ok: false, error: `the Spin component could not be made: ${messageOf(e)}`, phases };
  }
  const r = await transpile(component, phases, 'sync');
  return { ...r, coreBytes: core.byteLength, adapterBytes };
}
