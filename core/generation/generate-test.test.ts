import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Challenge, ChallengeStatus } from '../challenge/challenge.ts';
import { COMPETENCE_CODES } from '../framework/crcn.ts';
import type { CompetenceCode } from '../framework/crcn.ts';
import { parseSkill } from '../framework/skill.ts';
import type { SkillName } from '../framework/skill.ts';
import type { Profile } from '../profile/profile.ts';
import { qcuChallenge } from '../testing/challenge-fixtures.ts';
import { syntheticBank, syntheticProfile } from '../testing/synthetic-bank.ts';
import { indexBank } from './bank-index.ts';
import { generateTest } from './generate-test.ts';
import type { GeneratedChallenge, GeneratedTest } from './generated-test.ts';
import { GeneratedTestSchema } from './generated-test.ts';
import {
  InvalidGenerationInputError,
  MissingChallengesError,
  NotCertifiableError,
} from './generation-errors.ts';
import { FILLER_BANK, FILLERS } from '../testing/certifiable-fillers.ts';

/** `@web5:a` → challenge `web5a` of skill `@web5` in 1.1; `@web5:a!obsolete` → with that status. */
function bank11(...specs: string[]): Challenge[] {
  return specs.map((spec) => {
    const [skill = '', rest = ''] = spec.split(':');
    const [suffix = '', status = 'validated'] = rest.split('!');
    return qcuChallenge({
      id: `${skill.slice(1)}${suffix}`,
      skill,
      competence: '1.1',
      status: status as ChallengeStatus,
    });
  });
}

function scenario(row: { bank: Challenge[]; validated: SkillName[]; answered?: string[]; pix11?: number }) {
  const profile: Profile = {
    competences: [{ code: '1.1', pix: row.pix11 ?? 40 }, ...FILLERS.map((f) => ({ code: f.code, pix: 8 }))],
    validatedSkills: [...FILLERS.map((f) => f.skill), ...row.validated],
    answeredChallengeIds: row.answered ?? [],
  };
  return { profile, bank: [...FILLER_BANK, ...row.bank] };
}

const picksOf = (test: GeneratedTest, code: CompetenceCode = '1.1'): GeneratedChallenge[] =>
  test.challenges.filter((c) => c.competence === code);

/** Each rule must hold whatever the seed. */
const SEEDS = Array.from({ length: 25 }, (_, i) => i * 104_729);

interface PickRow {
  rule: string;
  bank: Challenge[];
  validated: SkillName[];
  answered?: string[];
  /** The skills asked, in pick order. */
  skills?: SkillName[];
  /** The skills asked, in any order. */
  skillSet?: SkillName[];
  /** The challenge ids asked, in any order. */
  ids?: string[];
}

