// Before exam day, the session page asks whether each candidate's test can be generated from the bank
// and their profile, and opened on the stations (GET /api/centre/sessions/:id/readiness): the same
// generation the invigilator's start runs, with nothing stored.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { isOperative, type Challenge } from '../../core/challenge/challenge.ts';
import type { SessionReadiness } from '../../core/contracts/centre-api.ts';
import { syntheticProfile } from '../../core/testing/synthetic-bank.ts';
import { contentHash } from '../content/bank-service.ts';
import { enrolledStation, invigilator, join, startedTest } from '../testing/exam-helpers.ts';
import {
  referentOf,
  seedBank,
  seedCertificationDay,
  type SeededCandidate,
  type SeededDay,
} from '../testing/seed.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

// Old binary Word: a type no station opens (spreadsheets and .docx/.odt have viewers).
const DOC = Buffer.from('\u00d0\u00cf\u0011\u00e0 not really a Word file', 'latin1');
const DOC_TYPE = 'application/msword';
const docAttachment = {
  hash: contentHash(DOC),
  fileName: 'lettre.doc',
  mediaType: DOC_TYPE,
  size: DOC.length,
};

let server: TestServer;
afterEach(() => server.close());

async function readiness(day: SeededDay): Promise<SessionReadiness> {
  const r = await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/readiness` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** Every row of the tables a test's generation or start writes to (the others are the seed's). */
function testTables(dbFile: string): Record<string, unknown[]> {
  const db = new Database(dbFile, { readonly: true });
  try {
    return Object.fromEntries(
      ['tests', 'test_packages', 'test_records', 'package_content', 'commands', 'session_events'].map(
        (table) => [table, db.prepare(`SELECT * FROM ${table}`).all()],
      ),
    );
  } finally {
    db.close();
  }
}

describe('the readiness of a session’s tests before exam day', () => {
  it('says every test can be built and opened when the bank covers every profile', async () => {
    server = await startTestServer();
    const day = await seedCertificationDay(server.app, { count: 3 });
    const report = await readiness(day);
    expect(report.notChecked).toEqual({ withoutProfile: 0, notCertifiable: 0, alreadyGenerated: 0 });
    expect(
      report.candidates.map((c) => [c.candidateId, c.error, c.unopenable, c.moreUnopenable]).sort(),
    ).toEqual(day.candidates.map((c) => [c.id, null, [], 0]).sort());
    expect(report.bank).toEqual({ operative: expect.any(Number), unopenable: [], moreUnopenable: 0 });
    expect(report.bank.operative).toBeGreaterThan(0);
  });

  it('reports a candidate whose profile needs a competence the bank lacks, as the exam-day start would', async () => {
    server = await startTestServer();
    const full = seedBank();
    const day = await seedCertificationDay(server.app, {
      count: 3,
      bank: full.filter((c) => c.competence !== '3.1'),
    });
    const lea = day.candidates[0] as SeededCandidate;
    // Her profile comes from a bank with 3.1: every competence at level 1 or more.
    const put = await day.api({
      method: 'PUT',
      url: `/api/centre/candidates/${lea.id}/profile`,
      payload: syntheticProfile(full, { seed: 1, competences: 16 }),
    });
    expect(put.statusCode, put.body).toBe(200);

    const report = await readiness(day);
    const mine = report.candidates.find((c) => c.candidateId === lea.id);
    expect(mine).toMatchObject({
      firstName: lea.firstName,
      lastName: lea.lastName,
      error: { code: 'MISSING_CHALLENGES', competences: ['3.1'] },
    });
    expect(report.candidates.filter((c) => c.error !== null)).toHaveLength(1);

    // On exam day, the invigilator's start fails the same way.
    const station = await enrolledStation(server, day);
    const inv = await invigilator(server, day);
    await join(server, day, station, lea);
    const start = await inv.post(`/candidates/${lea.id}/commands`, { type: 'authorizeStart' });
    expect([start.statusCode, errorOf(start).code]).toEqual([422, 'MISSING_CHALLENGES']);
    expect(errorOf(start).message).toContain('3.1');
  });

  it('reports the files the stations cannot open, per candidate and for the whole bank', async () => {
    server = await startTestServer();
    const day = await seedCertificationDay(server.app, { count: 3 });
    const lea = day.candidates[0] as SeededCandidate;
    // Every challenge of Léa's validated skills in her first tested competence gets a Word file:
    // her test asks at least one of them, whatever the seed.
    const profile = day.profiles.get(lea.id);
    const competence = profile?.competences.find((c) => c.pix >= 8)?.code;
    const validated = new Set(profile?.validatedSkills);
    const changed: Challenge[] = day.bank
      .filter((c) => c.competence === competence && validated.has(c.skill))
      .map((c) => ({ ...c, attachments: [docAttachment] }));
    expect(changed.length).toBeGreaterThan(0);
    const imported = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${day.centreId}/bank/import`,
      payload: { challenges: changed, content: [{ mediaType: DOC_TYPE, base64: DOC.toString('base64') }] },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const operative = new Set(changed.filter(isOperative).map((c) => c.id));

    const report = await readiness(day);
    const mine = report.candidates.find((c) => c.candidateId === lea.id);
    expect(mine?.error).toBeNull();
    expect(mine?.unopenable.length).toBeGreaterThan(0);
    for (const item of mine?.unopenable ?? []) {
      expect(item).toEqual({
        challengeId: expect.any(String),
        fileName: 'lettre.doc',
        mediaType: DOC_TYPE,
      });
      expect(changed.map((c) => c.id)).toContain(item.challengeId);
    }
    // The bank's list, whoever sits: every operative challenge given the Word file.
    expect(report.bank.unopenable.length + report.bank.moreUnopenable).toBe(operative.size);
    for (const item of report.bank.unopenable) expect(operative.has(item.challengeId)).toBe(true);

    // Léa's test, generated on exam day, asks only Word files the readiness listed for her.
    const station = await enrolledStation(server, day);
    const inv = await invigilator(server, day);
    const { pkg } = await startedTest(server, day, inv, station, lea);
    const asked = pkg.package.challenges.filter((c) => c.attachments.some((a) => a.mediaType === DOC_TYPE));
    expect(asked.length).toBeGreaterThan(0);
    const listed = new Set(mine?.unopenable.map((u) => u.challengeId));
    for (const c of asked) expect(listed.has(c.id)).toBe(true);
  });

  it('stores nothing, and leaves out the tests already generated', async () => {
    server = await startTestServer();
    const day = await seedCertificationDay(server.app, { count: 3 });
    const station = await enrolledStation(server, day);
    const inv = await invigilator(server, day);
    const [lea, hugo] = day.candidates as [SeededCandidate, SeededCandidate];
    await startedTest(server, day, inv, station, lea);
    await join(server, day, station, hugo);

    const before = testTables(server.dbFile);
    const report = await readiness(day);
    await readiness(day);
    expect(testTables(server.dbFile)).toEqual(before);
    expect(report.notChecked).toEqual({ withoutProfile: 0, notCertifiable: 0, alreadyGenerated: 1 });
    // Hugo joined but has not started: his test is still to be generated, so he is checked.
    expect(report.candidates.map((c) => c.candidateId).sort()).toEqual(
      day.candidates
        .filter((c) => c.id !== lea.id)
        .map((c) => c.id)
        .sort(),
    );
  });

  it('answers 401 without a login, 404 for an unknown session or another centre’s', async () => {
    server = await startTestServer();
    const day = await seedCertificationDay(server.app, { count: 1 });
    const referent = await referentOf(server.app, day);
    const url = (sessionId: string) => `/api/centre/sessions/${sessionId}/readiness`;

    const own = await server.app.inject({ method: 'GET', url: url(day.session.id), headers: referent });
    expect(own.statusCode).toBe(200);

    const anonymous = await server.app.inject({ method: 'GET', url: url(day.session.id) });
    expect([anonymous.statusCode, errorOf(anonymous).code]).toEqual([401, 'NOT_AUTHENTICATED']);

    const unknown = await server.app.inject({ method: 'GET', url: url('ses_nobody'), headers: referent });
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([404, 'NOT_FOUND']);

    const other = (
      await day.api({ method: 'POST', url: '/api/centre/centres', payload: { name: 'Lycée Voisin' } })
    ).json() as { id: string };
    const elsewhere = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${other.id}/sessions`,
      payload: { address: '1 rue Haute', room: 'A1', date: '2026-12-09', time: '10:00', examiner: 'M. Roux' },
    });
    expect(elsewhere.statusCode).toBe(201);
    const otherId = (elsewhere.json() as { id: string }).id;
    const refused = await server.app.inject({ method: 'GET', url: url(otherId), headers: referent });
    expect([refused.statusCode, errorOf(refused).code]).toEqual([404, 'NOT_FOUND']);
    // The administrator reaches it: an empty session, nothing to check.
    const admin = await day.api({ method: 'GET', url: url(otherId) });
    expect(admin.json()).toMatchObject({ candidates: [], bank: { operative: 0, unopenable: [] } });
  });
});
