// The invigilator authorized the start at one station, and the candidate signs in again at another
// (real certification server, real journals). Applied there (the candidate began, the station died
// before any record or heartbeat of the test reached the server): the candidate asks to resume, and the
// new station continues the same test once the invigilator authorizes it. Only held there (the candidate
// still read the instructions): the authorization is withdrawn, the invigilator confirms the presence
// again where the candidate sits, and the first station can no longer start with it.
import { afterEach, describe, expect, it } from 'vitest';
import { AnswerJournal } from './journal/answer-journal.ts';
import {
  answerCurrent,
  closeRoom,
  cuttableNetwork,
  openRoom,
  signIn,
  startStation,
  statusOf,
  stopStation,
} from './real-server-room.ts';
import { tempDataDir, until } from './sync/sync-fixtures.ts';

// Closing lets requests in flight end (the server waits for the stations' connections): room for it.
afterEach(closeRoom, 30_000);

describe('a start authorized at one station, the candidate signing in at another', () => {
  it('applied there, nothing of it on the server: the candidate resumes the same test, authorized by the invigilator', async () => {
    const r = await openRoom();
    const candidate = r.day.candidates[0]!;
    const store = r.server.app.pix.store;
    const { net, fetch } = cuttableNetwork();
    net.records = false;
    const a = await startStation(r, tempDataDir('station-a-'), { name: 'Poste 01', fetch });
    expect((await signIn(r, a)).ok).toBe(true);
    expect((await a.dispatch('acceptInstructions', {})).ok).toBe(true);
    const testId = a.runtime.testId ?? '';
    net.heartbeats = false;
    const start = (await r.inv.command(candidate.id, { type: 'authorizeStart' })).command.id;
    await until(() => a.runtime.phase === 'inProgress', 10_000, 'the start on A');
    await until(
      async () => (await store.commands.get(start))?.acknowledgedOutcome === 'applied',
      10_000,
      'the start acknowledged applied',
    );
    const startedOnA = a.runtime.currentChallenge();
    expect(startedOnA.ok).toBe(true);
    await stopStation(a); // A dies: none of its records, no heartbeat of the test reached the server

    expect((await store.tests.get(testId))?.journal).toMatchObject({ storedThrough: 0, startedAt: null });
    // The invigilator is told a resume starts it again (the resume's confirmation says so).
    expect(await r.inv.card(candidate.id)).toMatchObject({
      wentAhead: true,
      startNotReceived: true,
      station: { name: 'Poste 01' },
    });

    const b = await startStation(r, tempDataDir('station-b-'), { name: 'Poste 02' });
    expect((await signIn(r, b)).ok).toBe(true);
    // Not a new start from scratch: the candidate began at A, only the invigilator lets them go on.
    expect(b.runtime.phase).toBe('resumePending');
    expect(await r.inv.card(candidate.id)).toMatchObject({
      state: 'resumePending',
      resumeRequest: { stationName: 'Poste 02' },
    });
    const resume = (await r.inv.command(candidate.id, { type: 'authorizeResume' })).command.id;
    await until(() => b.runtime.phase === 'inProgress', 10_000, 'the resume on B');

    // The same test package, begun afresh from what the server holds (nothing): B's own chain.
    const onB = b.runtime.currentChallenge();
    expect(onB.ok && startedOnA.ok && onB.value.challenge.id).toBe(
      startedOnA.ok && startedOnA.value.challenge.id,
    );
    // Its time counted from this start: what A's clock ran is nowhere on the server (no record, no
    // heartbeat of it), and every answer given there is redone here.
    const { exam } = await statusOf(b);
    expect(exam.allowedMs).not.toBeNull();
    expect(exam.timeLeftMs).toBeGreaterThan((exam.allowedMs ?? 0) - 60_000);

    while (b.runtime.phase === 'inProgress') expect((await answerCurrent(b)).ok).toBe(true);
    await until(() => b.runtime.phase === 'uploaded', 15_000, 'B’s result acknowledged');
    expect(await r.inv.card(candidate.id)).toMatchObject({
      state: 'resultReceived',
      station: { name: 'Poste 02' },
      authorization: null,
      startNotReceived: false,
    });
    await stopStation(b);
    const journal = AnswerJournal.open({ file: b.journalFile });
    try {
      const kinds = journal.records(testId).map((rec) => rec.kind);
      expect(kinds.slice(0, 3)).toEqual(['testOpened', 'packageStored', 'started']);
      expect(journal.records(testId)[2]?.payload).toEqual({ authorization: resume });
      expect(journal.test(testId)?.bundle).not.toBeNull();
    } finally {
      journal.close();
    }
  });

  it('held there while the candidate read the instructions: withdrawn, that station cannot start with it', async () => {
    const r = await openRoom();
    const candidate = r.day.candidates[0]!;
    const store = r.server.app.pix.store;
    const { net, fetch } = cuttableNetwork();
    const a = await startStation(r, tempDataDir('station-a-'), { name: 'Poste 01', fetch });
    expect((await signIn(r, a)).ok).toBe(true);
    const start = (await r.inv.command(candidate.id, { type: 'authorizeStart' })).command.id;
    await until(
      async () => (await store.commands.get(start))?.acknowledgedOutcome === 'pending',
      10_000,
      'the start held on A',
    );
    // A no longer hears from the server what became of the test (its heartbeats would tell it).
    net.heartbeats = false;

    const b = await startStation(r, tempDataDir('station-b-'), { name: 'Poste 02' });
    expect((await signIn(r, b)).ok).toBe(true);
    expect(b.runtime.phase).toBe('signedIn');
    expect(await r.inv.card(candidate.id)).toMatchObject({
      station: { name: 'Poste 02' },
      authorization: null,
      pendingCommands: [],
    });
    expect(['signedIn', 'waiting']).toContain((await r.inv.card(candidate.id)).state);

    // The candidate's seat at A: accepting the instructions there starts nothing (its package refused).
    expect((await a.dispatch('acceptInstructions', {})).ok).toBe(true);
    await until(() => net.packagesRefused > 0, 10_000, 'A refused the package');
    expect(a.runtime.phase).toBe('waiting');
    expect(await store.commands.pendingForStation(a.identity.stationId, 0)).toEqual([]);
    // Heard again, A is told the test went elsewhere: back at its home.
    net.heartbeats = true;
    await until(() => a.runtime.phase === 'idle', 10_000, 'A back at its home');
    expect((await statusOf(a)).exam.movedElsewhere).toMatchObject({ firstName: candidate.firstName });

    // Confirmed again at B: the candidate starts there.
    expect((await b.dispatch('acceptInstructions', {})).ok).toBe(true);
    await until(async () => (await r.inv.card(candidate.id)).state === 'waiting', 10_000, 'B waiting');
    await r.inv.command(candidate.id, { type: 'authorizeStart' });
    await until(() => b.runtime.phase === 'inProgress', 10_000, 'the start on B');
    expect(a.runtime.phase).toBe('idle');
  });
});
