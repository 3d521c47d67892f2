import { useState } from 'react';
import { useInspect } from '../../inspect/state';
import { useStore } from '../../store/store';
import { TabList } from '../TabList';
import { useDarkMode } from '../useDarkMode';
import { formatBytes } from '../format';
import { ModuleView } from './ModuleView';
import { SizesView } from './SizesView';
import { WatView } from './WatView';
import { ComponentView } from './ComponentView';
import { InterpreterNotice } from './InterpreterNotice';
import './inspector.css';

export type InspectorTab = 'sizes' | 'wat' | 'imports' | 'component';
const TABS: { id: InspectorTab; label: string }[] = [
  { id: 'sizes', label: 'Sizes' },
  { id: 'wat', label: 'WAT' },
  { id: 'imports', label: 'Imports & features' },
  { id: 'component', label: 'Component' },
];

/**
 * The module inspector: the module of the last compile or the opened .wasm, computed in the
 * inspect worker. Sizes (treemap, table, deltas, wasm-opt), WAT, imports/exports and features.
 */
export function InspectorPanel({ shown, only }: { shown: boolean; only?: InspectorTab }) {
  const dark = useDarkMode(useStore((s) => s.theme));
  const [chosen, setTab] = useState<InspectorTab>('sizes');
  // An embed's `panels=wat` or `panels=sizes` shows one view, without the tabs.
  const tab = only ?? chosen;
  const [watSeen, setWatSeen] = useState(false);
  if (tab === 'wat' && !watSeen) setWatSeen(true);
  const inspection = useInspect((s) => s.inspection);
  const busy = useInspect((s) => s.busy);
  const error = useInspect((s) => s.error);
  // The Component tab is there while a component is, or while it is chosen.
  const hasComponent = useStore((s) => s.component !== null);
  const tabs = TABS.filter((t) => t.id !== 'component' || hasComponent || tab === 'component');
  const sizes = inspection?.sizes;
  const interpreted = useStore((s) => s.timings.interpreter !== undefined);
  return (
    <section className="panel inspector-panel" aria-label="Inspector" data-testid="inspector">
      <div className="panel-header">
        {only && <h2>{TABS.find((t) => t.id === only)?.label}</h2>}
        <TabList
          tabs={tabs}
          selected={tab}
          onSelect={setTab}
          label="Inspector views"
          className="sub-tabs"
          testId={(id) => ({ 'data-testid': 'inspector-tab', 'data-tab': id })}
          hidden={!!only}
        />
        {sizes && (
          <span className="muted" title={`${sizes.total} bytes`}>
            {formatBytes(sizes.total)}
          </span>
        )}
      </div>
      <InterpreterNotice />
      {error && <p className="notice bad">{error}</p>}
      {sizes?.error && (
        <p className="notice warn" data-testid="inspect-error">
          {sizes.component
            ? 'This is a component (the component model), not a core module: its WIT and sizes are in the Component tab.'
            : `The module is broken at byte ${sizes.error.offset} (0x${sizes.error.offset.toString(16)}): ${sizes.error.message}. What comes before is shown.`}
        </p>
      )}
      <div className="inspector-body" tabIndex={0} aria-label="Inspector content">
        {!inspection && !busy && !interpreted && (
          <p className="empty">Run a program or open a .wasm file to see inside its module.</p>
        )}
        {busy && <p className="muted">Inspecting…</p>}
        <div hidden={tab !== 'sizes'}>{tab === 'sizes' && <SizesView />}</div>
        <div hidden={tab !== 'wat'} className="wat-tab">
          {/* Monaco is created on the first visit, then kept (its folds and scroll too). */}
          {(tab === 'wat' || watSeen) && <WatView dark={dark} active={shown && tab === 'wat'} />}
        </div>
        <div hidden={tab !== 'imports'}>{(!only || only === 'imports') && <ModuleView />}</div>
        <div hidden={tab !== 'component'}>{tab === 'component' && <ComponentView />}</div>
      </div>
    </section>
  );
}
