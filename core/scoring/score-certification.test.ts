import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ANSWER_STATUSES } from '../challenge/answer.ts';
import type { AnswerStatus } from '../challenge/answer.ts';
import { COMPETENCE_CODES, PIX_PER_LEVEL } from '../framework/crcn.ts';
import type { CompetenceCode } from '../framework/crcn.ts';
import { CertificationScoreSchema } from './certification-score.ts';
import type { CertificationScore } from './certification-score.ts';
import { outcomeRank } from './competence-outcome.ts';
import { scoreCertification } from './score-certification.ts';
import { ScoringInputError } from './scoring-input.ts';
import type { AskedChallenge, Completion, ScoringInput } from './scoring-input.ts';

const finished: Completion = { finished: true };
const candidateAbort: Completion = { finished: false, abortReason: 'candidate' };
const technicalAbort: Completion = { finished: false, abortReason: 'technical' };

/**
 * A test written as one line per competence: answer statuses separated by spaces, `-` for a challenge
 * never answered, a trailing `!` for a neutralized one. Every competence has 24 Pix (level 3) unless
 * `pix` says otherwise.
 */
function certification(
  answers: Partial<Record<CompetenceCode, string>>,
  options: {
    completion?: Completion;
    pix?: Partial<Record<CompetenceCode, number>>;
    maxReachableLevel?: number;
  } = {},
): ScoringInput {
  const codes = Object.keys(answers) as CompetenceCode[];
  const asked = codes.flatMap((code) =>
    (answers[code] ?? '').split(' ').map((token, index) => {
      const neutralized = token.endsWith('!');
      const status = token.replace('!', '');
      return {
        challengeId: `${code.replace('.', '_')}-${index}`,
        competence: code,
        status: status === '-' ? null : (status as AnswerStatus),
        neutralized,
      };
    }),
  );
  return {
    profile: { competences: codes.map((code) => ({ code, pix: options.pix?.[code] ?? 24 })) },
    asked,
    completion: options.completion ?? finished,
    ...(options.maxReachableLevel === undefined ? {} : { maxReachableLevel: options.maxReachableLevel }),
  };
}

function competenceOf(score: CertificationScore, code: CompetenceCode) {
  const found = score.competences.find((c) => c.code === code);
  if (!found) throw new Error(`competence ${code} not in the score`);
  return found;
}

/** 16 competences × 3 = 48 challenges, the last one neutralized: `correct` of 47 are ok. */
function fullTest(correct: number): ScoringInput {
  const answers: Partial<Record<CompetenceCode, string>> = {};
  COMPETENCE_CODES.forEach((code, c) => {
    const tokens = [0, 1, 2].map((i): string => (c * 3 + i < correct ? 'ok' : 'ko'));
    if (c === COMPETENCE_CODES.length - 1) tokens[2] = 'ko!';
    answers[code] = tokens.join(' ');
  });
  return certification(answers);
}

const fiveValidated = {
  '1.1': 'ok ok ok',
  '1.2': 'ok ok ok',
  '2.1': 'ok ok ok',
  '3.1': 'ok ok ok',
  '4.1': 'ok ok ok',
} as const;