const pickRows: PickRow[] = [
  {
    rule: 'hardest first: difficulties 5, 4, 3 before 1',
    bank: bank11('@web3:a', '@mail5:a', '@doc4:a', '@file1:a'),
    validated: ['@web3', '@mail5', '@doc4', '@file1'],
    skills: ['@mail5', '@doc4', '@web3'],
  },
  {
    rule: 'hardest first even within one tube (tube preference only orders skills of one difficulty)',
    bank: bank11('@web5:a', '@web4:a', '@web3:a', '@mail2:a', '@doc1:a'),
    validated: ['@web5', '@web4', '@web3', '@mail2', '@doc1'],
    skills: ['@web5', '@web4', '@web3'],
  },
  {
    rule: 'stop at 3',
    bank: bank11('@web5:a', '@mail5:a', '@doc5:a', '@file5:a', '@cloud5:a'),
    validated: ['@web5', '@mail5', '@doc5', '@file5', '@cloud5'],
  },
  {
    rule: 'one challenge per skill: a skill with 4 challenges is asked once',
    bank: bank11('@web5:a', '@web5:b', '@web5:c', '@web5:d', '@mail4:a'),
    validated: ['@web5', '@mail4'],
    skills: ['@web5', '@mail4'],
  },
  {
    rule: 'a skill validated twice in the profile is asked once',
    bank: bank11('@web5:a', '@web5:b'),
    validated: ['@web5', '@web5'],
    skills: ['@web5'],
  },
  {
    rule: 'preferring tubes not used yet: at difficulty 4, web4 (tube of web5) is left out',
    bank: bank11('@web5:a', '@web4:a', '@mail4:a', '@doc4:a'),
    validated: ['@web5', '@web4', '@mail4', '@doc4'],
    skillSet: ['@web5', '@mail4', '@doc4'],
  },
  {
    rule: 'a used tube is a fallback within its difficulty: asked after the unused tubes, before lower difficulties',
    bank: bank11('@web5:a', '@web4:a', '@mail4:a', '@doc3:a'),
    validated: ['@web5', '@web4', '@mail4', '@doc3'],
    skills: ['@web5', '@mail4', '@web4'],
  },
  {
    rule: 'challenges already answered in positioning are avoided when possible',
    bank: bank11('@web5:a', '@web5:b', '@web5:c'),
    validated: ['@web5'],
    answered: ['web5a', 'web5c'],
    ids: ['web5b'],
  },
  {
    rule: 'an already answered challenge is the fallback when the skill has no other',
    bank: bank11('@web5:a'),
    validated: ['@web5'],
    answered: ['web5a'],
    ids: ['web5a'],
  },
  {
    rule: 'skills that still offer an unanswered challenge come first within a difficulty',
    bank: bank11('@web4:a', '@mail4:a', '@doc4:a', '@file4:a'),
    validated: ['@web4', '@mail4', '@doc4', '@file4'],
    answered: ['web4a'],
    skillSet: ['@mail4', '@doc4', '@file4'],
  },
  {
    rule: 'non-operative challenges (obsolete, draft) are never picked',
    bank: bank11('@web5:o!obsolete', '@web5:d!draft', '@web5:v'),
    validated: ['@web5'],
    ids: ['web5v'],
  },
  {
    rule: 'an archived challenge is operative',
    bank: bank11('@web5:a!archived'),
    validated: ['@web5'],
    ids: ['web5a'],
  },
  {
    rule: 'fallback is to an answered operative challenge, never to a non-operative one',
    bank: bank11('@web5:o!obsolete', '@web5:v'),
    validated: ['@web5'],
    answered: ['web5v'],
    ids: ['web5v'],
  },
  {
    rule: 'a skill with only non-operative challenges is skipped',
    bank: bank11('@web5:o!obsolete', '@web4:a'),
    validated: ['@web5', '@web4'],
    skills: ['@web4'],
  },
  {
    rule: 'only validated skills are asked',
    bank: bank11('@web5:a', '@web4:a', '@web3:a'),
    validated: ['@web3'],
    skills: ['@web3'],
  },
  {
    rule: 'a validated skill missing from the bank is ignored',
    bank: bank11('@web4:a'),
    validated: ['@web5', '@web4'],
    skills: ['@web4'],
  },
];

