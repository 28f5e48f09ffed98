// A candidate resumed on another station while this one was down (or still running): the real
// certification server attaches the test to the new station and refuses the old one's records. The old
// station, when it is heard again, must stop its stale copy without sealing a competing result, keep its
// journal for the jury, and go back to its home saying the test goes on elsewhere.
import { afterEach, describe, expect, it } from 'vitest';
import { AnswerJournal } from './journal/answer-journal.ts';
import {
  answerCurrent,
  closeRoom,
  openRoom,
  signIn,
  startStation,
  statusOf,
  stopStation,
  type Room,
} from './real-server-room.ts';
import type { StationServices } from './station-services.ts';
import { tempDataDir, until } from './sync/sync-fixtures.ts';

// Closing lets requests in flight end (the server waits for the stations' connections): room for it.
afterEach(closeRoom, 30_000);

/** The candidate starts on A and answers one question, replicated to the server. */
async function startedOn(r: Room, a: StationServices): Promise<string> {
  const candidate = r.day.candidates[0]!;
  expect((await signIn(r, a)).ok).toBe(true);
  await a.dispatch('acceptInstructions', {});
  await r.inv.command(candidate.id, { type: 'authorizeStart' });
  await until(() => a.runtime.phase === 'inProgress', 10_000, 'the start on A');
  expect((await answerCurrent(a)).ok).toBe(true);
  await until(async () => (await r.inv.card(candidate.id)).progress?.answered === 1, 10_000, 'A’s answer');
  return a.runtime.testId ?? '';
}

/** The candidate signs in on B, the invigilator authorizes the resume, B takes the test up. */
async function resumedOn(r: Room, b: StationServices): Promise<void> {
  expect((await signIn(r, b)).ok).toBe(true);
  expect(b.runtime.phase).toBe('resumePending');
  await r.inv.command(r.day.candidates[0]!.id, { type: 'authorizeResume' });
  await until(() => b.runtime.phase === 'inProgress', 10_000, 'the resume on B');
}

describe('a station whose test went on at another one', () => {
  it('relaunched, recognises its stale copy, keeps it for the jury and seals nothing; the result comes from the other station', async () => {
    const r = await openRoom();
    const dirA = tempDataDir('station-a-');
    const a = await startStation(r, dirA, { name: 'Poste 01' });
    const testId = await startedOn(r, a);
    await stopStation(a); // the station dies

    const b = await startStation(r, tempDataDir('station-b-'), { name: 'Poste 02' });
    await resumedOn(r, b);

    // A comes back: it restores the test, and the server tells it the test went on elsewhere.
    const again = await startStation(r, dirA, { name: 'Poste 01' });
    await until(() => again.runtime.phase === 'idle', 10_000, 'A back at its home');
    expect((await statusOf(again)).exam.movedElsewhere).toEqual({
      firstName: r.day.candidates[0]!.firstName,
      lastName: r.day.candidates[0]!.lastName,
    });

    while (b.runtime.phase === 'inProgress') expect((await answerCurrent(b)).ok).toBe(true);
    await until(() => b.runtime.phase === 'uploaded', 15_000, 'B’s result acknowledged');
    const card = await r.inv.card(r.day.candidates[0]!.id);
    expect(card).toMatchObject({ state: 'resultReceived', station: { id: b.identity.stationId } });
    expect(again.syncState().upload.pending).toBe(0);
    await stopStation(again);

    // A's copy is still there, whole, for the jury; never to be resumed.
    const journal = AnswerJournal.open({ file: again.journalFile });
    try {
      expect(journal.movedAt(testId)).not.toBeNull();
      expect(journal.verify(testId).ok).toBe(true);
      expect(journal.records(testId).filter((rec) => rec.kind === 'answered')).toHaveLength(1);
      expect(journal.test(testId)?.bundle).toBeNull();
      expect(journal.unfinishedTest()).toBeNull();
    } finally {
      journal.close();
    }
  });

  it('still running, stops the test the invigilator moved to another station', async () => {
    const r = await openRoom();
    const a = await startStation(r, tempDataDir('station-a-'), { name: 'Poste 01' });
    await startedOn(r, a);
    const b = await startStation(r, tempDataDir('station-b-'), { name: 'Poste 02' });
    await resumedOn(r, b);
    await until(() => a.runtime.phase === 'idle', 10_000, 'A back at its home');
    expect((await statusOf(a)).exam.movedElsewhere).not.toBeNull();
    expect(await answerCurrent(a).catch((error: unknown) => String(error))).toMatch(/not in progress/);
    expect(b.runtime.phase).toBe('inProgress');
  });
});
