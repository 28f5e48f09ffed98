// The invigilator confirmed the candidate's presence while they still read the instructions (real
// certification server, real journal): the station held the start and acknowledged it `pending`. When
// the candidate starts, the server hears at once that it was applied, before any record or heartbeat of
// the test: the station may die right after, and the candidate signing in elsewhere then resumes the
// test they began instead of starting a new one (and finalization counts them present).
import { afterEach, describe, expect, it } from 'vitest';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { closeRoom, openRoom, signIn, startStation, stopStation } from './real-server-room.ts';
import type { FetchLike } from './sync/server-connection.ts';
import { tempDataDir, until } from './sync/sync-fixtures.ts';

// Closing lets requests in flight end (the server waits for the stations' connections): room for it.
afterEach(closeRoom, 30_000);

/** The station's network: its records never get through, its heartbeats only until told. */
function network() {
  const net = { heartbeats: true };
  const [recordsBefore = '', recordsAfter = ''] = STATION_API_PATHS.records('X').split('X');
  const fetch: FetchLike = async (input, init) => {
    const { pathname } = new URL(input);
    const records = pathname.startsWith(recordsBefore) && pathname.endsWith(recordsAfter);
    if (init.method === 'POST' && records) throw new TypeError('fetch failed');
    if (pathname === STATION_API_PATHS.heartbeat && !net.heartbeats) throw new TypeError('fetch failed');
    return globalThis.fetch(input, init);
  };
  return { net, fetch };
}

describe('a start held while the candidate reads the instructions', () => {
  it('is acknowledged applied as soon as the candidate starts, though nothing else of the test reaches the server', async () => {
    const r = await openRoom();
    const candidate = r.day.candidates[0]!;
    const store = r.server.app.pix.store;
    const { net, fetch } = network();
    const a = await startStation(r, tempDataDir('station-a-'), { name: 'Poste 01', fetch });
    expect((await signIn(r, a)).ok).toBe(true);
    net.heartbeats = false;
    const testId = a.runtime.testId ?? '';
    const start = (await r.inv.command(candidate.id, { type: 'authorizeStart' })).command.id;
    await until(
      async () => (await store.commands.get(start))?.acknowledgedOutcome === 'pending',
      10_000,
      'the start held on A',
    );
    expect(a.runtime.phase).toBe('signedIn');

    expect((await a.dispatch('acceptInstructions', {})).ok).toBe(true);
    expect(a.runtime.phase).toBe('inProgress');
    await until(
      async () => (await store.commands.get(start))?.acknowledgedOutcome === 'applied',
      10_000,
      'the start acknowledged applied',
    );
    await stopStation(a); // A dies: none of its records, no heartbeat of the test reached the server
    expect((await store.tests.get(testId))?.journal).toMatchObject({ storedThrough: 0, startedAt: null });
    expect(await r.inv.card(candidate.id)).toMatchObject({ wentAhead: true, station: { name: 'Poste 01' } });

    // Signed in at another station: a resume of the test begun, not a fresh start.
    const b = await startStation(r, tempDataDir('station-b-'), { name: 'Poste 02' });
    expect((await signIn(r, b)).ok).toBe(true);
    expect(b.runtime.phase).toBe('resumePending');
    await stopStation(b);
  });
});
