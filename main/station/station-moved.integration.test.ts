// A candidate resumed on another station while this one was down (or still running): the real
// certification server attaches the test to the new station and refuses the old one's records. The old
// station, when it is heard again, must stop its stale copy without sealing a competing result, keep its
// journal for the jury, and go back to its home saying the test goes on elsewhere.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../core/challenge/answer.ts';
import type { PackagedChallenge } from '../../core/challenge/challenge.ts';
import type { StationStatus } from '../../core/contracts/station-api.ts';
/* eslint-disable no-restricted-imports -- tests against the real server (never shipped): the station's
   own code still imports nothing from server/. */
import { invigilator, type Invigilator } from '../../server/testing/exam-helpers.ts';
import { seedCertificationDay, type SeededDay } from '../../server/testing/seed.ts';
import { startTestServer, type TestServer } from '../../server/testing/test-server.ts';
/* eslint-enable no-restricted-imports */
import { AnswerJournal } from './journal/answer-journal.ts';
import { createStationServices, type StationServices } from './station-services.ts';
import { idleBrowser, scaledTimers, tempDataDir, until } from './sync/sync-fixtures.ts';

let server: TestServer | null = null;
const running: StationServices[] = [];

// Closing lets requests in flight end (the server waits for the stations' connections): room for it.
afterEach(async () => {
  for (const station of running.splice(0)) await station.close();
  await server?.close();
  server = null;
}, 30_000);

function someAnswer(challenge: PackagedChallenge): AnswerValue {
  const first = challenge.choices?.[0]?.id ?? '1';
  if (challenge.type === 'QCU') return { type: 'choice', choice: first };
  if (challenge.type === 'QCM') return { type: 'choices', choices: [first] };
  return {
    type: 'fields',
    fields: Object.fromEntries((challenge.fields ?? []).map((f) => [f.name, 'Lyon'])),
  };
}

interface Room {
  server: TestServer;
  day: SeededDay;
  inv: Invigilator;
  url: string;
}

async function room(): Promise<Room> {
  server = await startTestServer();
  const day = await seedCertificationDay(server.app, { count: 1, competences: 5 });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as AddressInfo;
  return { server, day, inv: await invigilator(server, day), url: `http://127.0.0.1:${port}` };
}

/** A station on `dataDir`, enrolled (the first time) and started, with the room's clock. */
async function station(r: Room, dataDir: string, name: string): Promise<StationServices> {
  const clock = r.server.clock;
  const services = await createStationServices({
    dataDir,
    serverUrl: r.url,
    stationName: name,
    // No forbidden software, whatever else runs on the test machine.
    processWatch: { list: () => Promise.resolve([]) },
    machineId: 'lab-image-2026',
    browser: idleBrowser,
    attachmentUrl: (file) => `file://${file}`,
    clocks: { wall: () => clock.now, timers: scaledTimers(0.02) },
    heartbeatEveryMs: 50,
    tickEveryMs: 50,
  });
  running.push(services);
  if (!services.identity.enrolled) {
    const code = await r.day.api({
      method: 'POST',
      url: `/api/centre/centres/${r.day.centreId}/enrollment-codes`,
      payload: {},
    });
    const enrolled = await services.enroll((code.json() as { code: string }).code);
    if (!enrolled.ok) throw new Error(enrolled.message);
  }
  await services.start();
  await until(() => services.syncState().online, 10_000, `${name} online`);
  return services;
}

async function stop(services: StationServices): Promise<void> {
  running.splice(running.indexOf(services), 1);
  await services.close();
}

function signIn(r: Room, services: StationServices) {
  const candidate = r.day.candidates[0]!;
  return services.dispatch('signIn', {
    sessionNumber: r.day.session.number,
    accessCode: r.day.session.accessCode,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    birthdate: candidate.birthdate,
  });
}

async function answerCurrent(services: StationServices) {
  const current = services.runtime.currentChallenge();
  if (!current.ok) throw new Error(current.error.message);
  return services.dispatch('submitAnswer', {
    challengeId: current.value.challenge.id,
    value: someAnswer(current.value.challenge),
  });
}

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

const statusOf = async (services: StationServices) =>
  ((await services.dispatch('getStatus', {})) as { ok: true; value: StationStatus }).value;

describe('a station whose test went on at another one', () => {
  it('relaunched, recognises its stale copy, keeps it for the jury and seals nothing; the result comes from the other station', async () => {
    const r = await room();
    const dirA = tempDataDir('station-a-');
    const a = await station(r, dirA, 'Poste 01');
    const testId = await startedOn(r, a);
    await stop(a); // the station dies

    const b = await station(r, tempDataDir('station-b-'), 'Poste 02');
    await resumedOn(r, b);

    // A comes back: it restores the test, and the server tells it the test went on elsewhere.
    const again = await station(r, dirA, 'Poste 01');
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
    await stop(again);

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
    const r = await room();
    const a = await station(r, tempDataDir('station-a-'), 'Poste 01');
    await startedOn(r, a);
    const b = await station(r, tempDataDir('station-b-'), 'Poste 02');
    await resumedOn(r, b);
    await until(() => a.runtime.phase === 'idle', 10_000, 'A back at its home');
    expect((await statusOf(a)).exam.movedElsewhere).not.toBeNull();
    expect(await answerCurrent(a).catch((error: unknown) => String(error))).toMatch(/not in progress/);
    expect(b.runtime.phase).toBe('inProgress');
  });
});
