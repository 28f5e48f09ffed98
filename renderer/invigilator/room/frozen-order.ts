// The room's order held still while the invigilator is on it: a card must not slide under the pointer
// (or away from the keyboard focus) as the room re-sorts, or a quick « Confirmer la présence » lands on
// another candidate. While frozen, the cards keep their places; a new one is added at the end, one
// removed goes. The sort resumes once the pointer and the focus have left the cards (room-screen.tsx).

/** How long after the pointer and the focus left the cards the room re-sorts (a slip out and back in). */
export const ORDER_RELEASE_MS = 1_000;
/**
 * A pointer or a keyboard focus left still on the cards holds the order this long at most: the urgent
 * cards must come first again while nobody is about to click (a room that scrolls would hide them).
 */
export const ORDER_IDLE_HOLD_MS = 4_000;

/**
 * The order to show: `sorted` when not frozen; else `shown` (the order on screen) without the cards
 * gone, then the new ones in their sorted order.
 */
export function heldOrder(shown: readonly string[], sorted: readonly string[], frozen: boolean): string[] {
  if (!frozen) return [...sorted];
  const present = new Set(sorted);
  const kept = shown.filter((id) => present.has(id));
  const known = new Set(kept);
  return [...kept, ...sorted.filter((id) => !known.has(id))];
}

export function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
