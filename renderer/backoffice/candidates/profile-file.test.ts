import { describe, expect, it } from 'vitest';
import { entryMessageKey, entryName, readProfileFile } from './profile-file.ts';

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
    expect(readProfileFile('{"bank": []}')).toMatchObject({ ok: false, problem: 'shape' });
    expect(readProfileFile('[]')).toMatchObject({ ok: false, problem: 'empty' });
    const wrong = readProfileFile(
      JSON.stringify({
        profiles: [{ externalId: 'A', profile: { ...profile, competences: [{ code: '9.9', pix: 8 }] } }],
      }),
    );
    expect(wrong).toMatchObject({ ok: false, problem: 'shape' });
    expect(!wrong.ok && wrong.detail).toMatch(/profiles\.0\.profile\.competences\.0\.code/);
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
