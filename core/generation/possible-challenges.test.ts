// possibleChallenges: every challenge generateTest could put in a candidate's test, whatever the seed
// (what the server checks before exam day, when the seed is not drawn yet). Checked against the
// generation itself: each generated challenge is possible, and enough seeds reach every possible one.
import { describe, expect, it } from 'vitest';
import type { Challenge } from '../challenge/challenge.ts';
import type { Profile } from '../profile/profile.ts';
import { qcuChallenge } from '../testing/challenge-fixtures.ts';
import { syntheticBank, syntheticProfile } from '../testing/synthetic-bank.ts';
import { indexBank } from './bank-index.ts';
import { generateTest, possibleChallenges } from './generate-test.ts';
import { InvalidGenerationInputError, NotCertifiableError } from './generation-errors.ts';
import { FILLER_BANK, FILLERS } from '../testing/certifiable-fillers.ts';

/** `@web5:a` → challenge `web5a` of skill `@web5` in 1.1. */
const in11 = (...specs: string[]): Challenge[] =>
  specs.map((spec) => {
    const [skill = '', suffix = ''] = spec.split(':');
    return qcuChallenge({ id: `${skill.slice(1)}${suffix}`, skill, competence: '1.1' });
  });

function profileWith(validated: string[], answered: string[] = []): Profile {
  return {
    competences: [{ code: '1.1', pix: 48 }, ...FILLERS.map((f) => ({ code: f.code, pix: 8 }))],
    validatedSkills: [...FILLERS.map((f) => f.skill), ...validated],
    answeredChallengeIds: answered,
  };
}

const ids = (challenges: readonly Challenge[]) => new Set(challenges.map((c) => c.id));

function generatedOverSeeds(profile: Profile, bank: readonly Challenge[], seeds: number): Set<string> {
  const index = indexBank(bank);
  const seen = new Set<string>();
  for (let seed = 0; seed < seeds; seed++) {
    for (const c of generateTest({ profile, bank: index, seed: seed * 7919 }).challenges)
      seen.add(c.challengeId);
  }
  return seen;
}

describe('the challenges a candidate’s test could contain', () => {
  it('are the hardest skills that fit, and at the difficulty that fills the places, those ranked alike', () => {
    // 1.1: difficulty 6 has one skill (picked), 5 has three skills in two tubes for the two places
    // left: @web5 shares @web6's tube, so @mail5 and @cloud5 come first and @web5 is never asked.
    // Difficulty 4 is never reached.
    const bank = [
      ...FILLER_BANK,
      ...in11('@web6:a', '@web6:b', '@web5:a', '@mail5:a', '@mail5:b', '@cloud5:a', '@web4:a', '@mail4:a'),
    ];
    const profile = profileWith(['@web6', '@web5', '@mail5', '@cloud5', '@web4', '@mail4']);
    const possible = ids(possibleChallenges({ profile, bank }));
    expect([...possible].filter((id) => !id.startsWith('filler')).sort()).toEqual([
      'cloud5a',
      'mail5a',
      'mail5b',
      'web6a',
      'web6b',
    ]);
    expect(generatedOverSeeds(profile, bank, 200)).toEqual(possible);
  });

  it('leave out the challenges answered in positioning while the skill has others', () => {
    const bank = [...FILLER_BANK, ...in11('@web6:a', '@web6:b', '@mail6:a', '@cloud6:a', '@cloud6:b')];
    // @cloud6's only unanswered challenge is b; @mail6's only one is answered (it may come back).
    const profile = profileWith(['@web6', '@mail6', '@cloud6'], ['cloud6a', 'mail6a']);
    const possible = ids(possibleChallenges({ profile, bank }));
    expect(possible.has('cloud6a')).toBe(false);
    expect(possible.has('mail6a')).toBe(true);
    expect(generatedOverSeeds(profile, bank, 200)).toEqual(possible);
  });

  it('hold every challenge generated from synthetic banks and profiles, whatever the seed', () => {
    for (const size of [80, 400, 2000]) {
      const bank = syntheticBank({ size, seed: size });
      const index = indexBank(bank);
      for (let p = 0; p < 12; p++) {
        const profile = syntheticProfile(bank, { seed: p, competences: 5 + p });
        const possible = ids(possibleChallenges({ profile, bank: index }));
        for (let seed = 0; seed < 20; seed++) {
          for (const c of generateTest({ profile, bank: index, seed: seed * 104_729 }).challenges) {
            expect(possible.has(c.challengeId), `${size}/${p}/${seed}: ${c.challengeId}`).toBe(true);
          }
        }
      }
    }
  });

  it('refuse what generation refuses: a profile too thin, or invalid', () => {
    const bank = [...FILLER_BANK, ...in11('@web6:a')];
    const thin: Profile = {
      competences: [{ code: '1.1', pix: 48 }],
      validatedSkills: [],
      answeredChallengeIds: [],
    };
    expect(() => possibleChallenges({ profile: thin, bank })).toThrow(NotCertifiableError);
    expect(() => possibleChallenges({ profile: { competences: 'no' } as never, bank })).toThrow(
      InvalidGenerationInputError,
    );
  });
});
