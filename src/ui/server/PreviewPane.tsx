import { formatUs } from '../format';
import { useEffect, useRef, useState } from 'react';
import { previewHref, startPreviewBridge } from '../../server/previewBridge';
import { useServer } from '../../server/state';
import { inOpaqueOrigin } from '../../util/opaqueOrigin';

/**
 * The handler as a website: a frame on this tab's preview path, every request of which (page,
 * links, forms, images) the service worker hands to a fresh instance of the handler. Reloads
 * when Run builds a new handler.
 */
export function PreviewPane({ shown }: { shown: boolean }) {
  const nonce = useServer((s) => s.previewNonce);
  const hasHandler = useServer((s) => !!s.handler);
  const [state, setState] = useState<'starting' | 'ready' | 'unavailable'>('starting');
  const [path, setPath] = useState('/');
  const frame = useRef<HTMLIFrameElement>(null);
  // A frame made again costs its browsing context (~10 ms here); Reload and a new handler
  // navigate the same frame instead (a new frame only if that fails).
  const [remounts, setRemounts] = useState(0);
  const href = previewHref(path.startsWith('/') ? path : `/${path}`);
  const reload = () => {
    try {
      frame.current!.contentWindow!.location.replace(frame.current!.src);
    } catch {
      setRemounts((n) => n + 1);
    }
  };
  const first = useRef(nonce);
  useEffect(() => {
    if (nonce !== first.current) reload();
  }, [nonce]);
  useEffect(() => {
    if (!shown) return;
    let live = true;
    void startPreviewBridge().then((ok) => live && setState(ok ? 'ready' : 'unavailable'));
    return () => {
      live = false;
    };
  }, [shown]);
  return (
    <section className="preview-pane" aria-label="Live preview">
      <div className="preview-bar">
        <h3>Live preview</h3>
        <input
          aria-label="Preview path"
          data-testid="preview-path"
          value={path}
          spellCheck={false}
          onChange={(e) => setPath(e.target.value)}
        />
        <button type="button" onClick={reload} disabled={state !== 'ready' || !hasHandler}>
          Reload
        </button>
        <a
          href={href}
          target="_blank"
          rel="noopener"
          data-testid="preview-open"
          className="button-link"
        >
          Open in a new tab ↗
        </a>
      </div>
      {state === 'unavailable' && (
        <p className="notice warn" data-testid="preview-unavailable">
          {inOpaqueOrigin()
            ? 'The preview needs a service worker, which an embed in a sandboxed frame (no allow-same-origin) may not use.'
            : 'The preview needs a service worker, which this page cannot register (a private window, or not served over http(s)).'}{' '}
          Send requests with the composer instead.
        </p>
      )}
      {state === 'ready' && hasHandler && shown && (
        <iframe
          ref={frame}
          key={remounts}
          className="preview-frame"
          data-testid="preview-frame"
          title="Live preview of the handler (no scripts)"
          // No allow-scripts: the handler's pages run no script, so they cannot reach the
          // playground; same-origin so that the service worker answers their requests.
          sandbox="allow-same-origin allow-forms"
          src={href}
        />
      )}
      {state === 'ready' && !hasHandler && (
        <p className="empty">Press Run to build the handler; the preview then shows it.</p>
      )}
      {state === 'starting' && shown && <p className="empty">Starting the preview…</p>}
      <RequestLog />
    </section>
  );
}

/** Every request the handler answered (Send, preview, embed), newest first. */
function RequestLog() {
  const log = useServer((s) => s.log);
  return (
    <div className="request-log-box">
      <div className="preview-bar">
        <h3>Requests ({log.length.toLocaleString('en')})</h3>
        <button
          type="button"
          onClick={() => useServer.setState({ log: [] })}
          disabled={!log.length}
        >
          Clear
        </button>
      </div>
      <ol className="request-log" data-testid="request-log" aria-label="Request log" tabIndex={0}>
        {log.length === 0 && <li className="empty">No requests yet.</li>}
        {log
          .slice(-100)
          .reverse()
          .map((e) => (
            <li
              key={e.id}
              data-testid="request-log-entry"
              data-id={e.id}
              data-status={e.status}
              data-path={e.path}
              data-from={e.from}
            >
              <span className="log-method">{e.method}</span>
              <span className="log-path" title={e.path}>
                {e.path}
              </span>
              <span className={`log-status s${Math.floor(e.status / 100)}`}>{e.status}</span>
              <span className="log-us" title="instantiate + run, in the worker">
                {formatUs(e.instantiateUs + e.runUs)}
              </span>
              <span className="log-from muted">{e.from}</span>
              {e.hostCalls && e.hostCalls.length > 0 && (
                <ul className="host-calls" aria-label="Host calls">
                  {e.hostCalls.map((c, i) => (
                    <li
                      key={i}
                      data-testid="host-call"
                      data-kind={c.kind}
                      data-us={c.us.toFixed(1)}
                      className={c.error ? 'denied' : undefined}
                    >
                      <span className="call-kind">{c.kind}</span>
                      <span className="call-what" title={c.what}>
                        {c.what}
                      </span>
                      <span className="call-error">{c.error ?? ''}</span>
                      <span className="log-us">{formatUs(c.us)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
      </ol>
    </div>
  );
}