describe('scoreCertification (DOMAIN.md §6)', () => {
  it('all correct: every competence validated at its profile Pix, score is the sum', () => {
    const score = scoreCertification(certification(fiveValidated));
    expect(score).toMatchObject({
      reproducibilityRate: 100,
      pixScore: 120,
      status: 'validated',
      trusted: true,
    });
    expect(score.reasons).toEqual([]);
    expect(score.competences.map((c) => [c.code, c.outcome, c.pix, c.level])).toEqual([
      ['1.1', 'validate', 24, 3],
      ['1.2', 'validate', 24, 3],
      ['2.1', 'validate', 24, 3],
      ['3.1', 'validate', 24, 3],
      ['4.1', 'validate', 24, 3],
    ]);
  });

  it('lists competences in CRCN order, with their counts', () => {
    const score = scoreCertification(certification({ '5.2': 'ok ok ok', '1.3': 'ok ko! -' }));
    expect(score.competences.map((c) => [c.code, c.asked, c.correct, c.neutralized])).toEqual([
      ['1.3', 3, 1, 1],
      ['5.2', 3, 3, 0],
    ]);
  });

  describe('reproducibility rate', () => {
    it('"round(100 × correct / non-neutralized)": 2 of 3 → 67', () => {
      expect(scoreCertification(certification({ '1.1': 'ok ok ko' })).reproducibilityRate).toBe(67);
    });

    it('neutralized challenges count neither way: 2 correct of 2 non-neutralized → 100', () => {
      expect(scoreCertification(certification({ '1.1': 'ok ok ko!' })).reproducibilityRate).toBe(100);
    });

    it('"only ok is correct": a neutralized ok does not count as correct', () => {
      const score = scoreCertification(certification({ '1.1': 'ok! ko ko', '1.2': 'ok ok ok' }));
      expect(score.reproducibilityRate).toBe(60);
      expect(competenceOf(score, '1.1')).toMatchObject({ correct: 0, neutralized: 1, outcome: 'invalidate' });
    });

    it('rate exactly 50 (3 of 6) is not rejected', () => {
      const score = scoreCertification(certification({ '1.1': 'ok ok ok', '1.2': 'ko ko ko' }));
      expect(score).toMatchObject({ reproducibilityRate: 50, status: 'validated', pixScore: 24 });
    });

    it('"below 50: not certified, every competence uncertified, score 0, status rejected" (23 of 47 → 49)', () => {
      const score = scoreCertification(fullTest(23));
      expect(score).toMatchObject({
        reproducibilityRate: 49,
        status: 'rejected',
        pixScore: 0,
        trusted: true,
      });
      expect(score.reasons).toEqual(['REPRODUCIBILITY_BELOW_50']);
      // 1.1 had 3 correct: the table would validate it, the rate overrides the table.
      expect(competenceOf(score, '1.1')).toMatchObject({
        correct: 3,
        outcome: 'invalidate',
        pix: 0,
        level: 0,
      });
      expect(score.competences.every((c) => c.outcome === 'invalidate' && c.pix === 0 && c.level === 0)).toBe(
        true,
      );
    });

    it('one more correct answer (24 of 47 → 51) is not rejected', () => {
      const score = scoreCertification(fullTest(24));
      expect(score).toMatchObject({ reproducibilityRate: 51, status: 'validated' });
      expect(competenceOf(score, '1.1')).toMatchObject({ outcome: 'validate', pix: 24 });
    });
  });

  describe('competence score', () => {
    it('"downgrade → that minus 8": 2 correct of 3 at rate 67, 30 Pix → 22 Pix, level 2', () => {
      const score = scoreCertification(certification({ '1.1': 'ok ok ko' }, { pix: { '1.1': 30 } }));
      expect(competenceOf(score, '1.1')).toMatchObject({
        outcome: 'downgrade',
        profilePix: 30,
        pix: 22,
        level: 2,
      });
      expect(score.pixScore).toBe(22);
    });

    it('a downgrade never goes below 0 Pix (5-Pix profile at rate 67)', () => {
      const score = scoreCertification(
        certification({ '1.1': 'ok ok ko', '1.2': 'ok ok ko' }, { pix: { '1.1': 5 } }),
      );
      expect(competenceOf(score, '1.1')).toMatchObject({ outcome: 'downgrade', pix: 0, level: 0 });
      expect(score.pixScore).toBe(16);
    });

    it('"capped at maxReachableLevel × 8": a 48-Pix (level 6) profile validated gives 40 Pix, level 5 by default', () => {
      const score = scoreCertification(certification({ '1.1': 'ok ok ok' }, { pix: { '1.1': 48 } }));
      expect(competenceOf(score, '1.1')).toMatchObject({ profilePix: 48, pix: 40, level: 5 });
      expect(score.pixScore).toBe(40);
    });

    it('with maxReachableLevel 6 the same profile keeps 48 Pix, level 6', () => {
      const input = certification({ '1.1': 'ok ok ok' }, { pix: { '1.1': 48 }, maxReachableLevel: 6 });
      expect(competenceOf(scoreCertification(input), '1.1')).toMatchObject({ pix: 48, level: 6 });
    });

    it('"Score 0 → rejected": the only competence downgraded from 8 Pix', () => {
      const score = scoreCertification(certification({ '1.1': 'ok ok ko' }, { pix: { '1.1': 8 } }));
      expect(score).toMatchObject({ reproducibilityRate: 67, pixScore: 0, status: 'rejected' });
      expect(score.reasons).toEqual(['SCORE_ZERO']);
    });
  });

  describe('trust: "trusted only if at least ceil(0.66 × asked) challenges are not neutralized"', () => {
    it('15 asked, 5 neutralized (10 = ceil(9.9) left): trusted', () => {
      const score = scoreCertification(
        certification({ ...fiveValidated, '1.1': 'ok ok! ok!', '1.2': 'ok ok! ok!', '2.1': 'ok ok! ok' }),
      );
      expect(score).toMatchObject({ trusted: true, status: 'validated' });
      expect(score.reasons).toEqual([]);
    });

    it('15 asked, 6 neutralized (9 left): not trusted, status kept, the jury decides', () => {
      const score = scoreCertification(
        certification({ ...fiveValidated, '1.1': 'ok ok! ok!', '1.2': 'ok ok! ok!', '2.1': 'ok ok! ok!' }),
      );
      expect(score).toMatchObject({ trusted: false, status: 'validated', pixScore: 120 });
      expect(score.reasons).toEqual(['NOT_TRUSTED']);
    });

    it('an untrusted rejected result gives both reasons', () => {
      const score = scoreCertification(certification({ '1.1': 'ko ok! ok!' }));
      expect(score).toMatchObject({ trusted: false, status: 'rejected', reproducibilityRate: 0 });
      expect(score.reasons).toEqual(['REPRODUCIBILITY_BELOW_50', 'NOT_TRUSTED']);
    });
  });

  describe('unfinished tests: "unanswered challenges count as skipped (candidate) or neutralized (technical)"', () => {
    const fiveHalfDone = {
      '1.1': 'ok ok -',
      '1.2': 'ok ok -',
      '2.1': 'ok ok -',
      '3.1': 'ok ok -',
      '4.1': 'ok ok -',
    } as const;

    it('candidate abort: the unanswered are skipped, 2 correct of 3 at rate 67 → downgrade', () => {
      const score = scoreCertification(certification(fiveHalfDone, { completion: candidateAbort }));
      expect(score).toMatchObject({
        reproducibilityRate: 67,
        status: 'validated',
        trusted: true,
        pixScore: 80,
      });
      expect(score.competences.every((c) => c.outcome === 'downgrade' && c.neutralized === 0)).toBe(true);
    });

    it('a finished test with unanswered challenges counts them as skipped too', () => {
      const score = scoreCertification(certification(fiveHalfDone, { completion: finished }));
      expect(score).toEqual(scoreCertification(certification(fiveHalfDone, { completion: candidateAbort })));
    });

    it('technical abort: the unanswered are neutralized, 2 correct + 1 neutralized → validate', () => {
      const score = scoreCertification(certification(fiveHalfDone, { completion: technicalAbort }));
      expect(score).toMatchObject({
        reproducibilityRate: 100,
        status: 'validated',
        trusted: true,
        pixScore: 120,
      });
      expect(score.competences.every((c) => c.outcome === 'validate' && c.neutralized === 1)).toBe(true);
    });

    it('"a technical abort with too few answers leads to a cancelled certification" (9 of 15 left)', () => {
      const input = certification({ ...fiveHalfDone, '4.1': 'ok - -' }, { completion: technicalAbort });
      const score = scoreCertification(input);
      expect(score).toMatchObject({ status: 'cancelled', trusted: false, pixScore: 0 });
      // The cancellation is the decision: nothing is left for the jury (no NOT_TRUSTED).
      expect(score.reasons).toEqual(['TECHNICAL_ABORT_TOO_FEW_ANSWERS']);
      expect(score.competences.every((c) => c.outcome === 'invalidate' && c.pix === 0 && c.level === 0)).toBe(
        true,
      );
    });

    it('the same answers after a candidate abort are scored, not cancelled', () => {
      const input = certification({ ...fiveHalfDone, '4.1': 'ok - -' }, { completion: candidateAbort });
      expect(scoreCertification(input)).toMatchObject({ status: 'validated', trusted: true });
    });

    it('a validated alert left unanswered stays neutralized after a candidate abort', () => {
      const score = scoreCertification(certification({ '1.1': 'ok ok -!' }, { completion: candidateAbort }));
      expect(competenceOf(score, '1.1')).toMatchObject({ correct: 2, neutralized: 1, outcome: 'validate' });
    });
  });

  it('bad input throws a ScoringInputError naming the field', () => {
    const input = certification({ '1.1': 'ok ok ok' });
    const missing = { ...input, profile: { competences: [{ code: '1.2' as const, pix: 24 }] } };
    expect(() => scoreCertification(missing)).toThrow(ScoringInputError);
    expect(() => scoreCertification(missing)).toThrow('asked[0].competence');
  });
});

