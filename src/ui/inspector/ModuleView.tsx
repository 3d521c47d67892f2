import { FEATURES } from '../../inspect/features';
import { useInspect } from '../../inspect/state';
import { useStore } from '../../store/store';
import { ModuleEntries } from '../ModuleEntries';

/** Imports and exports, the toolchain that made the module and the post-MVP features it uses. */
export function ModuleView() {
  const imports = useStore((s) => s.imports);
  const exports = useStore((s) => s.exports);
  const inspection = useInspect((s) => s.inspection);
  return (
    <div className="module-view">
      <div className="capabilities">
        <div>
          <h3>Imports (what it asks the host for)</h3>
          <ModuleEntries
            id="imports"
            entries={imports}
            empty={exports.length ? 'none: a pure computation' : 'run a program to see them'}
          />
        </div>
        <div>
          <h3>Exports</h3>
          <ModuleEntries id="exports" entries={exports} empty="—" />
        </div>
      </div>
      {inspection && (
        <>
          <h3>Made by</h3>
          <p data-testid="producers">
            {inspection.producers || 'no producers section (the toolchain did not say)'}
          </p>
          <h3>Post-MVP features it uses</h3>
          {inspection.features.length === 0 ? (
            <p data-testid="features-none">
              None: WebAssembly 1.0 (MVP) only, runs in every engine.
            </p>
          ) : (
            <table className="features-table">
              <caption className="sr-only">
                Features the module uses and the first version of each engine that runs them
              </caption>
              <thead>
                <tr>
                  <th scope="col">Feature</th>
                  <th scope="col">Chromium</th>
                  <th scope="col">Firefox</th>
                  <th scope="col">Safari</th>
                  <th scope="col">Node</th>
                  <th scope="col">Wasmtime</th>
                </tr>
              </thead>
              <tbody>
                {inspection.features.map((f) => {
                  const e = FEATURES[f].engines;
                  return (
                    <tr key={f} data-testid="feature" data-feature={f}>
                      <th scope="row">{FEATURES[f].label}</th>
                      <td>{e.chromium}</td>
                      <td>{e.firefox}</td>
                      <td>{e.safari}</td>
                      <td>{e.node}</td>
                      <td>{e.wasmtime}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <p className="muted small">
            First versions with the feature on by default, from webassembly.org/features.
            {inspection.sizes.targetFeatures.length > 0 &&
              ` The toolchain enabled: ${inspection.sizes.targetFeatures.join(' ')}.`}
          </p>
        </>
      )}
    </div>
  );
}
