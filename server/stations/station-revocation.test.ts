// A revoked station is enrolled again only with a code issued for it from its row (« Réinscrire ce
// poste »): its key's row becomes active again in its own centre, and its signed results not sent yet
// are accepted. Any other code leaves it revoked, and a code issued for it enrolls no other key. A
// station with tests in use is revoked only when the request confirms each of them, as the referent saw
// them: a test that came since is not cut off unseen.
import { generateKeyPairSync } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EnrollmentCodeSchema,
  MAX_CONFIRMED_TESTS,
  StationInUseRefusalSchema,
  StationSchema,
} from '../../core/contracts/centre-api.ts';
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
  let firstCode: string;
  beforeEach(async () => {
    logs = [];
    server = await startTestServer({
      logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
    });
    day = await seedCertificationDay(server.app, { count: 2 });
    station = stationWithKey('Poste 01');
    firstCode = await code();
    expect((await station.enroll(server.app, firstCode)).statusCode).toBe(200);
    inv = await invigilator(server, day);
  });
  afterEach(() => server.close());

  function stationWithKey(name: string): TestStation {
    const s = new TestStation(name, keys);
    s.now = () => server.clock.now;
    return s;
  }

  const issue = (payload: object = {}) =>
    day.api({ method: 'POST', url: `/api/centre/centres/${day.centreId}/enrollment-codes`, payload });

  async function code(payload: object = {}): Promise<string> {
    const r = await issue(payload);
    expect(r.statusCode).toBe(201);
    return EnrollmentCodeSchema.parse(r.json()).code;
  }

  /** « Réinscrire ce poste »: a code for this revoked station only. */
  const codeFor = (stationId: string) => code({ stationId });

  const revoke = (confirmTestIds?: readonly string[], id = station.id) =>
    day.api({
      method: 'POST',
      url: `/api/centre/stations/${id}/revoke`,
      ...(confirmTestIds === undefined ? {} : { payload: { confirmTestIds } }),
    });

  async function listed() {
    const r = await day.api({ method: 'GET', url: `/api/centre/centres/${day.centreId}/stations` });
    expect(r.statusCode).toBe(200);
    const [only] = (r.json() as { stations: unknown[] }).stations.map((s) => StationSchema.parse(s));
    return only;
  }

  const inUseOf = (r: LightMyRequestResponse) => StationInUseRefusalSchema.parse(r.json()).error;

  it('enrolls a revoked station again with a code issued for it: active again, under its new name', async () => {
    expect((await revoke()).statusCode).toBe(200);
    const refused = await station.inject(server.app, 'POST', STATION_API_PATHS.selfCheck, SELF_CHECK);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([403, 'STATION_NOT_READY']);
    expect(errorOf(refused).message).toMatch(/enroll it again/);

    const issued = await issue({ stationId: station.id });
    expect(issued.statusCode).toBe(201);
    expect(EnrollmentCodeSchema.parse(issued.json()).stationId).toBe(station.id);
    const again = stationWithKey('Poste 01 (réinstallé)');
    const enrolled = await again.enroll(server.app, EnrollmentCodeSchema.parse(issued.json()).code);
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json()).toEqual({
      stationId: station.id,
      centre: { id: day.centreId, name: 'Collège Jean Moulin' },
    });
    expect(await listed()).toMatchObject({ id: station.id, name: 'Poste 01 (réinstallé)', revokedAt: null });
    const accepted = await again.inject(server.app, 'POST', STATION_API_PATHS.selfCheck, SELF_CHECK);
    expect(accepted.statusCode).toBe(200);
    expect(logs.join('')).toContain('revoked station enrolled again');
    // Its first answer lost, the station sends the same code again: the same success.
    expect((await again.enroll(server.app, EnrollmentCodeSchema.parse(issued.json()).code)).statusCode).toBe(
      200,
    );

    // Not revoked: the key is still refused a second enrollment, and the code is kept for another station.
    const spare = await code();
    const twice = await again.enroll(server.app, spare);
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'STATION_ALREADY_ENROLLED']);
    expect((await new TestStation('Poste 02').enroll(server.app, spare)).statusCode).toBe(200);
  });

  it('leaves a revoked station revoked when it comes back with a code not issued for it', async () => {
    expect((await revoke()).statusCode).toBe(200);
    // A code handed to IT for new machines: the revoked key (a stolen laptop) does not come back with it.
    const forNewMachines = await code();
    const refused = await stationWithKey('Poste 01').enroll(server.app, forNewMachines);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'STATION_ALREADY_ENROLLED']);
    expect(errorOf(refused).message).toMatch(/re-enrollment code from the station's row/);
    expect((await listed())?.revokedAt).not.toBeNull();
    expect(logs.join('')).toContain('revoked station refused enrollment');
    // The code is not used up: it still enrolls a new machine.
    expect((await new TestStation('Poste 02').enroll(server.app, forNewMachines)).statusCode).toBe(200);
  });

  it('tells a revoked station retrying its original code that the code was used, not that it is enrolled', async () => {
    expect((await revoke()).statusCode).toBe(200);
    const retried = await stationWithKey('Poste 01').enroll(server.app, firstCode);
    expect([retried.statusCode, errorOf(retried).code]).toEqual([410, 'ENROLLMENT_CODE_INVALID']);
    expect(errorOf(retried).message).toMatch(/already used/);
    expect((await listed())?.revokedAt).not.toBeNull();
  });

  it('enrolls no other key with a code issued for a station, and issues one only for a revoked station of the centre', async () => {
    // Active: it needs none.
    const active = await issue({ stationId: station.id });
    expect([active.statusCode, errorOf(active).code]).toEqual([409, 'STATION_NOT_REVOKED']);
    const unknown = await issue({ stationId: 'st-00000000000000000000' });
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([404, 'NOT_FOUND']);

    const other = new TestStation('Poste 02');
    expect((await other.enroll(server.app, await code())).statusCode).toBe(200);
    expect((await revoke()).statusCode).toBe(200);
    expect((await revoke(undefined, other.id)).statusCode).toBe(200);
    const forStation = await codeFor(station.id);

    // Neither a new machine nor another revoked station: the code stays for its own station.
    const stranger = await new TestStation('Poste 03').enroll(server.app, forStation);
    expect([stranger.statusCode, errorOf(stranger).code]).toEqual([
      409,
      'ENROLLMENT_CODE_FOR_ANOTHER_STATION',
    ]);
    const otherRevoked = await other.enroll(server.app, forStation);
    expect([otherRevoked.statusCode, errorOf(otherRevoked).code]).toEqual([
      409,
      'ENROLLMENT_CODE_FOR_ANOTHER_STATION',
    ]);
    expect((await stationWithKey('Poste 01').enroll(server.app, forStation)).statusCode).toBe(200);
    // Used: it enrolls nothing more.
    const reused = await other.enroll(server.app, forStation);
    expect([reused.statusCode, errorOf(reused).code]).toEqual([410, 'ENROLLMENT_CODE_INVALID']);
  });

  it('accepts the signed result of a test ended before the revocation once the station is enrolled again', async () => {
    const candidate = day.candidates[0] as SeededCandidate;
    const { testId, input } = await finishedTest(server, day, inv, station, candidate);
    const jws = await signBundle(bundlePayload(input), station.privateKey);
    const upload = (by: TestStation) =>
      by.inject(server.app, 'POST', STATION_API_PATHS.result(testId), { bundle: jws });

    expect((await revoke([testId])).statusCode).toBe(200);
    const refused = await upload(station);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([403, 'STATION_NOT_READY']);

    const again = stationWithKey('Poste 01');
    expect((await again.enroll(server.app, await codeFor(station.id))).statusCode).toBe(200);
    const received = await upload(again);
    expect(received.statusCode).toBe(200);
    expect(await server.app.pix.store.bundles.count()).toBe(1);
  });

  it('refuses to revoke a station with tests in use unless each is confirmed, and lists them', async () => {
    const [first, second] = day.candidates as [SeededCandidate, SeededCandidate];
    // The first candidate's test ended, its signed result not sent; the second waits to start.
    const { testId: firstTest } = await finishedTest(server, day, inv, station, first);
    const { testId: secondTest } = await join(server, day, station, second);

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
    expect((await revoke([])).statusCode).toBe(409);
    // Only one of them confirmed: refused, with both.
    const partly = await revoke([firstTest]);
    expect(partly.statusCode).toBe(409);
    expect(inUseOf(partly).tests.map((t) => t.testId)).toEqual([secondTest, firstTest]);
    expect((await listed())?.revokedAt).toBeNull();

    const confirmed = await revoke([firstTest, secondTest]);
    expect(confirmed.statusCode).toBe(200);
    expect(StationSchema.parse(confirmed.json()).revokedAt).not.toBeNull();
    expect(logs.join('')).toContain('station revoked though tests were in use');
  });

  it('does not cut off a candidate who joined the station after the referent read the list', async () => {
    const [first, second] = day.candidates as [SeededCandidate, SeededCandidate];
    const { testId: firstTest } = await finishedTest(server, day, inv, station, first);
    // The referent opens the confirmation: it names the first candidate only.
    const seen = (await listed())?.inUse?.map((t) => t.testId) ?? [];
    expect(seen).toEqual([firstTest]);
    // Meanwhile the second candidate joins the station.
    const { testId: secondTest } = await join(server, day, station, second);

    const stale = await revoke(seen);
    expect(stale.statusCode).toBe(409);
    // The fresh list, for the referent to see before confirming again.
    expect(inUseOf(stale).tests.map((t) => [t.testId, t.candidateId])).toEqual([
      [secondTest, second.id],
      [firstTest, first.id],
    ]);
    expect((await listed())?.revokedAt).toBeNull();
    // Confirming more than is in use is harmless (a test whose result arrived since).
    expect((await revoke([firstTest, secondTest, 'tst_gone'])).statusCode).toBe(200);
  });

  it('bounds the confirmed test ids', async () => {
    const many = Array.from({ length: MAX_CONFIRMED_TESTS + 1 }, (_, i) => `tst_${i}`);
    const r = await revoke(many);
    expect([r.statusCode, errorOf(r).code]).toEqual([400, 'INVALID_REQUEST']);
    const forced = await day.api({
      method: 'POST',
      url: `/api/centre/stations/${station.id}/revoke`,
      payload: { force: true },
    });
    expect(forced.statusCode).toBe(400);
    expect((await listed())?.revokedAt).toBeNull();
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
