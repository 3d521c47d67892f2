import { useAppUpdate } from '../sw/register';
import { useCallback, useRef, useState } from 'react';
import { useDialogFocus } from './useDialogFocus';
import { LONG_URL_CHARS } from '../share/codec';
import { buildLinkWithOmitted } from '../share/shareLink';
import { loadTheirVersion } from '../store/persistence';
import { useStore } from '../store/store';
import { ShortenLink } from './ShortenLink';
import './Dialog.css';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Copies a short link and says so (or says to copy it by hand). */
async function copyShort(url: string): Promise<boolean> {
  const copied = await copy(url);
  useStore.getState().patchUi({
    toast: {
      tone: 'ok',
      text: copied ? 'Short link copied to the clipboard' : 'Copy the short link below',
    },
  });
  return copied;
}

/** Share: the whole program in the URL fragment, copied to the clipboard; Shorten beside it. */
export function ShareButton() {
  const [link, setLink] = useState<string | null>(null);
  const popover = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setLink(null), []);
  useDialogFocus(link !== null, close, popover, opener, { modal: false });
  const share = async () => {
    const { url, omitted } = buildLinkWithOmitted('');
    setLink(url);
    // The address bar shows the link too, until the next edit (see clearStaleShareHash).
    history.replaceState(null, '', url);
    const copied = await copy(url);
    const long = url.length > LONG_URL_CHARS;
    useStore.getState().patchUi({
      toast: {
        tone: long ? 'warn' : 'ok',
        text:
          (copied ? 'Link copied to the clipboard' : 'Copy the link below') +
          (long
            ? ` — it is ${Math.round(url.length / 1024)} KB long; some chat apps cut links over 8 KB`
            : '') +
          (omitted.length ? `. Left out (over 1 MiB each): ${omitted.join(', ')}` : ''),
      },
    });
  };
  return (
    <>
      <button
        ref={opener}
        data-testid="share-button"
        onClick={() => void share()}
        title="Copy a link that restores this program"
      >
        Share
      </button>
      {link && (
        <div ref={popover} className="popover share-popover" role="dialog" aria-label="Share link">
          <div className="share-row">
            <input
              aria-label="Link to this project"
              data-testid="share-url"
              readOnly
              value={link}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button className="small" onClick={() => setLink(null)} aria-label="Close">
              ✕
            </button>
          </div>
          <ShortenLink key={link} fragment={new URL(link).hash.slice(1)} onShortened={copyShort} />
        </div>
      )}
    </>
  );
}

/** Messages about the link that opened the page, the saved draft, and the last action. */
export function Notices() {
  const shareError = useStore((s) => s.shareError);
  const draftId = useStore((s) => s.draftId);
  const conflictId = useStore((s) => s.conflictId);
  const storageError = useStore((s) => s.storageError);
  const toast = useStore((s) => s.toast);
  const toastAction = useStore((s) => s.toastAction);
  const patchUi = useStore.getState().patchUi;
  const update = useAppUpdate();
  if (!shareError && !draftId && !toast && !conflictId && !storageError && !update.ready)
    return null;
  return (
    <div className="notices">
      {update.ready && (
        <div className="notice info" data-testid="update-ready" role="status">
          A new version of the playground is ready. Your work is saved.
          <button className="small" data-testid="update-reload" onClick={update.reload}>
            Reload
          </button>
        </div>
      )}
      {shareError && (
        <div className="notice bad" data-testid="share-error" role="alert">
          <b>This shared link could not be opened.</b> {shareError} Your own code is shown instead.
          <button className="small" onClick={() => patchUi({ shareError: null })}>
            Dismiss
          </button>
        </div>
      )}
      {storageError && (
        <div className="notice warn" data-testid="storage-error" role="alert">
          {storageError}
        </div>
      )}
      {conflictId && (
        <div className="notice warn" data-testid="project-conflict" role="alert">
          This project was changed in another tab. Saving here overwrites that version.
          <button
            className="small"
            data-testid="load-their-version"
            onClick={() => void loadTheirVersion(conflictId)}
          >
            Reload their version
          </button>
          <button className="small" onClick={() => patchUi({ conflictId: null })}>
            Keep mine
          </button>
        </div>
      )}
      {draftId && (
        <div className="notice info">
          You are looking at shared code. Your previous work is kept.
          <button
            className="small"
            data-testid="restore-draft"
            onClick={() => {
              useStore.getState().openProject(draftId);
              patchUi({ draftId: null, toast: { tone: 'ok', text: 'Your draft is back' } });
            }}
          >
            Restore my draft
          </button>
          <button className="small" onClick={() => patchUi({ draftId: null })}>
            Keep shared code
          </button>
        </div>
      )}
      {toast && (
        <div className={`notice ${toast.tone}`} data-testid="toast" role="status">
          {toast.text}
          {toastAction && (
            <button
              className="small"
              data-testid="toast-action"
              onClick={() => {
                toastAction.run();
                patchUi({ toast: null, toastAction: null });
              }}
            >
              {toastAction.label}
            </button>
          )}
          <button className="small" onClick={() => patchUi({ toast: null, toastAction: null })}>
            OK
          </button>
        </div>
      )}
    </div>
  );
}
