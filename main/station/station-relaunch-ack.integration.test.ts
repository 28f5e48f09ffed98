// A station applies the invigilator's command, then dies before its acknowledgment reaches the real
// certification server, and before any of its records do. Relaunched, it is sent the command again:
// its acknowledgment must say at once that the command was applied (what the server keeps of what each
// station did with a command), not wait for records that may never come.
import { afterEach, describe, expect, it } from 'vitest';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { closeRoom, openRoom, signIn, startStation, stopStation, type Room } from './real-server-room.ts';
import type { StationServices } from './station-services.ts';
import type { FetchLike } from './sync/server-connection.ts';
import { tempDataDir, until } from './sync/sync-fixtures.ts';

// Closing lets requests in flight end (the server waits for the stations' connections): room for it.
afterEach(closeRoom, 30_000);

/**
 * The network between the station and the server: no record or result ever gets through, and
 * acknowledgments only while `acks` is set (each one tried is noted).
 */
function network() {
  const net = { acks: false, tried: [] as string[], recordsRefused: 0, resultsRefused: 0 };
  // The paths around an id, from the contract (the id placeholder `X` appears nowhere else in them).
  const [ackBefore = '', ackAfter = ''] = STATION_API_PATHS.commandAck('X').split('X');
  const [recordsBefore = '', recordsAfter = ''] = STATION_API_PATHS.records('X').split('X');
  const [resultBefore = '', resultAfter = ''] = STATION_API_PATHS.result('X').split('X');
  const around = (pathname: string, before: string, after: string) =>
    pathname.startsWith(before) && pathname.endsWith(after)
      ? decodeURIComponent(pathname.slice(before.length, pathname.length - after.length))
      : null;
  const fetch: FetchLike = (input, init) => {
    const { pathname } = new URL(input);
    if (init.method === 'POST' && around(pathname, recordsBefore, recordsAfter) !== null) {
      net.recordsRefused += 1;
      return Promise.reject(new TypeError('fetch failed'));
    }
    // A result carries the records too: kept back as well.
    if (around(pathname, resultBefore, resultAfter) !== null) {
      net.resultsRefused += 1;
      return Promise.reject(new TypeError('fetch failed'));
    }
    const acked = around(pathname, ackBefore, ackAfter);
    if (acked !== null) {
      net.tried.push(acked);
      if (!net.acks) return Promise.reject(new TypeError('fetch failed'));
    }
    return globalThis.fetch(input, init);
  };
  return { net, fetch };
}

async function signInAndAccept(r: Room, services: StationServices): Promise<void> {
  expect((await signIn(r, services)).ok).toBe(true);
  expect((await services.dispatch('acceptInstructions', {})).ok).toBe(true);
}

describe('a station relaunched before the server got its acknowledgment', () => {
  it('acknowledges the start it applied as applied, and the server stores that before any record', async () => {
    const r = await openRoom();
    const candidate = r.day.candidates[0]!;
    const dir = tempDataDir('station-relaunch-');
    const { net, fetch } = network();
    const first = await startStation(r, dir, { fetch });
    await signInAndAccept(r, first);
    const start = (await r.inv.command(candidate.id, { type: 'authorizeStart' })).command.id;
    await until(() => first.runtime.phase === 'inProgress', 10_000, 'the start');
    await until(() => net.tried.includes(start), 10_000, 'the acknowledgment tried');
    const testId = first.runtime.testId ?? '';
    await stopStation(first); // the station dies

    const store = r.server.app.pix.store;
    expect(await store.commands.get(start)).toMatchObject({
      acknowledgedAt: null,
      acknowledgedOutcome: null,
    });
    net.acks = true;
    const relaunched = await startStation(r, dir, { fetch });
    await until(
      async () => ((await store.commands.get(start))?.acknowledgedAt ?? null) !== null,
      10_000,
      'the acknowledgment after the relaunch',
    );
    expect(await store.commands.get(start)).toMatchObject({ acknowledgedOutcome: 'applied' });
    // Said by the acknowledgment alone: none of the station's records reached the server.
    expect(net.recordsRefused).toBeGreaterThan(0);
    expect((await store.tests.get(testId))?.journal).toMatchObject({ storedThrough: 0, startedAt: null });
    // The station applied nothing twice: it waits for « autoriser la reprise », as after any crash.
    expect(relaunched.runtime.phase).toBe('resumePending');
  });

  it('acknowledges the end that sealed its test as applied, though it no longer holds that test', async () => {
    const r = await openRoom();
    const candidate = r.day.candidates[0]!;
    const dir = tempDataDir('station-relaunch-');
    const { net, fetch } = network();
    net.acks = true;
    const first = await startStation(r, dir, { fetch });
    await signInAndAccept(r, first);
    await r.inv.command(candidate.id, { type: 'authorizeStart' });
    await until(() => first.runtime.phase === 'inProgress', 10_000, 'the start');
    const testId = first.runtime.testId ?? '';
    net.acks = false;
    // Refused until the server knows the test under way, from its heartbeats (no record reaches it).
    let end = '';
    await until(
      async () => {
        const issued = await r.inv.post(`/candidates/${candidate.id}/commands`, { type: 'endTest' });
        if (issued.statusCode === 200) end = (issued.json() as { command: { id: string } }).command.id;
        return end !== '';
      },
      10_000,
      'the end issued',
    );
    await until(() => first.runtime.phase === 'sealed', 10_000, 'the end, sealed');
    await until(() => net.tried.includes(end), 10_000, 'the acknowledgment tried');
    await stopStation(first); // the station dies

    const store = r.server.app.pix.store;
    expect(await store.commands.get(end)).toMatchObject({ acknowledgedAt: null, acknowledgedOutcome: null });
    net.acks = true;
    const relaunched = await startStation(r, dir, { fetch });
    expect(relaunched.runtime.phase).toBe('idle'); // sealed: nothing of it to restore
    await until(
      async () => ((await store.commands.get(end))?.acknowledgedAt ?? null) !== null,
      10_000,
      'the acknowledgment after the relaunch',
    );
    expect(await store.commands.get(end)).toMatchObject({ acknowledgedOutcome: 'applied' });
    expect(net.recordsRefused + net.resultsRefused).toBeGreaterThan(0);
    expect(await store.tests.get(testId)).toMatchObject({
      bundleReceivedAt: null,
      journal: { storedThrough: 0, endedReason: null },
    });
  });
});