describe('generateTest: picking challenges for a competence (DOMAIN.md §3)', () => {
  it.each(pickRows)('$rule', (row) => {
    const { profile, bank } = scenario(row);
    for (const seed of SEEDS) {
      const picks = picksOf(generateTest({ profile, bank, seed }));
      const skills = picks.map((p) => p.skill);
      expect(picks.length).toBeLessThanOrEqual(3);
      expect(new Set(skills).size).toBe(skills.length);
      if (row.skills) expect(skills).toEqual(row.skills);
      if (row.skillSet) expect(skills.slice().sort()).toEqual(row.skillSet.slice().sort());
      if (row.ids) expect(picks.map((p) => p.challengeId).sort()).toEqual(row.ids.slice().sort());
      if (!row.skills && !row.skillSet && !row.ids) expect(picks).toHaveLength(3);
    }
  });

  it('records competence, skill and difficulty of each pick', () => {
    const { profile, bank } = scenario({ bank: bank11('@web5:a'), validated: ['@web5'] });
    expect(picksOf(generateTest({ profile, bank, seed: 1 }))).toEqual([
      { challengeId: 'web5a', competence: '1.1', skill: '@web5', difficulty: 5 },
    ]);
  });

  it('a skill belongs to the competence of its challenges in the bank, not to where it is validated', () => {
    // @mail4's challenges are in 1.2, where the candidate is level 0: it is not asked for 1.1.
    const { profile, bank } = scenario({
      bank: [...bank11('@web3:a'), qcuChallenge({ id: 'mail4a', skill: '@mail4', competence: '1.2' })],
      validated: ['@web3', '@mail4'],
    });
    const test = generateTest({ profile, bank, seed: 5 });
    expect(test.challenges.map((c) => c.skill)).not.toContain('@mail4');
    expect(picksOf(test).map((c) => c.skill)).toEqual(['@web3']);
  });

  it('both tubes get used over several seeds when two skills tie (randomness among equals)', () => {
    const { profile, bank } = scenario({
      bank: bank11('@web5:a', '@mail5:a'),
      validated: ['@web5', '@mail5'],
    });
    const firsts = new Set(SEEDS.map((seed) => picksOf(generateTest({ profile, bank, seed }))[0]?.skill));
    expect(firsts).toEqual(new Set(['@web5', '@mail5']));
  });
});

