// Finalization (DOMAIN.md §6, §7): every started test that did not end normally (finished or time
// up) needs an abort reason, the global comment has at most 500 characters, and both yes/no
// questions are answered. The server checks the same before it scores anything.
import {
  GLOBAL_COMMENT_MAX,
  type FinalizationRequest,
  type RoomCandidate,
} from '../../../core/contracts/invigilator-api.ts';
import type { AbortReason } from '../../../core/scoring/scoring-input.ts';

const STARTED_STATES = new Set<RoomCandidate['state']>([
  'inProgress',
  'paused',
  'resumePending',
  'ended',
  'resultReceived',
]);
const RUNNING_STATES = new Set<RoomCandidate['state']>(['inProgress', 'paused', 'resumePending']);

export function hasStarted(candidate: RoomCandidate): boolean {
  return candidate.testId !== null && (candidate.startedAt !== null || STARTED_STATES.has(candidate.state));
}

export function endedNormally(candidate: RoomCandidate): boolean {
  return candidate.endReason === 'finished' || candidate.endReason === 'timeUp';
}

/** The tests that need an abort reason, in the room's name order. */
export function unfinishedTests(candidates: readonly RoomCandidate[]): RoomCandidate[] {
  return candidates.filter((c) => hasStarted(c) && !endedNormally(c));
}

/** Tests still going on: finalizing now would stop them. */
export function runningTests(candidates: readonly RoomCandidate[]): RoomCandidate[] {
  return candidates.filter((c) => RUNNING_STATES.has(c.state));
}

export interface FinalizationDraft {
  abortReasons: Record<string, AbortReason | ''>;
  globalComment: string;
  hadIncident: boolean | null;
  candidateCouldNotJoin: boolean | null;
}

export type FinalizationError =
  | { field: 'abortReason'; candidateId: string }
  | { field: 'globalComment' }
  | { field: 'hadIncident' }
  | { field: 'candidateCouldNotJoin' };

export type FinalizationCheck =
  { ok: true; request: FinalizationRequest } | { ok: false; errors: FinalizationError[] };

export function checkFinalization(
  draft: FinalizationDraft,
  candidates: readonly RoomCandidate[],
): FinalizationCheck {
  const errors: FinalizationError[] = [];
  const abortReasons: FinalizationRequest['abortReasons'] = [];
  for (const candidate of unfinishedTests(candidates)) {
    const reason = draft.abortReasons[candidate.candidateId] ?? '';
    if (reason === '') errors.push({ field: 'abortReason', candidateId: candidate.candidateId });
    else abortReasons.push({ candidateId: candidate.candidateId, reason });
  }
  const globalComment = draft.globalComment.trim();
  if (globalComment.length > GLOBAL_COMMENT_MAX) errors.push({ field: 'globalComment' });
  if (draft.hadIncident === null) errors.push({ field: 'hadIncident' });
  if (draft.candidateCouldNotJoin === null) errors.push({ field: 'candidateCouldNotJoin' });
  if (errors.length > 0 || draft.hadIncident === null || draft.candidateCouldNotJoin === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    request: {
      abortReasons,
      globalComment,
      hadIncident: draft.hadIncident,
      candidateCouldNotJoin: draft.candidateCouldNotJoin,
    },
  };
}
