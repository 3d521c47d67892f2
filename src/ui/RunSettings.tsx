import { WASM_OPT_PRESETS } from '../inspect/presets';
import { languageById } from '../languages/registry';
import { runProgram } from '../run/actions';
import { useStore } from '../store/store';
import { currentProject } from '../store/projectSlice';
import { RouteField } from './server/RouteField';
import { componentWaitMode } from '../run/stdinChannel';
import './RunSettings.css';

/** stdin, arguments, environment and the time limit; saved with the source. */
export function RunSettings() {
  const stdin = useStore((s) => s.stdin);
  const args = useStore((s) => s.args);
  const timeLimit = useStore((s) => s.timeLimit);
  const thenTerminal = useStore((s) => s.stdinThenTerminal);
  const asComponent = useStore((s) => s.asComponent);
  const interpreted = useStore((s) => languageById[s.language].interpreter !== undefined);
  // A component takes typed input only where its worker can block (a cross-origin isolated page).
  const interactive =
    useStore((s) => s.interactive) &&
    (!(asComponent || interpreted) || componentWaitMode() !== 'none');
  const set = useStore.getState().setRunSetting;
  const language = useStore((s) => s.language);
  const wasmOpt = useStore((s) => s.compileOptions[s.language]?.wasmOpt ?? '');
  const runMode = useStore((s) => currentProject(s).runMode ?? 'command');
  const http = runMode === 'http';
  const spin = useStore((s) => currentProject(s).executor === 'spin-component') && http;
  return (
    <section
      className="panel settings-panel"
      aria-label="Run settings"
      onKeyDown={(e) => {
        // Ctrl/Cmd+Enter runs from any field here too, as in the editor.
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          if (useStore.getState().status === 'idle') void runProgram();
        }
      }}
    >
      <div className="panel-header">
        <h2>Run settings</h2>
      </div>
      <div className="settings">
        <label className="inline">
          <span>Run as</span>
          <select
            data-testid="run-mode"
            value={runMode}
            onChange={(e) => {
              const mode = e.target.value === 'http' ? 'http' : 'command';
              useStore.getState().setServerConfig({ runMode: mode });
              if (mode === 'http')
                useStore.getState().patchUi({ mainTab: 'http', narrowTab: 'http' });
            }}
          >
            <option value="command">Command (WASI _start)</option>
            <option value="http" disabled={interpreted}>
              HTTP handler (as Spin){interpreted ? ': not for an interpreted language' : ''}
            </option>
          </select>
        </label>
        {http && !spin && <RouteField />}
        {http && !spin && (
          <p className="hint" data-testid="http-mode-note">
            Each request runs a fresh instance: its argv, environment and stdin come from the
            request (HTTP tab); the time limit below is per request.
          </p>
        )}
        {spin && (
          <p className="hint" data-testid="http-mode-note">
            A Spin component: each request runs a fresh instance; its route, grants and variables
            come from spin.toml. A SPIN_VARIABLE_&lt;NAME&gt;=value line in Environment overrides a
            variable; the time limit is per request.
          </p>
        )}
        {!http && (
          <>
            <label>
              <span>Arguments</span>
              <input
                data-testid="args-input"
                value={args}
                placeholder={'e.g. one "two words"'}
                onChange={(e) => set({ args: e.target.value })}
              />
            </label>
            <label>
              <span>stdin</span>
              <textarea
                data-testid="stdin-input"
                value={stdin}
                rows={3}
                placeholder={
                  interactive
                    ? 'empty: type in the terminal when the program asks'
                    : asComponent
                      ? 'text fed to stdin, then end of file (typed input needs a cross-origin isolated page)'
                      : 'text fed to fd 0'
                }
                onChange={(e) => set({ stdin: e.target.value })}
              />
            </label>
            {interactive && (
              <label className="inline">
                <input
                  type="checkbox"
                  data-testid="stdin-then-terminal"
                  checked={thenTerminal || stdin === ''}
                  disabled={stdin === ''}
                  onChange={(e) => set({ stdinThenTerminal: e.target.checked })}
                />
                <span>
                  {stdin === ''
                    ? 'stdin is typed in the terminal'
                    : 'then read the terminal (else end of file)'}
                </span>
              </label>
            )}
            <label
              className="inline"
              title="wasm-tools component-new with the preview 1 command adapter, then jco; runs on preview2-shim"
            >
              <input
                type="checkbox"
                data-testid="as-component"
                checked={asComponent && !interpreted}
                disabled={interpreted}
                onChange={(e) => set({ asComponent: e.target.checked })}
              />
              <span>
                as a component (WASI preview 2, wasi:cli/command)
                {interpreted ? ': not for an interpreted language' : ''}
              </span>
            </label>
            <EnvField placeholder={`KEY=value, one per line (KEY="a\\nb" for a line break)`} />
          </>
        )}
        {spin && <EnvField placeholder="SPIN_VARIABLE_GREETING=Bonjour" />}
        <label className="inline">
          <span>Time limit (s)</span>
          <input
            data-testid="time-limit-input"
            type="number"
            min={0}
            max={3600}
            step={1}
            value={timeLimit}
            title="0 = no limit"
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isFinite(v) && v >= 0 && v <= 3600) set({ timeLimit: v });
            }}
          />
        </label>
        {languageById[language].runSettings.wasmOpt && (
          <label className="inline" title="binaryen's wasm-opt on every build, before the run">
            <span>then wasm-opt</span>
            <select
              data-testid="wasm-opt-select"
              value={wasmOpt}
              onChange={(e) => useStore.getState().setCompileOptions({ wasmOpt: e.target.value })}
            >
              <option value="">no</option>
              {WASM_OPT_PRESETS.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
        )}
      </div>
    </section>
  );
}

/** The environment (a command's; a Spin component's SPIN_VARIABLE_<NAME> overrides). */
function EnvField({ placeholder }: { placeholder: string }) {
  const env = useStore((s) => s.env);
  return (
    <label>
      <span>Environment</span>
      <textarea
        data-testid="env-input"
        value={env}
        rows={2}
        placeholder={placeholder}
        onChange={(e) => useStore.getState().setRunSetting({ env: e.target.value })}
      />
    </label>
  );
}