describe('generateTest: who is tested (DOMAIN.md §2)', () => {
  const base = syntheticBank({ size: 1200, seed: 11 });

  it.each([
    { rule: 'not certifiable with 4 competences at level ≥ 1', certifiable: 4, extraLevelZero: false },
    { rule: 'a competence at 7 Pix is level 0 and does not count', certifiable: 4, extraLevelZero: true },
    { rule: 'certifiable with exactly 5 competences at level ≥ 1', certifiable: 5, extraLevelZero: false },
    { rule: 'certifiable with 16 competences at level ≥ 1', certifiable: 16, extraLevelZero: false },
  ])('$rule', ({ certifiable, extraLevelZero }) => {
    const profile = syntheticProfile(base, { seed: 3, competences: certifiable });
    if (extraLevelZero) {
      const absent = COMPETENCE_CODES.find(
        (code) => !profile.competences.some((c) => c.code === code && c.pix >= 8),
      );
      profile.competences = profile.competences.filter((c) => c.code !== absent);
      profile.competences.push({ code: absent ?? '1.1', pix: 7 });
    }
    if (certifiable < 5) {
      expect(() => generateTest({ profile, bank: base, seed: 1 })).toThrow(NotCertifiableError);
      expect(() => generateTest({ profile, bank: base, seed: 1 })).toThrow(
        `${certifiable} competence(s) at level 1`,
      );
    } else {
      const test = generateTest({ profile, bank: base, seed: 1 });
      expect(test.competences).toHaveLength(certifiable);
    }
  });

  it('the error is typed, with a code and the count', () => {
    const profile = syntheticProfile(base, { seed: 3, competences: 0 });
    try {
      generateTest({ profile, bank: base, seed: 1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NotCertifiableError);
      expect((error as NotCertifiableError).code).toBe('NOT_CERTIFIABLE');
      expect((error as NotCertifiableError).competencesAtLevelOneOrMore).toBe(0);
    }
  });

  it('only competences at level ≥ 1 are tested, even when level-0 ones have validated skills', () => {
    const { profile, bank } = scenario({
      bank: [...bank11('@web3:a'), qcuChallenge({ id: 'data1a', skill: '@data1', competence: '1.2' })],
      validated: ['@web3', '@data1'],
    });
    profile.competences.push({ code: '1.2', pix: 7 });
    const test = generateTest({ profile, bank, seed: 2 });
    expect(test.competences.map((c) => c.code)).toEqual(['1.1', '2.1', '3.1', '4.1', '5.1']);
    expect(test.challenges.filter((c) => c.competence === '1.2')).toEqual([]);
  });

  it('at most 16 × 3 = 48 challenges: a full profile on a 5,000-challenge bank gets exactly 48', () => {
    const bank = syntheticBank({ size: 5000, seed: 1 });
    const profile = syntheticProfile(bank, { seed: 2, competences: 16 });
    const test = generateTest({ profile, bank: indexBank(bank), seed: 3 });
    expect(test.challenges).toHaveLength(48);
    expect(test.competences.every((c) => c.asked === 3)).toBe(true);
  });
});

describe('generateTest: missing challenges', () => {
  it.each([
    { rule: 'a tested competence with no validated skill', bank: bank11('@web5:a'), validated: [] },
    {
      rule: 'a tested competence whose validated skills have only non-operative challenges',
      bank: bank11('@web5:a!obsolete', '@web4:a!draft'),
      validated: ['@web5', '@web4'],
    },
    {
      rule: 'a tested competence whose validated skills are not in the bank',
      bank: [],
      validated: ['@web5'],
    },
  ])('$rule → MissingChallengesError naming it', ({ bank: extra, validated }) => {
    const { profile, bank } = scenario({ bank: extra, validated });
    try {
      generateTest({ profile, bank, seed: 1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MissingChallengesError);
      expect((error as MissingChallengesError).code).toBe('MISSING_CHALLENGES');
      expect((error as MissingChallengesError).competences).toEqual(['1.1']);
      expect((error as Error).message).toContain('1.1');
    }
  });

  it('names every competence lacking challenges', () => {
    const { profile, bank } = scenario({ bank: [], validated: [] });
    profile.competences.push({ code: '4.3', pix: 30 });
    expect(() => generateTest({ profile, bank, seed: 1 })).toThrow(/1\.1, 4\.3/);
  });

  it('fewer than 3 challenges is allowed (scoring handles 1 or 2)', () => {
    const { profile, bank } = scenario({ bank: bank11('@web5:a'), validated: ['@web5'] });
    const test = generateTest({ profile, bank, seed: 1 });
    expect(test.competences.find((c) => c.code === '1.1')).toEqual({
      code: '1.1',
      pix: 40,
      level: 5,
      asked: 1,
    });
  });
});

describe('generateTest: seed and regeneration', () => {
  const bank = syntheticBank({ size: 2000, seed: 5 });
  const index = indexBank(bank);
  const profile = syntheticProfile(bank, { seed: 6 });

  it('the same inputs and seed give the same test, from the array or from the index', () => {
    const first = generateTest({ profile, bank, seed: 99 });
    expect(generateTest({ profile, bank, seed: 99 })).toEqual(first);
    expect(generateTest({ profile, bank: index, seed: 99 })).toEqual(first);
  });

  it('the order of the bank and of the profile lists does not change the test', () => {
    const first = generateTest({ profile, bank, seed: 99 });
    const reordered: Profile = {
      competences: profile.competences.slice().reverse(),
      validatedSkills: profile.validatedSkills.slice().reverse(),
      answeredChallengeIds: profile.answeredChallengeIds.slice().reverse(),
    };
    expect(generateTest({ profile: reordered, bank: bank.slice().reverse(), seed: 99 })).toEqual(first);
  });

  it('different seeds can give different tests', () => {
    const tests = new Set(
      SEEDS.map((seed) => JSON.stringify(generateTest({ profile, bank: index, seed }).challenges)),
    );
    expect(tests.size).toBeGreaterThan(1);
  });

  it('records the seed and the algorithm version, and passes GeneratedTestSchema', () => {
    const test = generateTest({ profile, bank: index, seed: 0xffffffff });
    expect(test.seed).toBe(0xffffffff);
    expect(test.algorithmVersion).toBe(1);
    expect(GeneratedTestSchema.parse(test)).toEqual(test);
  });

  it('keeps its picks across versions for a fixed case (regeneration of recorded tests)', () => {
    const { profile: fixed, bank: fixedBank } = scenario({
      bank: bank11('@web5:a', '@web5:b', '@web5:c', '@mail5:a', '@mail5:b', '@doc5:a', '@cloud5:a'),
      validated: ['@web5', '@mail5', '@doc5', '@cloud5'],
    });
    expect(
      picksOf(generateTest({ profile: fixed, bank: fixedBank, seed: 42 })).map((p) => p.challengeId),
    ).toEqual(GOLDEN_SEED_42);
  });
});

// Recorded from algorithm version 1; if this changes, bump GENERATION_ALGORITHM_VERSION.
const GOLDEN_SEED_42 = ['doc5a', 'cloud5a', 'web5b'];

describe('generateTest: the output', () => {
  it('lists competences by code and challenges by competence code, then pick order', () => {
    const bank = syntheticBank({ size: 1500, seed: 8 });
    const profile = syntheticProfile(bank, { seed: 9, competences: 10 });
    profile.competences.reverse();
    const test = generateTest({ profile, bank, seed: 4 });
    const order = (code: CompetenceCode) => COMPETENCE_CODES.indexOf(code);
    const codes = test.competences.map((c) => order(c.code));
    expect(codes).toEqual(codes.slice().sort((a, b) => a - b));
    const challengeCodes = test.challenges.map((c) => order(c.competence));
    expect(challengeCodes).toEqual(challengeCodes.slice().sort((a, b) => a - b));
    for (const entry of test.competences) {
      const source = profile.competences.find((c) => c.code === entry.code);
      expect(entry.pix).toBe(source?.pix);
      expect(entry.level).toBe(Math.floor(entry.pix / 8));
    }
  });

  it('does not cap levels above maxReachableLevel (the cap is applied at scoring)', () => {
    const { profile, bank } = scenario({
      bank: bank11('@web8:a', '@web7:a', '@web6:a'),
      validated: ['@web8', '@web7', '@web6'],
      pix11: 64,
    });
    const test = generateTest({ profile, bank, seed: 1 });
    expect(test.competences[0]).toEqual({ code: '1.1', pix: 64, level: 8, asked: 3 });
    expect(picksOf(test).map((p) => p.difficulty)).toEqual([8, 7, 6]);
  });
});

describe('generateTest: bad input', () => {
  const { profile, bank } = scenario({ bank: bank11('@web5:a'), validated: ['@web5'] });

  it.each([
    [
      'a Pix count above 64',
      'profile.competences.0.pix',
      { ...profile, competences: [{ code: '1.1', pix: 70 }] },
    ],
    [
      'an unknown competence',
      'profile.competences.0.code',
      { ...profile, competences: [{ code: '6.1', pix: 8 }] },
    ],
    ['a malformed skill', 'profile.validatedSkills.0', { ...profile, validatedSkills: ['web5'] }],
    [
      'a malformed challenge id',
      'profile.answeredChallengeIds.0',
      { ...profile, answeredChallengeIds: ['a b'] },
    ],
    ['an unknown field', 'extra', { ...profile, extra: true }],
  ])('a profile with %s → InvalidGenerationInputError naming %s', (_name, field, bad) => {
    expect(() => generateTest({ profile: bad as Profile, bank, seed: 1 })).toThrow(
      InvalidGenerationInputError,
    );
    expect(() => generateTest({ profile: bad as Profile, bank, seed: 1 })).toThrow(field);
  });

  it.each([[-1], [1.5], [0x1_0000_0000]])(
    'a seed of %s → InvalidGenerationInputError naming the seed',
    (seed) => {
      expect(() => generateTest({ profile, bank, seed })).toThrow(/Invalid generation input: seed/);
    },
  );

  it('a profile without answeredChallengeIds is accepted (defaults to none)', () => {
    const { answeredChallengeIds: _none, ...rest } = profile;
    expect(picksOf(generateTest({ profile: rest, bank, seed: 1 }))).toHaveLength(1);
  });
});

// ---- properties ----

const STATUSES = ['validated', 'archived', 'obsolete', 'draft'] as const;
const LETTERS = 'ABCDEFGHIJKLMNOP';

/** A random bank and profile: skills spread over competences and tubes, random statuses and answers. */
const scenarioArb = fc
  .record({
    skills: fc.uniqueArray(
      fc.record({
        competence: fc.integer({ min: 0, max: 15 }),
        tube: fc.integer({ min: 0, max: 3 }),
        difficulty: fc.integer({ min: 1, max: 8 }),
        validated: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
        challenges: fc.array(fc.record({ status: fc.constantFrom(...STATUSES), answered: fc.boolean() }), {
          minLength: 1,
          maxLength: 4,
        }),
      }),
      { selector: (s) => `${s.competence}-${s.tube}-${s.difficulty}`, minLength: 20, maxLength: 120 },
    ),
    levels: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 16, maxLength: 16 }),
    unknownSkills: fc.boolean(),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
  })
  .map(({ skills, levels, unknownSkills, seed }) => {
    const bank: Challenge[] = [];
    const profile: Profile = { competences: [], validatedSkills: [], answeredChallengeIds: [] };
    skills.forEach((s, i) => {
      const competence = COMPETENCE_CODES[s.competence] as CompetenceCode;
      const skill = `@comp${LETTERS[s.competence]}tube${LETTERS[s.tube]}${s.difficulty}`;
      s.challenges.forEach((c, j) => {
        const id = `s${i}c${j}`;
        bank.push(qcuChallenge({ id, skill, competence, status: c.status }));
        if (c.answered) profile.answeredChallengeIds.push(id);
      });
      if (s.validated) profile.validatedSkills.push(skill);
    });
    if (unknownSkills) profile.validatedSkills.push('@nowhere3');
    levels.forEach((level, i) => {
      const code = COMPETENCE_CODES[i] as CompetenceCode;
      // A competence at level ≥ 1 with nothing validated is unrealistic; keep it rare.
      const hasValidated = skills.some((s) => s.competence === i && s.validated);
      const pix = hasValidated || level === 8 ? level * 8 : 0;
      profile.competences.push({ code, pix });
    });
    return { bank, profile, seed };
  });

