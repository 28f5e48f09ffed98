// A candidate read from its row: every field as stored, the Pix profile parsed only when it is read.
import { describe, expect, it } from 'vitest';
import { candidateFromRow, type Row } from './rows.ts';

const profile = {
  competences: [{ id: '1.1', pix: 24 }],
  validatedSkills: ['@recherche3'],
  answeredChallengeIds: [],
};

function row(profileText: string | null): Row {
  return {
    id: 'cand-1',
    session_id: 'sess-1',
    last_name: 'Martin',
    first_name: 'Léa',
    match_key: 'martin lea',
    sex: 'F',
    birthdate: '2010-04-02',
    birth_country: 'FRANCE',
    birth_city: null,
    birth_insee_code: '75056',
    birth_postal_code: null,
    external_id: null,
    result_email: null,
    extra_time_percentage: 33,
    accessibility_adjustment: 1,
    profile: profileText,
    profile_imported_at: profileText === null ? null : 1_790_000_000_000,
    created_at: 1_780_000_000_000,
    updated_at: 1_780_000_000_000,
  };
}

describe('candidateFromRow', () => {
  it('parses the profile only when it is read, so a card never pays for it', () => {
    const candidate = candidateFromRow(row('{ not json'));
    expect(candidate.lastName).toBe('Martin');
    expect(candidate.extraTimePercentage).toBe(33);
    expect(candidate.accessibilityAdjustment).toBe(true);
    expect(() => candidate.profile).toThrow(SyntaxError);
  });

  it('gives the stored profile, once parsed, as an ordinary field (spread, JSON, equality, assignment)', () => {
    const candidate = candidateFromRow(row(JSON.stringify(profile)));
    expect(candidate.profile).toEqual(profile);
    expect(candidate.profile).toBe(candidate.profile);
    expect({ ...candidate }.profile).toEqual(profile);
    const json = JSON.parse(JSON.stringify(candidate)) as Record<string, unknown>;
    expect(Object.keys(json).indexOf('profile')).toBe(Object.keys(json).indexOf('profileImportedAt') - 1);
    expect(json.profile).toEqual(profile);
    candidate.profile = null;
    expect(candidate.profile).toBeNull();
  });

  it('reads no profile as null', () => {
    expect(candidateFromRow(row(null)).profile).toBeNull();
  });
});
