import { describe, expect, it } from 'vitest';
import { candidateName, isNamesake, namesakeNames, sessionNamer } from './namesakes.ts';

const jade1 = { candidateId: 'c-1', firstName: 'Jade', lastName: 'Moreau', birthdate: '2011-09-08' };
const jade2 = { candidateId: 'c-2', firstName: 'Jade', lastName: 'MOREAU', birthdate: '2012-02-14' };
const lea = { candidateId: 'c-3', firstName: 'Léa', lastName: 'Martin', birthdate: '2010-01-02' };

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

  it('writes the birthdate as the screen’s language writes dates', () => {
    expect(candidateName(jade1, namesakes, 'fr-FR')).toBe('Jade MOREAU (08/09/2011)');
    expect(candidateName(jade1, namesakes, 'en-GB')).toBe('Jade MOREAU (08/09/2011)');
    // Not a date the server would send; shown as it came rather than hidden.
    expect(candidateName({ ...jade1, birthdate: 'inconnue' }, namesakes)).toBe('Jade MOREAU (inconnue)');
  });

  it('keeps the birthdate after a name written last name first, for a list sorted so', () => {
    const listName = (c: { firstName: string; lastName: string }) =>
      `${c.lastName.toUpperCase()} ${c.firstName}`;
    expect(candidateName(jade2, namesakes, 'fr-FR', listName)).toBe('MOREAU Jade (14/02/2012)');
    expect(candidateName(lea, namesakes, 'fr-FR', listName)).toBe('MARTIN Léa');
  });

  it('takes as namesakes the names the join cannot tell apart: accents, hyphens, spaces', () => {
    const accented = { firstName: 'Léa-Marie', lastName: 'Dupont', birthdate: '2011-03-04' };
    const plain = { firstName: 'Lea Marie', lastName: 'DUPONT ', birthdate: '2012-05-06' };
    const both = namesakeNames([accented, plain, lea]);
    expect(isNamesake(accented, both)).toBe(true);
    expect(isNamesake(plain, both)).toBe(true);
    expect(isNamesake(lea, both)).toBe(false);
  });

  it('names a candidate alone in the session without a birthdate', () => {
    expect(candidateName(jade1, namesakeNames([jade1, lea]))).toBe('Jade MOREAU');
  });
});

describe('a session’s lists naming their candidates', () => {
  const nameOf = sessionNamer([jade1, jade2, lea], 'fr-FR');

  it('names a namesake with the birthdate even in a list that holds only one of the two, without it', () => {
    // A list of the absent, of the tests to settle: names and id only.
    expect(nameOf({ candidateId: 'c-2', firstName: 'Jade', lastName: 'Moreau' })).toBe(
      'Jade MOREAU (14/02/2012)',
    );
    expect(nameOf({ candidateId: 'c-3', firstName: 'Léa', lastName: 'Martin' })).toBe('Léa MARTIN');
    expect(nameOf(jade1)).toBe('Jade MOREAU (08/09/2011)');
  });

  it('takes the fresher identity of a candidate listed twice (the jury corrected it)', () => {
    const corrected = { ...jade2, firstName: 'Jane' };
    const after = sessionNamer([jade1, jade2, lea, corrected], 'fr-FR');
    expect(after(jade1)).toBe('Jade MOREAU');
    expect(after(corrected)).toBe('Jane MOREAU');
  });

  it('names a candidate it does not know without a birthdate rather than guessing one', () => {
    expect(nameOf({ candidateId: 'c-9', firstName: 'Jade', lastName: 'Moreau' })).toBe('Jade MOREAU');
  });
});
