// The exam phases a station goes through for one candidate, and the only moves allowed between them.
import type { ExamPhase } from '../../../core/contracts/station-api.ts';

const NEXT: Record<ExamPhase, readonly ExamPhase[]> = {
  idle: ['signedIn', 'resumePending', 'ended'],
  // Back to idle: the candidate cancels before the start.
  signedIn: ['waiting', 'idle'],
  waiting: ['inProgress', 'signedIn', 'idle'],
  // Back to idle: a resume from another station cancelled before its records arrived.
  resumePending: ['inProgress', 'paused', 'ended', 'idle'],
  inProgress: ['paused', 'ended'],
  paused: ['inProgress', 'ended'],
  ended: ['sealed'],
  sealed: ['uploaded', 'idle'],
  uploaded: ['idle'],
};

export class IllegalTransitionError extends Error {
  readonly code = 'ILLEGAL_TRANSITION';
  readonly from: ExamPhase;
  readonly to: ExamPhase;
  constructor(from: ExamPhase, to: ExamPhase) {
    super(`the station cannot go from "${from}" to "${to}"`);
    this.name = 'IllegalTransitionError';
    this.from = from;
    this.to = to;
  }
}

export function canMove(from: ExamPhase, to: ExamPhase): boolean {
  return NEXT[from].includes(to);
}

export function assertMove(from: ExamPhase, to: ExamPhase): void {
  if (!canMove(from, to)) throw new IllegalTransitionError(from, to);
}
