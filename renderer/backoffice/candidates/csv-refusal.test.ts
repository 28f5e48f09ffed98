import { describe, expect, it } from 'vitest';
import { readCsvRefusal } from './csv-refusal.ts';

// The messages as server/candidates/candidate-csv.ts writes them.
describe('a refused class list', () => {
  it('reads back the refusals the server words itself', () => {
    expect(readCsvRefusal('the file is empty')).toEqual({ kind: 'empty' });
    expect(readCsvRefusal('the file has 2001 lines; at most 2000 at a time')).toEqual({
      kind: 'tooManyLines',
      lines: 2001,
      max: 2000,
    });
    expect(
      readCsvRefusal('missing column(s): Nom, Date de naissance (JJ/MM/AAAA) (columns found: Prénom, Sexe)'),
    ).toEqual({
      kind: 'missingColumns',
      missing: 'Nom, Date de naissance (JJ/MM/AAAA)',
      found: 'Prénom, Sexe',
    });
  });

  it('gives anything else (the CSV reader’s complaint, in English) no words of its own', () => {
    expect(readCsvRefusal('Invalid Closing Quote: got "x" at line 3 instead of delimiter')).toEqual({
      kind: 'unreadable',
    });
  });
});
