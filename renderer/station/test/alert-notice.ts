// Which frozen-question notice the candidate reads after reporting a problem: "the invigilator has been
// told", or, when they cannot have been, "raise your hand".
import type { ExamView } from '../../../core/contracts/station-api.ts';

/**
 * A reported problem the invigilator cannot know of: the station is offline and the alert has not
 * reached the server (the invigilator learns of alerts only from there). The candidate raises a hand.
 */
export function alertUnheard(
  exam: Pick<ExamView, 'alertPending' | 'alertSent'> | null,
  online: boolean,
): boolean {
  return exam !== null && exam.alertPending && !exam.alertSent && !online;
}

/**
 * Whether the focus goes to the question title as the question unfreezes (the report dismissed or
 * withdrawn): the notice that held the focus is gone, and the focus fell to the page (the body), where
 * keyboard and screen-reader users would be lost. A focus the candidate moved elsewhere stays there.
 */
export function refocusOnUnfreeze(wasFrozen: boolean, frozen: boolean, focusOnPage: boolean): boolean {
  return wasFrozen && !frozen && focusOnPage;
}
