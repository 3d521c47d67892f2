import { useMemo } from 'react';
import { MANIFEST_FILE, manifestText, parseManifest } from '../../server/spin/manifest';
import { editOpenedManifest, useOpenedManifest } from '../../server/spin/opened';
import { isSpinProject, manifestOf } from '../../server/spin/page';
import { useServer } from '../../server/state';
import { currentProject } from '../../store/projectSlice';
import { useStore } from '../../store/store';
import type { HttpExecutor } from '../../project/model';
import { mountFiles, pathsOnly } from '../../server/spin/files';

/** WAGI or Spin component; choosing Spin gives the project a spin.toml when it has none. */
export function ExecutorSelect() {
  const executor = useStore((s) => currentProject(s).executor ?? 'wagi');
  return (
    <label className="inline executor-select">
      <span>Executor</span>
      <select
        data-testid="http-executor"
        value={executor}
        title="WAGI: a command module, the request in its environment and stdin (Spin's legacy executor). Spin component: a wasi:http component with key-value, SQLite, variables and outbound HTTP, granted by spin.toml."
        onChange={(e) => setExecutor(e.target.value as HttpExecutor)}
      >
        <option value="wagi">WAGI (command module)</option>
        <option value="spin-component">Spin component</option>
      </select>
    </label>
  );
}

function setExecutor(executor: HttpExecutor) {
  const s = useStore.getState();
  const p = currentProject(s);
  s.setServerConfig({ executor });
  if (executor === 'spin-component' && typeof p.files[MANIFEST_FILE] !== 'string')
    s.writeFile(MANIFEST_FILE, manifestText({ name: p.name, route: p.route ?? '/...' }));
  useServer.setState({ handler: null, handlerFrom: null, response: null });
}

/** The interfaces of fermyon:spin / wasi:http a component imports, from its WIT. */
function spinImports(wit: string | undefined): string[] {
  return [...(wit ?? '').matchAll(/^\s*import ((?:fermyon:spin|wasi:http)\/[\w-]+@[\w.-]+);/gm)]
    .map((m) => m[1])
    .filter((i) => !/\/types@/.test(i));
}

const grantOf = (i: string, g: ReturnType<typeof parseManifest>['grants']) => {
  if (!g) return '';
  if (i.includes('/key-value@'))
    return g.keyValueStores.length ? `stores: ${g.keyValueStores.join(', ')}` : 'no store granted';
  if (i.includes('/sqlite@'))
    return g.sqliteDatabases.length
      ? `databases: ${g.sqliteDatabases.join(', ')}`
      : 'no database granted';
  if (i.includes('/outgoing-handler@'))
    return g.allowedOutboundHosts.length
      ? `hosts: ${g.allowedOutboundHosts.join(', ')}`
      : 'no host allowed';
  if (i.includes('/variables@')) return `${Object.keys(g.componentVariables).length} variable(s)`;
  return '';
};

/**
 * The app's manifest as the host reads it: route, grants, variables (a secret's value is never
 * shown), and what the built component imports beside what is granted. Edited in spin.toml (a
 * project file) or, for an opened component, here.
 */
