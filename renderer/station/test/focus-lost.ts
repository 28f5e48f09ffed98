// A focused question: whether the screen says the candidate left it.
/**
 * The "you left the question" notice: left as this page saw it, or as the station recorded it for the
 * question shown (the shell sees what the page cannot: focus inside a frame, then Alt+Tab).
 */
export function focusLostShown(
  seenHere: boolean,
  exam: { currentFocusLost: boolean; progress: { current: number } | null } | null,
  shownIndex: number,
): boolean {
  return seenHere || (exam?.currentFocusLost === true && exam.progress?.current === shownIndex);
}
