import { languageById } from '../../languages/registry';
import { useStore } from '../../store/store';
import { downloadFile } from '../download';
import { formatBytes } from '../format';

/**
 * The last run's component: its world as WIT, the sizes of the core module, the adapter and the
 * component, and its download (a command runs under `wasmtime run`, an HTTP component under
 * `spin up`).
 */
export function ComponentView() {
  const c = useStore((s) => s.component);
  const language = useStore((s) => s.language);
  if (!c)
    return (
      <p className="empty">
        Tick “as a component” in Run settings, or open a component .wasm, to see its WIT here.
      </p>
    );
  const base = languageById[language].fileName.replace(/\.\w+$/, '');
  const componentBytes = c.bytes?.byteLength ?? 0;
  const http = c.exports.some((e) => /^wasi:http\/incoming-handler@0\.2\./.test(e));
  return (
    <div className="component-view">
      <p>
        World <code>{c.world}</code>:{' '}
        {c.runnable
          ? 'a wasi:cli command (exports wasi:cli/run); Run runs it on preview2-shim.'
          : http
            ? 'an HTTP component (exports wasi:http/incoming-handler); the HTTP tab serves it as Spin does, a fresh instance per request.'
            : 'not a wasi:cli command; it is shown, not run.'}
      </p>
      <p
        data-testid="component-size"
        data-core={c.coreBytes ?? ''}
        data-adapter={c.adapterBytes ?? ''}
        data-component={componentBytes}
      >
        {c.coreBytes !== undefined && (
          <>
            core module {formatBytes(c.coreBytes)} + preview 1 adapter{' '}
            {formatBytes(c.adapterBytes ?? 0)} →{' '}
          </>
        )}
        component <strong title={`${componentBytes} bytes`}>{formatBytes(componentBytes)}</strong>
        {c.coreBytes !== undefined && (
          <span className="muted">
            {' '}
            (component-new keeps only the adapter functions the module calls)
          </span>
        )}
      </p>
      <p>
        <button
          data-testid="download-component"
          disabled={!c.bytes}
          onClick={() =>
            c.bytes && downloadFile(`${base}.component.wasm`, c.bytes, 'application/wasm')
          }
        >
          ↓ .component.wasm
        </button>{' '}
        <span className="muted small">
          {http ? (
            <>
              runs outside the browser with <code>spin up</code> (↓ Spin app in the HTTP tab)
            </>
          ) : (
            <>
              runs outside the browser with <code>wasmtime run {base}.component.wasm</code>
            </>
          )}
        </span>
      </p>
      <h3>WIT</h3>
      <pre className="component-wit" data-testid="component-wit">
        {c.wit}
      </pre>
    </div>
  );
}
