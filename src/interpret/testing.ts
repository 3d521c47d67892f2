// Test helper (Node): runs a project on a language's interpreter as the runner worker does,
// with the interpreter's files read from node_modules where the page would fetch them.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import type { OutputChunk, RunResult } from '../protocol/run';
import { MountedProject } from '../wasi/mount';
import { runInterpreted } from './runInterpreted';
import { vendorDirs } from '../../server/static/vendorFiles';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** fetch() of the app's asset URLs (Vite's `?url` in tests: a path from the repository root). */
export function stubAssetFetch(): void {
  const real = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (/^https?:/.test(url)) return real(input);
    const body = await readFile(url.replace(/^file:\/\//, '').replace(/\?.*$/, ''));
    return new Response(body, { headers: { 'content-type': 'application/wasm' } });
  });
}

const vendored = vendorDirs(ROOT);

/** Where a test reads an asset URL from: Vite's `/node_modules/…` paths, vendor/<name>/ folders. */
function locate(url: string): string {
  const m = /\/vendor\/([^/]+)\/([^/?]*)$/.exec(url);
  const dir = m && vendored.find((d) => d.name === m[1]);
  if (dir) {
    const any = [...dir.files.values()][0];
    return any.slice(0, any.lastIndexOf('/') + 1) + m![2];
  }
  return `${ROOT}${url.replace(/^\//, '')}`;
}

/** What a test run gives back: the result, stdout and stderr as text. */
export interface TestRun {
  result: RunResult;
  stdout: string;
  stderr: string;
}

/** Runs `files[entry]` with `language`'s interpreter (stdin preset, no terminal). */
export async function runProgram(
  language: string,
  files: Record<string, string | Uint8Array>,
  opts: { entry: string; stdin?: string; args?: string[]; env?: string[]; variant?: string },
): Promise<TestRun> {
  const mount = new MountedProject();
  const enc = new TextEncoder();
  mount.apply({
    reset: true,
    put: Object.fromEntries(
      Object.entries(files).map(([p, t]) => [p, typeof t === 'string' ? enc.encode(t) : t]),
    ),
    remove: [],
  });
  const chunks: OutputChunk[] = [];
  const result = await runInterpreted(
    {
      runId: 1,
      wasm: new Uint8Array(0),
      stdin: opts.stdin ?? '',
      args: opts.args ?? [],
      env: opts.env ?? [],
      interpret: { language, entry: opts.entry, variant: opts.variant },
    },
    mount,
    (c) => chunks.push(...c),
    undefined,
    locate,
  );
  const text = (s: string) =>
    chunks
      .filter((c) => c.stream === s)
      .map((c) => c.text)
      .join('');
  return { result, stdout: text('stdout'), stderr: text('stderr') };
}
