import { toMountable } from '../../project/changes';
import { languageById } from '../../languages/registry';
import { currentProject } from '../../store/projectSlice';
import { routeOf, useServer } from '../../server/state';
import { useStore } from '../../store/store';
import { kebabName, spinAppZip } from '../../server/spinApp';
import { downloadFile } from '../download';
import { LoadTestBox } from './LoadTestBox';
import { PreviewPane } from './PreviewPane';
import { RequestComposer } from './RequestComposer';
import { ResponseView } from './ResponseView';
import { ExecutorSelect, SpinManifest } from './SpinManifest';
import { DataPanel } from './DataPanel';
import { isSpinProject } from '../../server/spin/page';
import './server.css';

/** Downloads the built handler as a Spin app (.zip): a component with its data, or WAGI. */
async function exportSpin() {
  const { handler } = useServer.getState();
  const s = useStore.getState();
  const p = currentProject(s);
  if (!handler) return;
  if (handler.spin && s.component?.bytes) {
    const [{ spinComponentZip }, { keptData }, { manifestOf }, { useOpenedManifest }] =
      await Promise.all([
        import('../../server/spin/export'),
        import('../../server/spin/keep'),
        import('../../server/spin/page'),
        import('../../server/spin/opened'),
      ]);
    const opened = handler.spin.dataKey.startsWith('wasm:');
    const zip = spinComponentZip({
      manifest: opened ? useOpenedManifest.getState().text : manifestOf(p),
      grants: handler.spin.grants,
      component: s.component.bytes,
      data: await keptData(handler.spin.dataKey),
      project: toMountable(p.files),
    });
    downloadFile(`${kebabName(handler.spin.grants.app)}-spin.zip`, zip, 'application/zip');
    return;
  }
  const zip = spinAppZip({ name: p.name, route: routeOf(p), wasm: handler.wasm, files: p.files });
  downloadFile(`${kebabName(p.name)}-spin.zip`, zip, 'application/zip');
}

/**
 * HTTP handler mode: the request composer and the response, the live preview and its request
 * log, the load test and the export to Spin. In command mode it offers to switch.
 */
export function HttpPanel({ shown }: { shown: boolean }) {
  const hasHandler = useServer((s) => !!s.handler);
  const hasSpinHandler = useServer((s) => !!s.handler?.spin);
  // An opened Spin component is served whatever the project's mode.
  const http = useStore((s) => currentProject(s).runMode === 'http') || hasSpinHandler;
  const interpreted = useStore((s) => languageById[s.language].interpreter);
  const spin = useStore((s) => isSpinProject(currentProject(s))) || hasSpinHandler;
  if (interpreted && !hasSpinHandler) {
    return (
      <section className="panel http-panel" aria-label="HTTP handler">
        <div className="empty" data-testid="http-not-for-language">
          <p>
            {languageById[useStore.getState().language].label} runs on an interpreter (
            {interpreted.name}), so it cannot be an HTTP handler here: a handler is a module of the
            program's own, started fresh for every request. Write one in C, C++, WAT or
            AssemblyScript (their examples menus have handlers).
          </p>
        </div>
      </section>
    );
  }
  if (!http) {
    return (
      <section className="panel http-panel" aria-label="HTTP handler">
        <div className="empty">
          <p>
            This project runs as a command. As an <strong>HTTP handler</strong> it answers requests
            the way Spin's WAGI executor runs one: a fresh instance per request, the request in its
            environment and on stdin, CGI headers and a body on stdout.
          </p>
          <button
            type="button"
            data-testid="use-http-mode"
            onClick={() => useStore.getState().setServerConfig({ runMode: 'http' })}
          >
            Run this project as an HTTP handler
          </button>
          <p>Or open an example handler from the examples menu (“handler” in its name).</p>
        </div>
      </section>
    );
  }
  return (
    <section className="panel http-panel" aria-label="HTTP handler" data-testid="http-panel">
      <div className="panel-header">
        <h2>HTTP handler</h2>
        <ExecutorSelect />
        {spin ? (
          <span
            className="muted"
            title="Granted by spin.toml: key_value_stores, sqlite_databases, allowed_outbound_hosts, variables"
          >
            default-deny: spin.toml grants
          </span>
        ) : (
          <span
            className="muted"
            title="The handler has no socket or network capability: WASI preview 1 gives it none, and the playground adds none"
          >
            no network: the handler cannot open sockets
          </span>
        )}
        <button
          type="button"
          data-testid="export-spin"
          disabled={!hasHandler}
          onClick={() => void exportSpin()}
          title={
            spin
              ? 'spin.toml + the component + .spin/*.db, for spin up'
              : 'spin.toml + handler.wasm + files, for spin up'
          }
        >
          ↓ Spin app (.zip)
        </button>
      </div>
      <div className="http-body">
        <div className="http-exchange">
          <RequestComposer />
          <ResponseView />
        </div>
        {spin && (
          <div className="spin-app">
            <SpinManifest />
            <DataPanel />
          </div>
        )}
        <PreviewPane shown={shown} />
        <LoadTestBox />
      </div>
    </section>
  );
}
