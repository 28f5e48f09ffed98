// A modal dialog on the native <dialog> element: the browser traps focus and Escape closes it. Focus
// goes to the safe choice first and back to the button that opened it afterwards (or, when that button
// is gone or out of reach, to what the screen names instead, then to the page's main heading: never to
// nowhere). Focus the page itself placed elsewhere meanwhile stays where it is.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { overlayOpened } from './overlays.ts';

export interface DialogProps {
  /** Text, or text with an isolated part (a file's name in <bdi>). */
  title: ReactNode;
  children: ReactNode;
  onClose: () => void;
  /** The buttons; the first one with `data-autofocus` gets focus when the dialog opens. */
  actions?: ReactNode;
  className?: string;
  closeLabel?: string;
  /** Long content (files): the body scrolls and takes the keyboard focus to be scrolled with the arrows. */
  scrollable?: boolean;
  /**
   * Whether the body is the dialog's description, read with its title when it opens (default). Not for
   * a file's whole content (a spreadsheet's every cell): that is read by moving through it.
   */
  bodyDescribes?: boolean;
  /**
   * Where focus goes back when the button that opened the dialog is gone (its decision removed it):
   * elements to try in order, read when the dialog closes, before the page's main heading.
   */
  returnFocusFallback?: () => readonly (HTMLElement | null | undefined)[];
}

export function Dialog({
  title,
  children,
  onClose,
  actions,
  className,
  closeLabel,
  scrollable,
  bodyDescribes = true,
  returnFocusFallback,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const fallbackRef = useRef(returnFocusFallback);
  fallbackRef.current = returnFocusFallback;

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
      returnFocus(
        opener,
        {
          get activeElement() {
            return document.activeElement;
          },
          body: document.body,
          querySelector: (selector) => document.querySelector<HTMLElement>(selector),
        },
        {
          inDialog: (element) => element instanceof Node && dialog.contains(element),
          fallback: () => fallbackRef.current?.() ?? [],
        },
      );
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={bodyDescribes ? bodyId : undefined}
    >
      <div className="dialog-header">
        {/* tabIndex -1: a view can start from the title (said once, as the dialog's name), out of Tab. */}
        <h2 id={titleId} tabIndex={-1}>
          {title}
        </h2>
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
  /** Where focus is when nothing has it (a removed element's focus goes there). */
  readonly body: unknown;
  querySelector(selector: string): FocusTarget | null;
}

export interface ReturnFocusOptions {
  /** Whether an element is inside the dialog being closed: focus there is the dialog's to move. */
  inDialog?: (element: unknown) => boolean;
  /** Elements to try, in order, when the opener cannot take focus, before the page's main heading. */
  fallback?: () => readonly (FocusTarget | null | undefined)[];
}

/**
 * Back to the element that opened the dialog; when it is gone (a deleted row, a card's button its
 * decision removed) or cannot take focus (hidden, inert), to the first of `fallback` that takes it, then
 * to the page's main heading, else to its main region, so that keyboard and screen-reader users go on
 * from the page rather than from the top of an empty document. Only when focus is nowhere (<body>) or
 * still in the dialog: focus the page moved elsewhere meanwhile (a row after a re-scoring) stays there.
 */
export function returnFocus(
  opener: FocusTarget | null,
  doc: FocusDocument,
  { inDialog = () => false, fallback }: ReturnFocusOptions = {},
): void {
  const active = doc.activeElement;
  if (active !== null && active !== undefined && active !== doc.body && !inDialog(active)) return;
  if (opener?.isConnected) {
    opener.focus();
    if (doc.activeElement === opener) return;
  }
  for (const target of fallback?.() ?? []) {
    if (!target?.isConnected) continue;
    target.focus();
    if (doc.activeElement === target) return;
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
