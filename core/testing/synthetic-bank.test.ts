import { describe, expect, it } from 'vitest';
import { CHALLENGE_TYPES, ChallengeSchema, isOperative } from '../challenge/challenge.ts';
import { COMPETENCE_CODES, levelFromPix } from '../framework/crcn.ts';
import { parseSkill } from '../framework/skill.ts';
import { ProfileSchema } from '../profile/profile.ts';
import { SYNTHETIC_BENCH_BANK_SIZE, syntheticBank, syntheticProfile } from './synthetic-bank.ts';

describe('syntheticBank', () => {
  const bank = syntheticBank({ size: SYNTHETIC_BENCH_BANK_SIZE, seed: 1 });

  it('every one of 5,000 challenges passes ChallengeSchema (defaults already applied)', () => {
    const failures = bank.flatMap((challenge) => {
      const result = ChallengeSchema.safeParse(challenge);
      if (!result.success) return [{ id: challenge.id, issues: result.error.issues }];
      expect(result.data).toEqual(challenge);
      return [];
    });
    expect(failures).toEqual([]);
  });

  it('has the requested size and distinct ids', () => {
    expect(bank).toHaveLength(SYNTHETIC_BENCH_BANK_SIZE);
    expect(new Set(bank.map((c) => c.id)).size).toBe(bank.length);
  });

  it('is deterministic: same options, same bank; another seed, another bank', () => {
    expect(syntheticBank({ size: 300, seed: 4 })).toEqual(syntheticBank({ size: 300, seed: 4 }));
    expect(syntheticBank({ size: 300, seed: 5 })).not.toEqual(syntheticBank({ size: 300, seed: 4 }));
  });

  it('covers the 16 competences, and each has tubes with skills of difficulty 1 to 8', () => {
    expect(new Set(bank.map((c) => c.competence))).toEqual(new Set(COMPETENCE_CODES));
    for (const code of COMPETENCE_CODES) {
      const skills = bank.filter((c) => c.competence === code).map((c) => parseSkill(c.skill));
      expect(new Set(skills.map((s) => s.difficulty))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
      expect(new Set(skills.map((s) => s.tube)).size).toBeGreaterThanOrEqual(3);
    }
  });

  it('a skill (and its tube) belongs to one competence', () => {
    const competenceOfTube = new Map<string, string>();
    for (const c of bank) {
      const tube = parseSkill(c.skill).tube;
      expect(competenceOfTube.get(tube) ?? c.competence).toBe(c.competence);
      competenceOfTube.set(tube, c.competence);
    }
  });

  it.each([
    ['all five challenge types', () => new Set(bank.map((c) => c.type)).size === CHALLENGE_TYPES.length],
    ['select fields', () => bank.some((c) => c.fields?.some((f) => f.kind === 'select'))],
    [
      'select fields in a QROCM-ind',
      () => bank.some((c) => c.type === 'QROCM-ind' && c.fields?.some((f) => f.kind === 'select')),
    ],
    ["format 'nombre'", () => bank.some((c) => c.format === 'nombre')],
    ['timers', () => bank.some((c) => c.timer !== undefined)],
    ['focused challenges', () => bank.some((c) => c.focused)],
    ['shuffled choices', () => bank.some((c) => c.shuffled)],
    [
      'deactivated treatments',
      () => bank.some((c) => 'deactivations' in c.solution && c.solution.deactivations.t3),
    ],
    ['archived challenges', () => bank.some((c) => c.status === 'archived')],
    ['obsolete challenges', () => bank.some((c) => c.status === 'obsolete')],
    [
      'a few non-operative challenges only',
      () => bank.filter((c) => !isOperative(c)).length < bank.length * 0.1,
    ],
  ])('includes %s', (_name, holds) => {
    expect(holds()).toBe(true);
  });

  it('every skill present has at least one operative challenge', () => {
    const operative = new Set(bank.filter(isOperative).map((c) => c.skill));
    expect(operative).toEqual(new Set(bank.map((c) => c.skill)));
  });

  it('a bank of 16 challenges already covers all 16 competences, and 5 all five types', () => {
    expect(new Set(syntheticBank({ size: 16, seed: 2 }).map((c) => c.competence)).size).toBe(16);
    expect(new Set(syntheticBank({ size: 5, seed: 2 }).map((c) => c.type)).size).toBe(5);
  });

  it('refuses a negative size', () => {
    expect(() => syntheticBank({ size: -1, seed: 1 })).toThrow(RangeError);
  });
});

describe('syntheticProfile', () => {
  const bank = syntheticBank({ size: 2000, seed: 3 });

  it.each([0, 4, 5, 10, 16])(
    'with %i competences: a valid profile with that many at level ≥ 1',
    (competences) => {
      const profile = syntheticProfile(bank, { seed: 7, competences });
      expect(ProfileSchema.parse(profile)).toEqual(profile);
      expect(profile.competences.filter((c) => levelFromPix(c.pix) >= 1)).toHaveLength(competences);
    },
  );

  it('validates every bank skill up to the competence level, and none above', () => {
    const profile = syntheticProfile(bank, { seed: 8 });
    const validated = new Set(profile.validatedSkills);
    const levels = new Map(profile.competences.map((c) => [c.code, levelFromPix(c.pix)]));
    for (const challenge of bank) {
      const expected = parseSkill(challenge.skill).difficulty <= (levels.get(challenge.competence) ?? 0);
      expect(validated.has(challenge.skill)).toBe(expected);
    }
  });

  it('answers come from the bank, on validated skills', () => {
    const profile = syntheticProfile(bank, { seed: 9 });
    const skillOf = new Map(bank.map((c) => [c.id, c.skill]));
    expect(profile.answeredChallengeIds.length).toBeGreaterThan(0);
    for (const id of profile.answeredChallengeIds) expect(profile.validatedSkills).toContain(skillOf.get(id));
  });

  it('is deterministic for a seed', () => {
    expect(syntheticProfile(bank, { seed: 10 })).toEqual(syntheticProfile(bank, { seed: 10 }));
  });

  it.each([
    ['more competences than exist', 17],
    ['a negative count', -1],
  ])('refuses %s', (_name, competences) => {
    expect(() => syntheticProfile(bank, { seed: 1, competences })).toThrow(RangeError);
  });

  it('refuses more competences than the bank covers', () => {
    expect(() => syntheticProfile(syntheticBank({ size: 6, seed: 1 }), { seed: 1, competences: 7 })).toThrow(
      /6 competences/,
    );
  });
});
