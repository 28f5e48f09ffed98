import { describe, expect, it } from 'vitest';
import { qcuChallenge } from '../testing/challenge-fixtures.ts';
import { indexBank, isBankIndex } from './bank-index.ts';
import { InconsistentBankError } from './generation-errors.ts';

describe('indexBank', () => {
  const bank = [
    qcuChallenge({ id: 'c', skill: '@web3', competence: '1.1' }),
    qcuChallenge({ id: 'a', skill: '@web3', competence: '1.1', status: 'archived' }),
    qcuChallenge({ id: 'b', skill: '@web3', competence: '1.1', status: 'obsolete' }),
    qcuChallenge({ id: 'd', skill: '@mail2', competence: '2.1', status: 'draft' }),
  ];

  it('groups challenges by skill, with tube, difficulty and competence', () => {
    const index = indexBank(bank);
    expect(index.size).toBe(4);
    expect(index.skills.get('@web3')).toMatchObject({
      name: '@web3',
      tube: '@web',
      difficulty: 3,
      competence: '1.1',
    });
  });

  it('keeps only operative challenges (validated, archived), ordered by id whatever the bank order', () => {
    expect(
      indexBank(bank)
        .skills.get('@web3')
        ?.operative.map((c) => c.id),
    ).toEqual(['a', 'c']);
    expect(
      indexBank(bank.slice().reverse())
        .skills.get('@web3')
        ?.operative.map((c) => c.id),
    ).toEqual(['a', 'c']);
  });

  it('keeps a skill whose challenges are all non-operative, with none to ask', () => {
    expect(indexBank(bank).skills.get('@mail2')?.operative).toEqual([]);
  });

  it.each([
    [
      'a skill whose challenges name two competences',
      [
        qcuChallenge({ id: 'x', skill: '@web3', competence: '1.1' }),
        qcuChallenge({ id: 'y', skill: '@web3', competence: '1.2' }),
      ],
      /@web3 belongs to competence 1\.1 but challenge y puts it in 1\.2/,
      {
        kind: 'skillInTwoCompetences',
        challengeId: 'y',
        skill: '@web3',
        competence: '1.1',
        otherCompetence: '1.2',
      },
    ],
    [
      'an id used twice',
      [
        qcuChallenge({ id: 'x', skill: '@web3', competence: '1.1' }),
        qcuChallenge({ id: 'x', skill: '@web2', competence: '1.1' }),
      ],
      /id x appears twice/,
      { kind: 'duplicateChallenge', challengeId: 'x' },
    ],
  ])('refuses %s', (_name, inconsistent, message, conflict) => {
    expect(() => indexBank(inconsistent)).toThrow(InconsistentBankError);
    expect(() => indexBank(inconsistent)).toThrow(message);
    expect(() => indexBank(inconsistent)).toThrow(expect.objectContaining({ conflict }));
  });

  it('isBankIndex tells an index from an array', () => {
    expect(isBankIndex(indexBank(bank))).toBe(true);
    expect(isBankIndex(bank)).toBe(false);
  });
});
