// Finalization from the back office (DOMAIN.md §6, §7): an abort reason for every unfinished test,
// both yes/no questions answered, a global comment of 500 characters at most. The server checks the
// same before it scores anything.
import { GLOBAL_COMMENT_MAX, type FinalizationRequest } from '../../../core/contracts/invigilator-api.ts';

export type AbortReason = 'candidate' | 'technical';

export interface FinalizationDraft {
  abortReasons: Record<string, AbortReason | undefined>;
  hadIncident: boolean | null;
  candidateCouldNotJoin: boolean | null;
  globalComment: string;
}

export interface FinalizationErrors {
  abortReasons: string[];
  hadIncident: boolean;
  candidateCouldNotJoin: boolean;
  globalComment: boolean;
}

export function checkFinalization(
  draft: FinalizationDraft,
  unfinished: readonly { candidateId: string }[],
): { ok: true; request: FinalizationRequest } | { ok: false; errors: FinalizationErrors } {
  const missing = unfinished.filter((u) => !draft.abortReasons[u.candidateId]).map((u) => u.candidateId);
  const comment = draft.globalComment.trim();
  const errors: FinalizationErrors = {
    abortReasons: missing,
    hadIncident: draft.hadIncident === null,
    candidateCouldNotJoin: draft.candidateCouldNotJoin === null,
    globalComment: comment.length > GLOBAL_COMMENT_MAX,
  };
  if (
    missing.length > 0 ||
    errors.globalComment ||
    draft.hadIncident === null ||
    draft.candidateCouldNotJoin === null
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    request: {
      abortReasons: unfinished.map((u) => ({
        candidateId: u.candidateId,
        reason: draft.abortReasons[u.candidateId] as AbortReason,
      })),
      globalComment: comment,
      hadIncident: draft.hadIncident,
      candidateCouldNotJoin: draft.candidateCouldNotJoin,
    },
  };
}

export function errorCount(errors: FinalizationErrors): number {
  return (
    errors.abortReasons.length +
    Number(errors.hadIncident) +
    Number(errors.candidateCouldNotJoin) +
    Number(errors.globalComment)
  );
}
