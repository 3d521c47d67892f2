import { useCallback, useRef, useState } from 'react';
import { Modal } from './Modal';
import {
  defaultEmbedOptions,
  EMBED_PANELS as PANELS,
  embedQuery,
  type EmbedOptions,
  type EmbedPanel,
} from '../embed/options';
import { buildLink } from '../share/shareLink';
import { ShortenLink } from './ShortenLink';
import { defaultSandbox, EmbedSandbox, sandboxAttribute, type SandboxChoice } from './EmbedSandbox';
import './Dialog.css';

/** The on/off embed options, with their checkbox labels. */
const FLAGS: [key: 'readonly' | 'autorun' | 'editor' | 'terminal' | 'debug', label: string][] = [
  ['readonly', 'read-only editor'],
  ['autorun', 'run on load'],
  ['editor', 'show the editor'],
  ['terminal', 'terminal with typed stdin'],
  ['debug', 'debugger (Debug, playground:debug)'],
];

/**
 * The iframe's src: the embed with the project in its fragment, or a short link that redirects
 * there with the same query (README: Short links).
 */
function embedSrc(opts: EmbedOptions, shortUrl: string | null): string {
  if (!shortUrl) return buildLink('embed.html', embedQuery(opts));
  const query = new URLSearchParams(embedQuery(opts)).toString();
  return `${shortUrl}?embed=1${query ? `&${query}` : ''}`;
}

/** The iframe HTML for `src` in the chosen sandbox. */
function iframeHtml(src: string, sandbox: SandboxChoice): string {
  const esc = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${esc}" width="100%" height="420" style="border:1px solid #ddd;border-radius:8px" title="Wasm Playground" loading="lazy" sandbox="${sandboxAttribute(sandbox)}"></iframe>`;
}

/** Embed: a dialog with the embed options and the iframe snippet to copy. */
export function EmbedButton() {
  const [open, setOpen] = useState(false);
  const [opts, setOpts] = useState<EmbedOptions>(defaultEmbedOptions);
  const [sandbox, setSandbox] = useState<SandboxChoice>(defaultSandbox);
  const [copied, setCopied] = useState(false);
  const [shortUrl, setShortUrl] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  // Encoded once per render: the snippet shows it, and Shorten stores its fragment.
  const src = open ? embedSrc(opts, shortUrl) : '';
  const snippet = open ? iframeHtml(src, sandbox) : '';
  const toggle = (p: EmbedPanel) =>
    setOpts((o) => ({
      ...o,
      panels: o.panels.includes(p) ? o.panels.filter((x) => x !== p) : [...o.panels, p],
    }));

  return (
    <>
      <button
        ref={opener}
        data-testid="embed-button"
        aria-haspopup="dialog"
        onClick={() => {
          setShortUrl(null);
          setOpen(true);
        }}
        title="Embed this program in a web page"
      >
        Embed
      </button>
      {open && (
        <Modal title="Embed this program" titleId="embed-title" onClose={close} opener={opener}>
          <div className="embed-options">
            {FLAGS.map(([key, label]) => (
              <label key={key}>
                <input
                  type="checkbox"
                  data-autofocus={key === FLAGS[0][0] ? true : undefined}
                  data-testid={`embed-${key}`}
                  checked={opts[key]}
                  onChange={(e) => setOpts({ ...opts, [key]: e.target.checked })}
                />
                {label}
              </label>
            ))}
            {PANELS.map((p) => (
              <label key={p}>
                <input
                  type="checkbox"
                  data-testid={`embed-panel-${p}`}
                  checked={opts.panels.includes(p)}
                  onChange={() => toggle(p)}
                />
                {p} panel
              </label>
            ))}
            <label>
              theme{' '}
              <select
                value={opts.theme}
                data-testid="embed-theme"
                onChange={(e) =>
                  setOpts({ ...opts, theme: e.target.value as EmbedOptions['theme'] })
                }
              >
                <option value="system">follow the system</option>
                <option value="light">light</option>
                <option value="dark">dark</option>
              </select>
            </label>
          </div>
          <EmbedSandbox value={sandbox} onChange={setSandbox} />
          {!shortUrl && (
            <ShortenLink
              fragment={new URL(src).hash.slice(1)}
              onShortened={setShortUrl}
              label="Use a short link in the snippet"
            />
          )}
          <textarea
            aria-label="Embed snippet (HTML to paste into your page)"
            data-testid="embed-snippet"
            readOnly
            value={snippet}
            rows={5}
            onFocus={(e) => e.currentTarget.select()}
          />
          <p className="muted">
            Control it from your page with postMessage: see “Embed API” in the README. Add{' '}
            <code>&amp;origin=https://your.site</code> to the src to accept commands from your site
            only.
          </p>
          <div className="modal-actions">
            <button
              onClick={async () => {
                await navigator.clipboard.writeText(snippet).then(
                  () => setCopied(true),
                  () => setCopied(false),
                );
              }}
            >
              {copied ? 'Copied' : 'Copy snippet'}
            </button>
            <button onClick={() => setOpen(false)}>Close</button>
          </div>
        </Modal>
      )}
    </>
  );
}
