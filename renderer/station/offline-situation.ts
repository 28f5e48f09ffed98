// What the "offline" note tells the candidate depends on where they are: before joining, joining waits
// for the server; before the start or a resume, the invigilator's go-ahead does; during the test the
// answers are stored and the test goes on, except on a question frozen by a reported problem: only the
// invigilator unblocks it, and their decision cannot arrive while offline; paused or locked, the end of
// the pause (the invigilator's unlock, sent by the server) cannot arrive either, whatever the hidden
// question holds; after the test, the result is kept and sent later, or already sent.
import type { ExamPhase } from '../../core/contracts/station-api.ts';

export type OfflineSituation =
  | 'beforeJoining'
  | 'waitingForInvigilator'
  | 'testGoesOn'
  | 'questionFrozen'
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

/** `alertPending`: a reported problem freezes the current question (the station's status says so). */
export function offlineSituation(phase: ExamPhase, alertPending = false): OfflineSituation {
  const situation = SITUATIONS[phase];
  return situation === 'testGoesOn' && alertPending ? 'questionFrozen' : situation;
}
