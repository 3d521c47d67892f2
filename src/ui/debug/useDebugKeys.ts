import { useEffect } from 'react';
import { useDebug } from '../../debug/state';
import { debugCommand } from '../../debug/start';
import { stopProgram } from '../../run/actions';
import { useStore } from '../../store/store';

/**
 * The debugger's keys, page-wide (as in VS Code): F5 Debug / Continue, Shift+F5 Stop, F6 Pause,
 * F10 Step over, F11 Step into, Shift+F11 Step out. F9 (toggle a breakpoint) is the editor's.
 * F5 is the browser's reload otherwise: the page takes it (the work is saved either way).
 */
export function useDebugKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const session = useDebug.getState().status !== 'idle';
      const idle = useStore.getState().status === 'idle';
      let act: (() => void) | null = null;
      if (e.key === 'F5' && e.shiftKey) act = session ? stopProgram : null;
      else if (e.key === 'F5') act = session || idle ? () => void debugCommand('continue') : null;
      else if (e.key === 'F6' && session) act = () => void debugCommand('pause');
      else if (e.key === 'F10' && (session || idle)) act = () => void debugCommand('over');
      else if (e.key === 'F11' && e.shiftKey && session) act = () => void debugCommand('out');
      else if (e.key === 'F11' && (session || idle)) act = () => void debugCommand('into');
      if (!act) return;
      e.preventDefault();
      e.stopPropagation();
      act();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
