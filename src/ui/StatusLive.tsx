import { useEffect, useState } from 'react';
import { languageById } from '../languages/registry';
import { useOutput } from '../store/outputStore';
import type { ExitStatus } from '../store/runSlice';
import { useStore } from '../store/store';

/** The sentence a screen reader hears when a run ends. */
export function describeRun(exit: ExitStatus, lines: number, runMs?: number): string {
  const count = `${lines.toLocaleString('en')} ${lines === 1 ? 'line' : 'lines'}`;
  const time =
    runMs === undefined ? '' : `, ${runMs < 10 ? runMs.toFixed(1) : Math.round(runMs)} ms`;
  switch (exit.kind) {
    case 'exit':
      return `exit code ${exit.code}, ${count}${time}`;
    case 'trap':
      return `trap: ${exit.message}${exit.func ? ` in ${exit.func}` : ''}, ${count}`;
    case 'stopped':
      return `stopped: ${exit.message}, ${count}`;
    case 'served':
      return `the handler answered ${exit.status}${exit.message ? `: ${exit.message}` : ''}`;
    default:
      return exit.message.startsWith('compile failed') ? '' : `error: ${exit.message}`;
  }
}

/**
 * A polite live region: says when a run ends ("exit code 0, 12 lines, 3.2 ms"), when a compile
 * fails ("2 errors"), when the program waits for input and when a toolchain has loaded.
 */
export function StatusLive() {
  const [text, setText] = useState('');
  useEffect(
    () =>
      useStore.subscribe((s, prev) => {
        let say = '';
        if (s.exit && s.exit !== prev.exit) {
          if (s.exit.kind === 'error' && s.exit.message.startsWith('compile failed')) {
            const errors = s.diagnostics.filter((d) => d.severity === 'error').length;
            say = `compile failed: ${errors} ${errors === 1 ? 'error' : 'errors'}`;
          } else {
            const out = useOutput.getState();
            say = describeRun(s.exit, out.lines.length + out.dropped, s.timings.runMs);
          }
        } else if (s.stdinWaiting && !prev.stdinWaiting) {
          say = 'the program waits for input';
        } else if (prev.loading && !s.loading && prev.loading.phase === 'loading') {
          const name = languageById[prev.loading.language].label;
          say = s.downloadCancelled ? `${name} download cancelled` : `${name} toolchain loaded`;
        }
        if (say) setText(say);
      }),
    [],
  );
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="status-live">
      {text}
    </div>
  );
}
