import { describe, expect, it } from 'vitest';
import { ChallengeSchema } from '../challenge/challenge.ts';
import { qcuChallenge } from './challenge-fixtures.ts';

describe('qcuChallenge', () => {
  it.each(['validated', 'archived', 'obsolete', 'draft'] as const)(
    'builds a valid %s challenge',
    (status) => {
      const challenge = qcuChallenge({ id: 'rec1', skill: '@web3', competence: '1.1', status });
      expect(ChallengeSchema.parse(challenge)).toEqual(challenge);
    },
  );
});
