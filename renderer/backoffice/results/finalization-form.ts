// Finalization from the back office (DOMAIN.md §6, §7): an abort reason for every unfinished test,
// both yes/no questions answered, a global comment of 500 characters at most. A test whose station is
// silent while its candidate may still have time (it goes on offline: core/exam/silent-station.ts) is
// confirmed over one by one first (`confirmedOver`), then needs its reason as the others do. The server
// checks the same before it scores anything.
import { GLOBAL_COMMENT_MAX, type FinalizationRequest } from '../../../core/contracts/invigilator-api.ts';

export type AbortReason = 'candidate' | 'technical';

export interface FinalizationDraft {
  abortReasons: Record<string, AbortReason | undefined>;
  /** The tests maybe still running offline that the referent confirmed over, by candidate id. */
  confirmedOver: Record<string, boolean | undefined>;
  hadIncident: boolean | null;
  candidateCouldNotJoin: boolean | null;
  globalComment: string;
}

/** Nothing answered yet. */
export function emptyFinalizationDraft(): FinalizationDraft {
  return {
    abortReasons: {},
    confirmedOver: {},
    hadIncident: null,
    candidateCouldNotJoin: null,
    globalComment: '',
  };
}

/**
 * Something was answered or typed: worth saying it is kept while the room blocks finalization (the
 * screen keeps the draft above the form, which the list of tests to settle replaces meanwhile).
 */
export function hasAnswers(draft: FinalizationDraft): boolean {
  return (
    Object.values(draft.abortReasons).some((r) => r !== undefined) ||
    Object.values(draft.confirmedOver).some((over) => over === true) ||
    draft.hadIncident !== null ||
    draft.candidateCouldNotJoin !== null ||
    draft.globalComment.trim() !== ''
  );
}

export interface FinalizationErrors {
  /** Maybe still running offline and not confirmed over: finalization waits for them. */
  confirmOver: string[];
  abortReasons: string[];
  hadIncident: boolean;
  candidateCouldNotJoin: boolean;
  globalComment: boolean;
}

interface ById {
  candidateId: string;
}

/**
 * The unfinished tests that need an abort reason: not one that may still run offline (the server lists
 * it among them too) until the referent confirms it over.
 */
export function testsNeedingReason<T extends ById>(
  unfinished: readonly T[],
  maybeRunning: readonly ById[],
  confirmedOver: FinalizationDraft['confirmedOver'],
): T[] {
  const maybe = new Set(maybeRunning.map((m) => m.candidateId));
  return unfinished.filter((u) => !maybe.has(u.candidateId) || confirmedOver[u.candidateId] === true);
}

export function checkFinalization(
  draft: FinalizationDraft,
  unfinished: readonly ById[],
  maybeRunning: readonly ById[] = [],
): { ok: true; request: FinalizationRequest } | { ok: false; errors: FinalizationErrors } {
  const needed = testsNeedingReason(unfinished, maybeRunning, draft.confirmedOver);
  const missing = needed.filter((u) => !draft.abortReasons[u.candidateId]).map((u) => u.candidateId);
  const unconfirmed = maybeRunning
    .filter((m) => draft.confirmedOver[m.candidateId] !== true)
    .map((m) => m.candidateId);
  const comment = draft.globalComment.trim();
  const errors: FinalizationErrors = {
    confirmOver: unconfirmed,
    abortReasons: missing,
    hadIncident: draft.hadIncident === null,
    candidateCouldNotJoin: draft.candidateCouldNotJoin === null,
    globalComment: comment.length > GLOBAL_COMMENT_MAX,
  };
  if (
    unconfirmed.length > 0 ||
    missing.length > 0 ||
    errors.globalComment ||
    draft.hadIncident === null ||
    draft.candidateCouldNotJoin === null
  ) {
    return { ok: false, errors };
  }
  const confirmedOver = maybeRunning.map((m) => m.candidateId);
  return {
    ok: true,
    request: {
      abortReasons: needed.map((u) => ({
        candidateId: u.candidateId,
        reason: draft.abortReasons[u.candidateId] as AbortReason,
      })),
      globalComment: comment,
      hadIncident: draft.hadIncident,
      candidateCouldNotJoin: draft.candidateCouldNotJoin,
      ...(confirmedOver.length > 0 ? { confirmedOver } : {}),
    },
  };
}

export function errorCount(errors: FinalizationErrors): number {
  return (
    errors.confirmOver.length +
    errors.abortReasons.length +
    Number(errors.hadIncident) +
    Number(errors.candidateCouldNotJoin) +
    Number(errors.globalComment)
  );
}

/**
 * The server's refusals that mean the room changed since the list was read (a station went silent, came
 * back, an alert came up): the list is read again, and the referent's answers kept.
 */
const ROOM_CHANGED = new Set(['TESTS_MAYBE_RUNNING', 'TESTS_STILL_RUNNING', 'ALERTS_PENDING']);

export function roomChanged(code: string): boolean {
  return ROOM_CHANGED.has(code);
}
