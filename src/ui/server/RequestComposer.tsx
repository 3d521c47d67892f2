import { runProgram } from '../../run/actions';
import { handlerIsCurrent, sendComposed, useServer } from '../../server/state';
import { useStore } from '../../store/store';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Sends the composer's request: to the built handler, or (after an edit) Run builds it first. */
export function send() {
  if (useStore.getState().status !== 'idle') return;
  if (handlerIsCurrent()) void sendComposed();
  else void runProgram();
}

/** Method, path with query, headers and body of the request Send (and Run) sends. */
export function RequestComposer() {
  const method = useServer((s) => s.method);
  const spin = useServer((s) => !!s.handler?.spin);
  const path = useServer((s) => s.path);
  const headersText = useServer((s) => s.headersText);
  const body = useServer((s) => s.body);
  const error = useServer((s) => s.requestError);
  const sending = useServer((s) => s.sending);
  const busy = useStore((s) => s.status !== 'idle');
  const set = (patch: Partial<ReturnType<typeof useServer.getState>>) => useServer.setState(patch);
  return (
    <form
      className="request-composer"
      aria-label="Request"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          send();
        }
      }}
    >
      <div className="request-line">
        <select
          data-testid="request-method"
          aria-label="Method"
          value={METHODS.includes(method) ? method : 'GET'}
          onChange={(e) => set({ method: e.target.value })}
        >
          {METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <input
          data-testid="request-path"
          aria-label="Path and query"
          value={path}
          spellCheck={false}
          placeholder="/hello?name=you"
          onChange={(e) => set({ path: e.target.value })}
        />
        <button
          type="submit"
          className="primary"
          data-testid="send-request"
          disabled={busy || sending}
          title="Send (Ctrl+Enter): a fresh instance answers; after an edit, the handler is built first"
        >
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
      <label>
        <span>Headers</span>
        <textarea
          data-testid="request-headers"
          rows={3}
          spellCheck={false}
          value={headersText}
          placeholder={'Name: value, one per line (Host: localhost:3000 when absent)'}
          onChange={(e) => set({ headersText: e.target.value })}
        />
      </label>
      <label>
        <span>Body</span>
        <textarea
          data-testid="request-body"
          rows={3}
          spellCheck={false}
          value={body}
          placeholder={
            spin
              ? 'the component reads it from its incoming-request (req->body with spin.h)'
              : 'the handler reads it on stdin (CONTENT_LENGTH bytes)'
          }
          onChange={(e) => set({ body: e.target.value })}
        />
      </label>
      {error && (
        <p className="notice bad" role="alert" data-testid="request-error">
          {error}
        </p>
      )}
    </form>
  );
}
