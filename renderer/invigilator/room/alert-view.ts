// The alert view of a candidate's file follows the alert it was opened on, and only that one: if the
// card's alert is decided elsewhere, or replaced by another (A1 decided on another screen and A2 raised,
// both in one update), the view says the one it showed was already handled rather than silently
// showing the next, where an E code chosen for A1 would neutralize the wrong question.

export type AlertViewMove = 'alertHandled' | 'details' | null;

/**
 * Where the alert view goes now. `shownId`: the alert it shows; `currentId`: the card's pending one;
 * `decidingId`: the alert this screen is deciding (its answer moves the view on). null: it stays.
 */
export function alertViewMove(
  shownId: string | null,
  currentId: string | null,
  decidingId: string | null,
): AlertViewMove {
  if (shownId !== null && decidingId === shownId) return null;
  if (currentId === null) return shownId === null ? 'details' : 'alertHandled';
  if (shownId !== null && currentId !== shownId) return 'alertHandled';
  return null;
}
