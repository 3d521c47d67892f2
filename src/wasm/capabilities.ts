import type { ModuleEntry } from '../protocol/run';

/** What a WASI import lets a module do, in a user's words. */
const WASI_CAPABILITIES: [RegExp, string][] = [
  [/^fd_write$|^fd_pwrite$/, 'write output'],
  [/^fd_read$|^fd_pread$/, 'read input'],
  [/^path_|^fd_readdir$|^fd_prestat/, 'filesystem'],
  [/^fd_/, 'file descriptors'],
  [/^args_/, 'arguments'],
  [/^environ_/, 'environment'],
  [/^clock_/, 'clock'],
  [/^random_get$/, 'randomness'],
  [/^proc_exit$/, 'exit code'],
  [/^proc_raise$/, 'signals'],
  [/^poll_oneoff$|^sched_yield$/, 'sleep / poll'],
  [/^sock_/, 'sockets'],
];

/** Past this many imports from one non-WASI module, they are one chip with their count. */
const GROUP_AFTER = 4;

/**
 * Summarizes the imports of a module as the capabilities it asks the host for. Imports from other
 * modules than WASI are listed as `module.name` (the host would have to provide them); a module
 * that supplies many (Emscripten's `env`, an interpreter's JavaScript interop) is one chip,
 * `module: N imports`. A name that carries its signature (`eval-js: func(…)`) is shown without it.
 */
export function capabilities(imports: ModuleEntry[]): string[] {
  const out = new Set<string>();
  const perModule = new Map<string, number>();
  for (const i of imports)
    if (i.module !== 'wasi_snapshot_preview1' && i.module !== 'wasi_unstable')
      perModule.set(i.module ?? '', (perModule.get(i.module ?? '') ?? 0) + 1);
  for (const i of imports) {
    if (i.module === 'wasi_snapshot_preview1' || i.module === 'wasi_unstable') {
      const hit = WASI_CAPABILITIES.find(([re]) => re.test(i.name));
      out.add(hit ? hit[1] : `wasi: ${i.name}`);
    } else {
      const n = perModule.get(i.module ?? '') ?? 0;
      out.add(
        n > GROUP_AFTER ? `${i.module}: ${n} imports` : `${i.module}.${i.name.split(':')[0]}`,
      );
    }
  }
  return [...out];
}
