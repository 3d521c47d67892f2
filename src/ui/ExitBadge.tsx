import { useMemo } from 'react';
import { findDefinition } from '../project/findDefinition';
import { currentProject } from '../store/projectSlice';
import { useStore } from '../store/store';
import { revealInEditor } from './editor/editorHandle';

/** The exit status of the last run: exit code, trap, stop or error. */
export function ExitBadge() {
  const exit = useStore((s) => s.exit);
  const loading = useStore((s) => s.loading);
  const status = useStore((s) => s.status);
  if (!exit) {
    if (loading)
      return (
        <span className="badge info" data-testid="loading-compiler">
          loading compiler…
        </span>
      );
    if (status !== 'idle') return <span className="badge info">{status}…</span>;
    return null;
  }
  let text: string;
  let tone: string;
  let title: string | undefined;
  switch (exit.kind) {
    case 'exit':
      text = `exit code ${exit.code}`;
      tone = exit.code === 0 ? 'ok' : 'warn';
      if (exit.sandboxFull) {
        text += ' — the sandbox is full (256 MiB)';
        tone = 'warn';
      }
      if (exit.component)
        title =
          exit.component === 'ok'
            ? 'Ran as a component: wasi:cli/exit said ok'
            : `Ran as a component: the program asked for ${exit.code}; wasi:cli/exit 0.2 carries only ok/err, so wasmtime would exit 1`;
      break;
    case 'trap':
      text = `trap: ${exit.message}${exit.func ? ` in ${exit.func}` : ''}`;
      tone = 'bad';
      break;
    case 'stopped':
      text = exit.short ? `stopped ${exit.short}` : `stopped: ${exit.message}`;
      tone = 'warn';
      break;
    case 'served':
      text = `HTTP ${exit.status}${exit.message ? ` — ${exit.message.split('\n')[0]}` : ''}`;
      tone = exit.status < 400 ? 'ok' : exit.status < 500 ? 'warn' : 'bad';
      break;
    default:
      text = `error: ${exit.message}`;
      tone = 'bad';
  }
  return (
    <>
      <span
        className={`badge ${tone}`}
        data-testid="exit-status"
        title={title ?? (exit.kind === 'stopped' ? exit.message : text)}
        data-component={exit.kind === 'exit' ? exit.component : undefined}
      >
        {text}
      </span>
      {exit.kind === 'trap' && (
        <TrapSource frames={exit.frames ?? (exit.func ? [exit.func] : [])} />
      )}
    </>
  );
}

/**
 * Where a trap happened in the project's source: the innermost function on the stack that a file
 * of the project defines (a trap inside libc points at the caller). A button that opens it.
 */
function TrapSource({ frames }: { frames: string[] }) {
  const files = useStore((s) => currentProject(s).files);
  const entry = useStore((s) => currentProject(s).entry);
  const place = useMemo(
    () => (frames.length ? findDefinition(files, entry, frames) : null),
    [files, entry, frames],
  );
  if (!place) return null;
  const where = `${place.file}:${place.line}`;
  return (
    <button
      className="link"
      data-testid="trap-source"
      data-file={place.file}
      data-line={place.line}
      title={`Show ${place.name} in ${where}`}
      onClick={() => revealInEditor(place.line, place.column, place.file)}
    >
      {where}
    </button>
  );
}
