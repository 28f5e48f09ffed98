import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGNATURE_MAX_SKEW_MS } from '../../core/contracts/station-request-signing.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import { TestStation } from '../testing/station-client.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

const SELF_CHECK = {
  version: '1.2.3',
  ok: true,
  checks: [{ name: 'display', ok: true, detail: 'one display' }],
  checkedAt: '2026-12-08T07:59:00.000Z',
};

describe('stations: enrollment, signed requests, revocation', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 1 });
    station = new TestStation('Poste 07');
    station.now = () => server.clock.now;
  });
  afterEach(() => server.close());

  async function code(validForMinutes = 60): Promise<string> {
    const r = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${day.centreId}/enrollment-codes`,
      payload: { validForMinutes },
    });
    expect(r.statusCode).toBe(201);
    return (r.json() as { code: string }).code;
  }

  it('enrolls with a one-time code: once, not twice, not expired, not unknown', async () => {
    const once = await code();
    expect(once).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const enrolled = await station.enroll(server.app, once.toLowerCase().replace(/-/g, ' '));
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json()).toEqual({
      stationId: station.id,
      centre: { id: day.centreId, name: 'Collège Jean Moulin' },
    });
    // The same station again (lost answer): the same success; another station: refused.
    expect((await station.enroll(server.app, once)).statusCode).toBe(200);
    const other = await new TestStation('Poste 08').enroll(server.app, once);
    expect(other.statusCode).toBe(410);
    expect(errorOf(other).code).toBe('ENROLLMENT_CODE_INVALID');
    expect((await new TestStation().enroll(server.app, 'BCDF-GHJK-MPQR')).statusCode).toBe(404);
    const short = await code(5);
    server.clock.advance(5 * 60_000 + 1);
    const expired = await new TestStation('Poste 09').enroll(server.app, short);
    expect(expired.statusCode).toBe(410);
    expect(errorOf(expired).message).toMatch(/expired/);
    const stations = await day.api({ method: 'GET', url: `/api/centre/centres/${day.centreId}/stations` });
    expect((stations.json() as { stations: { id: string }[] }).stations.map((s) => s.id)).toEqual([
      station.id,
    ]);
  });

  it('accepts a signed request and records the version and self-check', async () => {
    await station.enroll(server.app, await code());
    const response = await station.inject(server.app, 'POST', STATION_API_PATHS.selfCheck, SELF_CHECK);
    expect(response.statusCode).toBe(200);
    const list = await day.api({ method: 'GET', url: `/api/centre/centres/${day.centreId}/stations` });
    expect(list.json()).toMatchObject({
      stations: [
        {
          id: station.id,
          name: 'Poste 07',
          version: '1.2.3',
          selfCheck: { ok: true, checks: SELF_CHECK.checks },
        },
      ],
    });
  });

  it('refuses forged, tampered, replayed, stale, unsigned and unknown-station requests with 401', async () => {
    await station.enroll(server.app, await code());
    const body = JSON.stringify(SELF_CHECK);
    const headers = station.sign('POST', STATION_API_PATHS.selfCheck, body, 'nonce-0123456789');
    const send = (h: Record<string, string>, payload = body) =>
      server.app.inject({
        method: 'POST',
        url: STATION_API_PATHS.selfCheck,
        headers: { ...h, 'content-type': 'application/json' },
        payload,
      });

    const forger = new TestStation('Faux');
    forger.now = station.now;
    const forged = forger.sign('POST', STATION_API_PATHS.selfCheck, body);
    const forgedResponse = await send({ ...forged, 'x-station-id': station.id });
    expect([forgedResponse.statusCode, errorOf(forgedResponse).code]).toEqual([401, 'BAD_SIGNATURE']);

    const tampered = await send(headers, body.replace('1.2.3', '6.6.6'));
    expect([tampered.statusCode, errorOf(tampered).code]).toEqual([401, 'BAD_SIGNATURE']);

    const first = await send(headers);
    expect(first.statusCode).toBe(200);
    const replay = await send(headers);
    expect([replay.statusCode, errorOf(replay).code]).toEqual([401, 'REPLAYED_REQUEST']);

    station.clockSkewMs = -(SIGNATURE_MAX_SKEW_MS + 1000);
    const stale = await station.inject(server.app, 'POST', STATION_API_PATHS.selfCheck, SELF_CHECK);
    expect([stale.statusCode, errorOf(stale).code]).toEqual([401, 'STALE_REQUEST']);
    station.clockSkewMs = 0;

    const unsigned = await server.app.inject({
      method: 'POST',
      url: STATION_API_PATHS.selfCheck,
      payload: SELF_CHECK,
    });
    expect([unsigned.statusCode, errorOf(unsigned).code]).toEqual([401, 'BAD_SIGNATURE']);

    const stranger = new TestStation('Inconnu');
    stranger.now = station.now;
    const unknown = await stranger.inject(server.app, 'POST', STATION_API_PATHS.selfCheck, SELF_CHECK);
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([401, 'STATION_NOT_READY']);
  });

  it('survives a restart without reopening replays: nonces are stored', async () => {
    await station.enroll(server.app, await code());
    const body = JSON.stringify(SELF_CHECK);
    const headers = {
      ...station.sign('POST', STATION_API_PATHS.selfCheck, body),
      'content-type': 'application/json',
    };
    expect(
      (await server.app.inject({ method: 'POST', url: STATION_API_PATHS.selfCheck, headers, payload: body }))
        .statusCode,
    ).toBe(200);
    await server.close();
    server = await startTestServer({ dbFile: server.dbFile, clock: server.clock });
    const replay = await server.app.inject({
      method: 'POST',
      url: STATION_API_PATHS.selfCheck,
      headers,
      payload: body,
    });
    expect([replay.statusCode, errorOf(replay).code]).toEqual([401, 'REPLAYED_REQUEST']);
  });

  it('refuses a revoked station with 403', async () => {
    await station.enroll(server.app, await code());
    const revoked = await day.api({ method: 'POST', url: `/api/centre/stations/${station.id}/revoke` });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: station.id, revokedAt: expect.any(String) });
    const refused = await station.inject(server.app, 'POST', STATION_API_PATHS.selfCheck, SELF_CHECK);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([403, 'STATION_NOT_READY']);
    expect(errorOf(refused).message).toMatch(/revoked/);
  });
});
