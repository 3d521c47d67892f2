import { languageById } from '../languages/registry';
import { useStore } from '../store/store';
import { formatBytes } from './format';

/** "Loading compiler…" with a byte-accurate progress bar when the toolchain reports one. */
export function LoadingBar() {
  const loading = useStore((s) => s.loading);
  if (!loading) return null;
  const { done, total } = loading;
  const label = languageById[loading.language].label;
  const pct = total ? Math.min(100, (100 * (done ?? 0)) / total) : null;
  return (
    <div
      className="loading-bar"
      data-testid="compiler-progress"
      data-done={done ?? ''}
      data-total={total ?? ''}
      role="status"
    >
      <span>
        Loading the {label} compiler
        {total ? ` — ${formatBytes(done)} of ${formatBytes(total)}` : '…'}
      </span>
      <progress max={100} value={pct ?? undefined} />
    </div>
  );
}
