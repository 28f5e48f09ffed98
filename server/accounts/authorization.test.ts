import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrolledStation } from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import { as, errorOf, loginAs, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('a referent reaches only their own centre', () => {
  let server: TestServer;
  let day: SeededDay;
  let referent: ReturnType<typeof as>;
  let stationId: string;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 1 });
    stationId = (await enrolledStation(server, day)).id;
    const other = await day.api({
      method: 'POST',
      url: '/api/centre/centres',
      payload: { name: 'Lycée Voltaire' },
    });
    const otherId = (other.json() as { id: string }).id;
    await day.api({
      method: 'POST',
      url: '/api/centre/accounts',
      payload: {
        email: 'ref@voltaire.test',
        displayName: 'Réf',
        role: 'referent',
        centreId: otherId,
        password: 'voltaire password',
      },
    });
    referent = as(await loginAs(server.app, 'ref@voltaire.test', 'voltaire password'));
  });
  afterEach(() => server.close());

  it('answers 404 for every route on another centre’s sessions, candidates, stations and results, and changes nothing', async () => {
    const centre = day.centreId;
    const session = day.session.id;
    const candidate = day.candidates[0]?.id ?? '';
    const details = { address: 'a', room: 'b', date: '2026-12-09', time: '10:00', examiner: 'c' };
    const person = {
      lastName: 'X',
      firstName: 'Y',
      sex: 'F',
      birthdate: '2011-01-01',
      birthCountry: 'France',
      birthInseeCode: '69123',
    };
    const routes: [string, string, unknown?, Record<string, string>?][] = [
      ['GET', `/api/centre/centres/${centre}/sessions`],
      ['POST', `/api/centre/centres/${centre}/sessions`, details],
      ['GET', `/api/centre/sessions/${session}`],
      ['PUT', `/api/centre/sessions/${session}`, details],
      ['DELETE', `/api/centre/sessions/${session}`],
      ['GET', `/api/centre/sessions/${session}/candidates`],
      ['POST', `/api/centre/sessions/${session}/candidates`, person],
      [
        'POST',
        `/api/centre/sessions/${session}/candidates/import`,
        'Nom;Prénom;Sexe;Date de naissance\nA;B;F;01/01/2011\n',
        { 'content-type': 'text/csv' },
      ],
      ['GET', `/api/centre/candidates/${candidate}`],
      ['PUT', `/api/centre/candidates/${candidate}`, person],
      ['DELETE', `/api/centre/candidates/${candidate}`],
      ['PUT', `/api/centre/candidates/${candidate}/profile`, { competences: [], validatedSkills: [] }],
      [
        'POST',
        `/api/centre/sessions/${session}/profiles/import`,
        { profiles: [{ externalId: 'x', profile: { competences: [], validatedSkills: [] } }] },
      ],
      ['POST', `/api/centre/centres/${centre}/bank/import`, day.bank.slice(0, 2)],
      ['GET', `/api/centre/centres/${centre}/bank`],
      ['POST', `/api/centre/centres/${centre}/enrollment-codes`, {}],
      ['GET', `/api/centre/centres/${centre}/stations`],
      ['POST', `/api/centre/stations/${stationId}/revoke`],
      ['GET', `/api/centre/sessions/${session}/incidents`],
      ['POST', `/api/centre/sessions/${session}/incidents`, { candidateId: candidate, code: 'C7' }],
      [
        'POST',
        `/api/centre/sessions/${session}/finalization`,
        { hadIncident: false, candidateCouldNotJoin: false },
      ],
      ['GET', `/api/centre/sessions/${session}/unfinished-tests`],
      ['GET', `/api/centre/sessions/${session}/results`],
      ['GET', `/api/centre/sessions/${session}/results.csv`],
      ['GET', `/api/centre/sessions/${session}/certificates.pdf`],
      ['GET', `/api/centre/candidates/${candidate}/certificate`],
      ['GET', `/api/centre/candidates/${candidate}/certificate.pdf`],
    ];
    for (const [method, url, payload, headers] of routes) {
      const response = await referent(server.app, {
        method: method as 'GET',
        url,
        ...(payload === undefined ? {} : { payload: payload as string }),
        ...(headers ? { headers } : {}),
      });
      expect([method, url, response.statusCode, errorOf(response).code]).toEqual([
        method,
        url,
        404,
        'NOT_FOUND',
      ]);
    }
    const after = await day.api({ method: 'GET', url: `/api/centre/sessions/${session}/candidates` });
    expect((after.json() as { candidates: unknown[] }).candidates).toHaveLength(1);
    const stations = await day.api({ method: 'GET', url: `/api/centre/centres/${centre}/stations` });
    expect(stations.json()).toMatchObject({ stations: [{ id: stationId, revokedAt: null }] });
    const me = await referent(server.app, { method: 'GET', url: '/api/centre/me' });
    expect((me.json() as { centres: { name: string }[] }).centres.map((c) => c.name)).toEqual([
      'Lycée Voltaire',
    ]);
  });
});
