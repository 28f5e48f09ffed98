// What the session page offers to do with a session. Finalizing cannot be undone (every enrolled
// candidate who did not start is recorded absent and can no longer join), so it is offered only once
// the session is one to finalize (session-groups.ts), not on a session still being prepared. Deleting
// stops as soon as a candidate signed in at a station: that station and the invigilator's screen know
// the candidate (the server refuses it too).
import type { CentreSession } from '../api/centre-client.ts';
import { sessionGroup } from './session-groups.ts';

export interface SessionActions {
  edit: boolean;
  finalize: boolean;
  results: boolean;
  /** The delete button is shown (open session); `deletable` says whether it may be used. */
  delete: boolean;
  deletable: boolean;
}

export function sessionActions(
  session: Pick<CentreSession, 'state' | 'date' | 'counts'>,
  today: string,
): SessionActions {
  const open = session.state === 'created';
  return {
    edit: open,
    finalize: open && sessionGroup(session, today) === 'toFinalize',
    results: !open,
    delete: open,
    deletable: open && session.counts.joined === 0,
  };
}
