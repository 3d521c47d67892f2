// For the Spin tests: a C or C++ program built with spin.h, as the app builds it — the core
// module (what the direct host serves) and the component made from it.
import { expect } from 'vitest';
import { compilers } from '../../languages/compilers';
import { spinComponent } from '../../component/spin';
import type { ComponentBuild } from '../../protocol/compile';

export interface BuiltSpin {
  /** The core module (before component new): what the direct host serves. */
  core: Uint8Array;
  /** component embed + component new, and its WIT. */
  made: ComponentBuild;
}

export async function buildSpin(language: 'c' | 'cpp', source: string): Promise<BuiltSpin> {
  const compile = await compilers[language].load();
  const r = await compile({ language, source, options: { optLevel: '-O2' }, target: 'spin-http' });
  expect(r.log).toBe('');
  expect(r.ok).toBe(true);
  const core = r.wasm!.slice();
  const made = await spinComponent(r.wasm!);
  expect(made.error).toBeUndefined();
  expect(made.exports).toEqual(['wasi:http/incoming-handler@0.2.0']);
  return { core, made };
}
