// A candidate's progress as the back office words it: while the session is open, one who has not
// joined is "not connected yet"; once it is finalized, that candidate was absent.
import type { Candidate, CentreSession } from '../../../core/contracts/centre-api.ts';

export type ProgressWord = Candidate['progress'] | 'absent';

export function progressWord(
  candidate: Pick<Candidate, 'progress'>,
  session: Pick<CentreSession, 'state'>,
): ProgressWord {
  return candidate.progress === 'notJoined' && session.state !== 'created' ? 'absent' : candidate.progress;
}
