import { currentModule } from '../../run/actions';
import { coldFormError, runColdStart, stopColdStart } from '../../server/coldStartLab';
import { useServer } from '../../server/state';
import { useStore } from '../../store/store';
import { MAX_COLDSTART } from '../../wasm/coldStart';
import { formatBytes, formatUs } from '../format';
import { Histogram } from './Histogram';
import { ExecutorCompare } from './ExecutorCompare';
import { MemorySelect } from './MemorySelect';
import './server.css';

/** A time the timer could not tell from 0 is shown as under the timer's step. */
const timed = (us: number, resolutionUs: number) =>
  us < resolutionUs ? `< ${formatUs(resolutionUs)}` : formatUs(us);

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
  const memoryMode = useServer((s) => s.coldMemory);
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
          <MemorySelect
            testId="coldstart-memory"
            value={memoryMode}
            each="instance"
            onChange={(coldMemory) => useServer.setState({ coldMemory })}
          />
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
            Each instance gets its own WASI state (arguments, environment, file descriptors, a copy
            of the project&apos;s files) and a linear memory no other instance holds, as a server
            gives each request. <strong>Pooled</strong>: the memory is one an earlier instance gave
            back, zeroed, as the pooling allocator of Wasmtime (the engine Spin runs) gives it;{' '}
            <strong>a new one</strong>: the browser&apos;s engine reserves a new memory for every
            instance and frees it in a garbage collection.
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
            data-pooled={r.pooled}
            data-seq={r.seq}
          >
            <dl className="figures">
              <div>
                <dt>p50</dt>
                <dd>{timed(r.p50Us, r.timerResolutionUs)}</dd>
              </div>
              <div>
                <dt>p90</dt>
                <dd>{timed(r.p90Us, r.timerResolutionUs)}</dd>
              </div>
              <div>
                <dt>p99</dt>
                <dd>{timed(r.p99Us, r.timerResolutionUs)}</dd>
              </div>
              <div>
                <dt>max</dt>
                <dd>{timed(r.maxUs, r.timerResolutionUs)}</dd>
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
            <ExecutorCompare kind="cold" />
            {r.executor === 'spin-component' ? (
              <p className="muted" data-testid="coldstart-spin-note">
                {r.count.toLocaleString('en')} fresh instances of the Spin component (its core
                modules compiled once in {formatUs(r.compileUs)}; each instance: jco's bindings and
                the core modules instantiated, as for a request)
                {r.runStart &&
                  r.runP50Us !== undefined &&
                  `; handling GET ${'/'} p50 ${formatUs(r.runP50Us)}`}
                {r.failures > 0 &&
                  `; ${r.failures.toLocaleString('en')} failed (${r.firstFailure})`}
                . Timer resolution {formatUs(r.timerResolutionUs)}.
              </p>
            ) : (
              <p className="muted">
                {r.count.toLocaleString('en')} ×{' '}
                {r.compileEach ? '`new WebAssembly.Module` + ' : ''}
                `new WebAssembly.Instance`
                {r.compileEach ? '' : ` of one module compiled once in ${formatUs(r.compileUs)}`}
                {r.runStart && r.runP50Us !== undefined && `; _start p50 ${formatUs(r.runP50Us)}`}
                {r.failures > 0 &&
                  `; ${r.failures.toLocaleString('en')} runs failed (${r.firstFailure})`}
                .{' '}
                {r.pooled
                  ? `Memories from a pool: ${r.memoriesMade.toLocaleString('en')} made, each zeroed before it was given again.`
                  : r.memory === 'pooled'
                    ? 'This module cannot take a pooled memory (none of its own, a shared or 64-bit one, more than one, or over 4 MiB): a new memory per instance.'
                    : r.memoryBytes > 0
                      ? 'A new memory per instance.'
                      : 'The module has no memory.'}{' '}
                Instances/s counts the whole loop on one core: WASI host setup (mean{' '}
                {formatUs(r.setupMeanUs)}), instantiation
                {r.pooled
                  ? ', zeroing the memory'
                  : ", and the engine freeing the instances' memories"}
                . Timer resolution {formatUs(r.timerResolutionUs)}.
              </p>
            )}
            <p className="context" data-testid="coldstart-context">
              For scale: this module is {r.wasmSize.toLocaleString('en')} B and a fresh, isolated
              instance of it is ready in {timed(r.p50Us, r.timerResolutionUs)} (median) here. A
              container image instead starts an operating-system process with its own runtime; no
              container figure is shown because none was measured on this machine.
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
