// The room's cards carry what the invigilator screen shows (additions made for issue 6).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invigilator } from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

describe('room cards', () => {
  let server: TestServer;
  let day: SeededDay;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 2 });
  });
  afterEach(() => server.close());

  it('give each candidate’s birthdate, for the attendance sheet (namesakes told apart)', async () => {
    const room = await (await invigilator(server, day)).room();
    const birthdates = new Map(room.candidates.map((c) => [c.candidateId, c.birthdate]));
    for (const candidate of day.candidates) expect(birthdates.get(candidate.id)).toBe(candidate.birthdate);
  });

  it('write the attendance sheet so that a name typed as a formula is shown, never run, in a spreadsheet', async () => {
    const first = day.candidates[0];
    if (!first) throw new Error('no candidate');
    const current = await day.api({ method: 'GET', url: `/api/centre/candidates/${first.id}` });
    // The enrolment as the centre sees it, with only the last name changed.
    const view = current.json() as Record<string, unknown>;
    const kept = ['firstName', 'sex', 'birthdate', 'birthCountry', 'birthCity', 'birthInseeCode'];
    const edit = await day.api({
      method: 'PUT',
      url: `/api/centre/candidates/${first.id}`,
      payload: {
        ...Object.fromEntries(kept.map((k) => [k, view[k]])),
        lastName: '=HYPERLINK("https://example.org","Martin")',
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const sheet = await (await invigilator(server, day)).get('/attendance.csv');
    expect(sheet.statusCode).toBe(200);
    expect(sheet.body).toContain(`"'=HYPERLINK(""https://example.org"",""Martin"")"`);
    expect(sheet.body).not.toMatch(/(^|;)"?=HYPERLINK/m);
    // Dates as a French school reads them; a candidate not seen yet while the session is open may come.
    const [y, m, d] = first.birthdate.split('-');
    expect(sheet.body).toContain(`;${d}/${m}/${y};`);
    expect(sheet.body).toContain('pas encore arrivé');
  });
});
