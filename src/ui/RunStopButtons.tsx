import { runProgram, stopProgram } from '../store/runActions';
import { useStore } from '../store/store';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Run (with its running state for tests and screen readers) and Stop; shared by app and embed. */
export function RunStopButtons() {
  const status = useStore((s) => s.status);
  const busy = status !== 'idle';
  return (
    <>
      <button
        className="run"
        data-testid="run-button"
        data-state={busy ? 'running' : 'idle'}
        disabled={busy}
        onClick={() => void runProgram()}
        title={`Compile and run (${isMac ? '⌘' : 'Ctrl'}+Enter)`}
      >
        {status === 'compiling' ? 'Compiling…' : status === 'running' ? 'Running…' : '▶ Run'}
      </button>
      <button
        className="stop"
        data-testid="stop-button"
        disabled={!busy}
        onClick={stopProgram}
        title="Stop the program now"
      >
        ■ Stop
      </button>
    </>
  );
}
