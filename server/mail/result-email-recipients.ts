// Who receives which results at publication: one message per distinct result address among the
// session's candidates who have a result (an absent candidate has none to send), carrying those
// candidates by name. The address is often a teacher's, the same for a whole class: written
// differently (spaces around it, a capitalized domain), it is still one message.
import { newId } from '../auth/secrets.ts';
import type {
  NewResultEmail,
  ResultEmailPlan,
  StoredCandidate,
  StoredResult,
} from '../storage/repositories.ts';

/**
 * One address as the outbox keeps it: trimmed, its domain lower-cased (the local part may be
 * case-sensitive, RFC 5321); null when it is not one plain address (nothing is sent to it: a list or a
 * display name would be read by the mailer as other recipients).
 */
export function normalizeRecipient(address: string | null): string | null {
  const trimmed = (address ?? '').trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1 || trimmed.length > 254) return null;
  if (/[\s,;<>"()[\]\\]/.test(trimmed) || trimmed.indexOf('@') !== at) return null;
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

/** The part of an address the logs may hold (an address is personal data, its domain says where it went). */
export function recipientDomain(recipient: string): string {
  return recipient.slice(recipient.lastIndexOf('@') + 1);
}

/** As the results and the certificates list them: by last name, then first name. */
function byName(a: StoredCandidate, b: StoredCandidate): number {
  return (
    a.lastName.localeCompare(b.lastName, 'fr', { sensitivity: 'base' }) ||
    a.firstName.localeCompare(b.firstName, 'fr', { sensitivity: 'base' }) ||
    a.id.localeCompare(b.id)
  );
}

/** The messages to send, by recipient (without ids): each with its candidates in name order. */
export function resultRecipients(
  candidates: readonly StoredCandidate[],
  results: readonly StoredResult[],
): Omit<NewResultEmail, 'id'>[] {
  const scored = new Set(results.map((r) => r.candidateId));
  const byRecipient = new Map<string, StoredCandidate[]>();
  for (const candidate of [...candidates].sort(byName)) {
    const recipient = normalizeRecipient(candidate.resultEmail);
    if (recipient === null || !scored.has(candidate.id)) continue;
    const group = byRecipient.get(recipient) ?? [];
    group.push(candidate);
    byRecipient.set(recipient, group);
  }
  return [...byRecipient].map(([recipient, group]) => ({
    recipient,
    candidateIds: group.map((c) => c.id),
  }));
}

/** What the publication queues (storage's publish calls it in its transaction). */
export const planResultEmails: ResultEmailPlan = (candidates, results) =>
  resultRecipients(candidates, results).map((email) => ({ id: newId('eml'), ...email }));
