import { useEffect } from 'react';
import { useInspect } from '../inspect/state';
import { useStore } from '../store/store';
import type { MainTab } from '../store/uiSlice';
import { OutputPanel } from './OutputPanel';
import { HttpPanel, InspectorPanel, InstancesPanel, useShownPanels } from './lazyPanels';
import { currentProject } from '../store/projectSlice';
import { TabList, TabPanels } from './TabList';

/**
 * Beside the editor: the program's Output, the Inspector of its module, the server lab's
 * Instances and HTTP (tabs). A panel is made when first shown and then kept, so output keeps
 * streaming while the module is inspected. Run shows Output.
 */
export function MainTabs() {
  const tab = useStore((s) => s.mainTab);
  const total = useInspect((s) => s.inspection?.sizes.total);
  const shown = useShownPanels(tab);
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
  const set = (t: MainTab) => useStore.getState().patchUi({ mainTab: t });
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
      <TabList
        tabs={tabs}
        selected={tab}
        onSelect={set}
        label="Output, inspector, instances or HTTP"
        className="bottom-tablist"
        idPrefix="main-tab"
        testId={(id) => ({ 'data-testid': `main-tab-${id}` })}
      />
      <TabPanels tabs={tabs} selected={tab} shown={shown} idPrefix="main-tab" />
    </div>
  );
}
