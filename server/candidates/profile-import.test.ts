// Importing profiles again says which ones replace a profile imported before (with the Pix totals
// before and after), and a dry run shows it first without storing anything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileImportReportSchema } from '../../core/contracts/centre-api.ts';
import type { Profile } from '../../core/profile/profile.ts';
import { syntheticProfile } from '../../core/testing/synthetic-bank.ts';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const total = (profile: Profile) => profile.competences.reduce((sum, c) => sum + c.pix, 0);

describe('profile import: replaced profiles are reported, and previewed first', () => {
  let server: TestServer;
  let day: SeededDay;
  beforeEach(async () => {
    server = await startTestServer();
    // Two candidates enrolled and given profiles, and a third without one.
    day = await seedCertificationDay(server.app, { count: 2 });
    const third = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/candidates`,
      payload: {
        lastName: 'Nouveau',
        firstName: 'Inès',
        sex: 'F',
        birthdate: '2011-05-05',
        birthCountry: 'FRANCE',
        birthInseeCode: '69123',
        extraTimePercentage: 0,
        accessibilityAdjustment: false,
      },
    });
    expect(third.statusCode).toBe(201);
  });
  afterEach(() => server.close());

  const importProfiles = async (profiles: unknown[], dryRun?: boolean) => {
    const r = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/profiles/import`,
      payload: { profiles, ...(dryRun === undefined ? {} : { dryRun }) },
    });
    expect(r.statusCode).toBe(200);
    return ProfileImportReportSchema.parse(r.json());
  };
  const storedProfile = async (candidateId: string) =>
    (await server.app.pix.store.candidates.get(candidateId))?.profile;

  it('says which entries replace a profile, with the Pix totals, and which are new', async () => {
    const [lea] = day.candidates;
    if (!lea) throw new Error('no candidate');
    const before = day.profiles.get(lea.id) as Profile;
    const replacement = syntheticProfile(day.bank, { seed: 42, competences: 7 });
    const fresh = syntheticProfile(day.bank, { seed: 43, competences: 6 });
    const entries = [
      { lastName: lea.lastName, firstName: lea.firstName, birthdate: lea.birthdate, profile: replacement },
      { lastName: 'Nouveau', firstName: 'Inès', birthdate: '2011-05-05', profile: fresh },
    ];

    const preview = await importProfiles(entries, true);
    expect(preview).toMatchObject({ dryRun: true, imported: 1, replaced: 1, rejected: 0 });
    expect(preview.entries).toEqual([
      {
        index: 0,
        status: 'replaced',
        candidateId: lea.id,
        message: null,
        pixBefore: total(before),
        pixAfter: total(replacement),
      },
      expect.objectContaining({ index: 1, status: 'imported', pixBefore: null, pixAfter: total(fresh) }),
    ]);
    // A preview stores nothing.
    expect(await storedProfile(lea.id)).toEqual(before);

    const done = await importProfiles(entries);
    expect(done).toMatchObject({ dryRun: false, imported: 1, replaced: 1, rejected: 0 });
    expect(done.entries.map((e) => e.status)).toEqual(['replaced', 'imported']);
    expect(await storedProfile(lea.id)).toEqual(replacement);
  });
});
