import { useState } from 'react';
import { optimize, useInspect } from '../../inspect/state';
import { runProgram } from '../../run/actions';
import type { OptimizePreset } from '../../protocol/inspect';
import { downloadFile } from '../download';
import { formatBytes, formatMs, signed } from '../format';

const PRESETS: OptimizePreset[] = ['-O1', '-O2', '-O3', '-O4', '-Os', '-Oz'];

/** wasm-opt (binaryen, loaded on first use) on the inspected module: sizes before → after. */
export function OptimizeBox() {
  const [preset, setPreset] = useState<OptimizePreset>('-Oz');
  const [strip, setStrip] = useState(false);
  const optimizing = useInspect((s) => s.optimizing);
  const result = useInspect((s) => s.optimized);
  const error = useInspect((s) => s.optimizeError);
  return (
    <div className="optimize-box">
      <div className="optimize-row">
        <span className="label">wasm-opt</span>
        <label>
          <span className="sr-only">wasm-opt preset</span>
          <select
            data-testid="optimize-preset"
            value={preset}
            onChange={(e) => setPreset(e.target.value as OptimizePreset)}
          >
            {PRESETS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={strip} onChange={(e) => setStrip(e.target.checked)} />
          strip debug info and names
        </label>
        <button
          data-testid="optimize-button"
          aria-disabled={optimizing}
          onClick={() => !optimizing && void optimize(preset, strip)}
        >
          {optimizing ? 'Optimizing…' : 'Optimize'}
        </button>
      </div>
      {error && (
        <p className="notice bad" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div
          className="optimize-result"
          data-testid="optimize-result"
          data-before={result.before}
          data-after={result.after}
          data-ms={result.ms.toFixed(1)}
        >
          <p>
            {result.preset}
            {result.strip ? ', stripped' : ''}: <b>{result.before.toLocaleString('en')}</b> →{' '}
            <b>{result.after.toLocaleString('en')} bytes</b> ({signed(result.after - result.before)}
            , {(((result.before - result.after) / result.before) * 100).toFixed(1)}% smaller);
            gzipped {formatBytes(result.gzipBefore)} → {formatBytes(result.gzipAfter)}; in{' '}
            {formatMs(result.ms)}.
          </p>
          <div className="optimize-actions">
            <button
              data-testid="run-optimized"
              onClick={() => void runProgram({ wasm: result.wasm })}
            >
              ▶ Run optimized
            </button>
            <button
              data-testid="download-optimized"
              onClick={() => downloadFile('optimized.wasm', result.wasm, 'application/wasm')}
            >
              ↓ optimized .wasm
            </button>
          </div>
          {result.functionDeltas.length > 0 && (
            <details>
              <summary>Per function ({result.functionDeltas.length} changed)</summary>
              <ul className="fn-deltas">
                {result.functionDeltas.slice(0, 200).map((d) => (
                  <li key={d.name}>
                    <code>{d.name}</code> {d.before} →{' '}
                    {d.after === 0 ? 'removed or inlined' : d.after}{' '}
                    <span className="delta">{signed(d.after - d.before)}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
