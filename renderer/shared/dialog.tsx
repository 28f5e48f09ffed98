// A modal dialog on the native <dialog> element: the browser traps focus and Escape closes it. Focus
// goes to the safe choice first and back to the button that opened it afterwards.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { overlayOpened } from './overlays.ts';

export interface DialogProps {
  title: string;
  children: ReactNode;
  onClose: () => void;
  /** The buttons; the first one with `data-autofocus` gets focus when the dialog opens. */
  actions?: ReactNode;
  className?: string;
  closeLabel?: string;
  /** Long content (files): the body scrolls and takes the keyboard focus to be scrolled with the arrows. */
  scrollable?: boolean;
}

export function Dialog({
  title,
  children,
  onClose,
  actions,
  className,
  closeLabel,
  scrollable,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const release = overlayOpened();
    dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]');
    first?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      release();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        {closeLabel && (
          <button type="button" className="button button-quiet" onClick={onClose}>
            {closeLabel}
          </button>
        )}
      </div>
      <div id={bodyId} className="dialog-body" tabIndex={scrollable ? 0 : undefined}>
        {children}
      </div>
      {actions && <div className="dialog-actions">{actions}</div>}
    </dialog>
  );
}
