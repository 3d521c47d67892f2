// Run's Spin step: the built core module (or an opened component) becomes a Spin HTTP component
// in the compiler worker, and its handler spec — grants from the manifest, the kept data — is
// what the HTTP branch serves.
import type { PhaseTiming } from '../protocol/compile';
import type { SpinSpec } from '../protocol/server';
import { currentProject } from '../store/projectSlice';
import { useStore } from '../store/store';
import { compilerClient } from './clients';
import { componentInfo } from './component';
import { openedManifest } from '../server/spin/opened';
import { toMountable } from '../project/changes';
import { manifestOf, spinSpecOf } from '../server/spin/page';

/**
 * The spec of the current project's Spin component (`wasm`: its `spin-http` core module), or of
 * an opened component (`opened`: its file name); else why it cannot be served.
 */
export async function spinStep(
  wasm: Uint8Array,
  opened: string | null,
  signal?: AbortSignal,
): Promise<({ spec: SpinSpec } | { error: string }) & { phases: PhaseTiming[] }> {
  const build = opened
    ? await compilerClient().transpileComponent(wasm.slice(), signal, 'sync')
    : await compilerClient().spinComponent(wasm.slice(), signal);
  const s = useStore.getState();
  s.patchRun({ component: componentInfo(build) });
  const p = currentProject(s);
  const manifest = opened ? await openedManifest(opened, build.wit ?? '') : manifestOf(p);
  const r = await spinSpecOf(
    build,
    manifest,
    opened ? `wasm:${opened}` : p.id,
    s.env,
    toMountable(p.files),
    // Built here with spin.h: its core module is served directly (see server/spin/direct.ts).
    !opened,
  );
  return { ...r, phases: build.phases };
}
