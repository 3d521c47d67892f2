import { languageById } from '../languages/registry';
import type { ThemeChoice } from '../store/settingsSlice';
import { useStore } from '../store/store';
import { exampleIdOf } from '../store/projectSlice';
import { InterpreterSelect } from './InterpreterSelect';
import { LanguageSelect } from './LanguageSelect';
import { RunStopButtons } from './RunStopButtons';
import { DebugButtons } from './debug/DebugButtons';
import './Toolbar.css';

/** Language, example, compiler options, Run/Stop and the theme switch. */
export function Toolbar({ children }: { children?: React.ReactNode }) {
  const language = useStore((s) => s.language);
  const options = useStore((s) => s.compileOptions[s.language]);
  // The example on screen, while it is untouched (an edited one is the user's project).
  const loaded = useStore((s) => exampleIdOf(s.projects[s.currentId]));
  const theme = useStore((s) => s.theme);
  const meta = languageById[language];

  return (
    <header className="toolbar">
      <h1 className="brand" title="WebAssembly playground">
        <span className="brand-mark" aria-hidden="true">
          W
        </span>{' '}
        Wasm Playground
      </h1>
      <label className="field">
        <span className="sr-only">Language</span>
        <LanguageSelect
          data-testid="language-select"
          // As wide as the chosen language's full name (a cut "WebAssembly Tex" reads as a bug),
          // no wider: the toolbar keeps to one row at 1280 px.
          style={{ width: `calc(${meta.label.length}ch + 34px)` }}
          value={language}
          onChange={(id) => useStore.getState().setLanguage(id)}
        />
      </label>
      <label className="field">
        <span className="sr-only">Examples</span>
        <select
          data-testid="examples-select"
          value={loaded}
          onChange={(e) => e.target.value && useStore.getState().loadExample(e.target.value)}
        >
          <option value="">Examples…</option>
          {meta.examples.map((ex) => (
            <option key={ex.id} value={ex.id}>
              {ex.label}
            </option>
          ))}
        </select>
      </label>
      {meta.optLevels.length > 0 && (
        <>
          <label className="field" title="Optimization level">
            <span className="sr-only">Optimization level</span>
            <select
              data-testid="opt-level"
              value={options.optLevel}
              onChange={(e) => useStore.getState().setCompileOptions({ optLevel: e.target.value })}
            >
              {meta.optLevels.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          </label>
          <input
            className="flags"
            data-testid="compiler-flags"
            placeholder="compiler flags"
            aria-label="Compiler flags"
            value={options.flags ?? ''}
            onChange={(e) => useStore.getState().setCompileOptions({ flags: e.target.value })}
          />
        </>
      )}
      <InterpreterSelect />
      <RunStopButtons />
      <DebugButtons />
      <span className="spacer" />
      {children}
      <label className="field" title="Theme">
        <span className="sr-only">Theme</span>
        <select
          data-testid="theme-select"
          value={theme}
          onChange={(e) => useStore.getState().setTheme(e.target.value as ThemeChoice)}
        >
          <option value="system">Auto</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
    </header>
  );
}
