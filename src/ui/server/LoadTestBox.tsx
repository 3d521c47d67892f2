import { useServer } from '../../server/state';
import {
  loadFormError,
  runLoadTest,
  stopLoadTest,
  MAX_CONCURRENCY,
  MAX_LOAD_REQUESTS,
  loadWorkers,
} from '../../server/loadTest';
import { Histogram } from './Histogram';
import { ExecutorCompare } from './ExecutorCompare';
import { MemorySelect } from './MemorySelect';

/** N requests from C clients on one worker per core: requests/s, latency percentiles, errors. */
export function LoadTestBox() {
  const requests = useServer((s) => s.loadRequests);
  const concurrency = useServer((s) => s.loadConcurrency);
  const running = useServer((s) => s.loadRunning);
  const done = useServer((s) => s.loadDone);
  const errorsSoFar = useServer((s) => s.loadErrors);
  const result = useServer((s) => s.load);
  const error = useServer((s) => s.loadError);
  const hasHandler = useServer((s) => !!s.handler);
  const memory = useServer((s) => s.loadMemory);
  const formError = loadFormError(requests, concurrency);
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
  return (
    <section className="load-test" aria-label="Load test">
      <h3>Load test</h3>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (running) stopLoadTest();
          else void runLoadTest();
        }}
      >
        <label className="inline">
          <span>Requests</span>
          <input
            data-testid="load-requests"
            type="number"
            min={1}
            max={MAX_LOAD_REQUESTS}
            value={Number.isNaN(requests) ? '' : requests}
            aria-invalid={!!formError && formError.startsWith('requests')}
            onChange={(e) => useServer.setState({ loadRequests: num(e.target.value) })}
          />
        </label>
        <label className="inline">
          <span>Concurrency</span>
          <input
            data-testid="load-concurrency"
            type="number"
            min={1}
            max={MAX_CONCURRENCY}
            value={Number.isNaN(concurrency) ? '' : concurrency}
            aria-invalid={!!formError && formError.startsWith('concurrency')}
            onChange={(e) => useServer.setState({ loadConcurrency: num(e.target.value) })}
          />
        </label>
        <MemorySelect
          testId="load-memory"
          value={memory}
          each="request"
          onChange={(loadMemory) => useServer.setState({ loadMemory })}
        />
        <button
          type="submit"
          data-testid="load-test-button"
          className={running ? 'stop' : ''}
          disabled={!running && (!!formError || !hasHandler)}
        >
          {running ? 'Stop' : 'Start load test'}
        </button>
        <span className="muted">
          {Math.min(loadWorkers(), Number.isFinite(concurrency) ? Math.max(1, concurrency) : 1)}{' '}
          worker(s), one per core at most; the composer's request
        </span>
      </form>
      {formError && (
        <p className="notice bad" role="alert" data-testid="load-form-error">
          {formError}
        </p>
      )}
      {!hasHandler && <p className="empty">Press Run to build the handler first.</p>}
      {running && (
        <p className="muted" role="status">
          {done.toLocaleString('en')} / {requests.toLocaleString('en')} answered
          {errorsSoFar > 0 && `, ${errorsSoFar.toLocaleString('en')} errors`}…
        </p>
      )}
      {error && !running && <p className="notice warn">{error}</p>}
      {result && (
        <div
          className="load-result"
          data-testid="load-result"
          data-rps={result.rps.toFixed(1)}
          data-p50-ms={result.p50Ms.toFixed(3)}
          data-p99-ms={result.p99Ms.toFixed(3)}
          data-errors={result.errors}
          data-requests={result.requests}
          data-memory={result.memory}
          data-seq={result.seq}
        >
          <dl className="figures">
            <div>
              <dt>requests/s</dt>
              <dd>{Math.round(result.rps).toLocaleString('en')}</dd>
            </div>
            <div>
              <dt>p50</dt>
              <dd>{result.p50Ms.toFixed(2)} ms</dd>
            </div>
            <div>
              <dt>p99</dt>
              <dd>{result.p99Ms.toFixed(2)} ms</dd>
            </div>
            <div>
              <dt>errors</dt>
              <dd className={result.errors ? 'bad' : ''}>{result.errors.toLocaleString('en')}</dd>
            </div>
          </dl>
          <p className="muted">
            {result.requests.toLocaleString('en')} requests, {result.concurrency} clients on{' '}
            {result.workers} worker(s) in {(result.wallMs / 1000).toFixed(2)} s; a fresh instance
            for each, its memory{' '}
            {result.memory === 'pooled'
              ? 'from a pool, zeroed (where the module allows it)'
              : 'new for every request'}
            ; statuses{' '}
            {Object.entries(result.statuses)
              .map(([s, n]) => `${s}×${n.toLocaleString('en')}`)
              .join(', ')}
            {result.firstError && ` — first error: ${result.firstError.split('\n')[0]}`}
          </p>
          <Histogram bins={result.bins} unit="ms" label="latency" />
          <ExecutorCompare kind="load" />
          {result.executor === 'spin-component' && (
            <p className="muted" data-testid="load-spin-note">
              A load test's workers serve copies of the app's data: what its requests write is not
              kept (the Data panel shows the app's own).
            </p>
          )}
        </div>
      )}
    </section>
  );
}
