/**
 * A project run as a Spin component, page side: its spin.toml (written from the settings when it
 * has none), the manifest's problems as Problems on their lines, and the handler spec the runner
 * serves (the component built in the compiler worker, the grants, the kept data, the overrides).
 */
import type { ComponentBuild, Diagnostic } from '../../protocol/compile';
import type { SpinSpec } from '../../protocol/server';
import { isSpinProject, type Project } from '../../project/model';
import { parseEnv } from '../../wasm/args';
import { manifestText, MANIFEST_FILE, parseManifest, lineOf } from './manifest';
import { mountFiles, pathsOnly } from './files';
import { spinBlocker } from './imports';
import { keptData, showData } from './keep';

export { isSpinProject };

/** The project's manifest text: its spin.toml, or one made from its settings. */
export function manifestOf(p: Project): string {
  const text = p.files[MANIFEST_FILE];
  if (typeof text === 'string') return text;
  return manifestText({ name: p.name, route: p.route ?? '/...' });
}

/**
 * The manifest's problems, as the compile's diagnostics in spin.toml: its own, else those of its
 * `files` against the project (a path that is not there).
 */
export function manifestDiagnostics(p: Project): Diagnostic[] {
  const text = manifestOf(p);
  const m = parseManifest(text);
  const problems = m.grants
    ? mountFiles(m.grants, pathsOnly(Object.keys(p.files))).problems.map((message) => ({
        message,
        line: lineOf(text, 'files'),
        column: 1,
      }))
    : m.problems;
  return problems.map((m) => ({
    file: MANIFEST_FILE,
    severity: 'error',
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.line,
    endColumn: 1000,
  }));
}

/** `NAME=value` lines as an object (SPIN_VARIABLE_<NAME> overrides come from here). */
export function envRecord(text: string): Record<string, string> {
  return Object.fromEntries(
    parseEnv(text).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/**
 * The spec for a built component (null with the reason when it cannot be served: a manifest
 * problem, or an import this host does not provide — named before the first request).
 */
export async function spinSpecOf(
  build: ComponentBuild,
  manifest: string,
  dataKey: string,
  envText: string,
  projectFiles: Record<string, Uint8Array>,
  direct: boolean,
): Promise<{ spec: SpinSpec } | { error: string }> {
  if (!build.ok || (!direct && !build.transpiled))
    return { error: build.error ?? 'the component could not be built' };
  const blocker = spinBlocker(build.wit ?? '', build.world, build.exports);
  if (blocker) return { error: blocker };
  const m = parseManifest(manifest);
  if (!m.grants)
    return {
      error: `spin.toml: ${m.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`,
    };
  const mounted = mountFiles(m.grants, projectFiles);
  if (mounted.problems.length) return { error: `spin.toml: ${mounted.problems.join('; ')}` };
  void showData(dataKey);
  return {
    spec: {
      ...(Object.keys(mounted.files).length ? { files: mounted.files } : {}),
      ...(build.transpiled ? { component: build.transpiled } : {}),
      ...(direct ? { direct } : {}),
      grants: m.grants,
      dataKey,
      data: await keptData(dataKey),
      env: envRecord(envText),
    },
  };
}
