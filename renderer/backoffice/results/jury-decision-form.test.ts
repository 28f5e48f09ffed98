// What the jury writes is checked as the server checks it (core/contracts/jury-decisions.ts): names and
// birthdate as at enrolment, an identity that differs from the candidate's, a reason of 1 to 500
// characters; the reports that ground a decision and the standing cancellation are read from the result.
import { describe, expect, it } from 'vitest';
import {
  CancellationRequestSchema,
  IdentityCorrectionRequestSchema,
  type JuryDecision,
} from '../../../core/contracts/jury-decisions.ts';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import {
  cancelledAt,
  checkIdentityCorrection,
  checkJuryReason,
  decisionWhat,
  decisionWhoWhen,
  identityDraft,
  identityErrorCount,
  isCancelledByJury,
  reportsOf,
} from './jury-decision-form.ts';
import { incident, juryResult } from './jury-fixtures.ts';

const current = { lastName: 'Bernard', firstName: 'Hugo', birthdate: '2011-02-02' };
const draft = { ...identityDraft(current), reason: '  Signalement C1 : « Bernardi » sur sa carte. ' };

describe('the identity correction form', () => {
  it('opens with the identity the certificate carries, and no reason', () => {
    expect(identityDraft(current)).toEqual({ ...current, reason: '' });
  });

  it('sends the corrected identity and the reason, trimmed, as the server expects', () => {
    const checked = checkIdentityCorrection({ ...draft, lastName: ' Bernardi ' }, current);
    expect(checked).toEqual({
      ok: true,
      input: {
        lastName: 'Bernardi',
        firstName: 'Hugo',
        birthdate: '2011-02-02',
        reason: 'Signalement C1 : « Bernardi » sur sa carte.',
      },
    });
    if (checked.ok) expect(IdentityCorrectionRequestSchema.safeParse(checked.input).success).toBe(true);
    // A birthdate alone is a correction too.
    expect(checkIdentityCorrection({ ...draft, birthdate: '2011-02-03' }, current).ok).toBe(true);
  });

  it('says every field to fix', () => {
    const empty = checkIdentityCorrection(
      { lastName: ' ', firstName: '', birthdate: '', reason: '' },
      current,
    );
    expect(empty).toEqual({
      ok: false,
      errors: { lastName: 'empty', firstName: 'empty', birthdate: 'invalid', reason: 'empty' },
    });
    if (!empty.ok) expect(identityErrorCount(empty.errors)).toBe(4);
    for (const birthdate of ['2011-02-30', '02/02/2011', '2011-2-2']) {
      const checked = checkIdentityCorrection({ ...draft, lastName: 'Bernardi', birthdate }, current);
      expect(checked.ok ? null : checked.errors).toEqual({ birthdate: 'invalid' });
    }
    const long = checkIdentityCorrection(
      { ...draft, firstName: 'x'.repeat(101), reason: 'x'.repeat(501) },
      current,
    );
    expect(long.ok ? null : long.errors).toEqual({ firstName: 'tooLong', reason: 'tooLong' });
    expect(
      checkIdentityCorrection({ ...draft, lastName: 'Bernardi', reason: 'x'.repeat(500) }, current).ok,
    ).toBe(true);
  });

  it('refuses the same identity (spaces aside): nothing to correct', () => {
    const same = checkIdentityCorrection({ ...draft, lastName: ' Bernard ' }, current);
    expect(same).toEqual({ ok: false, errors: { unchanged: true } });
    if (!same.ok) expect(identityErrorCount(same.errors)).toBe(1);
    // Its spelling is what the certificate prints: a change of case is a correction.
    expect(checkIdentityCorrection({ ...draft, lastName: 'BERNARD' }, current).ok).toBe(true);
  });
});

