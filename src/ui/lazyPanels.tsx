// The panels nobody needs at page load — the inspector and the server lab — are separate
// chunks, fetched the first time their tab is shown (the tabs make a panel when first shown).
import { lazy, Suspense, type ComponentType } from 'react';
import { useStore } from '../store/store';
import { useShownTabs } from './TabList';

/** A panel component loaded on its first render, with "Loading…" until it is there. */
function lazyPanel<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function LazyPanel(props: P) {
    return (
      <Suspense fallback={<p className="empty">Loading…</p>}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

export const InspectorPanel = lazyPanel(
  async () => (await import('./inspector/InspectorPanel')).InspectorPanel,
);
export const HttpPanel = lazyPanel(async () => (await import('./server/HttpPanel')).HttpPanel);
export const DebugPanel = lazyPanel(async () => (await import('./debug/DebugPanel')).DebugPanel);
export const InstancesPanel = lazyPanel(
  async () => (await import('./server/InstancesPanel')).InstancesPanel,
);

/**
 * The tabs of a panel list made so far (useShownTabs), plus the inspector once a first run has
 * ended (its chunk is not part of the page load), so it is ready, with the run's module, when
 * its tab is opened.
 */
export function useShownPanels<T extends string>(tab: T): ReadonlySet<T> {
  const ran = useStore((s) => s.exit !== null);
  return useShownTabs<T>(tab, ran ? ['inspector' as T] : []);
}
