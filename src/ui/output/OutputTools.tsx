import { useEffect, useState } from 'react';
import { useOutput } from '../../store/outputStore';
import { OUTPUT_FONT_SIZES } from '../../store/settingsSlice';
import { useStore } from '../../store/store';
import { downloadFile } from '../download';
import { findMatches, fullText, type OutputFilter } from './outputText';

/** What the list view is asked to show: the filter, and the match to bring into view. */
export interface ListFocus {
  filter: OutputFilter;
  query: string;
  /** Row (in the filtered list) of the current match, or -1. */
  row: number;
}

/**
 * Copy all, Download .txt, Find (over every line, with a match count and next/previous) and the
 * stdout/stderr filter. Copy and Download take the whole output from the store, not the rows on
 * screen; Find and the filter drive the list view.
 */
export function OutputTools({
  rows,
  focus,
  onFocus,
  terminal,
}: {
  /** The terminal view has its own Find: only Copy all and Download show. */
  terminal: boolean;
  /** Indices of the lines the filter lets through (null: all). */
  rows: number[] | null;
  focus: ListFocus;
  onFocus: (f: ListFocus) => void;
}) {
  const version = useOutput((s) => s.version);
  const wrap = useStore((s) => s.wrapOutput);
  const fontSize = useStore((s) => s.outputFontSize);
  const [query, setQuery] = useState(focus.query);
  const [found, setFound] = useState<(ReturnType<typeof findMatches> & { query: string }) | null>(
    null,
  );
  const [at, setAt] = useState(0);
  const [copied, setCopied] = useState<string | null>(null);

  // Search after typing settles, and again as output arrives.
  useEffect(() => {
    if (!query) return;
    const t = setTimeout(
      () => setFound({ query, ...findMatches(useOutput.getState().lines, rows, query) }),
      150,
    );
    return () => clearTimeout(t);
  }, [query, rows, version]);
  const result = query && found?.query === query ? found : null;

  useEffect(() => {
    const row =
      result && result.rows.length ? result.rows[Math.min(at, result.rows.length - 1)] : -1;
    if (row !== focus.row || query !== focus.query) onFocus({ ...focus, query, row });
  }, [result, at, query, focus, onFocus]);

  const step = (d: number) => {
    if (!result?.rows.length) return;
    setAt((i) => (i + d + result.rows.length) % result.rows.length);
  };
  const text = () => {
    const s = useOutput.getState();
    return fullText(s.lines, s.open, focus.filter);
  };
  const count = !query
    ? ''
    : !result
      ? '…'
      : result.count === 0
        ? 'no match'
        : `line ${Math.min(at, result.rows.length - 1) + 1} of ${result.rows.length.toLocaleString('en')} · ${result.count.toLocaleString('en')}${result.capped ? '+' : ''} match${result.count === 1 ? '' : 'es'}`;

  return (
    <div className="output-tools" role="toolbar" aria-label="Output tools">
      {!terminal && (
        <>
          <input
            type="search"
            data-testid="output-find"
            aria-label="Find in output"
            placeholder="Find in output"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setAt(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                step(e.shiftKey ? -1 : 1);
              }
            }}
          />
          <span className="muted" data-testid="output-find-count" aria-live="polite">
            {count}
          </span>
          <button
            className="small"
            aria-label="Previous match"
            title="Previous match (Shift+Enter)"
            disabled={!result?.rows.length}
            onClick={() => step(-1)}
          >
            ↑
          </button>
          <button
            className="small"
            aria-label="Next match"
            title="Next match (Enter)"
            disabled={!result?.rows.length}
            onClick={() => step(1)}
          >
            ↓
          </button>
          <label>
            <span className="sr-only">Show</span>
            <select
              data-testid="output-filter"
              value={focus.filter}
              onChange={(e) => {
                setAt(0);
                onFocus({ ...focus, filter: e.target.value as OutputFilter });
              }}
            >
              <option value="all">stdout + stderr</option>
              <option value="stdout">stdout only</option>
              <option value="stderr">stderr only</option>
            </select>
          </label>
        </>
      )}
      {!terminal && (
        <label className="inline-check">
          <input
            type="checkbox"
            data-testid="wrap-output"
            checked={wrap}
            onChange={(e) => useStore.getState().setOutputPrefs({ wrapOutput: e.target.checked })}
          />
          wrap
        </label>
      )}
      <label>
        <span className="sr-only">Output font size</span>
        <select
          data-testid="output-font-size"
          value={fontSize}
          title="Output font size"
          onChange={(e) =>
            useStore.getState().setOutputPrefs({ outputFontSize: Number(e.target.value) })
          }
        >
          {OUTPUT_FONT_SIZES.map((px) => (
            <option key={px} value={px}>
              {px} px
            </option>
          ))}
        </select>
      </label>
      <span className="spacer" />
      <button
        className="small"
        data-testid="copy-output"
        title="Copy the whole output (not only what is on screen) as plain text"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text());
            setCopied('Copied');
          } catch {
            setCopied('Copy failed: the browser refused the clipboard');
          }
          setTimeout(() => setCopied(null), 2000);
        }}
      >
        {copied ?? 'Copy all'}
      </button>
      <button
        className="small"
        data-testid="download-output"
        title="Download the whole output as a .txt file"
        onClick={() => {
          const s = useStore.getState();
          const name = (s.projects[s.currentId]?.name ?? 'program').replace(/[^\w.-]+/g, '-');
          downloadFile(`${name}-output.txt`, text(), 'text/plain');
        }}
      >
        ↓ .txt
      </button>
    </div>
  );
}
