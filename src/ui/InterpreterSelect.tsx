import { languageById } from '../languages/registry';
import { currentProject } from '../store/projectSlice';
import { useStore } from '../store/store';

/**
 * Which interpreter a project of an interpreted language runs on, when the language offers
 * another (Python: MicroPython, or CPython through Pyodide). Saved with the project and in its
 * share links; the other one's download asks first, as a toolchain's does.
 */
export function InterpreterSelect() {
  const language = useStore((s) => s.language);
  const chosen = useStore((s) => currentProject(s).interpreter ?? '');
  const meta = languageById[language].interpreter;
  if (!meta?.alternative) return null;
  const label = chosen === meta.alternative.id ? meta.alternative.label : meta.name;
  return (
    <label className="field" title="Interpreter (saved with the project and in its links)">
      <span className="sr-only">Interpreter</span>
      <select
        data-testid="interpreter-select"
        // As wide as the chosen interpreter's name, as the language select is.
        style={{ width: `calc(${label.length}ch + 34px)` }}
        value={chosen === meta.alternative.id ? chosen : ''}
        onChange={(e) => useStore.getState().setInterpreter(e.target.value || undefined)}
      >
        <option value="">{meta.name}</option>
        <option value={meta.alternative.id}>{meta.alternative.label}</option>
      </select>
    </label>
  );
}