// Any valid input: some CRCN competences in the profile, 0 to 3 challenges asked from each.
// Mostly right and rarely neutralized, as real tests are, so high rates (where the table's bands differ) come up.
const challengeArb = fc.record({
  status: fc.oneof(
    { arbitrary: fc.constant<AnswerStatus>('ok'), weight: 3 },
    { arbitrary: fc.constantFrom<AnswerStatus | null>(...ANSWER_STATUSES, null), weight: 1 },
  ),
  neutralized: fc.oneof(
    { arbitrary: fc.constant(false), weight: 3 },
    { arbitrary: fc.constant(true), weight: 1 },
  ),
});
const completionArb = fc.constantFrom<Completion>(finished, candidateAbort, technicalAbort);
const inputArb: fc.Arbitrary<ScoringInput> = fc
  .uniqueArray(fc.constantFrom(...COMPETENCE_CODES), { minLength: 1, maxLength: COMPETENCE_CODES.length })
  .chain((codes) =>
    fc.record({
      competences: fc.tuple(
        ...codes.map((code) =>
          fc.record({
            code: fc.constant(code),
            pix: fc.integer({ min: 0, max: 64 }),
            challenges: fc.array(challengeArb, { maxLength: 3 }),
          }),
        ),
      ),
      completion: completionArb,
      maxReachableLevel: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    }),
  )
  .map(({ competences, completion, maxReachableLevel }) => ({
    profile: { competences: competences.map(({ code, pix }) => ({ code, pix })) },
    asked: competences.flatMap(({ code, challenges }) =>
      challenges.map((c, i): AskedChallenge => ({
        challengeId: `${code.replace('.', '_')}-${i}`,
        competence: code,
        ...c,
      })),
    ),
    completion,
    ...(maxReachableLevel === undefined ? {} : { maxReachableLevel }),
  }))
  .filter((input) => input.asked.length > 0);

