// Which frozen-question notice the candidate reads after reporting a problem: "the invigilator has been
// told", or, when they cannot have been, "raise your hand"; and which note says how it was settled.
import type { ExamView } from '../../../core/contracts/station-api.ts';
import type { AlertOutcome } from '../state/station-store.ts';

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

/**
 * The settled report a question shows above it, if any: a dismissed or withdrawn report on this very
 * question (it unfroze: say why), or a validated one on the question before (neutralized: say why the
 * test moved on).
 */
export function alertOutcomeShown(
  outcome: AlertOutcome | null,
  challengeId: string,
): AlertOutcome['decision'] | null {
  if (outcome === null) return null;
  const onThisQuestion = outcome.challengeId === challengeId;
  return onThisQuestion === (outcome.decision !== 'validated') ? outcome.decision : null;
}
