import { useRef, type ReactNode, type RefObject } from 'react';
import { useDialogFocus } from './useDialogFocus';
import './Dialog.css';

/**
 * A modal dialog: a backdrop that closes it on click, a titled dialog that takes focus, keeps Tab
 * inside, closes on Escape and gives focus back to the control that opened it.
 */
export function Modal({
  title,
  titleId,
  className = '',
  onClose,
  opener,
  children,
}: {
  title: string;
  titleId: string;
  className?: string;
  onClose: () => void;
  opener: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDivElement>(null);
  useDialogFocus(true, onClose, dialog, opener);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        ref={dialog}
        className={`modal ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
