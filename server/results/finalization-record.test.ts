// The finalization record assembled from what a real server stored (SQLite): a test finished with an
// alert validated (a neutralized question), a test ended by the invigilator (aborted, technical), a
// candidate who signed in and never started, one who never came; the reports, the answers and the
// comment; who finalized and when, the invigilator or a back-office account.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Challenge } from '../../core/challenge/challenge.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import type { JournalRecord } from '../../core/journal/journal-record.ts';
import {
  enrolledStation,
  invigilatedDay,
  join,
  startedJournal,
  type Invigilator,
} from '../testing/exam-helpers.ts';
import { bundlePayload, signBundle } from '../testing/journal-builder.ts';
import type { SeededCandidate, SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import type { TestServer } from '../testing/test-server.ts';
import { buildFinalizationRecord, finalizationRecordFacts } from './finalization-record.ts';

describe('the finalization record', () => {
  let server: TestServer;
  let day: SeededDay;
  let inv: Invigilator;
  let bank: Map<string, Challenge>;
  beforeEach(async () => {
    // Martin Léa, Bernard Hugo (30 % extra time), Dubois Chloé, Thomas Lucas.
    ({ server, day, inv } = await invigilatedDay(4));
    bank = new Map(day.bank.map((c) => [c.id, c]));
  });
  afterEach(() => server.close());

  const who = (i: number) => day.candidates[i] as SeededCandidate;
  const record = async () => {
    const session = await server.app.pix.store.sessions.get(day.session.id);
    if (!session) throw new Error('no session');
    return buildFinalizationRecord(await finalizationRecordFacts(server.app.pix, session));
  };
  const replicate = async (station: TestStation, testId: string, records: readonly JournalRecord[]) => {
    const r = await station.inject(server.app, 'POST', STATION_API_PATHS.records(testId), { records });
    expect(r.statusCode, r.body).toBe(200);
  };
  const report = async (candidateId: string, code: string, description: string, questionNumber?: number) => {
    const r = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/incidents`,
      payload: { candidateId, code, description, ...(questionNumber ? { questionNumber } : {}) },
    });
    expect(r.statusCode, r.body).toBe(201);
  };

  /** Léa: question 2 reported and neutralized (E1), every other answered, finished, signed result sent. */
  async function finishedWithAlert() {
    const station = await enrolledStation(server, day, 'Poste 01');
    const { journal, pkg, testId } = await startedJournal(server, day, inv, station, who(0));
    const questions = pkg.package.challenges.map((c) => bank.get(c.id) as Challenge);
    journal.answer(questions[0] as Challenge, true);
    journal.append({
      kind: 'alertRaised',
      payload: { alertId: 'al-1', challengeId: questions[1]?.id ?? '' },
    });
    await replicate(station, testId, journal.records);
    const decided = await inv.post('/alerts/al-1/decision', { decision: 'validated', reasonCode: 'E1' });
    expect(decided.statusCode, decided.body).toBe(200);
    journal.append({
      kind: 'alertDecided',
      payload: {
        alertId: 'al-1',
        challengeId: questions[1]?.id ?? '',
        decision: 'validated',
        reasonCode: 'E1',
      },
    });
    for (const q of questions.slice(2)) journal.answer(q, true);
    journal.end('finished');
    const bundle = bundlePayload({
      journal,
      sessionId: day.session.id,
      candidateId: who(0).id,
      stationId: station.id,
      pkg: pkg.package,
      packageHash: pkg.packageHash,
    });
    const r = await station.inject(server.app, 'POST', STATION_API_PATHS.result(testId), {
      bundle: await signBundle(bundle, station.privateKey),
    });
    expect(r.statusCode, r.body).toBe(200);
  }

  /** Hugo: three answers, then the invigilator ends his test; only the replicated records arrive. */
  async function endedByInvigilator() {
    const station = await enrolledStation(server, day, 'Poste 02');
    const { journal, pkg, testId } = await startedJournal(server, day, inv, station, who(1));
    for (const c of pkg.package.challenges.slice(0, 3)) journal.answer(bank.get(c.id) as Challenge, true);
    journal.end('endedByInvigilator');
    await replicate(station, testId, journal.records);
  }

  /** Lucas signs in at a station and never starts; then everyone's station falls quiet. */
  async function signedInOnly() {
    await join(server, day, await enrolledStation(server, day, 'Poste 03'), who(3));
    server.clock.advance(10 * 60_000);
  }

  it('records each candidate’s presence, end, abort reason, reports and neutralized questions', async () => {
    await finishedWithAlert();
    await endedByInvigilator();
    await signedInOnly();
    await report(who(0).id, 'E1', 'L’image de la question 2 ne s’affichait pas.', 2);
    await report(who(1).id, 'C7', 'Le poste a redémarré.');
    await report(who(2).id, 'C4', 'Absente, pas de signature.');
    const finalizedAt = server.clock.now;
    const done = await inv.post('/finalization', {
      abortReasons: [{ candidateId: who(1).id, reason: 'technical' }],
      globalComment: '  Alarme incendie à 10 h 12, reprise à 10 h 20.  ',
      hadIncident: true,
      candidateCouldNotJoin: true,
    });
    expect(done.statusCode, done.body).toBe(200);

    const rec = await record();
    expect(rec.session).toEqual({
      id: day.session.id,
      number: day.session.number,
      centreId: day.centreId,
      centreName: 'Collège Jean Moulin',
      address: '12 rue des Écoles, 69003 Lyon',
      room: 'Salle B12',
      date: '2026-12-08',
      time: '09:00',
      examiner: 'Mme Sophie Leroy',
    });
    expect(rec.finalization).toEqual({
      finalizedAt: new Date(finalizedAt).toISOString(),
      finalizedBy: { kind: 'invigilator' },
      hadIncident: true,
      candidateCouldNotJoin: true,
      // As kept at finalization (the request trims it).
      globalComment: 'Alarme incendie à 10 h 12, reprise à 10 h 20.',
    });
    // By last name: Bernard, Dubois, Martin, Thomas.
    expect(rec.candidates.map((c) => c.lastName)).toEqual(['Bernard', 'Dubois', 'Martin', 'Thomas']);
    const [hugo, chloe, lea, lucas] = rec.candidates;
    expect(hugo).toEqual({
      candidateId: who(1).id,
      lastName: 'Bernard',
      firstName: 'Hugo',
      birthdate: who(1).birthdate,
      extraTimePercentage: 30,
      attendance: 'present',
      outcome: 'aborted',
      endReason: 'endedByInvigilator',
      abortReason: 'technical',
      neutralizedQuestions: 0,
      incidents: [{ code: 'C7', questionNumber: null, description: 'Le poste a redémarré.' }],
    });
    expect(chloe).toMatchObject({
      attendance: 'absent',
      outcome: 'none',
      endReason: null,
      abortReason: null,
      neutralizedQuestions: null,
      incidents: [{ code: 'C4', questionNumber: null, description: 'Absente, pas de signature.' }],
    });
    expect(lea).toMatchObject({
      attendance: 'present',
      outcome: 'finished',
      endReason: 'finished',
      abortReason: null,
      neutralizedQuestions: 1,
      extraTimePercentage: 0,
      incidents: [
        { code: 'E1', questionNumber: 2, description: 'L’image de la question 2 ne s’affichait pas.' },
      ],
    });
    // Signed in, never started: absent, as the attendance sheet says once the session is finalized.
    expect(lucas).toMatchObject({ attendance: 'absent', outcome: 'none', neutralizedQuestions: null });
    expect(rec.counts).toEqual({ enrolled: 4, present: 2, absent: 2, finished: 1, aborted: 1, pending: 0 });
  });

  it('names the back-office account that finalized, without making up a name for one that is gone', async () => {
    const done = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/finalization`,
      payload: { abortReasons: [], globalComment: '', hadIncident: false, candidateCouldNotJoin: false },
    });
    expect(done.statusCode, done.body).toBe(200);
    const rec = await record();
    expect(rec.finalization).toMatchObject({
      finalizedBy: { kind: 'account', displayName: 'Admin', role: 'administrator' },
      hadIncident: false,
      candidateCouldNotJoin: false,
      globalComment: '',
    });
    expect(rec.counts).toEqual({ enrolled: 4, present: 0, absent: 4, finished: 0, aborted: 0, pending: 0 });

    // An account id the store no longer knows: the kind stays, the name is not invented.
    const session = await server.app.pix.store.sessions.get(day.session.id);
    if (!session?.finalization) throw new Error('not finalized');
    const facts = await finalizationRecordFacts(server.app.pix, {
      ...session,
      finalization: { ...session.finalization, finalizedBy: 'acc_gone' },
    });
    expect(buildFinalizationRecord(facts).finalization.finalizedBy).toEqual({
      kind: 'account',
      displayName: null,
      role: null,
    });
  });
});
