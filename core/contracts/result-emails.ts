// The results e-mailed at publication, as the back office reads them (server/mail/): one message per
// result address a session's candidates gave (often a teacher's, the same for a class), with the
// candidates it carries and where its sending stands; then one update per change of a candidate's
// result after publication (a jury's decision, a late signed result), to that candidate's address, or
// one for the changes that came while it had not gone yet.
// GET for the centre's referents and the administrators; « Renvoyer » (administrators) puts a sent or
// failed message back in the queue.
import { z } from 'zod';

const Id = z.string().min(1).max(64);
const Timestamp = z.iso.datetime({ offset: true });

/** pending: waits for its (next) attempt; sent: the mail server accepted it; failed: given up. */
export const RESULT_EMAIL_STATES = ['pending', 'sent', 'failed'] as const;
export const ResultEmailStateSchema = z.enum(RESULT_EMAIL_STATES);
export type ResultEmailState = z.infer<typeof ResultEmailStateSchema>;

/**
 * What the last attempt ran into, for the screen to word it: the mail server could not be reached;
 * it refused the server's SMTP account (the --smtp-url credentials); it refused the recipient's
 * address for good (5xx); it refused the message for good (the sender, the contents); it asked to
 * try later (4xx); the message could not be written (the session's results are gone); anything else.
 */
export const RESULT_EMAIL_FAILURE_KINDS = [
  'unreachable',
  'authentication',
  'rejected',
  'refused',
  'temporary',
  'content',
  'other',
] as const;
export const ResultEmailFailureKindSchema = z.enum(RESULT_EMAIL_FAILURE_KINDS);
export type ResultEmailFailureKind = z.infer<typeof ResultEmailFailureKindSchema>;

/**
 * Why an update was sent after publication (one message per change, or per changes that came while it
 * waited, to the candidate's result address):
 * the jury cancelled the certification, or undid that; corrected the identity; a result appeared (a
 * candidate listed absent whose station's signed result came late) or changed (re-scored with it).
 */
export const RESULT_EMAIL_UPDATE_CAUSES = [
  'cancelled',
  'restored',
  'identityCorrected',
  'resultAdded',
  'resultChanged',
] as const;
export const ResultEmailUpdateCauseSchema = z.enum(RESULT_EMAIL_UPDATE_CAUSES);
export type ResultEmailUpdateCause = z.infer<typeof ResultEmailUpdateCauseSchema>;

const isCancellation = (cause: ResultEmailUpdateCause) => cause === 'cancelled' || cause === 'restored';

/**
 * What an update announces of the changes it carries (several when they came while it waited, never
 * sent: one message rather than two in a row), in the order they came, each said once: a cancellation
 * and its undoing cancel out (the recipient never read the first; the jury's back-and-forth is not
 * theirs to follow), a result that arrived then was re-scored is a result that arrived.
 */
export function announcedUpdateCauses(causes: readonly ResultEmailUpdateCause[]): ResultEmailUpdateCause[] {
  const flips = causes.filter(isCancellation).length;
  const group = (cause: ResultEmailUpdateCause) =>
    isCancellation(cause) ? 'cancellation' : cause === 'identityCorrected' ? 'identity' : 'result';
  const said: ResultEmailUpdateCause[] = [];
  causes.forEach((cause, i) => {
    // Each group where it last changed.
    if (causes.slice(i + 1).some((later) => group(later) === group(cause))) return;
    if (isCancellation(cause) && flips % 2 === 0) return;
    said.push(group(cause) === 'result' && causes.includes('resultAdded') ? 'resultAdded' : cause);
  });
  return said;
}

/**
 * The jury cancelled and undid (`cancelledFirst`), or undid a cancellation and cancelled again
 * (`restoredFirst`: the first of them says which), while the update waited: it says neither, the result
 * as it reads when it goes is what the recipient gets. Null: no such back-and-forth.
 */
export function cancellationBackAndForth(
  causes: readonly ResultEmailUpdateCause[],
): 'cancelledFirst' | 'restoredFirst' | null {
  const first = causes.find(isCancellation);
  if (first === undefined || announcedUpdateCauses(causes).some(isCancellation)) return null;
  return first === 'cancelled' ? 'cancelledFirst' : 'restoredFirst';
}

export const ResultEmailSchema = z
  .object({
    id: Id,
    /**
     * Null: the message of the publication. Otherwise an update queued by a change after it, about one
     * candidate (its only one), with why: its causes, in the order they came (more than one when later
     * changes came while it waited, never sent: merged into it); the publication's message keeps its
     * own state beside it.
     */
    update: z
      .object({ candidateId: Id, causes: z.array(ResultEmailUpdateCauseSchema).min(1) })
      .strict()
      .nullable(),
    recipient: z.string(),
    /** The candidates whose results it carries, in the message's order (by name). */
    candidates: z.array(z.object({ candidateId: Id, firstName: z.string(), lastName: z.string() }).strict()),
    state: ResultEmailStateSchema,
    /** Attempts since it was queued (or queued again). */
    attempts: z.number().int().min(0),
    /** Pending: when the mailer tries it (now or later, after a failure); null otherwise. */
    nextAttemptAt: Timestamp.nullable(),
    lastAttemptAt: Timestamp.nullable(),
    /** The last time the mail server accepted it (kept when it is sent again). */
    sentAt: Timestamp.nullable(),
    /** The last attempt's failure, when it failed; its detail is the mail server's words, no credential. */
    lastFailure: z.object({ kind: ResultEmailFailureKindSchema, detail: z.string() }).strict().nullable(),
    createdAt: Timestamp,
  })
  .strict();
export type ResultEmail = z.infer<typeof ResultEmailSchema>;

export const ResultEmailListSchema = z
  .object({
    /**
     * False when the server has no mail server (--smtp-url): the messages wait, pending, until it is
     * given one and restarted.
     */
    mailServerConfigured: z.boolean(),
    emails: z.array(ResultEmailSchema),
  })
  .strict();
export type ResultEmailList = z.infer<typeof ResultEmailListSchema>;

export const ResultEmailParamsSchema = z.object({ sessionId: Id, emailId: Id }).strict();
