import { describe, expect, it } from 'vitest';
import { card } from '../testing/room-fixtures.ts';
import { candidateName, isNamesake, namesakeNames } from './namesakes.ts';

const jade1 = card({ candidateId: 'c-1', firstName: 'Jade', lastName: 'Moreau', birthdate: '2011-09-08' });
const jade2 = card({ candidateId: 'c-2', firstName: 'Jade', lastName: 'MOREAU', birthdate: '2012-02-14' });
const lea = card({ candidateId: 'c-3', firstName: 'Léa', lastName: 'Martin', birthdate: '2010-01-02' });

describe('a candidate named where another has the same name', () => {
  const namesakes = namesakeNames([jade1, jade2, lea]);

  it('finds the namesakes whatever the case of the name', () => {
    expect(isNamesake(jade1, namesakes)).toBe(true);
    expect(isNamesake(jade2, namesakes)).toBe(true);
    expect(isNamesake(lea, namesakes)).toBe(false);
  });

  it('adds the birthdate to a namesake’s name only, so that each decision names one candidate', () => {
    expect(candidateName(jade1, namesakes)).toBe('Jade MOREAU (08/09/2011)');
    expect(candidateName(jade2, namesakes)).toBe('Jade MOREAU (14/02/2012)');
    expect(candidateName(lea, namesakes)).toBe('Léa MARTIN');
  });

  it('takes as namesakes the names the join cannot tell apart: accents, hyphens, spaces', () => {
    const accented = card({
      candidateId: 'c-4',
      firstName: 'Léa-Marie',
      lastName: 'Dupont',
      birthdate: '2011-03-04',
    });
    const plain = card({
      candidateId: 'c-5',
      firstName: 'Lea Marie',
      lastName: 'DUPONT ',
      birthdate: '2012-05-06',
    });
    const both = namesakeNames([accented, plain, lea]);
    expect(isNamesake(accented, both)).toBe(true);
    expect(isNamesake(plain, both)).toBe(true);
    expect(isNamesake(lea, both)).toBe(false);
  });

  it('names a candidate alone in the session without a birthdate', () => {
    expect(candidateName(jade1, namesakeNames([jade1, lea]))).toBe('Jade MOREAU');
  });
});
