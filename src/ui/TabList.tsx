import { useRef, useState, type ReactNode } from 'react';
import { PanelBoundary } from './PanelBoundary';
import { tabForKey } from './tabKeys';
import './TabList.css';

/** One tab of a TabList. */
export interface TabDef<T extends string> {
  id: T;
  label: ReactNode;
}

/**
 * A WAI-ARIA tab list (←/→ wrap around, Home/End; the chosen tab takes focus): the one behind
 * the main tabs, the narrow-screen tabs and the inspector's views.
 */
export function TabList<T extends string>({
  tabs,
  selected,
  onSelect,
  label,
  className,
  idPrefix,
  testId,
  hidden,
}: {
  tabs: readonly TabDef<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** The list's accessible name. */
  label: string;
  className: string;
  /** Tabs get ids `${idPrefix}-${id}` and control `${idPrefix}panel-${id}` (none: no ids). */
  idPrefix?: string;
  /** The data-testid (and data-tab) of each tab button. */
  testId: (id: T) => { 'data-testid': string; 'data-tab'?: string };
  hidden?: boolean;
}) {
  const refs = useRef<Partial<Record<T, HTMLButtonElement | null>>>({});
  return (
    <div
      role="tablist"
      aria-label={label}
      className={className}
      hidden={hidden}
      onKeyDown={(e) => {
        const to = tabForKey(
          tabs.map((t) => t.id),
          selected,
          e.key,
        );
        if (!to) return;
        e.preventDefault();
        onSelect(to);
        refs.current[to]?.focus();
      }}
    >
      {tabs.map((t) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[t.id] = el;
          }}
          type="button"
          role="tab"
          {...(idPrefix
            ? { id: `${idPrefix}-${t.id}`, 'aria-controls': `${idPrefix}panel-${t.id}` }
            : {})}
          aria-selected={selected === t.id}
          tabIndex={selected === t.id ? 0 : -1}
          {...testId(t.id)}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/**
 * The tabs that have been shown so far (the selected one included): a panel is rendered from
 * its first showing on and then kept, so nothing is made for a panel nobody opened, and a
 * hidden panel keeps its state (a streaming output, an inspector's scroll).
 */
export function useShownTabs<T extends string>(
  selected: T,
  also: readonly T[] = [],
): ReadonlySet<T> {
  const [shown, setShown] = useState<ReadonlySet<T>>(() => new Set([selected]));
  const missing = [selected, ...also].filter((t) => !shown.has(t));
  if (missing.length) {
    const next = new Set([...shown, ...missing]);
    setShown(next);
    return next;
  }
  return shown;
}

/**
 * The panels of a TabList made by `useShownTabs`: each in an error boundary, hidden unless
 * selected, labelled by its tab (`${idPrefix}-${id}`).
 */
export function TabPanels<T extends string>({
  tabs,
  selected,
  shown,
  idPrefix,
}: {
  tabs: readonly { id: T; name: string; render: (shown: boolean) => ReactNode }[];
  selected: T;
  shown: ReadonlySet<T>;
  idPrefix: string;
}) {
  return tabs.map((t) =>
    shown.has(t.id) ? (
      <div
        key={t.id}
        role="tabpanel"
        id={`${idPrefix}panel-${t.id}`}
        aria-labelledby={`${idPrefix}-${t.id}`}
        className="bottom-tabpanel"
        hidden={selected !== t.id}
      >
        <PanelBoundary name={t.name}>{t.render(selected === t.id)}</PanelBoundary>
      </div>
    ) : null,
  );
}
