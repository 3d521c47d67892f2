import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { languages } from '../languages/registry';
import { Modal } from './Modal';
import { FORMAT_KEYS } from './editor/EditorTools';
import './Dialog.css';

const compiled = languages.filter((l) => !l.interpreter).map((l) => l.label);
const interpreted = languages.filter((l) => l.interpreter).map((l) => l.label);
/** "a, b or c" (or "and"). */
const listOf = (xs: string[], and = 'or') =>
  xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${and} ${xs[xs.length - 1]}`;

const ReadmeView = lazy(() => import('./ReadmeView'));

/** README sections the help links to (their GitHub anchors). */
const SECTIONS: [slug: string, label: string][] = [
  ['what-it-does', 'What it does'],
  ['share-links', 'Share links'],
  ['embedding', 'Embedding'],
  ['benchmarks', 'Benchmarks'],
];

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

const SHORTCUTS: [keys: string, what: string][] = [
  [`${mod}+Enter`, 'Run (in the editor and in Run settings)'],
  [FORMAT_KEYS, 'Format the file (clang-format, Prettier, WAT indenter)'],
  ['Escape, then Tab', 'leave the editor for the next control (Shift+Tab: the previous)'],
  ['Ctrl+M', 'Tab moves the focus instead of indenting, until pressed again'],
  ['Tab on page load', 'Skip to output'],
  ['Enter (terminal)', 'send the typed line to the program'],
  ['Ctrl+D (terminal)', 'end of input (the program reads end of file)'],
  ['Ctrl+C (terminal)', 'stop the program (copies instead when text is selected)'],
  ['↑ / ↓ (terminal)', 'earlier lines typed in this session'],
  [`${mod}+F (terminal)`, 'find in the terminal'],
  ['Enter / Shift+Enter (Find)', 'next / previous match'],
  ['? or F1', 'this help'],
];

/** True when a key press belongs to a text field (or the editor), not to the page. */
const typing = (el: Element | null) =>
  !!el &&
  (el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement ||
    (el as HTMLElement).isContentEditable);

/**
 * Help: the keyboard shortcuts and what the playground is (languages, sandbox, sharing,
 * embedding), with links to the README. Opens with the ? button, `?` outside text fields, or F1.
 */
export function HelpButton() {
  const [open, setOpen] = useState(false);
  // A README section shown in the dialog instead of the help, or null.
  const [section, setSection] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    setSection(null);
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F1' || (e.key === '?' && !typing(document.activeElement))) {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        ref={opener}
        data-testid="help-button"
        aria-label="Help and keyboard shortcuts"
        title="Help and keyboard shortcuts (? or F1)"
        onClick={() => setOpen(true)}
      >
        ?
      </button>
      {open && (
        <Modal
          title="Help and keyboard shortcuts"
          titleId="help-title"
          className="help-dialog"
          onClose={close}
          opener={opener}
        >
          {section !== null && (
            <div className="readme-pane">
              <button className="small" data-autofocus onClick={() => setSection(null)}>
                ← Back to help
              </button>
              <Suspense fallback={<p>Loading the README…</p>}>
                <ReadmeView section={section} />
              </Suspense>
            </div>
          )}
          <div data-testid="shortcuts-dialog" hidden={section !== null}>
            <table className="shortcuts">
              <caption className="sr-only">Keyboard shortcuts</caption>
              <tbody>
                {SHORTCUTS.map(([keys, what]) => (
                  <tr key={keys}>
                    <th scope="row">
                      <kbd>{keys}</kbd>
                    </th>
                    <td>{what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>What this is</h3>
            <p>
              Code in {listOf(compiled)} is compiled to WebAssembly in your browser (no server) and
              run as a WASI command; {listOf(interpreted, 'and')} run on interpreters that are
              themselves WebAssembly. The Timings panel shows what it cost: compile (or the
              interpreter's load), instantiate and run time, size, and what the module asks the host
              for.
            </p>
            <h3>The sandbox</h3>
            <p>
              A program sees a copy of the project's files at <code>/</code>, its arguments,
              environment, stdin (typed in the terminal or set in Run settings) and clocks. It
              cannot reach the network, your disk or anything else: there is no such import. The
              files it writes stay in the sandbox until you Keep them.
            </p>
            <h3>Sharing and embedding</h3>
            <p>
              Share puts the whole project in the link (nothing is uploaded). Embed gives an iframe
              you can drive with postMessage (events for output and exit; commands to set, run, stop
              and type input). The repository's README documents the link format (“Share links”),
              the embed options and API (“Embedding”) and the benchmarks.
            </p>
            <h3>Read more</h3>
            <p className="readme-links">
              The README, in the app (it works offline):{' '}
              {SECTIONS.map(([slug, label]) => (
                <button
                  key={slug}
                  className="link"
                  data-testid={`readme-link-${slug}`}
                  onClick={() => setSection(slug)}
                >
                  {label}
                </button>
              ))}
            </p>
            <button onClick={close}>Close</button>
          </div>
        </Modal>
      )}
    </>
  );
}
