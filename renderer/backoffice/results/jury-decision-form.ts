// What the jury writes on the results page to correct a candidate's identity (C1) or to cancel their
// certification (C6), checked before it is sent as the server checks it (core/contracts/
// jury-decisions.ts): the names and birthdate as at enrolment, an identity that differs from the
// candidate's, and a reason of 1 to 500 characters. Also, as data: the reports that ground a decision,
// whether the jury's cancellation stands, and each decision taken, in words.
import {
  IdentityCorrectionRequestSchema,
  JURY_REASON_MAX,
  type CandidateIdentity,
  type IdentityCorrectionRequest,
  type JuryDecision,
} from '../../../core/contracts/jury-decisions.ts';
import type { CandidateResult } from '../../../core/contracts/invigilator-api.ts';
import type { Incident } from '../api/centre-client.ts';
import { dateTime, fullName, shortDate } from '../format.ts';
import type { Translate } from '../i18n/use-t.ts';

export { JURY_REASON_MAX };

export interface IdentityDraft {
  lastName: string;
  firstName: string;
  birthdate: string;
  reason: string;
}

/** The form as it opens: the identity the certificate carries now, and no reason yet. */
export function identityDraft(current: CandidateIdentity): IdentityDraft {
  return {
    lastName: current.lastName,
    firstName: current.firstName,
    birthdate: current.birthdate,
    reason: '',
  };
}

export type IdentityField = keyof IdentityDraft;
/** Each field's problem: left empty, too long, not a date; `unchanged`: the identity is the same. */
export type IdentityProblem = 'empty' | 'tooLong' | 'invalid';
export type IdentityErrors = Partial<Record<IdentityField, IdentityProblem>> & { unchanged?: true };

export type IdentityCheck =
  { ok: true; input: IdentityCorrectionRequest } | { ok: false; errors: IdentityErrors };

export function checkIdentityCorrection(draft: IdentityDraft, current: CandidateIdentity): IdentityCheck {
  const parsed = IdentityCorrectionRequestSchema.safeParse(draft);
  const errors: IdentityErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as IdentityField | undefined;
      if (!field || errors[field]) continue;
      errors[field] = field === 'birthdate' ? 'invalid' : issue.code === 'too_big' ? 'tooLong' : 'empty';
    }
    return { ok: false, errors };
  }
  const input = parsed.data;
  if (
    input.lastName === current.lastName &&
    input.firstName === current.firstName &&
    input.birthdate === current.birthdate
  ) {
    return { ok: false, errors: { unchanged: true } };
  }
  return { ok: true, input };
}

export const identityErrorCount = (errors: IdentityErrors): number =>
  Object.values(errors).filter(Boolean).length;

export type ReasonCheck = { ok: true; reason: string } | { ok: false; error: 'empty' | 'tooLong' };

/** A cancellation's (or its undoing's) reason: required, at most 500 characters once trimmed. */
export function checkJuryReason(text: string): ReasonCheck {
  const reason = text.trim();
  if (reason === '') return { ok: false, error: 'empty' };
  if (reason.length > JURY_REASON_MAX) return { ok: false, error: 'tooLong' };
  return { ok: true, reason };
}

/** The candidate's reports that ground such a decision, as filed: C1 (identity) and C6 (fraud). */
export function reportsOf(result: CandidateResult, code: 'C1' | 'C6'): Incident[] {
  return result.incidents
    .filter((i) => i.code === code)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The jury's cancellation stands (its latest cancel, not undone): the result reads so. */
export function isCancelledByJury(result: Pick<CandidateResult, 'reasons'>): boolean {
  return result.reasons.includes('JURY_CANCELLED');
}

/** When the standing cancellation was decided (the latest decision on it), if it stands. */
export function cancelledAt(result: Pick<CandidateResult, 'reasons' | 'juryDecisions'>): string | null {
  if (!isCancelledByJury(result)) return null;
  const last = result.juryDecisions.filter((d) => d.kind !== 'identity').at(-1);
  return last?.kind === 'cancel' ? last.decidedAt : null;
}

/** « Léa MARTIN, née le 01/01/2011 ». */
export function identityText(identity: CandidateIdentity, t: Translate, locale: string): string {
  return t('jury.decisions.person', {
    name: fullName(identity),
    birthdate: shortDate(identity.birthdate, locale),
  });
}

/** One decision in words: what, and for an identity what it was and what it became. */
export function decisionWhat(decision: JuryDecision, t: Translate, locale: string): string {
  const kind = t(`jury.decisions.kinds.${decision.kind}`);
  if (!decision.identity) return kind;
  return t('jury.decisions.identityChange', {
    kind,
    before: identityText(decision.identity.before, t, locale),
    after: identityText(decision.identity.after, t, locale),
  });
}

/** Who took it and when: « le 08/12/2026 10:05, par Direction du collège ». */
export function decisionWhoWhen(decision: JuryDecision, t: Translate, locale: string): string {
  return t('jury.decisions.whoWhen', { date: dateTime(decision.decidedAt, locale), who: decision.decidedBy });
}
