import { useState } from 'react';
import { languageById } from '../languages/registry';
import { cancelDownload, downloadOf, downloadToolchain } from '../run/actions';
import { useStore } from '../store/store';
import { formatBytes } from './format';
import './LoadingBar.css';

/**
 * Before a big toolchain is downloaded the first time: its size, with Download and Not now.
 * After a cancelled download: Download again. Running a program also agrees to the download.
 */
function ToolchainConsent() {
  const language = useStore((s) => s.language);
  const consent = useStore((s) => s.toolchainConsent);
  const cancelled = useStore((s) => s.downloadCancelled);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const d = useStore((s) => downloadOf(language, s));
  if (!d) return null;
  const wasCancelled = cancelled === d.toolchain;
  if ((consent[d.toolchain] && !wasCancelled) || dismissed === d.toolchain) return null;
  return (
    <div
      className="toolchain-consent"
      data-testid="toolchain-consent"
      role="region"
      aria-label="Toolchain download"
    >
      <span>
        {wasCancelled ? 'Download cancelled. ' : ''}
        {d.what}: a download of about <strong>{d.approxMB} MB</strong> ({d.unpackedMB} MB unpacked),
        once (the browser keeps it). Run also starts it.
      </span>
      <button
        className="small primary"
        data-testid="toolchain-download"
        onClick={() => downloadToolchain()}
      >
        {wasCancelled ? 'Download again' : 'Download'}
      </button>
      {!wasCancelled && (
        <button
          className="small"
          data-testid="toolchain-cancel"
          onClick={() => setDismissed(d.toolchain)}
        >
          Not now
        </button>
      )}
    </div>
  );
}

/** "Loading compiler…" with a byte-accurate progress bar when the toolchain reports one. */
export function LoadingBar() {
  const loading = useStore((s) => s.loading);
  const language = useStore((s) => s.language);
  if (!loading || loading.language !== language) return <ToolchainConsent />;
  const { done, total } = loading;
  const meta = languageById[loading.language];
  const label = meta.label;
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
        Loading the {label} {meta.interpreter ? 'interpreter' : 'compiler'}
        {total ? ` — ${formatBytes(done)} of ${formatBytes(total)}` : '…'}
      </span>
      <progress max={100} value={pct ?? undefined} aria-label="Download progress" />
      {downloadOf(loading.language) && (
        <button className="small" data-testid="toolchain-cancel" onClick={cancelDownload}>
          Cancel
        </button>
      )}
    </div>
  );
}
