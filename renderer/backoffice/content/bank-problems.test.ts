// A refused bank, as the server sends its problems, read in the screen's language.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import type { BankRefusal } from '../api/centre-client.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import { rejectedItems } from './bank-problems.ts';

const HASH = 'a'.repeat(64);
const refusal: BankRefusal = {
  problems: [
    { kind: 'missingContent', challengeId: 'recQcm', fileName: 'notes.csv', hash: HASH },
    { kind: 'missingContent', challengeId: 'recImg', fileName: null, hash: HASH },
    {
      kind: 'skillInTwoCompetences',
      challengeId: 'recY',
      skill: '@web3',
      competence: '1.1',
      otherCompetence: '1.2',
    },
    { kind: 'duplicateChallenge', challengeId: 'recX' },
    { kind: 'contentSize', challengeId: 'recZ', fileName: 'plan.pdf', size: 10, expected: 12 },
    { kind: 'contentHashMismatch', index: 2, hash: HASH, expected: 'b'.repeat(64) },
    { kind: 'invalidChallenge', index: 3, challengeId: null, detail: 'type: Invalid option' },
  ],
  moreProblems: 4,
};

const lines = (language: 'fr' | 'en') =>
  rejectedItems(refusal, translator(addBackOfficeMessages(createI18n(language)))).map((item) =>
    [item.label, item.detail, item.verbatim ? 'verbatim' : ''].filter(Boolean).join(' '),
  );

describe('a refused bank in the referent’s words', () => {
  it('says each problem in French, with its challenge and what to do', () => {
    expect(lines('fr')).toEqual([
      'Épreuve recQcm : le fichier joint « notes.csv » n’est ni parmi les fichiers sélectionnés ni déjà sur le serveur : sélectionnez-le avec les fichiers joints.',
      'Épreuve recImg : son illustration n’est ni parmi les fichiers sélectionnés ni déjà sur le serveur : sélectionnez-la avec les fichiers joints.',
      'Épreuve recY : elle range l’acquis @web3 dans la compétence 1.2, alors que la banque le range dans la compétence 1.1 : un acquis n’appartient qu’à une compétence.',
      'Épreuve recX : son identifiant figure deux fois dans le fichier : chaque épreuve doit avoir le sien.',
      'Épreuve recZ : le fichier joint « plan.pdf » fait 10 octets, et non 12 comme l’indique l’épreuve : vérifiez que c’est le bon fichier.',
      'Le fichier joint n° 3 inclus dans la banque ne correspond pas à son empreinte SHA-256 : il a été abîmé. Exportez la banque de nouveau.',
      // Only a schema issue the screen did not check first keeps the server's words (shown in monospace).
      'Épreuve 4 : type: Invalid option verbatim',
      '… et 4 autres problèmes, à voir une fois ceux-ci corrigés.',
    ]);
  });

  it('says them in English too', () => {
    const english = lines('en');
    expect(english[0]).toBe(
      'Challenge recQcm: the attached file "notes.csv" is neither among the selected files nor already on the server: select it with the attached files.',
    );
    expect(english.at(-1)).toBe('… and 4 more problems, to be seen once these are fixed.');
  });
});
