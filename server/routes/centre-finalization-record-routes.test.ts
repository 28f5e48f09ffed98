// GET /api/centre/sessions/:sessionId/finalization-record on a real server and SQLite: a login is
// needed (401), another centre's referent is answered as if the session did not exist (404, like every
// centre route: accounts/access.ts), an unknown session is 404, a session not finalized yet is refused
// (409 SESSION_NOT_FINALIZED); once finalized, the centre's referent and the administrator read the
// record, as the contract says it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FinalizationRecordSchema,
  type FinalizationRecord,
} from '../../core/contracts/finalization-record.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { enrolledStation, finishedTest, invigilator, type Invigilator } from '../testing/exam-helpers.ts';
import { bundlePayload, signBundle } from '../testing/journal-builder.ts';
import { referentOf, seedCertificationDay, type SeededCandidate, type SeededDay } from '../testing/seed.ts';
import { errorOf, loginAs, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('the finalization record route', () => {
  let server: TestServer;
  let day: SeededDay;
  let inv: Invigilator;
  let referent: { authorization: string };
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 3 });
    inv = await invigilator(server, day);
    referent = await referentOf(server.app, day);
  });
  afterEach(() => server.close());

  const lea = () => day.candidates[0] as SeededCandidate;
  const admin = () => ({ authorization: `Bearer ${day.adminToken}` });
  const get = (headers: Record<string, string>, sessionId = day.session.id) =>
    server.app.inject({
      method: 'GET',
      url: `/api/centre/sessions/${sessionId}/finalization-record`,
      headers,
    });

  /** A referent of another centre, signed in. */
  async function otherCentreReferent(): Promise<{ authorization: string }> {
    const centre = await day.api({
      method: 'POST',
      url: '/api/centre/centres',
      payload: { name: 'Lycée Voltaire' },
    });
    expect(centre.statusCode, centre.body).toBe(201);
    const other = { email: 'ref@lycee.test', password: 'referent password 2' };
    const created = await day.api({
      method: 'POST',
      url: '/api/centre/accounts',
      payload: {
        ...other,
        displayName: 'Réf Voltaire',
        role: 'referent',
        centreId: (centre.json() as { id: string }).id,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return { authorization: `Bearer ${await loginAs(server.app, other.email, other.password)}` };
  }

  async function finalizeWithLeaFinished() {
    const station = await enrolledStation(server, day, 'Poste 01');
    const { testId, input } = await finishedTest(server, day, inv, station, lea());
    const sent = await station.inject(server.app, 'POST', STATION_API_PATHS.result(testId), {
      bundle: await signBundle(bundlePayload(input), station.privateKey),
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const report = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/incidents`,
      payload: { candidateId: lea().id, code: 'E4', questionNumber: 5, description: 'Site indisponible.' },
    });
    expect(report.statusCode, report.body).toBe(201);
    const done = await inv.post('/finalization', {
      abortReasons: [],
      globalComment: 'RAS',
      hadIncident: false,
      candidateCouldNotJoin: true,
    });
    expect(done.statusCode, done.body).toBe(200);
  }

  it('needs a login, and answers 404 for an unknown session', async () => {
    const anonymous = await get({});
    expect(anonymous.statusCode).toBe(401);
    const unknown = await get(referent, 'ses_unknown');
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([404, 'NOT_FOUND']);
  });

  it('is refused before finalization (409), for the referent and the administrator', async () => {
    for (const headers of [referent, admin()]) {
      const early = await get(headers);
      expect([early.statusCode, errorOf(early).code]).toEqual([409, 'SESSION_NOT_FINALIZED']);
    }
  });

  it('is out of reach of another centre’s referent, as if the session did not exist', async () => {
    await finalizeWithLeaFinished();
    const other = await get(await otherCentreReferent());
    expect([other.statusCode, errorOf(other).code]).toEqual([404, 'NOT_FOUND']);
    expect(other.body).not.toContain('Martin');
  });

  it('gives the centre’s referent and the administrator the record once finalized', async () => {
    await finalizeWithLeaFinished();
    const bodies: FinalizationRecord[] = [];
    for (const headers of [referent, admin()]) {
      const r = await get(headers);
      expect(r.statusCode, r.body).toBe(200);
      bodies.push(FinalizationRecordSchema.parse(r.json()));
    }
    expect(bodies[1]).toEqual(bodies[0]);
    const rec = bodies[0] as FinalizationRecord;
    expect(rec.session).toMatchObject({
      id: day.session.id,
      number: day.session.number,
      centreName: 'Collège Jean Moulin',
      room: 'Salle B12',
      examiner: 'Mme Sophie Leroy',
    });
    expect(rec.finalization).toEqual({
      finalizedAt: new Date(server.clock.now).toISOString(),
      finalizedBy: { kind: 'invigilator' },
      hadIncident: false,
      candidateCouldNotJoin: true,
      globalComment: 'RAS',
    });
    // Bernard Hugo, Dubois Chloé (never came), Martin Léa (finished).
    expect(rec.candidates.map((c) => [c.lastName, c.attendance, c.outcome])).toEqual([
      ['Bernard', 'absent', 'none'],
      ['Dubois', 'absent', 'none'],
      ['Martin', 'present', 'finished'],
    ]);
    expect(rec.candidates[2]?.incidents).toEqual([
      { code: 'E4', questionNumber: 5, description: 'Site indisponible.' },
    ]);
    expect(rec.counts).toEqual({ enrolled: 3, present: 1, absent: 2, finished: 1, aborted: 0, pending: 0 });
    expect(rec.generatedAt).toBe(new Date(server.clock.now).toISOString());
    // Nothing that opens the room: neither the access code nor the invigilator's password.
    const body = JSON.stringify(rec);
    expect(body).not.toContain(day.session.invigilatorPassword);
    expect(body).not.toContain(day.session.accessCode);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
    };
    const op = doc.paths['/api/centre/sessions/{sessionId}/finalization-record']?.get;
    expect(Object.keys(op?.responses ?? {}).sort()).toEqual(['200', '401', '404', '409']);
  });
});
