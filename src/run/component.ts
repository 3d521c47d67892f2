// Run's optional component step: wrap the module as a wasi:cli/command component (or read an
// opened component) and transpile it with jco, in the compiler worker.
import type { ComponentBuild } from '../protocol/compile';
import type { ComponentInfo } from '../store/runSlice';
import { useStore } from '../store/store';
import { compilerClient } from './clients';

/** What the inspector shows of a component build. */
export function componentInfo(b: ComponentBuild): ComponentInfo | null {
  if (!b.wit) return null;
  return {
    bytes: b.component ? b.component.slice() : null,
    wit: b.wit,
    world: b.world ?? 'unknown',
    exports: b.exports ?? [],
    runnable: b.runnable === true,
    coreBytes: b.coreBytes,
    adapterBytes: b.adapterBytes,
  };
}

/**
 * A built module is wrapped and transpiled, an opened component is transpiled. On failure the
 * reason is returned and the preview 1 module stays the last module (Download, the inspector,
 * and Run with the setting off all still work on it).
 */
export async function componentStep(
  wasm: Uint8Array,
  opened: boolean,
  signal: AbortSignal,
): Promise<{ build: ComponentBuild; error?: string }> {
  const build = opened
    ? await compilerClient().transpileComponent(wasm.slice(), signal)
    : await compilerClient().componentize(wasm.slice(), signal);
  useStore.getState().patchRun({ component: componentInfo(build) });
  if (!build.ok) return { build, error: build.error ?? 'the component could not be built' };
  if (!build.runnable)
    return {
      build,
      error: `a component of world "${build.world}" (exports ${build.exports?.join(', ') || 'nothing'}) is shown, not run: only wasi:cli/run components run here`,
    };
  return { build };
}
