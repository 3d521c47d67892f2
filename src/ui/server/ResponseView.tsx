import { formatUs } from '../format';
import { useEffect, useMemo, useState } from 'react';
import { header } from '../../server/cgi';
import { useServer, type ShownResponse } from '../../server/state';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  418: "I'm a teapot",
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** How the body is shown: by its Content-Type, and whether it is UTF-8 at all. */
function bodyKind(r: ShownResponse): {
  kind: 'json' | 'html' | 'image' | 'text' | 'binary';
  text?: string;
} {
  const type = (header(r.headers, 'content-type') ?? '').toLowerCase();
  if (type.startsWith('image/')) return { kind: 'image' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(r.body);
  } catch {
    return { kind: 'binary' };
  }
  if (type.includes('json')) {
    try {
      return { kind: 'json', text: JSON.stringify(JSON.parse(text), null, 2) };
    } catch {
      return { kind: 'text', text };
    }
  }
  if (type.startsWith('text/html')) return { kind: 'html', text };
  return { kind: 'text', text };
}

/** A body's bytes as an object URL (images), revoked when the body changes. */
function useObjectUrl(bytes: Uint8Array | null, type: string): string | null {
  const url = useMemo(
    () => (bytes ? URL.createObjectURL(new Blob([bytes as BlobPart], { type })) : null),
    [bytes, type],
  );
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return url;
}

/** Status, headers, body and timings of the last response. */
export function ResponseView() {
  const r = useServer((s) => s.response);
  const [raw, setRaw] = useState(false);
  const kind = r ? bodyKind(r) : null;
  const type = r ? (header(r.headers, 'content-type') ?? '') : '';
  const img = useObjectUrl(kind?.kind === 'image' && r ? r.body : null, type);
  if (!r || !kind) {
    return (
      <section className="response-view" aria-label="Response">
        <p className="empty">
          Press Run (or Send) to answer the request with a fresh instance of the handler.
        </p>
      </section>
    );
  }
  const tone = r.status < 400 ? 'ok' : r.status < 500 ? 'warn' : 'bad';
  return (
    <section
      className="response-view"
      aria-label="Response"
      data-testid="response"
      data-log-id={r.logId}
    >
      <div className="response-line">
        <span className={`badge ${tone}`} data-testid="response-status" data-status={r.status}>
          {r.status} {STATUS_TEXT[r.status] ?? ''}
        </span>
        <span className="muted">
          {r.method} {r.path}
        </span>
        <span className="response-timings" data-testid="response-timings">
          instantiate {formatUs(r.instantiateUs)} · run {formatUs(r.runUs)} · total{' '}
          {r.totalMs.toFixed(1)} ms
          {r.compileUs > 0 && ` (incl. compile ${formatUs(r.compileUs)})`}
        </span>
      </div>
      {r.error && <p className="notice bad">{r.error.split('\n')[0]}</p>}
      <details className="response-headers" open>
        <summary>Headers ({r.headers.length})</summary>
        <pre data-testid="response-headers">
          {r.headers.map(([k, v]) => `${k}: ${v}`).join('\n') || '(none)'}
        </pre>
      </details>
      <div className="response-body-bar">
        <span>
          Body · {r.body.byteLength.toLocaleString('en')} B{type && ` · ${type}`}
        </span>
        {(kind.kind === 'html' || kind.kind === 'json') && (
          <label className="inline">
            <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} />
            <span>raw</span>
          </label>
        )}
      </div>
      <div className="response-body" data-testid="response-body" data-kind={kind.kind}>
        {kind.kind === 'image' && img && (
          <img src={img} alt={`the ${type} image the handler answered`} />
        )}
        {kind.kind === 'html' && !raw && (
          // Rendered without scripts: the sandbox has no allow-scripts (and no same-origin).
          <iframe
            title="HTML response (scripts off)"
            sandbox=""
            srcDoc={kind.text}
            data-testid="response-html"
          />
        )}
        {(kind.kind === 'text' || (raw && kind.kind === 'html')) && <pre>{kind.text}</pre>}
        {kind.kind === 'json' && <pre>{raw ? new TextDecoder().decode(r.body) : kind.text}</pre>}
        {kind.kind === 'binary' && (
          <p className="empty">
            {r.body.byteLength.toLocaleString('en')} bytes that are not UTF-8 text.
          </p>
        )}
      </div>
      {r.stderr && (
        <details className="response-stderr">
          <summary>stderr ({r.stderr.length.toLocaleString('en')} chars)</summary>
          <pre>{r.stderr}</pre>
        </details>
      )}
    </section>
  );
}