export function SpinManifest() {
  const project = useStore((s) => currentProject(s));
  const spinSpec = useServer((s) => s.handler?.spin);
  const wit = useStore((s) => s.component?.wit);
  const opened = useOpenedManifest();
  const isOpened = !!spinSpec?.dataKey.startsWith('wasm:') && opened.name !== null;
  const text = isOpened ? opened.text : manifestOf(project);
  const { grants, problems } = useMemo(() => parseManifest(text), [text]);
  // Which files are mounted depends on the paths only: no bytes are read while the user types.
  const projectPaths = Object.keys(project.files).join('\n');
  const mounted = useMemo(
    () => (grants?.files ? mountFiles(grants, pathsOnly(projectPaths.split('\n'))) : null),
    [grants, projectPaths],
  );
  const mountedPaths = Object.keys(mounted?.files ?? {}).sort();
  const env = useStore((s) => s.env);
  if (!isOpened && !isSpinProject(project) && !spinSpec) return null;
  const imports = spinSpec ? spinImports(wit) : [];
  return (
    <section className="spin-manifest" data-testid="spin-manifest" aria-label="Spin manifest">
      <div className="preview-bar">
        <h3>Manifest {isOpened ? `of ${opened.name}` : `(${MANIFEST_FILE})`}</h3>
        {!isOpened && (
          <button
            type="button"
            data-testid="edit-manifest"
            onClick={() => useStore.getState().openFile(MANIFEST_FILE)}
            disabled={typeof project.files[MANIFEST_FILE] !== 'string'}
          >
            Edit spin.toml
          </button>
        )}
      </div>
      {(problems.length > 0 || !!mounted?.problems.length) && (
        <ul className="manifest-problems" data-testid="manifest-problems">
          {problems.map((p, i) => (
            <li key={i}>
              line {p.line}: {p.message}
            </li>
          ))}
          {mounted?.problems.map((p, i) => (
            <li key={`f${i}`}>{p}</li>
          ))}
        </ul>
      )}
      {grants && (
        <dl className="grants">
          <dt>Route</dt>
          <dd data-testid="grant-route">{grants.route}</dd>
          <dt>Key-value stores</dt>
          <dd data-testid="grant-kv">{grants.keyValueStores.join(', ') || 'none'}</dd>
          <dt>SQLite databases</dt>
          <dd data-testid="grant-sql">{grants.sqliteDatabases.join(', ') || 'none'}</dd>
          <dt>Outbound hosts</dt>
          <dd data-testid="grant-hosts">
            {grants.allowedOutboundHosts.join(', ') || 'none (no network)'}
          </dd>
          <dt>Files</dt>
          <dd
            data-testid="grant-files"
            data-count={mountedPaths.length}
            title={mountedPaths.join('\n')}
          >
            {mountedPaths.length
              ? `${mountedPaths.length.toLocaleString('en')} read-only at /: ${mountedPaths.slice(0, 3).join(', ')}${mountedPaths.length > 3 ? ', …' : ''}`
              : 'none (no filesystem)'}
          </dd>
        </dl>
      )}
      {grants && Object.keys(grants.componentVariables).length > 0 && (
        <table className="variables">
          <thead>
            <tr>
              <th>Variable</th>
              <th>Value</th>
              <th>From</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(grants.componentVariables).map(([name, tmpl]) => {
              const app = /\{\{\s*([^}\s]*)\s*\}\}/.exec(tmpl)?.[1];
              const decl = app ? grants.variables[app] : undefined;
              const override =
                app && new RegExp(`^SPIN_VARIABLE_${app.toUpperCase()}=`, 'm').test(env);
              const from = override
                ? `SPIN_VARIABLE_${app!.toUpperCase()} (Run settings)`
                : decl?.default !== undefined
                  ? 'default'
                  : decl?.required
                    ? 'required: not set'
                    : 'text';
              const shown = decl?.secret
                ? '•••••• (secret)'
                : override
                  ? '(overridden)'
                  : (decl?.default ?? (app ? '' : tmpl));
              return (
                <tr
                  key={name}
                  data-testid="variable-row"
                  data-name={name}
                  data-secret={decl?.secret ? 'true' : undefined}
                >
                  <td>{name}</td>
                  <td>{shown}</td>
                  <td className="muted">{from}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {imports.length > 0 && (
        <ul
          className="component-imports"
          data-testid="component-imports"
          aria-label="What the component imports"
        >
          {imports.map((i) => (
            <li key={i}>
              <code>{i}</code> <span className="muted">{grantOf(i, grants)}</span>
            </li>
          ))}
        </ul>
      )}
      {isOpened && (
        <textarea
          className="manifest-text"
          data-testid="opened-manifest"
          aria-label="The opened component's spin.toml"
          spellCheck={false}
          value={opened.text}
          onChange={(e) => void editOpenedManifest(e.target.value)}
        />
      )}
    </section>
  );
}
