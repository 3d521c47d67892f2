import { useEffect, useRef } from 'react';
import { useInspect } from '../inspect/state';
import { useStore } from '../store/store';
import type { MainTab } from '../store/uiSlice';
import { InspectorPanel } from './inspector/InspectorPanel';
import { OutputPanel } from './OutputPanel';
import { HttpPanel } from './server/HttpPanel';
import { InstancesPanel } from './server/InstancesPanel';
import { currentProject } from '../store/projectSlice';
import { PanelBoundary } from './PanelBoundary';
import { tabForKey } from './tabKeys';

/**
 * Beside the editor: the program's Output, or the Inspector of its module (tabs; both stay
 * mounted so output keeps streaming while the module is inspected). Run shows Output.
 */
export function MainTabs() {
  const tab = useStore((s) => s.mainTab);
  const total = useInspect((s) => s.inspection?.sizes.total);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  // A run shows its output, a handler's Run its response (the inspector keeps the module's
  // deltas for when it is opened again; the cold-start lab stays open while it measures).
  useEffect(
    () =>
      useStore.subscribe((s, prev) => {
        if (s.runId === prev.runId || s.mainTab === 'instances') return;
        const want = currentProject(s).runMode === 'http' ? 'http' : 'output';
        if (s.mainTab !== want) s.patchUi({ mainTab: want });
      }),
    [],
  );
  const set = (t: MainTab, focus = false) => {
    useStore.getState().patchUi({ mainTab: t });
    if (focus) refs.current[t]?.focus();
  };
  const tabs: {
    id: MainTab;
    label: string;
    name: string;
    render: (shown: boolean) => React.ReactNode;
  }[] = [
    { id: 'output', label: 'Output', name: 'Output', render: () => <OutputPanel /> },
    {
      id: 'inspector',
      label: total !== undefined ? `Inspector · ${total.toLocaleString('en')} B` : 'Inspector',
      name: 'Inspector',
      render: (shown) => <InspectorPanel shown={shown} />,
    },
    { id: 'instances', label: 'Instances', name: 'Instances', render: () => <InstancesPanel /> },
    {
      id: 'http',
      label: 'HTTP',
      name: 'HTTP',
      render: (shown) => <HttpPanel shown={shown} />,
    },
  ];
  return (
    <div className="main-tabs">
      <div
        className="bottom-tablist"
        role="tablist"
        aria-label="Output, inspector, instances or HTTP"
        onKeyDown={(e) => {
          const to = tabForKey(
            tabs.map((t) => t.id),
            tab,
            e.key,
          );
          if (!to) return;
          e.preventDefault();
          set(to, true);
        }}
      >
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            role="tab"
            id={`main-tab-${t.id}`}
            aria-controls={`main-tabpanel-${t.id}`}
            aria-selected={tab === t.id}
            tabIndex={tab === t.id ? 0 : -1}
            data-testid={`main-tab-${t.id}`}
            onClick={() => set(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`main-tabpanel-${t.id}`}
          aria-labelledby={`main-tab-${t.id}`}
          className="bottom-tabpanel"
          hidden={tab !== t.id}
        >
          <PanelBoundary name={t.name}>{t.render(tab === t.id)}</PanelBoundary>
        </div>
      ))}
    </div>
  );
}
