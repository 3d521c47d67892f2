import { currentModule } from '../../store/runActions';
import { coldFormError, runColdStart, stopColdStart, useServer } from '../../store/serverStore';
import { useStore } from '../../store/store';
import { MAX_COLDSTART } from '../../wasm/coldStart';
import { formatBytes, formatUs } from '../format';
import { Histogram } from './Histogram';

async function start() {
  const wasm = await currentModule();
  if (!wasm) {
    useServer.setState({ coldError: 'the project does not compile: see Problems' });
    return;
  }
  await runColdStart(wasm);
}

/**
 * The cold-start lab: N fresh instances of the current module (each its own memory and WASI
 * state), timed one by one in a runner worker; optionally `_start` in each; or a compile per
 * instance for contrast.
 */
export function InstancesPanel() {
  const count = useServer((s) => s.coldCount);
  const runStart = useServer((s) => s.coldRunStart);
  const compileEach = useServer((s) => s.coldCompileEach);
  const running = useServer((s) => s.coldRunning);
  const done = useServer((s) => s.coldDone);
  const r = useServer((s) => s.cold);
  const error = useServer((s) => s.coldError);
  const size = useStore((s) => s.wasm?.byteLength);
  const busy = useStore((s) => s.status !== 'idle');
  const formError = coldFormError(count);
  return (
    <section className="panel instances-panel" aria-label="Instances" data-testid="instances-panel">
      <div className="panel-header">
        <h2>Cold starts</h2>
        <span className="muted">
          {size !== undefined
            ? `the last Run's module, ${size.toLocaleString('en')} B`
            : 'the project is compiled when you start'}
        </span>
      </div>
      <div className="instances-body">
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (running) stopColdStart();
            else void start();
          }}
        >
          <label className="inline">
            <span>Fresh instances</span>
            <input
              data-testid="coldstart-count"
              type="number"
              min={1}
              max={MAX_COLDSTART}
              value={Number.isNaN(count) ? '' : count}
              aria-invalid={!!formError}
              onChange={(e) =>
                useServer.setState({
                  coldCount: e.target.value.trim() === '' ? NaN : Number(e.target.value),
                })
              }
            />
          </label>
          <label className="inline">
            <input
              type="checkbox"
              data-testid="coldstart-run"
              checked={runStart}
              onChange={(e) => useServer.setState({ coldRunStart: e.target.checked })}
            />
            <span>run _start in each (output discarded)</span>
          </label>
          <label className="inline">
            <input
              type="checkbox"
              data-testid="coldstart-compile-each"
              checked={compileEach}
              onChange={(e) => useServer.setState({ coldCompileEach: e.target.checked })}
            />
            <span>compile every time (contrast)</span>
          </label>
          <button
            type="submit"
            data-testid="coldstart-button"
            className={running ? 'stop' : 'primary'}
            disabled={!running && (!!formError || busy)}
          >
            {running ? 'Stop' : 'Start'}
          </button>
        </form>
        {formError && (
          <p className="notice bad" role="alert" data-testid="coldstart-form-error">
            {formError}
          </p>
        )}
        {running && (
          <p className="muted" role="status">
            {done.toLocaleString('en')} / {count.toLocaleString('en')} instances…
          </p>
        )}
        {error && !running && <p className="notice warn">{error}</p>}
        {!r && !running && !error && (
          <p className="empty">
            Each instance gets its own linear memory and its own WASI state (arguments, environment,
            file descriptors, a copy of the project's files), as a server gives each request.
          </p>
        )}
        {r && (
          <div
            className="coldstart-result"
            data-testid="coldstart-result"
            data-p50-us={r.p50Us.toFixed(1)}
            data-p99-us={r.p99Us.toFixed(1)}
            data-per-second={Math.round(r.perSecond)}
            data-count={r.count}
            data-seq={r.seq}
          >
            <dl className="figures">
              <div>
                <dt>p50</dt>
                <dd>{formatUs(r.p50Us)}</dd>
              </div>
              <div>
                <dt>p90</dt>
                <dd>{formatUs(r.p90Us)}</dd>
              </div>
              <div>
                <dt>p99</dt>
                <dd>{formatUs(r.p99Us)}</dd>
              </div>
              <div>
                <dt>max</dt>
                <dd>{formatUs(r.maxUs)}</dd>
              </div>
              <div>
                <dt>instances/s</dt>
                <dd>{Math.round(r.perSecond).toLocaleString('en')}</dd>
              </div>
              <div>
                <dt>memory each</dt>
                <dd title={`${r.memoryBytes.toLocaleString('en')} bytes: initial pages × 64 KiB`}>
                  {formatBytes(r.memoryBytes)}
                </dd>
              </div>
            </dl>
            <Histogram
              bins={r.bins}
              unit="µs"
              label={r.compileEach ? 'compile + instantiate' : 'instantiate'}
            />
            <p className="muted">
              {r.count.toLocaleString('en')} × {r.compileEach ? '`new WebAssembly.Module` + ' : ''}
              `new WebAssembly.Instance`
              {r.compileEach ? '' : ` of one module compiled once in ${formatUs(r.compileUs)}`}
              {r.runStart && r.runP50Us !== undefined && `; _start p50 ${formatUs(r.runP50Us)}`}
              {r.failures > 0 &&
                `; ${r.failures.toLocaleString('en')} runs failed (${r.firstFailure})`}
              . Instances/s counts the whole loop on one core: WASI host setup (mean{' '}
              {formatUs(r.setupMeanUs)}), instantiation, and the engine freeing the instances&apos;
              memories. Timer resolution {formatUs(r.timerResolutionUs)}.
            </p>
            <p className="context" data-testid="coldstart-context">
              For scale: this module is {r.wasmSize.toLocaleString('en')} B and a fresh, isolated
              instance of it is ready in {formatUs(r.p50Us)} (median) here. A container image
              instead starts an operating-system process with its own runtime; no container figure
              is shown because none was measured on this machine.
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
