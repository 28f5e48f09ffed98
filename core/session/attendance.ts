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

/** The card's states of a candidate signed in whose test has not started (as far as the card shows). */
export const NOT_STARTED: ReadonlySet<RoomCandidateState> = new Set([
  'signedIn',
  'waiting',
  'startAuthorized',
]);

/**
 * `wentAhead`: the test went ahead though the card may not show it (the card's `wentAhead`,
 * server/room/room-view.ts testWentAhead): its station applied the start and died before anything else
 * reached the server, or its result is stored. Finalization counts that test as started: the sheet must
 * not list absent a candidate whose test went ahead. A start held while the candidate read the
 * instructions does not count.
 */
export function attendanceOf(
  state: RoomCandidateState,
  sessionOpen: boolean,
  wentAhead: boolean,
): Attendance {
  if (wentAhead) return 'present';
  if (state === 'notArrived') return sessionOpen ? 'notArrived' : 'absent';
  if (NOT_STARTED.has(state)) return sessionOpen ? 'notStarted' : 'absent';
  return 'present';
}
