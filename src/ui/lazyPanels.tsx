// The panels nobody needs at page load — the inspector and the server lab — are separate
// chunks, fetched the first time their tab is shown (the tabs make a panel when first shown).
import { lazy, Suspense, type ComponentProps } from 'react';

const Inspector = lazy(async () => ({
  default: (await import('./inspector/InspectorPanel')).InspectorPanel,
}));
const Http = lazy(async () => ({ default: (await import('./server/HttpPanel')).HttpPanel }));
const Instances = lazy(async () => ({
  default: (await import('./server/InstancesPanel')).InstancesPanel,
}));

const loading = <p className="empty">Loading…</p>;

export function InspectorPanel(props: ComponentProps<typeof Inspector>) {
  return (
    <Suspense fallback={loading}>
      <Inspector {...props} />
    </Suspense>
  );
}

export function HttpPanel(props: ComponentProps<typeof Http>) {
  return (
    <Suspense fallback={loading}>
      <Http {...props} />
    </Suspense>
  );
}

export function InstancesPanel() {
  return (
    <Suspense fallback={loading}>
      <Instances />
    </Suspense>
  );
}
