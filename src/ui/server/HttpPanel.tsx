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
import './server.css';

/** Downloads the built handler as a Spin app (.zip). */
function exportSpin() {
  const { handler } = useServer.getState();
  const p = currentProject(useStore.getState());
  if (!handler) return;
  const zip = spinAppZip({ name: p.name, route: routeOf(p), wasm: handler.wasm, files: p.files });
  downloadFile(`${kebabName(p.name)}-spin.zip`, zip, 'application/zip');
}

/**
 * HTTP handler mode: the request composer and the response, the live preview and its request
 * log, the load test and the export to Spin. In command mode it offers to switch.
 */
export function HttpPanel({ shown }: { shown: boolean }) {
  const http = useStore((s) => currentProject(s).runMode === 'http');
  const hasHandler = useServer((s) => !!s.handler);
  const interpreted = useStore((s) => languageById[s.language].interpreter);
  if (interpreted) {
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
        <span
          className="muted"
          title="The handler has no socket or network capability: WASI preview 1 gives it none, and the playground adds none"
        >
          no network: the handler cannot open sockets
        </span>
        <button
          type="button"
          data-testid="export-spin"
          disabled={!hasHandler}
          onClick={exportSpin}
          title="spin.toml + handler.wasm + files, for spin up"
        >
          ↓ Spin app (.zip)
        </button>
      </div>
      <div className="http-body">
        <div className="http-exchange">
          <RequestComposer />
          <ResponseView />
        </div>
        <PreviewPane shown={shown} />
        <LoadTestBox />
      </div>
    </section>
  );
}
