// The invigilator confirmed the candidate's presence while they still read the instructions (real
// certification server, real journal): the station held the start and acknowledged it `pending`. When
// the candidate starts, the server hears at once that it was applied, before any record or heartbeat of
// the test: the station may die right after, and the candidate signing in elsewhere then resumes the
// test they began instead of starting a new one (and finalization counts them present).
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeRoom,
  cuttableNetwork,
  openRoom,
  signIn,
  startStation,
  stopStation,
} from './real-server-room.ts';
import { tempDataDir, until } from './sync/sync-fixtures.ts';

// Closing lets requests in flight end (the server waits for the stations' connections): room for it.
afterEach(closeRoom, 30_000);

describe('a start held while the candidate reads the instructions', () => {
  it('is acknowledged applied as soon as the candidate starts, though nothing else of the test reaches the server', async () => {
    const r = await openRoom();
    const candidate = r.day.candidates[0]!;
    const store = r.server.app.pix.store;
    const { net, fetch } = cuttableNetwork();
    // Its records never get through.
    net.records = false;
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
