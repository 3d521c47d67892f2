import { languageById, type LanguageId } from '../languages/registry';
import { runProgram, stopProgram } from '../run/actions';
import type { LoadProgress } from '../protocol/compile';
import { useStore } from '../store/store';
import { useDebug } from '../debug/state';

const MiB = 1024 * 1024;

/** "Downloading C toolchain 16 / 100 MiB…" while a compile waits for its toolchain. */
function downloading(p: LoadProgress<LanguageId>): string {
  const name = languageById[p.language].label.split(' ')[0];
  if (!p.total) return `Loading ${name} toolchain…`;
  return `Downloading ${name} toolchain ${Math.round((p.done ?? 0) / MiB)} / ${Math.round(p.total / MiB)} MiB…`;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Run (with its running state for tests and screen readers) and Stop; shared by app and embed.
 * They are aria-disabled, not disabled, while they do nothing: a disabled button loses the
 * keyboard focus, which would fall to the page after every Run and Stop.
 */
export function RunStopButtons() {
  const status = useStore((s) => s.status);
  const busy = status !== 'idle';
  const loading = useStore((s) => s.loading);
  const debug = useDebug((s) => s.status);
  return (
    <>
      <button
        className="run"
        data-testid="run-button"
        data-state={busy ? 'running' : 'idle'}
        aria-disabled={busy}
        onClick={() => {
          if (useStore.getState().status === 'idle') void runProgram();
        }}
        title={`Compile and run (${isMac ? '⌘' : 'Ctrl'}+Enter)`}
      >
        {status === 'compiling'
          ? loading
            ? downloading(loading)
            : 'Compiling…'
          : debug === 'paused'
            ? 'Paused'
            : status === 'running'
              ? debug === 'idle'
                ? 'Running…'
                : 'Debugging…'
              : '▶ Run'}
      </button>
      {/* While debugging, the debug controls' Stop (Shift+F5) takes its place. */}
      {debug === 'idle' && (
        <button
          className="stop"
          data-testid="stop-button"
          aria-disabled={!busy}
          onClick={() => {
            if (useStore.getState().status !== 'idle') stopProgram();
          }}
          title="Stop the program now"
        >
          ■ Stop
        </button>
      )}
    </>
  );
}
