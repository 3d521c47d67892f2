import { languageById } from '../languages/registry';
import { disassembleLast, runProgram } from '../run/actions';
import { currentProject, entrySource } from '../store/projectSlice';
import { useStore } from '../store/store';
import { downloadFile, openWasmFile } from './download';

/** Runs a user's .wasm file as a WASI command. */
export function runFile(file: File) {
  useStore
    .getState()
    .patchUi({ toast: { tone: 'ok', text: `Running ${file.name} (${file.size} bytes)` } });
  void openWasmFile(file, (wasm) => {
    // The toast offers to debug it (by instruction, or by line when it carries DWARF).
    useStore.getState().patchUi({
      toastAction: {
        label: 'Debug it',
        run: () => void import('../debug/start').then((d) => d.startDebug(true, wasm.slice())),
      },
    });
    return runProgram({ wasm, fileName: file.name });
  });
}

/** Open a .wasm file; download the compiled module and its text. */
export function WasmFileControls() {
  const language = useStore((s) => s.language);
  const base = languageById[language].fileName.replace(/\.\w+$/, '');
  return (
    <>
      <label
        className="button-like"
        title="Run a .wasm file (WASI command). You can also drop one on the page."
      >
        Open .wasm
        <input
          type="file"
          accept=".wasm,application/wasm"
          data-testid="open-wasm-input"
          className="sr-only"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) runFile(f);
            e.target.value = '';
          }}
        />
      </label>
      {languageById[language].interpreter ? (
        <button
          data-testid="download-source"
          title={`${languageById[language].label} is interpreted: the program has no module of its own. This downloads its entry file (the whole project: the .zip button of Files).`}
          onClick={() => {
            const s = useStore.getState();
            downloadFile(currentProject(s).entry.split('/').pop()!, entrySource(s), 'text/plain');
          }}
        >
          ↓ source
        </button>
      ) : (
        <CompiledDownloads base={base} />
      )}
    </>
  );
}

/** Download the compiled module and its WebAssembly text. */
function CompiledDownloads({ base }: { base: string }) {
  const wasm = useStore((s) => s.wasm);
  const language = useStore((s) => s.language);
  return (
    <>
      <button
        data-testid="download-wasm"
        disabled={!wasm}
        title={wasm ? 'Download the compiled module' : 'Run first to compile'}
        onClick={() => wasm && downloadFile(`${base}.wasm`, wasm, 'application/wasm')}
      >
        ↓ .wasm
      </button>
      <button
        data-testid="download-wat"
        disabled={!wasm && !languageById[language].sourceIsWat}
        title="Download the WebAssembly text"
        onClick={async () => {
          try {
            const s = useStore.getState();
            const text = languageById[s.language].sourceIsWat
              ? entrySource(s)
              : await disassembleLast();
            downloadFile(`${base}.wat`, text, 'text/plain');
          } catch (e) {
            useStore.getState().patchUi({ toast: { tone: 'warn', text: String(e) } });
          }
        }}
      >
        ↓ .wat
      </button>
    </>
  );
}
