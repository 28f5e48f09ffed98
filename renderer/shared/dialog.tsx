// A modal dialog on the native <dialog> element: the browser traps focus and Escape closes it. Focus
// goes to the safe choice first and back to the button that opened it afterwards (or, when that button
// is gone or out of reach, to the page's main heading: never to nowhere).
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
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body ? active : null;
    dialog.showModal();
    // The top layer now: the live announcer draws its regions in here, where screen readers still hear.
    const release = overlayOpened(dialog);
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
      returnFocus(opener, {
        get activeElement() {
          return document.activeElement;
        },
        querySelector: (selector) => document.querySelector<HTMLElement>(selector),
      });
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

/** What focus can go back to: an element, in a document that says which one has focus. */
export interface FocusTarget {
  readonly isConnected: boolean;
  focus(options?: FocusOptions): void;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
}
export interface FocusDocument {
  readonly activeElement: unknown;
  querySelector(selector: string): FocusTarget | null;
}

/**
 * Back to the element that opened the dialog; when it is gone (a deleted row) or cannot take focus
 * (hidden, inert), to the page's main heading, else to its main region, so that keyboard and
 * screen-reader users go on from the page rather than from the top of an empty document.
 */
export function returnFocus(opener: FocusTarget | null, doc: FocusDocument): void {
  if (opener?.isConnected) {
    opener.focus();
    if (doc.activeElement === opener) return;
  }
  for (const selector of ['main h1', 'h1', 'main']) {
    const target = doc.querySelector(selector);
    if (!target) continue;
    // Headings and <main> take focus from script only with a tabindex (-1 keeps them out of Tab).
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
    if (doc.activeElement === target) return;
  }
}
