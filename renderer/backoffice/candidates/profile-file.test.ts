import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { addBackOfficeMessages, translator } from '../i18n/use-t.ts';
import {
  entryMessageKey,
  entryName,
  profileFileProblemText,
  profileProblemText,
  readProfileFile,
} from './profile-file.ts';

const profile = { competences: [{ code: '1.1', pix: 16 }], validatedSkills: ['@rechercheWeb1'] };

describe('reading a profiles file', () => {
  it('takes the import request, a bare list, or a session file with its candidates', () => {
    const request = readProfileFile(JSON.stringify({ profiles: [{ externalId: 'INE1', profile }] }));
    expect(request).toEqual({
      ok: true,
      body: { profiles: [{ externalId: 'INE1', profile: { ...profile, answeredChallengeIds: [] } }] },
    });
    const list = readProfileFile(`\uFEFF${JSON.stringify([{ externalId: 'INE1', profile }])}`);
    expect(list.ok).toBe(true);
    const session = readProfileFile(
      JSON.stringify({
        centre: { name: 'Collège' },
        candidates: [
          {
            lastName: 'Martin',
            firstName: 'Léa',
            birthdate: '2012-04-02',
            externalId: 'INE1',
            sex: 'F',
            profile,
          },
        ],
      }),
    );
    expect(session.ok && session.body.profiles[0]).toEqual({
      lastName: 'Martin',
      firstName: 'Léa',
      birthdate: '2012-04-02',
      profile: { ...profile, answeredChallengeIds: [] },
    });
  });

  it('explains a file that is not JSON, not profiles, empty, or has a wrong profile', () => {
    expect(readProfileFile('Nom;Prénom')).toMatchObject({ ok: false, problem: 'notJson' });
    expect(readProfileFile('{"bank": []}')).toMatchObject({ ok: false, problem: 'notProfiles' });
    expect(readProfileFile('[]')).toMatchObject({ ok: false, problem: 'empty' });
    const wrong = readProfileFile(
      JSON.stringify({
        profiles: [{ externalId: 'A', profile: { ...profile, competences: [{ code: '9.9', pix: 8 }] } }],
      }),
    );
    expect(wrong).toMatchObject({ ok: false, problem: 'shape' });
  });

  it('says a wrong profile by its entry number and field names, in French, never zod’s raw English', () => {
    const t = translator(addBackOfficeMessages(createI18n('fr')));
    const wrong = readProfileFile(
      JSON.stringify({
        profiles: [
          { externalId: 'A', profile },
          { externalId: 'B', profile: { ...profile, competences: [{ code: '9.9', pix: 8 }] } },
        ],
      }),
    );
    expect(wrong).toMatchObject({ ok: false, problem: 'shape' });
    const texts =
      wrong.ok || wrong.problem !== 'shape' ? [] : wrong.problems.map((p) => profileProblemText(p, t));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(
      /^entrée 2, champ «\u202fprofil › compétences › n° 1 › code\u202f»\u00a0: doit être un code de compétence du CRCN \(1\.1, /,
    );
    expect(texts[0]).not.toMatch(/profiles\.1|must be/);

    const missing = readProfileFile(JSON.stringify([{ externalId: 'A', profile: { competences: [] } }]));
    const missingText =
      missing.ok || missing.problem !== 'shape' ? '' : profileProblemText(missing.problems[0]!, t);
    expect(missingText).toMatch(/^entrée 1, champ «\u202fprofil › acquis validés\u202f»\u00a0: /);
    expect(missingText).not.toMatch(/Invalid|expected/);

    const en = translator(addBackOfficeMessages(createI18n('en')));
    const inEnglish = readProfileFile(JSON.stringify([{ externalId: 'A', profile: 3 }]), 'en');
    expect(
      inEnglish.ok || inEnglish.problem !== 'shape' ? '' : profileProblemText(inEnglish.problems[0]!, en),
    ).toMatch(/^entry 1, field "profile": /);
  });

  it('says a JSON file without profiles in its own words', () => {
    expect(readProfileFile('{"bank": []}')).toEqual({ ok: false, problem: 'notProfiles' });
  });

  it('puts the problems in the screen’s sentence, joined', () => {
    const t = translator(addBackOfficeMessages(createI18n('fr')));
    const read = readProfileFile(JSON.stringify([{ lastName: '', profile: 1 }, { profile: 2 }]));
    expect(!read.ok && profileFileProblemText(read, t)).toBe(
      'Ce fichier JSON ne contient pas de profils au format attendu : entrée 1, champ « nom » : ne doit pas être vide ; entrée 1, champ « profil » : Entrée invalide : objet attendu, nombre reçu ; entrée 2, champ « profil » : Entrée invalide : objet attendu, nombre reçu',
    );
  });

  it('names an entry and reads the server’s reasons', () => {
    expect(entryName({ firstName: 'Léa', lastName: 'Martin' })).toBe('Léa MARTIN');
    expect(entryName({ externalId: 'INE1' })).toBe('INE1');
    expect(entryMessageKey('no candidate of the session matches')).toBe('noMatch');
    expect(entryMessageKey('several candidates match: use externalId')).toBe('several');
    expect(entryMessageKey("the candidate's test has already been generated")).toBe('started');
    expect(entryMessageKey('another entry of the file already gives this profile')).toBe('twice');
    expect(entryMessageKey('something new')).toBe(null);
  });
});