/** Validated skills with an operative challenge, per competence, straight from the bank. */
function askable(bank: readonly Challenge[], profile: Profile): Map<CompetenceCode, Set<SkillName>> {
  const validated = new Set(profile.validatedSkills);
  const out = new Map<CompetenceCode, Set<SkillName>>();
  for (const c of bank) {
    if (!validated.has(c.skill) || !(c.status === 'validated' || c.status === 'archived')) continue;
    const set = out.get(c.competence) ?? new Set();
    set.add(c.skill);
    out.set(c.competence, set);
  }
  return out;
}

/** Runs generation; on a typed refusal, checks it was justified and returns null. */
function generateOrJustify(bank: Challenge[], profile: Profile, seed: number): GeneratedTest | null {
  const tested = profile.competences.filter((c) => c.pix >= 8);
  try {
    return generateTest({ profile, bank, seed });
  } catch (error) {
    if (error instanceof NotCertifiableError) {
      expect(tested.length).toBeLessThan(5);
      return null;
    }
    if (error instanceof MissingChallengesError) {
      expect(tested.length).toBeGreaterThanOrEqual(5);
      const skills = askable(bank, profile);
      for (const code of error.competences) expect(skills.get(code)?.size ?? 0).toBe(0);
      return null;
    }
    throw error;
  }
}

