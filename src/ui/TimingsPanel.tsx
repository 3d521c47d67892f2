import { useStore } from '../store/store';
import { formatBytes, formatMs, signed } from './format';
import { useInspect } from '../inspect/state';
import { capabilities } from '../wasm/capabilities';
import './TimingsPanel.css';

function Figure({
  id,
  label,
  value,
  text,
  hint,
  children,
}: {
  id: string;
  label: string;
  value?: number;
  text: string;
  hint?: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="figure" title={hint}>
      <div className="figure-label">{label}</div>
      <div
        className="figure-value"
        data-testid={id}
        data-value={value === undefined ? '' : String(value)}
      >
        {text}
      </div>
      {children}
    </div>
  );
}

/** Where the time and bytes went: compile, instantiate, run, end to end, size; and the imports. */
export function TimingsPanel() {
  const t = useStore((s) => s.timings);
  const sizeDelta = useInspect((s) => s.totalDelta);
  const imports = useStore((s) => s.imports);
  const exports = useStore((s) => s.exports);
  const isolated = typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated;

  return (
    // Focusable: it scrolls, and keyboard users must be able to scroll it (axe:
    // scrollable-region-focusable).
    <section className="panel timings-panel" aria-label="Timings" tabIndex={0}>
      <div className="panel-header">
        <h2>Timings</h2>
        {t.coldStart && <span className="badge info">includes loading the compiler</span>}
      </div>
      {t.interpreter && (
        <p className="muted small timings-note" data-testid="timing-interpreter">
          Interpreted by <b>{t.interpreter.name}</b>: the program is not compiled; the size is the
          interpreter's module, and “load” is its fetch and engine compile
          {t.interpreter.cached ? ' (this worker had it already)' : ''}.
        </p>
      )}
      <div className="figures">
        <Figure
          id="timing-compile"
          label={t.interpreter ? 'load' : 'compile'}
          value={t.interpreter ? t.compileModuleMs : t.compileMs}
          text={formatMs(t.interpreter ? t.compileModuleMs : t.compileMs)}
          hint={
            t.phases.map((p) => `${p.name}: ${formatMs(p.ms)}`).join('\n') ||
            'source → wasm, in the compiler worker'
          }
        />
        <Figure
          id="timing-instantiate"
          label="instantiate"
          value={t.instantiateMs}
          text={formatMs(t.instantiateMs)}
          hint={`WebAssembly.instantiate in the runner worker (timer resolution ${isolated ? '5 µs' : '100 µs: page not cross-origin isolated'})`}
        />
        <Figure
          id="timing-run"
          label="run"
          value={t.runMs}
          text={formatMs(t.runMs)}
          hint="_start until it returned or exited"
        />
        <Figure
          id="timing-total"
          label="end to end"
          value={t.totalMs}
          text={formatMs(t.totalMs)}
          hint="from pressing Run to the last output rendered"
        />
        <Figure
          id="wasm-size"
          label="wasm size"
          value={t.wasmSize}
          text={formatBytes(t.wasmSize)}
          hint={t.wasmSize !== undefined ? `${t.wasmSize} bytes` : undefined}
        >
          {sizeDelta !== null && sizeDelta !== undefined && (
            <div
              className={`size-delta delta ${sizeDelta > 0 ? 'up' : sizeDelta < 0 ? 'down' : ''}`}
              data-testid="size-delta"
              data-value={sizeDelta}
              title="Module size against the previous compile of this project"
            >
              {signed(sizeDelta)} vs last compile
            </div>
          )}
        </Figure>
        <Figure
          id="wasm-gzip-size"
          label="gzipped"
          value={t.gzipSize}
          text={formatBytes(t.gzipSize)}
        />
      </div>
      {t.phases.length > 0 && (
        <div className="phases" data-testid="compile-phases">
          {t.phases.map((p) => (
            <span key={p.name} data-testid="compile-phase" data-name={p.name} data-ms={p.ms}>
              {p.name} <b>{formatMs(p.ms)}</b>
            </span>
          ))}
          {t.compileModuleMs !== undefined && (
            <span>
              engine compile <b>{formatMs(t.compileModuleMs)}</b>
            </span>
          )}
        </div>
      )}
      {(imports.length > 0 || exports.length > 0) && (
        <div
          className="caps"
          data-testid="capabilities"
          title="What the module's imports let it do; everything else is denied"
        >
          <span className="muted">asks the host for:</span>
          {capabilities(imports).map((c) => (
            <span key={c} className="chip">
              {c}
            </span>
          ))}
          {imports.length === 0 && <span className="chip ok">nothing (pure computation)</span>}
        </div>
      )}
      {(imports.length > 0 || exports.length > 0) && (
        <p className="muted small timings-note">
          {imports.length} imports, {exports.length} exports: the lists, the toolchain and the
          features the module uses are in the Inspector.
        </p>
      )}
    </section>
  );
}