describe('scoring properties', () => {
  it('is deterministic, never throws on valid input, and returns a well-formed score', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const score = scoreCertification(input);
        expect(CertificationScoreSchema.parse(score)).toEqual(score);
        expect(scoreCertification(structuredClone(input))).toEqual(score);
      }),
    );
  });

  it('the Pix score never exceeds the sum of capped profile Pix', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const score = scoreCertification(input);
        const cap = (input.maxReachableLevel ?? 5) * PIX_PER_LEVEL;
        const asked = new Set(input.asked.map((c) => c.competence));
        const ceiling = input.profile.competences
          .filter((c) => asked.has(c.code))
          .reduce((sum, c) => sum + Math.min(c.pix, cap), 0);
        expect(score.pixScore).toBeLessThanOrEqual(ceiling);
      }),
    );
  });

  it('rejected or cancelled ⇒ score 0, and a score of 0 is never validated', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const score = scoreCertification(input);
        if (score.status !== 'validated') expect(score.pixScore).toBe(0);
        if (score.pixScore === 0) expect(score.status).not.toBe('validated');
      }),
    );
  });

  // Holds for finished tests and candidate aborts. After a technical abort it holds unless the extra
  // neutralization makes the result untrusted, which cancels it: then every competence is invalidated
  // by the cancellation rule, not by the table.
  it('neutralizing a wrong answer never lowers a competence outcome (unless it cancels a technical abort)', () => {
    const withWrongAnswer = fc
      .tuple(inputArb, fc.nat())
      .map(([input, pick]) => {
        const wrong = input.asked.flatMap((c, i) => (!c.neutralized && c.status !== 'ok' ? [i] : []));
        return { input, index: wrong.length ? wrong[pick % wrong.length] : undefined };
      })
      .filter((c): c is { input: ScoringInput; index: number } => c.index !== undefined);
    fc.assert(
      fc.property(withWrongAnswer, ({ input, index }) => {
        const before = scoreCertification(input);
        const asked = input.asked.map((c, i) => (i === index ? { ...c, neutralized: true } : c));
        const after = scoreCertification({ ...input, asked });
        expect(after.reproducibilityRate).toBeGreaterThanOrEqual(before.reproducibilityRate);
        if (after.status === 'cancelled') {
          expect(input.completion).toEqual(technicalAbort);
          return;
        }
        before.competences.forEach((competence, i) => {
          expect(outcomeRank(after.competences[i]?.outcome ?? 'invalidate')).toBeGreaterThanOrEqual(
            outcomeRank(competence.outcome),
          );
        });
      }),
    );
  });
});