describe('generateTest properties', () => {
  it('generation never picks two challenges of the same skill', () => {
    let generated = 0;
    fc.assert(
      fc.property(scenarioArb, ({ bank, profile, seed }) => {
        const test = generateOrJustify(bank, profile, seed);
        if (!test) return;
        generated++;
        const skills = test.challenges.map((c) => c.skill);
        expect(new Set(skills).size).toBe(skills.length);
      }),
      { numRuns: 200 },
    );
    expect(generated).toBeGreaterThan(20);
  });

  it('never more than 3 per competence; exactly min(3, validated skills with an operative challenge)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ bank, profile, seed }) => {
        const test = generateOrJustify(bank, profile, seed);
        if (!test) return;
        const skills = askable(bank, profile);
        for (const entry of test.competences) {
          const picks = picksOf(test, entry.code);
          expect(picks.length).toBeLessThanOrEqual(3);
          expect(picks.length).toBe(entry.asked);
          expect(picks.length).toBe(Math.min(3, skills.get(entry.code)?.size ?? 0));
        }
        expect(test.challenges.length).toBeLessThanOrEqual(48);
      }),
      { numRuns: 200 },
    );
  });

  it('every picked challenge is operative and belongs to a validated skill of a tested competence', () => {
    fc.assert(
      fc.property(scenarioArb, ({ bank, profile, seed }) => {
        const test = generateOrJustify(bank, profile, seed);
        if (!test) return;
        const byId = new Map(bank.map((c) => [c.id, c]));
        const tested = new Set(profile.competences.filter((c) => c.pix >= 8).map((c) => c.code));
        for (const pick of test.challenges) {
          const challenge = byId.get(pick.challengeId);
          expect(challenge).toBeDefined();
          expect(['validated', 'archived']).toContain(challenge?.status);
          expect(challenge?.skill).toBe(pick.skill);
          expect(challenge?.competence).toBe(pick.competence);
          expect(profile.validatedSkills).toContain(pick.skill);
          expect(tested.has(pick.competence)).toBe(true);
          expect(pick.difficulty).toBe(parseSkill(pick.skill).difficulty);
        }
        expect(test.competences.map((c) => c.code).sort()).toEqual([...tested].sort());
      }),
      { numRuns: 200 },
    );
  });

  it('hardest first: no validated skill left out is harder than a picked one of its competence', () => {
    fc.assert(
      fc.property(scenarioArb, ({ bank, profile, seed }) => {
        const test = generateOrJustify(bank, profile, seed);
        if (!test) return;
        const skills = askable(bank, profile);
        for (const entry of test.competences) {
          const picks = picksOf(test, entry.code);
          const difficulties = picks.map((p) => p.difficulty);
          expect(difficulties).toEqual(difficulties.slice().sort((a, b) => b - a));
          const lowest = Math.min(...difficulties);
          const picked = new Set(picks.map((p) => p.skill));
          for (const skill of skills.get(entry.code) ?? []) {
            if (!picked.has(skill)) expect(parseSkill(skill).difficulty).toBeLessThanOrEqual(lowest);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('already answered challenges are only picked when their skill has no other operative one', () => {
    fc.assert(
      fc.property(scenarioArb, ({ bank, profile, seed }) => {
        const test = generateOrJustify(bank, profile, seed);
        if (!test) return;
        const answered = new Set(profile.answeredChallengeIds);
        for (const pick of test.challenges) {
          if (!answered.has(pick.challengeId)) continue;
          const fresh = bank.filter(
            (c) =>
              c.skill === pick.skill &&
              (c.status === 'validated' || c.status === 'archived') &&
              !answered.has(c.id),
          );
          expect(fresh).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('deterministic for a given seed (array or index, any order of the bank)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ bank, profile, seed }) => {
        const test = generateOrJustify(bank, profile, seed);
        if (!test) return;
        expect(generateTest({ profile, bank: indexBank(bank.slice().reverse()), seed })).toEqual(test);
      }),
      { numRuns: 100 },
    );
  });

  it('a synthetic profile on a synthetic bank always gets a valid test', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 800 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 5, max: 16 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (size, bankSeed, profileSeed, competences, seed) => {
          const bank = syntheticBank({ size, seed: bankSeed });
          const profile = syntheticProfile(bank, { seed: profileSeed, competences });
          const test = generateTest({ profile, bank, seed });
          expect(GeneratedTestSchema.safeParse(test).success).toBe(true);
          expect(test.competences).toHaveLength(competences);
        },
      ),
      { numRuns: 60 },
    );
  });
});
