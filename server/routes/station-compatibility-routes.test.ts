import { afterEach, describe, expect, it } from 'vitest';
import { CompatibilityResponseSchema, STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { SERVER_VERSION } from '../app.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('GET /api/stations/compatibility', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  const ask = (s: TestServer, query: string) =>
    s.app.inject({ method: 'GET', url: `${STATION_API_PATHS.compatibility}${query}` });

  it('answers without a signature: server version, server time, every version allowed by default', async () => {
    server = await startTestServer();
    const response = await ask(server, '?version=0.1.0');
    expect(response.statusCode).toBe(200);
    expect(CompatibilityResponseSchema.parse(response.json())).toEqual({
      serverVersion: SERVER_VERSION,
      serverTime: server.clock.now,
      minimumStationVersion: null,
      versionAllowed: true,
    });
  });

  it('refuses versions older than the configured minimum', async () => {
    server = await startTestServer({ config: { minimumStationVersion: '1.4.0' } });
    const old = (await ask(server, '?version=1.3.9')).json() as { versionAllowed: boolean };
    expect(old.versionAllowed).toBe(false);
    const current = (await ask(server, '?version=1.4.0')).json() as { minimumStationVersion: string };
    expect(current).toMatchObject({ versionAllowed: true, minimumStationVersion: '1.4.0' });
  });

  it('says what is wrong with a missing or malformed version', async () => {
    server = await startTestServer();
    for (const query of ['', '?version=latest', '?version=1.2']) {
      const response = await ask(server, query);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('INVALID_REQUEST');
    }
  });
});
