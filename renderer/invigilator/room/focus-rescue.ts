// Focus that would fall to <body> goes somewhere sensible instead. The button just pressed can leave
// the page once its action is done (« Confirmer la présence », « Déverrouiller »…), and a card that
// moves when the room re-sorts loses the focus it held: keyboard and screen-reader users then go on
// from the same candidate, or the next action, rather than from the top of the page.
import { useEffect, useLayoutEffect, useRef } from 'react';

/** An element focus can go to, in a document that says which one has focus (fakes in tests). */
export interface RescueTarget {
  focus(options?: FocusOptions): void;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
}
export interface RescueDocument {
  readonly activeElement: unknown;
  readonly body: unknown;
  querySelector(selector: string): RescueTarget | null;
}

/** Focus is nowhere: on <body> (where a removed element's focus goes), or on a modal dialog itself. */
export function focusIsLost(doc: Pick<RescueDocument, 'activeElement' | 'body'>): boolean {
  const active = doc.activeElement;
  if (active === null || active === undefined || active === doc.body) return true;
  return (active as { tagName?: unknown }).tagName === 'DIALOG';
}

/**
 * Focuses the first of `selectors` on the page that takes focus (a heading is given tabindex=-1 if it
 * has none, which keeps it out of the Tab order). Says whether one did.
 */
export function focusFirst(doc: RescueDocument, selectors: readonly string[]): boolean {
  for (const selector of selectors) {
    const target = doc.querySelector(selector);
    if (!target) continue;
    target.focus({ preventScroll: false });
    if (doc.activeElement === target) return true;
    if (target.hasAttribute('tabindex')) continue;
    target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
    if (doc.activeElement === target) return true;
  }
  return false;
}

/** A value for a CSS attribute selector, quoted. */
export function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** What the room remembers of the control that has focus on a card. */
export interface CardFocus {
  candidateId: string;
  /** The control's data-testid (a card's quick button), null for the name button. */
  testId: string | null;
}

/** Where focus goes back on a card: the same control if it is still there, else the card's name. */
export function cardFocusTargets({ candidateId, testId }: CardFocus): string[] {
  const card = `li[data-candidate-id=${quoted(candidateId)}]`;
  return [...(testId ? [`${card} [data-testid=${quoted(testId)}]`] : []), `${card} .card-open`];
}

/** The elements `selectors` name on the page, in order (missing ones skipped). */
export function elementsFor(selectors: readonly string[]): HTMLElement[] {
  return selectors.flatMap((selector) => document.querySelector<HTMLElement>(selector) ?? []);
}

/** The card control an element is (null: not on a card of the room's grid). */
export function cardFocusOf(element: Element): CardFocus | null {
  const card = element.closest('[data-testid="room-grid"] li[data-candidate-id]');
  const candidateId = card?.getAttribute('data-candidate-id');
  if (!card || !candidateId) return null;
  return { candidateId, testId: element.getAttribute('data-testid') };
}

/**
 * Remembers what `remember` says of the element that takes focus (null: nothing, focus went elsewhere);
 * after any render, if focus was lost while something is remembered (the element was removed, or moved
 * with its card), moves it to the first of `targets(remembered)` on the page. A click anywhere, or
 * focus leaving an element that stays on the page, forgets: focus on <body> is then the user's doing.
 */
export function useFocusRescue<K>(
  remember: (element: Element) => K | null,
  targets: (remembered: K) => readonly string[],
): void {
  const remembered = useRef<K | null>(null);
  const rememberRef = useRef(remember);
  rememberRef.current = remember;
  const targetsRef = useRef(targets);
  targetsRef.current = targets;

  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      remembered.current = event.target instanceof Element ? rememberRef.current(event.target) : null;
    };
    // Left while still on the page (Tab out of the page, a click on nothing): the user's doing. A
    // removed or moved element is rescued first, in the layout effect of the render that did it.
    const onFocusOut = (event: FocusEvent) => {
      const left = event.target;
      queueMicrotask(() => {
        if (left instanceof Element && left.isConnected && focusIsLost(document)) remembered.current = null;
      });
    };
    const onPointerDown = () => {
      remembered.current = null;
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, []);

  // No dependencies: after every render, since the store's updates (the server's answer, the live
  // stream) are what remove the button or move the card.
  useLayoutEffect(() => {
    const key = remembered.current;
    if (key === null || !focusIsLost(document)) return;
    remembered.current = null;
    focusFirst(document, targetsRef.current(key));
  });
}
