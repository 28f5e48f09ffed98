import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { acceptedLines, lineErrorText } from './import-report.ts';

const t = translator(addBackOfficeMessages(createI18n('fr')));
const columns = [
  { header: 'Nom', field: 'lastName' },
  { header: 'Sexe', field: 'sex' },
  { header: 'Date de naissance (format: jj/mm/aaaa)', field: 'birthdate' },
  { header: 'Code INSEE', field: 'birthInseeCode' },
  { header: 'Classe', field: null },
];

describe('the CSV import report in French', () => {
  it('says which column is wrong and how to write it', () => {
    expect(lineErrorText({ column: 'Sexe', code: 'INVALID', message: 'must be M or F' }, columns, t)).toBe(
      'Colonne « Sexe » : écrivez F ou M.',
    );
    expect(
      lineErrorText(
        {
          column: 'Date de naissance (format: jj/mm/aaaa)',
          code: 'INVALID',
          message: '"31/02/2011" is not a date',
        },
        columns,
        t,
      ),
    ).toBe(
      'Colonne « Date de naissance (format: jj/mm/aaaa) » : écrivez une date réelle sous la forme jj/mm/aaaa (par exemple 02/04/2011).',
    );
    expect(lineErrorText({ column: 'Nom', code: 'REQUIRED', message: 'is empty' }, columns, t)).toBe(
      'Colonne « Nom » : la case est vide : remplissez-la.',
    );
    expect(
      lineErrorText(
        { column: 'Code INSEE', code: 'INVALID', message: 'born in France: give the INSEE code' },
        columns,
        t,
      ),
    ).toMatch(/^Colonne «\u202fCode INSEE\u202f»\u00a0: né\(e\) en France\u00a0: écrivez le code INSEE/);
  });

  it('explains whole-line problems, with the line of the first copy', () => {
    expect(
      lineErrorText(
        { column: null, code: 'DUPLICATE_IN_FILE', message: 'the same candidate is already on line 3' },
        columns,
        t,
      ),
    ).toBe(
      'Ligne entière : ce candidat apparaît deux fois dans le fichier (Ligne 3) : gardez une seule ligne.',
    );
    expect(lineErrorText({ column: null, code: 'ALREADY_ENROLLED', message: 'x' }, columns, t)).toMatch(
      /déjà inscrit à la session/,
    );
  });

  it('says when the column is missing from the file, with the field’s hint, never the server’s English', () => {
    const withoutInsee = columns.filter((c) => c.field !== 'birthInseeCode');
    const text = lineErrorText(
      {
        column: 'Code INSEE de naissance',
        code: 'INVALID',
        message: 'born in France: give the INSEE code of the town, or its postal code and name',
      },
      withoutInsee,
      t,
    );
    expect(text).toBe(
      'Colonne « Code INSEE de naissance » : la colonne manque : ajoutez-la (voir le modèle) ; né(e) en France : écrivez le code INSEE de la commune (5 caractères), ou bien son code postal et son nom.',
    );
    expect(text).not.toMatch(/born in France|détail/);
    expect(
      lineErrorText(
        { column: 'Pays de naissance', code: 'REQUIRED', message: 'must not be empty' },
        columns,
        t,
      ),
    ).toBe(
      'Colonne « Pays de naissance » : la colonne manque : ajoutez-la (voir le modèle) ; écrivez le pays de naissance (France pour une naissance en France).',
    );
    const en = translator(addBackOfficeMessages(createI18n('en')));
    expect(
      lineErrorText({ column: 'Commune de naissance', code: 'INVALID', message: 'born abroad' }, columns, en),
    ).toMatch(/^Column "Commune de naissance": the column is missing: add it \(see the template\); /);
  });

  it('keeps what the server said for a column it did not recognise', () => {
    expect(lineErrorText({ column: 'Classe', code: 'INVALID', message: 'too long' }, columns, t)).toBe(
      'Colonne « Classe » : la valeur n’est pas valable. (détail : too long)',
    );
  });

  it('counts the lines taken', () => {
    const line = (status: 'valid' | 'rejected') => ({
      line: 2,
      status,
      name: null,
      candidateId: null,
      errors: [],
    });
    expect(
      acceptedLines({
        dryRun: true,
        separator: ';',
        encoding: 'utf-8',
        columns: [],
        imported: 0,
        rejected: 1,
        lines: [line('valid'), line('rejected'), line('valid')],
      }),
    ).toBe(2);
  });
});
