// What the attendance sheet (feuille d'émargement) says of a candidate's presence, from their card's
// state: the same rule for the printed sheet and its CSV. Presence on the sheet is what finalization
// records: only a test that started gives a result, so a candidate who signed in on a station but never
// started is not « présent » (finalization lists them absent; DOMAIN.md §7 asks whether a candidate
// could not join).
import type { RoomCandidateState } from '../contracts/invigilator-api.ts';

export type Attendance =
  /** The test started (whatever happened after). */
  | 'present'
  /** Signed in on a station, the test not started yet, while the session is open. */
  | 'notStarted'
  /** Not seen yet, while the session is open: may still come. */
  | 'notArrived'
  /** The session is finalized and the test never started. */
  | 'absent';

const NOT_STARTED: ReadonlySet<RoomCandidateState> = new Set(['signedIn', 'waiting', 'startAuthorized']);

export function attendanceOf(state: RoomCandidateState, sessionOpen: boolean): Attendance {
  if (state === 'notArrived') return sessionOpen ? 'notArrived' : 'absent';
  if (NOT_STARTED.has(state)) return sessionOpen ? 'notStarted' : 'absent';
  return 'present';
}