describe('the reason of a cancellation', () => {
  it('is required and at most 500 characters, trimmed', () => {
    expect(checkJuryReason('  Téléphone utilisé (C6).  ')).toEqual({
      ok: true,
      reason: 'Téléphone utilisé (C6).',
    });
    expect(checkJuryReason('   ')).toEqual({ ok: false, error: 'empty' });
    expect(checkJuryReason('x'.repeat(501))).toEqual({ ok: false, error: 'tooLong' });
    const checked = checkJuryReason(`${'x'.repeat(500)}  `);
    expect(checked.ok).toBe(true);
    if (checked.ok)
      expect(CancellationRequestSchema.safeParse({ cancelled: true, reason: checked.reason }).success).toBe(
        true,
      );
  });
});

const decision = (over: Partial<JuryDecision>): JuryDecision => ({
  id: 'jur_1',
  kind: 'cancel',
  reason: 'Fraude.',
  decidedAt: '2026-12-09T09:05:00.000Z',
  decidedBy: 'Direction du collège',
  identity: null,
  ...over,
});

describe('what the results say of the jury’s decisions', () => {
  it('picks the reports that ground them, as filed', () => {
    const result = juryResult('can_2', 'Hugo', 'Bernard', {
      incidents: [
        incident({ id: 'b', candidateId: 'can_2', code: 'C1', createdAt: '2026-12-08T10:05:00.000Z' }),
        incident({ id: 'a', candidateId: 'can_2', code: 'C1', createdAt: '2026-12-08T10:01:00.000Z' }),
        incident({ id: 'c', candidateId: 'can_2', code: 'C6' }),
        incident({ id: 'd', candidateId: 'can_2', code: 'E4', questionNumber: 2 }),
      ],
    });
    expect(reportsOf(result, 'C1').map((i) => i.id)).toEqual(['a', 'b']);
    expect(reportsOf(result, 'C6').map((i) => i.id)).toEqual(['c']);
  });

  it('knows whether the cancellation stands, and since when', () => {
    const cancel = decision({ id: 'j1', kind: 'cancel', decidedAt: '2026-12-09T09:05:00.000Z' });
    const undo = decision({ id: 'j2', kind: 'uncancel', decidedAt: '2026-12-09T10:00:00.000Z' });
    const again = decision({ id: 'j3', kind: 'cancel', decidedAt: '2026-12-10T08:00:00.000Z' });
    const cancelled = { reasons: ['JURY_CANCELLED' as const], juryDecisions: [cancel, undo, again] };
    expect(isCancelledByJury(cancelled)).toBe(true);
    expect(cancelledAt(cancelled)).toBe('2026-12-10T08:00:00.000Z');
    const restored = { reasons: [], juryDecisions: [cancel, undo] };
    expect(isCancelledByJury(restored)).toBe(false);
    expect(cancelledAt(restored)).toBeNull();
  });

  it('words each decision: what, before → after, who and when', () => {
    const t = translator(addBackOfficeMessages(createI18n('fr')));
    const corrected = decision({
      kind: 'identity',
      identity: {
        before: { lastName: 'Bernard', firstName: 'Hugo', birthdate: '2011-02-02' },
        after: { lastName: 'Bernardi', firstName: 'Hugo', birthdate: '2011-02-02' },
      },
    });
    expect(decisionWhat(corrected, t, 'fr-FR')).toBe(
      'Identité corrigée : Hugo BERNARD, né(e) le 02/02/2011 → Hugo BERNARDI, né(e) le 02/02/2011',
    );
    expect(decisionWhat(decision({ kind: 'uncancel' }), t, 'fr-FR')).toBe('Certification rétablie');
    expect(decisionWhoWhen(corrected, t, 'fr-FR')).toMatch(
      /^le 09\/12\/2026 \d\d:05, par Direction du collège$/,
    );
    const en = translator(addBackOfficeMessages(createI18n('en')));
    expect(decisionWhat(decision({ kind: 'cancel' }), en, 'en-GB')).toBe('Certification cancelled');
  });
});
