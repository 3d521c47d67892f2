import { useState } from 'react';
import { LONG_URL_CHARS } from '../share/codec';
import { buildLink } from '../share/shareLink';
import { restoreDraft } from '../store/persistence';
import { useStore } from '../store/store';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Share: the whole program in the URL fragment, copied to the clipboard. */
export function ShareButton() {
  const [link, setLink] = useState<string | null>(null);
  const share = async () => {
    const url = buildLink('');
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
            : ''),
      },
    });
  };
  return (
    <>
      <button
        data-testid="share-button"
        onClick={() => void share()}
        title="Copy a link that restores this program"
      >
        Share
      </button>
      {link && (
        <div className="popover" role="dialog" aria-label="Share link">
          <input
            data-testid="share-url"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button className="small" onClick={() => setLink(null)} aria-label="Close">
            ✕
          </button>
        </div>
      )}
    </>
  );
}

/** Messages about the link that opened the page, the saved draft, and the last action. */
export function Notices() {
  const shareError = useStore((s) => s.shareError);
  const draftAvailable = useStore((s) => s.draftAvailable);
  const toast = useStore((s) => s.toast);
  const patchUi = useStore.getState().patchUi;
  if (!shareError && !draftAvailable && !toast) return null;
  return (
    <div className="notices">
      {shareError && (
        <div className="notice bad" data-testid="share-error" role="alert">
          <b>This shared link could not be opened.</b> {shareError} Your own code is shown instead.
          <button className="small" onClick={() => patchUi({ shareError: null })}>
            Dismiss
          </button>
        </div>
      )}
      {draftAvailable && (
        <div className="notice info">
          You are looking at shared code. Your previous work is kept.
          <button
            className="small"
            data-testid="restore-draft"
            onClick={() => {
              restoreDraft();
              patchUi({ draftAvailable: false, toast: { tone: 'ok', text: 'Your draft is back' } });
            }}
          >
            Restore my draft
          </button>
          <button className="small" onClick={() => patchUi({ draftAvailable: false })}>
            Keep shared code
          </button>
        </div>
      )}
      {toast && (
        <div className={`notice ${toast.tone}`} data-testid="toast" role="status">
          {toast.text}
          <button className="small" onClick={() => patchUi({ toast: null })}>
            OK
          </button>
        </div>
      )}
    </div>
  );
}
