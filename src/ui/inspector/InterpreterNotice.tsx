import { useState } from 'react';
import { useStore } from '../../store/store';
import { formatBytes } from '../format';

/**
 * After an interpreted run (Python, Ruby): the program has no module of its own; the module
 * that ran is the interpreter's, which the inspector opens on request (it may be 31 MB).
 */
export function InterpreterNotice() {
  const it = useStore((s) => s.timings.interpreter);
  const shown = useStore((s) => s.wasm !== null);
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  if (!it) return null;
  const open = async () => {
    setState({ busy: true });
    try {
      const res = await fetch(it.url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const wasm = new Uint8Array(await res.arrayBuffer());
      useStore.getState().patchRun({ wasm, wasmBuilt: false });
      setState({ busy: false });
    } catch (e) {
      setState({ busy: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <p className="notice info" data-testid="inspect-interpreted">
      <span>
        The program is interpreted by <b>{it.name}</b>: its code is not compiled to WebAssembly, so
        it has no module of its own.{' '}
        {shown ? (
          'Shown here: the interpreter’s module, which ran it.'
        ) : (
          <button
            className="small"
            data-testid="inspect-interpreter"
            disabled={state.busy}
            onClick={() => void open()}
          >
            {state.busy
              ? 'Opening…'
              : `Inspect the interpreter’s module (${formatBytes(it.wasmBytes)})`}
          </button>
        )}
        {state.error && <span className="bad"> It could not be read: {state.error}</span>}
      </span>
    </p>
  );
}
