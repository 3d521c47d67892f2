import { useState } from 'react';
import type { ModuleEntry } from '../protocol/run';

/** Entries listed at first: a module exporting 3,000 functions makes a page-long list. */
const FIRST = 200;

/** A list of a module's imports or exports, with an empty-state text. */
export function ModuleEntries({
  id,
  entries,
  empty,
}: {
  id: string;
  entries: ModuleEntry[];
  empty: string;
}) {
  const [all, setAll] = useState<unknown>(null);
  if (entries.length === 0) return <p className="muted">{empty}</p>;
  const shown = all === entries ? entries : entries.slice(0, FIRST);
  return (
    <ul data-testid={id}>
      {shown.map((e) => (
        <li key={`${e.module ?? ''}.${e.name}`}>
          <code>{e.name}</code>{' '}
          <span className="muted">
            {e.kind}
            {e.module ? ` · ${e.module}` : ''}
          </span>
        </li>
      ))}
      {shown.length < entries.length && (
        <li>
          <button className="link" onClick={() => setAll(entries)}>
            Show all {entries.length.toLocaleString('en')}
          </button>
        </li>
      )}
    </ul>
  );
}
