import { useEffect, useState } from 'react';
import { linkService, shorten, type LinkServiceInfo } from '../share/shortLinks';

/** Agreed once per page: the explanation does not change between two projects. */
let agreed = false;

type Phase =
  | { at: 'offer' }
  | { at: 'consent' }
  | { at: 'busy' }
  | { at: 'done'; url: string }
  | { at: 'failed'; error: string };

/**
 * Shorten, beside the long link: offered only when a link service answers; asks before the
 * project leaves the browser; on failure says why and leaves the long link as it was. Keyed by
 * the fragment where it is used: a new long link starts it afresh.
 */
export function ShortenLink({
  fragment,
  onShortened,
  label = 'Shorten',
}: {
  fragment: string;
  /** The short URL, once stored. */
  onShortened: (url: string) => unknown;
  /** The button's text. */
  label?: string;
}) {
  const [service, setService] = useState<LinkServiceInfo | null>(null);
  const [phase, setPhase] = useState<Phase>({ at: 'offer' });
  useEffect(() => {
    let live = true;
    void linkService().then((s) => live && setService(s));
    return () => {
      live = false;
    };
  }, []);
  if (!service) return null;
  const host = new URL(service.base).host;

  const go = async () => {
    agreed = true;
    setPhase({ at: 'busy' });
    const r = await shorten(fragment);
    if (!r.ok) return setPhase({ at: 'failed', error: r.error });
    setPhase({ at: 'done', url: r.url });
    await onShortened(r.url);
  };

  switch (phase.at) {
    case 'offer':
      return (
        <button
          className="small"
          data-testid="share-shorten"
          onClick={() => (agreed ? void go() : setPhase({ at: 'consent' }))}
          title={`Store this project on ${host} and get a short link`}
        >
          {label}
        </button>
      );
    case 'consent':
      return (
        <div
          className="share-consent"
          data-testid="share-shorten-consent"
          role="group"
          aria-label="Shorten"
        >
          <p>
            <b>Shorten stores this project on {host}</b> ({service.store}). Anyone with the short
            link can open and read it, and it stays there. The long link keeps everything in the
            link itself and stores nothing.
          </p>
          <div className="modal-actions">
            <button
              className="small primary"
              data-testid="share-shorten-agree"
              onClick={() => void go()}
            >
              Store and shorten
            </button>
            <button className="small" onClick={() => setPhase({ at: 'offer' })}>
              Cancel
            </button>
          </div>
        </div>
      );
    case 'busy':
      return (
        <button className="small" disabled aria-busy="true">
          Shortening…
        </button>
      );
    case 'done':
      return (
        <input
          aria-label="Short link to this project"
          data-testid="share-short-url"
          className="short-url"
          readOnly
          value={phase.url}
          onFocus={(e) => e.currentTarget.select()}
        />
      );
    case 'failed':
      return (
        <div className="share-consent" role="alert" data-testid="share-shorten-error">
          <p>{phase.error} The long link still works.</p>
          <button className="small" onClick={() => void go()}>
            Try again
          </button>
        </div>
      );
  }
}
