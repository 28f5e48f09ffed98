// The finalization being typed, kept in this tab's storage (state/tab-storage.ts) while the invigilator
// types, so that a login ending meanwhile (30 min without contact, the 10 h maximum, a new invigilator
// password) loses nothing: the page finds it again once logged in. One per session; what is read back
// is checked (a damaged one, or one for another session, is dropped), and it goes once the session is
// finalized, or when the invigilator logs out.
//
// Not kept: « Je confirme que le test de … est terminé » (`confirmedOver`). It states what the
// invigilator saw in the room at that moment (station off, candidate gone); found again maybe 30 minutes
// or more later, the station may have come back or the candidate be working offline still. The box is
// shown unticked, to be checked again.
import { z } from 'zod';
import { ABORT_REASONS } from '../../../core/scoring/scoring-input.ts';
import { readJson, removeKey, writeJson, type TabStorage } from '../state/tab-storage.ts';
import type { FinalizationDraft } from './finalization-rules.ts';

const VERSION = 1;

/**
 * Far above the 500 characters the server takes: what was typed past them is kept (the page says it is
 * too long), only absurd values are refused.
 */
const COMMENT_CAP = 20_000;

const CandidateId = z.string().min(1).max(200);

const StoredDraftSchema = z
  .object({
    version: z.literal(VERSION),
    sessionId: z.string().min(1),
    draft: z
      .object({
        abortReasons: z.record(CandidateId, z.enum([...ABORT_REASONS, ''])),
        // Written empty (drafts of an earlier screen may hold ticks: never read back).
        confirmedOver: z.record(CandidateId, z.boolean()),
        globalComment: z.string().max(COMMENT_CAP),
        hadIncident: z.boolean().nullable(),
        candidateCouldNotJoin: z.boolean().nullable(),
      })
      .strict(),
  })
  .strict();

export function draftKey(sessionId: string): string {
  return `pix-invigilator:finalization-draft:${sessionId}`;
}

export function emptyDraft(): FinalizationDraft {
  return {
    abortReasons: {},
    confirmedOver: {},
    globalComment: '',
    hadIncident: null,
    candidateCouldNotJoin: null,
  };
}

/**
 * What is kept of what the invigilator chose or typed: no unanswered reason, and no confirmation that a
 * test is over (a fresh check of the room's, never restored).
 */
function chosen(draft: FinalizationDraft): FinalizationDraft {
  return {
    abortReasons: Object.fromEntries(Object.entries(draft.abortReasons).filter(([, r]) => r !== '')),
    confirmedOver: {},
    globalComment: draft.globalComment,
    hadIncident: draft.hadIncident,
    candidateCouldNotJoin: draft.candidateCouldNotJoin,
  };
}

/** Nothing to keep (a comment of spaces alone is nothing, a ticked confirmation is not kept). */
export function isEmptyDraft(draft: FinalizationDraft): boolean {
  const kept = chosen(draft);
  return (
    Object.keys(kept.abortReasons).length === 0 &&
    Object.keys(kept.confirmedOver).length === 0 &&
    kept.globalComment.trim() === '' &&
    kept.hadIncident === null &&
    kept.candidateCouldNotJoin === null
  );
}

/** Keeps the draft of `sessionId` (an empty one is removed rather than kept). */
export function writeDraft(storage: TabStorage | null, sessionId: string, draft: FinalizationDraft): void {
  if (isEmptyDraft(draft)) {
    removeKey(storage, draftKey(sessionId));
    return;
  }
  writeJson(storage, draftKey(sessionId), { version: VERSION, sessionId, draft: chosen(draft) });
}

/**
 * The draft kept for `sessionId`; null when there is none. One that does not read as a draft of this
 * session (damaged, from another version of the screen, or for another session) is dropped.
 */
export function readDraft(storage: TabStorage | null, sessionId: string): FinalizationDraft | null {
  const raw = readJson(storage, draftKey(sessionId));
  if (raw === undefined) return null;
  const parsed = StoredDraftSchema.safeParse(raw);
  if (!parsed.success || parsed.data.sessionId !== sessionId || isEmptyDraft(parsed.data.draft)) {
    removeKey(storage, draftKey(sessionId));
    return null;
  }
  return { ...parsed.data.draft, confirmedOver: {} };
}

export function clearDraft(storage: TabStorage | null, sessionId: string): void {
  removeKey(storage, draftKey(sessionId));
}
