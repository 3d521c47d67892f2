import type { ModuleEntry } from '../workers/protocol';

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
  if (entries.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul data-testid={id}>
      {entries.map((e) => (
        <li key={`${e.module ?? ''}.${e.name}`}>
          <code>{e.name}</code>{' '}
          <span className="muted">
            {e.kind}
            {e.module ? ` · ${e.module}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
