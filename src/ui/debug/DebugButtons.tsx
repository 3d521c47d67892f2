import { useDebug } from '../../debug/state';
import { debugCommand, startDebug } from '../../debug/start';
import { stopProgram } from '../../run/actions';
import { useStore } from '../../store/store';
import './debug.css';

/**
 * Debug beside Run; while a debug session runs, its controls: Continue (or Pause while it
 * runs), Step over, Step into, Step out, Stop. The keys (F5, F10, F11, Shift+F11, Shift+F5)
 * are in useDebugKeys.
 */
export function DebugButtons() {
  const status = useDebug((s) => s.status);
  const busy = useStore((s) => s.status !== 'idle');
  if (status === 'idle')
    return (
      <button
        className="debug"
        data-testid="debug-button"
        aria-disabled={busy}
        onClick={() => {
          if (useStore.getState().status === 'idle') void startDebug();
        }}
        title="Debug: a debug build, stopping at breakpoints (F5); F9 sets one"
      >
        Debug
      </button>
    );
  const paused = status === 'paused';
  const step = (cmd: 'continue' | 'over' | 'into' | 'out') => () => void debugCommand(cmd);
  return (
    <span className="debug-controls" role="group" aria-label="Debug controls">
      {paused ? (
        <button data-testid="debug-continue" onClick={step('continue')} title="Continue (F5)">
          ▶
        </button>
      ) : (
        <button
          data-testid="debug-pause"
          aria-disabled={status !== 'running'}
          onClick={() => void debugCommand('pause')}
          title="Pause (F6)"
        >
          ❚❚
        </button>
      )}
      <button
        data-testid="debug-step-over"
        aria-disabled={!paused}
        onClick={step('over')}
        title="Step over (F10)"
      >
        ↷
      </button>
      <button
        data-testid="debug-step-into"
        aria-disabled={!paused}
        onClick={step('into')}
        title="Step into (F11)"
      >
        ↓
      </button>
      <button
        data-testid="debug-step-out"
        aria-disabled={!paused}
        onClick={step('out')}
        title="Step out (Shift+F11)"
      >
        ↑
      </button>
      <button
        data-testid="debug-stop"
        className="stop"
        onClick={() => stopProgram()}
        title="Stop (Shift+F5)"
      >
        ■
      </button>
    </span>
  );
}
