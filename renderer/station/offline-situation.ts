// What the "offline" note tells the candidate depends on where they are: before joining, joining waits
// for the server; before the start or a resume, the invigilator's go-ahead does; during the test the
// answers are stored and the test goes on, except on a question frozen by a reported problem: once
// sent, only the invigilator unblocks it, and their decision cannot arrive while offline; not sent, the
// candidate may also take it back (the notice under the note says so, and the note must agree); paused
// or locked, the end of the pause (the invigilator's unlock, sent by the server) cannot arrive either,
// whatever the hidden question holds; after the test, the result is kept and sent later, or already sent.
import type { ExamPhase } from '../../core/contracts/station-api.ts';

export type OfflineSituation =
  | 'beforeJoining'
  | 'waitingForInvigilator'
  | 'testGoesOn'
  | 'questionFrozen'
  | 'reportNotSent'
  | 'pauseWaits'
  | 'resultKept'
  | 'resultSent';

const SITUATIONS: Readonly<Record<ExamPhase, OfflineSituation>> = {
  idle: 'beforeJoining',
  signedIn: 'waitingForInvigilator',
  waiting: 'waitingForInvigilator',
  resumePending: 'waitingForInvigilator',
  inProgress: 'testGoesOn',
  paused: 'pauseWaits',
  ended: 'resultKept',
  sealed: 'resultKept',
  uploaded: 'resultSent',
};

/**
 * `alertPending`: a reported problem freezes the current question (the station's status says so);
 * `alertSent`: it reached the server, so the invigilator knows and only their decision unblocks it.
 * Not sent, the candidate may also withdraw it (alert-notice.ts): the note must not say otherwise.
 */
export function offlineSituation(
  phase: ExamPhase,
  alertPending = false,
  alertSent = false,
): OfflineSituation {
  const situation = SITUATIONS[phase];
  if (situation !== 'testGoesOn' || !alertPending) return situation;
  return alertSent ? 'questionFrozen' : 'reportNotSent';
}
