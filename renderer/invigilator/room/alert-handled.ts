// An alert decided on another screen (a colleague's, or a second window): the screen that was showing
// it says what was decided, from the card's last alert decision, instead of silently moving on, so that
// the invigilator knows whether the question was neutralized or the candidate must answer it.
import type { RoomAlertDecision, RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { announce } from '../../shared/announcer.tsx';
import { clockTime } from '../format.ts';
import type { Translate } from '../i18n/use-t.ts';

/** The decision taken on this alert, while the card still carries it. */
export function decisionOn(
  candidate: Pick<RoomCandidate, 'lastAlertDecision'>,
  alertId: string,
): RoomAlertDecision | null {
  const decision = candidate.lastAlertDecision;
  return decision?.alertId === alertId ? decision : null;
}

/** « refusée — le candidat doit répondre » or « validée (E4) — question neutralisée ». */
export function decisionText(decision: RoomAlertDecision, t: Translate): string {
  return decision.decision === 'validated'
    ? t('alert.decisionValidated', { code: decision.reasonCode ?? '?' })
    : t('alert.decisionDismissed');
}

/** What the screen shows, and says, when the alert it was showing was decided elsewhere. */
export function handledElsewhereText(decision: RoomAlertDecision | null, t: Translate): string {
  return decision ? t('alert.handled', { decision: decisionText(decision, t) }) : t('alert.handledUnknown');
}

/** Which question, and when: under the sentence. */
export function decisionWhen(decision: RoomAlertDecision, t: Translate, language: string): string {
  const time = clockTime(decision.decidedAt, language);
  return decision.questionNumber === null
    ? t('alert.handledAtUnknownQuestion', { time })
    : t('alert.handledAt', { question: decision.questionNumber, time });
}

/** Said at once (assertive): the invigilator was about to decide the same alert. */
export function announceHandledElsewhere(
  decision: RoomAlertDecision | null,
  t: Translate,
  say: typeof announce = announce,
): void {
  say(handledElsewhereText(decision, t), 'assertive');
}
