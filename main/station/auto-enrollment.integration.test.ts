// A lab station starts before the network (Windows auto-logon, a Linux unit started early): installed
// with an enrollment code in its settings, it enrolls itself once the real certification server
// answers, then syncs, with nobody relaunching it.
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
/* eslint-disable no-restricted-imports -- tests against the real server (never shipped): the station's
   own code still imports nothing from server/. */
import { seedCertificationDay } from '../../server/testing/seed.ts';
import { startTestServer, type TestServer } from '../../server/testing/test-server.ts';
/* eslint-enable no-restricted-imports */
import { createStationServices, type StationServices } from './station-services.ts';
import { idleBrowser, scaledTimers, tempDataDir, until } from './sync/sync-fixtures.ts';

let server: TestServer | null = null;
let station: StationServices | null = null;
afterEach(async () => {
  await station?.close();
  station = null;
  await server?.close();
  server = null;
}, 30_000);

/** A loopback port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('a station installed with an enrollment code', () => {
  it('started while the server is not listening, enrolls itself once it is, then syncs', async () => {
    const s = await startTestServer();
    server = s;
    const day = await seedCertificationDay(s.app, { count: 1, competences: 5 });
    const issued = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${day.centreId}/enrollment-codes`,
      payload: {},
    });
    const { code } = issued.json() as { code: string };
    const port = await freePort();
    const logs: string[] = [];
    station = await createStationServices({
      dataDir: tempDataDir(),
      serverUrl: `http://127.0.0.1:${port}`,
      stationName: 'Poste 03',
      enrollmentCode: code,
      processWatch: { list: () => Promise.resolve([]) },
      machineId: 'lab-image-2026',
      browser: idleBrowser,
      attachmentUrl: (file) => `file://${file}`,
      clocks: { wall: () => s.clock.now, timers: scaledTimers(0.02) },
      heartbeatEveryMs: 50,
      tickEveryMs: 50,
      log: (message) => logs.push(message),
    });
    const started = await station.start();
    // The home says the station enrolls by itself (« disparaîtra tout seul »), not that someone must act.
    expect(started.station).toMatchObject({ enrolled: false, ready: false, notReadyCode: 'enrolling' });
    const services = station;
    // The network is not up: the station keeps trying, by itself.
    await until(
      () => services.autoEnrollment.state === 'trying' && services.autoEnrollment.attempts >= 2,
      10_000,
      'two failed attempts',
    );
    expect(services.identity.enrolled).toBe(false);

    await s.app.listen({ port, host: '127.0.0.1' });
    await until(() => services.identity.enrolled, 15_000, 'enrolled');
    expect(services.autoEnrollment).toEqual({ state: 'enrolled' });
    expect(services.identity.enrollment?.centre.id).toBe(day.centreId);
    // Then the sync loops run, as after an enrollment by hand: the heartbeat reaches the server.
    await until(() => services.syncState().online, 10_000, 'online');
    const status = await services.dispatch('getStatus', {});
    expect(status).toMatchObject({ ok: true, value: { station: { enrolled: true, ready: true } } });
    expect(logs.join('\n')).not.toContain(code);
  });
});
