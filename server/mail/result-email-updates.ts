// The update e-mails of a published result: when a candidate's result changes or appears after
// publication (the jury cancels the certification or undoes that, corrects the identity; a late signed
// result is scored), that candidate's result address gets one message saying so, queued by storage in
// the change's transaction (storage/sqlite/result-email-store.ts) and sent by the same mailer as the
// publication's (result-mailer.ts). Before publication nothing is queued, nor while the publication's
// message to that address has not gone: written when it goes, it carries the change. A result re-scored
// under the jury's standing cancellation queues nothing either (it still reads cancelled). A change
// while an update to the same candidate and address waits, never sent nor being sent, is merged into
// it: one message saying each change, not two in a row where the second explains the first. The text
// is written at send time: a cause undone meanwhile is worded neutrally (result-email-message.ts). Like
// the publication's, an update waits in the outbox when the server has no mail server (--smtp-url), and
// goes once it has one: the back office says so.
import type { ResultEmailUpdateCause } from '../../core/contracts/result-emails.ts';
import { newId } from '../auth/secrets.ts';
import type { ResultChange, ResultEmailUpdatePlan, StoredResult } from '../storage/repositories.ts';
import { normalizeRecipient } from './result-email-recipients.ts';

/** What the message and the certificate show of a result: its status, score, levels and code. */
function shown(result: StoredResult): string {
  const { status, pixScore, competences } = result.score;
  return JSON.stringify([
    status,
    pixScore,
    competences.map((c) => [c.code, c.level, c.pix]),
    result.verificationCode,
  ]);
}

/**
 * Why the change calls for an update, or null when a recipient would see nothing new (a signed result
 * re-scored to the same score: its certificate is the same).
 */
export function updateCause(change: ResultChange): ResultEmailUpdateCause | null {
  if (change.kind === 'jury') return change.cause;
  if (change.previous === null) return 'resultAdded';
  return shown(change.previous) === shown(change.next) ? null : 'resultChanged';
}

/** What storage queues with a change: to the candidate's result address, if they gave one. */
export const planResultEmailUpdate: ResultEmailUpdatePlan = (candidate, change) => {
  const recipient = normalizeRecipient(candidate.resultEmail);
  const cause = updateCause(change);
  if (recipient === null || cause === null) return null;
  return { id: newId('emu'), recipient, candidateId: candidate.id, cause };
};
