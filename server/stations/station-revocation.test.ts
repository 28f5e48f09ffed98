// A revoked station is enrolled again with a new one-time code (its key's row becomes active again, and
// its signed results not sent yet are accepted), and a station with tests in use is revoked only when
// the referent says so, after seeing which candidates it would cut off.
import { generateKeyPairSync } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StationInUseRefusalSchema, StationSchema } from '../../core/contracts/centre-api.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { finishedTest, invigilator, join, type Invigilator } from '../testing/exam-helpers.ts';
import { bundlePayload, signBundle } from '../testing/journal-builder.ts';
import { seedCertificationDay, type SeededCandidate, type SeededDay } from '../testing/seed.ts';
import { TestStation } from '../testing/station-client.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

const SELF_CHECK = {
  version: '1.2.3',
  ok: true,
  checks: [{ name: 'display', ok: true, detail: 'one display' }],
  checkedAt: '2026-12-08T07:59:00.000Z',
};

describe('revoking a station, and enrolling it again', () => {
  let server: TestServer;
  let day: SeededDay;
  let inv: Invigilator;
  let logs: string[];
  const keys = generateKeyPairSync('ed25519');
  let station: TestStation;
  beforeEach(async () => {
    logs = [];
    server = await startTestServer({
      logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
    });
    day = await seedCertificationDay(server.app, { count: 2 });
    station = stationWithKey('Poste 01');
    expect((await station.enroll(server.app, await code())).statusCode).toBe(200);
    inv = await invigilator(server, day);
  });
  afterEach(() => server.close());

  function stationWithKey(name: string): TestStation {
    const s = new TestStation(name, keys);
    s.now = () => server.clock.now;
    return s;
  }

  async function code(): Promise<string> {
    const r = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${day.centreId}/enrollment-codes`,
      payload: {},
    });
    expect(r.statusCode).toBe(201);
    return (r.json() as { code: string }).code;
  }

  const revoke = (force?: boolean) =>
    day.api({
      method: 'POST',
      url: `/api/centre/stations/${station.id}/revoke`,
      ...(force === undefined ? {} : { payload: { force } }),
    });

  async function listed() {
    const r = await day.api({ method: 'GET', url: `/api/centre/centres/${day.centreId}/stations` });
    expect(r.statusCode).toBe(200);
    const [only] = (r.json() as { stations: unknown[] }).stations.map((s) => StationSchema.parse(s));
    return only;
  }

  const inUseOf = (r: LightMyRequestResponse) => StationInUseRefusalSchema.parse(r.json()).error;

  it('enrolls a revoked station again with a new code: active again, under its new name', async () => {
    expect((await revoke()).statusCode).toBe(200);
    const refused = await station.inject(server.app, 'POST', STATION_API_PATHS.selfCheck, SELF_CHECK);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([403, 'STATION_NOT_READY']);
    expect(errorOf(refused).message).toMatch(/enroll it again/);

    const again = stationWithKey('Poste 01 (réinstallé)');
    const enrolled = await again.enroll(server.app, await code());
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json()).toEqual({
      stationId: station.id,
      centre: { id: day.centreId, name: 'Collège Jean Moulin' },
    });
    expect(await listed()).toMatchObject({ id: station.id, name: 'Poste 01 (réinstallé)', revokedAt: null });
    const accepted = await again.inject(server.app, 'POST', STATION_API_PATHS.selfCheck, SELF_CHECK);
    expect(accepted.statusCode).toBe(200);
    expect(logs.join('')).toContain('revoked station enrolled again');

    // Not revoked: the key is still refused a second enrollment, and the code is kept for another station.
    const spare = await code();
    const twice = await again.enroll(server.app, spare);
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'STATION_ALREADY_ENROLLED']);
    expect((await new TestStation('Poste 02').enroll(server.app, spare)).statusCode).toBe(200);
  });

  it('accepts the signed result of a test ended before the revocation once the station is enrolled again', async () => {
    const candidate = day.candidates[0] as SeededCandidate;
    const { testId, input } = await finishedTest(server, day, inv, station, candidate);
    const jws = await signBundle(bundlePayload(input), station.privateKey);
    const upload = (by: TestStation) =>
      by.inject(server.app, 'POST', STATION_API_PATHS.result(testId), { bundle: jws });

    expect((await revoke(true)).statusCode).toBe(200);
    const refused = await upload(station);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([403, 'STATION_NOT_READY']);

    const again = stationWithKey('Poste 01');
    expect((await again.enroll(server.app, await code())).statusCode).toBe(200);
    const received = await upload(again);
    expect(received.statusCode).toBe(200);
    expect(await server.app.pix.store.bundles.count()).toBe(1);
  });

  it('refuses to revoke a station with a test running or a result awaited, unless forced, and lists them', async () => {
    const [first, second] = day.candidates as [SeededCandidate, SeededCandidate];
    // The first candidate's test ended, its signed result not sent; the second waits to start.
    await finishedTest(server, day, inv, station, first);
    await join(server, day, station, second);

    const listedBefore = await listed();
    // By session, then last name (Bernard before Martin).
    expect(listedBefore?.inUse?.map((t) => [t.candidateName, t.sessionNumber, t.state])).toEqual([
      [`${second.firstName} ${second.lastName.toUpperCase()}`, day.session.number, 'running'],
      [`${first.firstName} ${first.lastName.toUpperCase()}`, day.session.number, 'running'],
    ]);

    const refused = await revoke();
    expect(refused.statusCode).toBe(409);
    const error = inUseOf(refused);
    expect(error.code).toBe('STATION_IN_USE');
    expect(error.tests.map((t) => t.candidateId)).toEqual([second.id, first.id]);
    expect((await revoke(false)).statusCode).toBe(409);
    expect((await listed())?.revokedAt).toBeNull();

    const forced = await revoke(true);
    expect(forced.statusCode).toBe(200);
    expect(StationSchema.parse(forced.json()).revokedAt).not.toBeNull();
    expect(logs.join('')).toContain('station revoked though tests were in use');
  });

  it('calls a started test of a processed session a result awaited, and revokes at once when none is', async () => {
    const candidate = day.candidates[0] as SeededCandidate;
    await finishedTest(server, day, inv, station, candidate);
    const finalized = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/finalization`,
      payload: { hadIncident: false, candidateCouldNotJoin: false },
    });
    expect(finalized.statusCode).toBe(200);
    const refused = await revoke();
    expect(inUseOf(refused).tests.map((t) => [t.candidateId, t.state])).toEqual([
      [candidate.id, 'resultAwaited'],
    ]);

    // Another station, never used: revoked without being asked twice.
    const idle = new TestStation('Poste 09');
    expect((await idle.enroll(server.app, await code())).statusCode).toBe(200);
    const revoked = await day.api({ method: 'POST', url: `/api/centre/stations/${idle.id}/revoke` });
    expect(revoked.statusCode).toBe(200);
  });
});
