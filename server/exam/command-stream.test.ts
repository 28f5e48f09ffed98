import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { enrolledStation } from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { watchStream } from '../testing/stream-watcher.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

describe('the command stream ends when its station is revoked', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let other: TestStation;
  let base: string;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 1 });
    station = await enrolledStation(server, day);
    other = await enrolledStation(server, day, 'Poste 02');
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await server.close();
  });

  const open = (by: TestStation) =>
    watchStream(`${base}${STATION_API_PATHS.commands}`, by.sign('GET', STATION_API_PATHS.commands, ''));

  it('ends at once when the centre revokes the station, and only its stream', async () => {
    const revokedStream = await open(station);
    const kept = await open(other);
    const revoked = await day.api({ method: 'POST', url: `/api/centre/stations/${station.id}/revoke` });
    expect(revoked.statusCode).toBe(200);

    expect(await revokedStream.endsWithin(1000)).toBe(true);
    expect(kept.ended).toBe(false);
    const again = await station.inject(server.app, 'GET', STATION_API_PATHS.commands);
    expect(again.statusCode).toBe(403);
    kept.close();
  });

  it('ends on the keep-alive after a revocation it was not told of', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const stream = await open(station);
    const kept = await open(other);
    // As another server process would: straight in the store, no call to end the streams.
    await server.app.pix.store.stations.revoke(station.id, server.clock.now);
    vi.advanceTimersByTime(15_000);

    expect(await stream.endsWithin(2000)).toBe(true);
    expect(kept.ended).toBe(false);
    kept.close();
  });
});
