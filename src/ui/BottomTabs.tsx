import { useEffect } from 'react';
import { useOutput } from '../store/outputStore';
import { useStore } from '../store/store';
import type { NarrowTab } from '../store/uiSlice';
import { OutputPanel } from './OutputPanel';
import { currentProject } from '../store/projectSlice';
import {
  DebugPanel,
  HttpPanel,
  InspectorPanel,
  InstancesPanel,
  useShownPanels,
} from './lazyPanels';
import { useDebug } from '../debug/state';
import { ProblemsPanel } from './ProblemsPanel';
import { RunSettings } from './RunSettings';
import { TimingsPanel } from './TimingsPanel';
import { TabList, TabPanels } from './TabList';

const TABS: { id: NarrowTab; label: string; render: (shown: boolean) => React.ReactNode }[] = [
  { id: 'output', label: 'Output', render: () => <OutputPanel /> },
  { id: 'inspector', label: 'Inspector', render: (shown) => <InspectorPanel shown={shown} /> },
  { id: 'problems', label: 'Problems', render: () => <ProblemsPanel /> },
  { id: 'settings', label: 'Run settings', render: () => <RunSettings /> },
  { id: 'timings', label: 'Timings', render: () => <TimingsPanel /> },
  { id: 'instances', label: 'Instances', render: () => <InstancesPanel /> },
  { id: 'http', label: 'HTTP', render: (shown) => <HttpPanel shown={shown} /> },
  { id: 'debug', label: 'Debug', render: () => <DebugPanel /> },
];

/**
 * On a narrow screen the panels beside and under the editor share one place, as tabs (WAI-ARIA tabs:
 * ←/→/Home/End move between them). A panel is made when first shown and then kept, so a
 * running program's output keeps streaming into a hidden Output. A run shows Output; a failed compile shows Problems.
 */
export function BottomTabs() {
  const tab = useStore((s) => s.narrowTab);
  const problems = useStore((s) => s.diagnostics.length);
  const lines = useOutput((s) => s.lines.length);
  const shown = useShownPanels(tab);
  // The Debug tab is there while a debug session runs (and while it is the open tab).
  const debugging = useDebug((d) => d.status !== 'idle');
  const tabs = TABS.filter((t) => t.id !== 'debug' || debugging || tab === 'debug');

  // A debug session shows its panel; a pause brings it back.
  useEffect(
    () =>
      useDebug.subscribe((d, prev) => {
        if ((d.status === 'starting' || d.status === 'paused') && d.status !== prev.status)
          useStore.getState().patchUi({ narrowTab: 'debug' });
      }),
    [],
  );
  useEffect(
    () =>
      useStore.subscribe((s, prev) => {
        if (s.runId !== prev.runId) {
          if (s.narrowTab !== 'instances' && s.narrowTab !== 'debug')
            s.patchUi({ narrowTab: currentProject(s).runMode === 'http' ? 'http' : 'output' });
        } else if (
          s.exit !== prev.exit &&
          s.exit?.kind === 'error' &&
          s.exit.message.startsWith('compile failed')
        )
          s.patchUi({ narrowTab: 'problems' });
      }),
    [],
  );

  const select = (id: NarrowTab) => useStore.getState().patchUi({ narrowTab: id });
  const count = (id: NarrowTab) =>
    id === 'problems' && problems > 0
      ? ` (${problems})`
      : id === 'output' && lines > 0
        ? ` (${lines})`
        : '';

  return (
    <div className="bottom-tabs" data-testid="bottom-tabs">
      <TabList
        tabs={tabs.map((t) => ({ id: t.id, label: `${t.label}${count(t.id)}` }))}
        selected={tab}
        onSelect={select}
        label="Panels"
        className="bottom-tablist"
        idPrefix="tab"
        testId={(id) => ({ 'data-testid': `bottom-tab-${id}` })}
      />
      <TabPanels
        tabs={tabs.map((t) => ({ ...t, name: t.label }))}
        selected={tab}
        shown={shown}
        idPrefix="tab"
      />
    </div>
  );
}
