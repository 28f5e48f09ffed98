// The jury's record of a candidate's test (GET /api/centre/candidates/:candidateId/test-record), on a
// real server and SQLite: what the station journaled (answers with scoring's statuses, navigations,
// lockdown events, focus losses, alerts and their decisions, pauses and time added) placed on the
// server's clock, read from the signed result once it arrived and from the replicated records before;
// refused before finalization (409), out of the centre's reach (404), for a candidate who never
// started (404).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Challenge } from '../../core/challenge/challenge.ts';
import type { CandidateTestRecord, TimelineEntry } from '../../core/contracts/candidate-record.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import type { JournalRecord } from '../../core/journal/journal-record.ts';
import {
  enrolledStation,
  invigilator,
  join,
  type Invigilator,
  startedJournal,
} from '../testing/exam-helpers.ts';
import { answerFor, bundlePayload, signBundle } from '../testing/journal-builder.ts';
import {
  referentOf,
  seedBank,
  seedCertificationDay,
  type SeededCandidate,
  type SeededDay,
} from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, loginAs, startTestServer, type TestServer } from '../testing/test-server.ts';

/** The station's clock runs this far behind the server's: the record says the server's time. */
const STATION_BEHIND_MS = 90_000;
const BLOCKED = 'https://www.google.com/search?q=reponse+question+2';
const ALLOWED = 'https://fr.wikipedia.org/wiki/Lyon';
const BLOCKED_OFFLINE = 'https://chat.example.com/';

type Started = Awaited<ReturnType<typeof startedJournal>>;

describe('the test record for the jury', () => {
  let server: TestServer;
  let day: SeededDay;
  let inv: Invigilator;
  let bank: Map<string, Challenge>;
  let referent: { authorization: string };
  beforeEach(async () => {
    server = await startTestServer();
    // Every challenge focused: a right answer after leaving the question is focusedOut.
    day = await seedCertificationDay(server.app, {
      count: 3,
      bank: seedBank().map((c) => ({ ...c, focused: true })),
    });
    inv = await invigilator(server, day);
    bank = new Map(day.bank.map((c) => [c.id, c]));
    referent = await referentOf(server.app, day);
  });
  afterEach(() => server.close());

  const lea = () => day.candidates[0] as SeededCandidate;
  const hugo = () => day.candidates[1] as SeededCandidate;
  const chloe = () => day.candidates[2] as SeededCandidate;
  const recordOf = (who: { id: string }, headers: Record<string, string> = referent) =>
    server.app.inject({ method: 'GET', url: `/api/centre/candidates/${who.id}/test-record`, headers });
  const record = async (who: SeededCandidate) => {
    const r = await recordOf(who);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as CandidateTestRecord;
  };
  const replicate = async (station: TestStation, testId: string, records: readonly JournalRecord[]) => {
    const r = await station.inject(server.app, 'POST', STATION_API_PATHS.records(testId), { records });
    expect(r.statusCode, r.body).toBe(200);
  };
  const upload = async (station: TestStation, who: SeededCandidate, started: Started) => {
    const payload = bundlePayload({
      journal: started.journal,
      sessionId: day.session.id,
      candidateId: who.id,
      stationId: station.id,
      pkg: started.pkg.package,
      packageHash: started.pkg.packageHash,
      override: { serverClockOffsetMs: STATION_BEHIND_MS },
    });
    const r = await station.inject(server.app, 'POST', STATION_API_PATHS.result(started.testId), {
      bundle: await signBundle(payload, station.privateKey),
    });
    expect(r.statusCode, r.body).toBe(200);
  };
  /** A heartbeat read off a station clock STATION_BEHIND_MS behind the server's: the offset measured. */
  const heartbeat = async (station: TestStation, testId: string, lastSeq: number) => {
    const r = await station.inject(server.app, 'POST', STATION_API_PATHS.heartbeat, {
      testId,
      phase: 'inProgress',
      current: 0,
      answered: 0,
      total: null,
      timeLeftMs: null,
      alertPending: false,
      lastSeq,
      stationTime: server.clock.now - STATION_BEHIND_MS,
    });
    expect(r.statusCode, r.body).toBe(200);
  };
  const finalize = async (
    abortReasons: { candidateId: string; reason: string }[] = [],
    confirmedOver: string[] = [],
  ) => {
    const r = await inv.post('/finalization', {
      abortReasons,
      confirmedOver,
      globalComment: '',
      hadIncident: true,
      candidateCouldNotJoin: false,
    });
    expect(r.statusCode, r.body).toBe(200);
  };
  const onServerClock = (r: JournalRecord | undefined) =>
    new Date((r?.wallAt ?? NaN) + STATION_BEHIND_MS).toISOString();
  const entries = <K extends TimelineEntry['kind']>(rec: CandidateTestRecord, kind: K) =>
    rec.timeline.filter((e): e is Extract<TimelineEntry, { kind: K }> => e.kind === kind);
  const answered = (challenge: Challenge, right: boolean, extra: { focusedOut?: boolean } = {}) => ({
    kind: 'answered' as const,
    payload: {
      challengeId: challenge.id,
      value: answerFor(challenge, right),
      timeSpentMs: 31_000,
      timedOut: false,
      focusedOut: extra.focusedOut ?? false,
    },
  });

  /** A started test on its own station, whose clock the server measured STATION_BEHIND_MS behind. */
  async function sitting(who: SeededCandidate, stationName: string) {
    const station = await enrolledStation(server, day, stationName);
    const started = await startedJournal(server, day, inv, station, who);
    await heartbeat(station, started.testId, started.journal.records.length);
    const questions = started.pkg.package.challenges.map((c) => bank.get(c.id) as Challenge);
    const q = (n: number) => questions[n - 1] as Challenge;
    return { station, started, journal: started.journal, questions, q };
  }

  it('shows the test as the station journaled it, on the server’s clock, with scoring’s statuses', async () => {
    const { station, started, journal, questions, q } = await sitting(lea(), 'Poste 01');
    expect(questions.length).toBeGreaterThan(6);
    journal.answer(q(1), true);
    // On question 2: a blocked page, an allowed one, a second display; she leaves the question.
    const blocked = journal.append({
      kind: 'navigation',
      payload: { url: BLOCKED, allowed: false, rule: 'google.com' },
    });
    journal.append({ kind: 'navigation', payload: { url: ALLOWED, allowed: true, rule: null } });
    const display = journal.append({
      kind: 'lockdown',
      payload: { event: 'displayAdded', detail: 'HDMI-1' },
    });
    journal.append({ kind: 'focusLost', payload: { challengeId: q(2).id } });
    journal.append(answered(q(2), true, { focusedOut: true }));
    journal.answer(q(3), false);
    journal.append({ kind: 'skipped', payload: { challengeId: q(4).id, timeSpentMs: 5_000 } });
    journal.append({ kind: 'alertRaised', payload: { alertId: 'al-lea', challengeId: q(5).id } });
    await replicate(station, started.testId, journal.records);
    server.clock.advance(60_000);
    const decided = await inv.post('/alerts/al-lea/decision', { decision: 'validated', reasonCode: 'E5' });
    expect(decided.statusCode, decided.body).toBe(200);
    const decidedAt = new Date(server.clock.now).toISOString();
    const stored = journal.records.length;
    journal.append({
      kind: 'alertDecided',
      payload: { alertId: 'al-lea', challengeId: q(5).id, decision: 'validated', reasonCode: 'E5' },
    });
    journal.append({ kind: 'paused', payload: { cause: 'invigilator', reason: 'Alarme incendie' } });
    journal.append({ kind: 'unpaused', payload: { authorization: null } }, 300_000);
    journal.append({ kind: 'timeAdded', payload: { addedMs: 600_000, authorization: 'cmd_time' } });
    for (const c of questions.slice(5)) journal.answer(c, true);
    const ended = journal.end('finished');
    await replicate(station, started.testId, journal.since(stored));
    // The invigilator reports a suspected fraud (C6) for the jury.
    const report = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/incidents`,
      payload: { candidateId: lea().id, code: 'C6', description: 'Téléphone sur les genoux.' },
    });
    expect(report.statusCode, report.body).toBe(201);

    // Before finalization, the invigilator screen is the place: refused, for everyone.
    for (const headers of [referent, { authorization: `Bearer ${day.adminToken}` }]) {
      const early = await recordOf(lea(), headers);
      expect([early.statusCode, errorOf(early).code]).toEqual([409, 'SESSION_NOT_FINALIZED']);
    }
    await finalize();

    const rec = await record(lea());
    expect(rec.candidate).toMatchObject({ id: lea().id, firstName: 'Léa', lastName: 'Martin' });
    expect(rec.session).toMatchObject({ id: day.session.id, number: day.session.number, state: 'processed' });
    expect(rec.session.centreName).toBe('Collège Jean Moulin');
    expect(rec.evidence).toEqual({
      source: 'records',
      signedResult: { state: 'awaited', receivedAt: null, refusalCode: null },
      recordCount: journal.records.length,
    });
    expect(rec.stations).toEqual([{ id: station.id, name: 'Poste 01' }]);
    expect(rec.authorizations).toHaveLength(1);
    expect(rec.authorizations[0]).toMatchObject({ kind: 'start', stationName: 'Poste 01' });
    expect(rec.authorizations[0]?.acknowledgedAt).not.toBeNull();
    expect(rec.startedAt).toBe(onServerClock(journal.records.find((r) => r.kind === 'started')));
    expect(rec.end).toEqual({
      reason: 'finished',
      at: onServerClock(ended),
      abortReason: null,
      confirmedOver: false,
    });
    expect(rec.time).toMatchObject({ addedMs: 600_000, downtimeMs: 0, allowedMs: 105 * 60_000 + 600_000 });

    // Per question, in the package's order: scoring's status, how it counts, the answer given.
    const [q1, q2, q3, q4, q5, q6] = rec.questions;
    expect(rec.questions.map((x) => x.number)).toEqual(questions.map((_, i) => i + 1));
    expect(q1).toMatchObject({ challengeId: q(1).id, competence: q(1).competence, type: q(1).type });
    expect(q1).toMatchObject({ status: 'ok', counted: 'correct', neutralization: null, focusLosses: 0 });
    expect(q1?.answer).not.toBeNull();
    expect(q1?.instruction.length).toBeGreaterThan(0);
    expect(q2).toMatchObject({ status: 'focusedOut', counted: 'wrong', focusLosses: 1, timeSpentMs: 31_000 });
    expect(q3).toMatchObject({ status: 'ko', counted: 'wrong' });
    expect(q4).toMatchObject({ status: 'aband', counted: 'wrong', answer: null, timeSpentMs: 5_000 });
    expect(q5).toMatchObject({
      status: null,
      counted: 'neutralized',
      neutralization: { by: 'alert', reasonCode: 'E5' },
      answer: null,
    });
    expect(q6).toMatchObject({ status: 'ok', counted: 'correct' });
    expect(rec.alerts).toEqual([
      {
        alertId: 'al-lea',
        questionNumber: 5,
        raisedAt: expect.any(String),
        decision: 'validated',
        reasonCode: 'E5',
        decidedAt,
      },
    ]);
    expect(rec.incidents).toEqual([
      {
        code: 'C6',
        questionNumber: null,
        description: 'Téléphone sur les genoux.',
        createdAt: expect.any(String),
      },
    ]);

    // The timeline: every record, in order, each on the server's clock (the station's + 90 s).
    expect(rec.timeline.map((e) => e.seq)).toEqual(journal.records.map((r) => r.seq));
    expect(rec.timeline.map((e) => e.at)).toEqual(journal.records.map(onServerClock));
    expect(rec.navigation).toEqual({
      total: 2,
      blocked: 1,
      omitted: { allowed: 0, blocked: 0 },
      limit: 300,
    });
    expect(entries(rec, 'navigation')).toEqual([
      expect.objectContaining({
        url: BLOCKED,
        allowed: false,
        rule: 'google.com',
        questionNumber: 2,
        at: onServerClock(blocked),
      }),
      expect.objectContaining({ url: ALLOWED, allowed: true, rule: null, questionNumber: 2 }),
    ]);
    expect(entries(rec, 'lockdown')).toEqual([
      expect.objectContaining({
        event: 'displayAdded',
        detail: 'HDMI-1',
        questionNumber: 2,
        at: onServerClock(display),
      }),
    ]);
    expect(entries(rec, 'focusLost').map((e) => e.questionNumber)).toEqual([2]);
    expect(entries(rec, 'paused')).toEqual([
      expect.objectContaining({ cause: 'invigilator', reason: 'Alarme incendie', questionNumber: 6 }),
    ]);
    expect(entries(rec, 'timeAdded').map((e) => e.addedMs)).toEqual([600_000]);

    // The jury neutralizes question 3: said so, and it no longer counts.
    const neutralized = await day.api({
      method: 'POST',
      url: `/api/centre/candidates/${lea().id}/neutralizations`,
      payload: { questionNumber: 3, neutralized: true },
    });
    expect(neutralized.statusCode, neutralized.body).toBe(200);
    const afterJury = await record(lea());
    expect(afterJury.questions[2]).toMatchObject({
      status: 'ko',
      counted: 'neutralized',
      neutralization: { by: 'jury' },
    });

    // The signed result arrives: the record now reads it, verified.
    server.clock.advance(60_000);
    await upload(station, lea(), started);
    const signed = await record(lea());
    expect(signed.evidence).toEqual({
      source: 'bundle',
      signedResult: {
        state: 'verified',
        receivedAt: new Date(server.clock.now).toISOString(),
        refusalCode: null,
      },
      recordCount: journal.records.length,
    });
    // The same journal, sealed: the same questions and timeline.
    expect(signed.questions).toEqual(afterJury.questions);
    expect(signed.timeline).toEqual(rec.timeline);
  });

  it('reads the replicated records until the signed result arrives, then the signed result', async () => {
    // Hugo's station went offline after three answers: the server holds those; the signed result
    // holds the rest, a blocked page visited offline, and the end.
    const { station, started, journal, questions } = await sitting(hugo(), 'Poste 02');
    for (const c of questions.slice(0, 3)) journal.answer(c, true);
    await replicate(station, started.testId, journal.records);
    const offline = journal.append({
      kind: 'navigation',
      payload: { url: BLOCKED_OFFLINE, allowed: false, rule: 'example.com' },
    });
    for (const c of questions.slice(3)) journal.answer(c, true);
    journal.end('finished');
    // Silent since: the invigilator confirms the test over, a technical problem.
    server.clock.advance(10 * 60_000);
    await finalize([{ candidateId: hugo().id, reason: 'technical' }], [hugo().id]);

    const before = await record(hugo());
    expect(before.evidence.source).toBe('records');
    expect(before.evidence.signedResult.state).toBe('awaited');
    expect(before.end).toMatchObject({ reason: null, at: null, abortReason: 'technical' });
    expect(before.navigation.total).toBe(0);
    expect(before.questions.slice(0, 3).map((x) => x.status)).toEqual(['ok', 'ok', 'ok']);
    // Never answered after a technical problem: neutralized, as scoring counts them.
    expect(before.questions[3]).toMatchObject({ status: null, counted: 'neutralized', neutralization: null });

    server.clock.advance(60_000);
    await upload(station, hugo(), started);
    const after = await record(hugo());
    expect(after.evidence).toMatchObject({
      source: 'bundle',
      signedResult: { state: 'verified' },
      recordCount: journal.records.length,
    });
    expect(after.end).toMatchObject({ reason: 'finished', abortReason: null });
    expect(after.questions.every((x) => x.status === 'ok' && x.counted === 'correct')).toBe(true);
    // Written offline, it reached the server only in the signed result: on the station's clock, moved
    // by the offset last measured for that station.
    expect(entries(after, 'navigation')).toEqual([
      expect.objectContaining({
        url: BLOCKED_OFFLINE,
        allowed: false,
        questionNumber: 4,
        at: onServerClock(offline),
      }),
    ]);
  });

  it('is out of reach of another centre and of anyone logged out, and not there for who never started', async () => {
    const { station, started, journal, questions } = await sitting(lea(), 'Poste 01');
    for (const c of questions) journal.answer(c, true);
    journal.end('finished');
    await replicate(station, started.testId, journal.records);
    // Hugo signed in and never got to start; Chloé never came.
    await join(server, day, await enrolledStation(server, day, 'Poste 02'), hugo());
    await finalize();

    expect((await recordOf(lea())).statusCode).toBe(200);
    for (const who of [hugo(), chloe(), { id: 'can_nobody' }]) {
      const none = await recordOf(who);
      expect([none.statusCode, errorOf(none).code]).toEqual([404, 'NOT_FOUND']);
    }
    const anonymous = await recordOf(lea(), {});
    expect([anonymous.statusCode, errorOf(anonymous).code]).toEqual([401, 'NOT_AUTHENTICATED']);

    const other = (
      await day.api({ method: 'POST', url: '/api/centre/centres', payload: { name: 'Lycée Voisin' } })
    ).json() as { id: string };
    const account = { email: 'ref@lycee-voisin.test', password: 'referent du lycee voisin' };
    const created = await day.api({
      method: 'POST',
      url: '/api/centre/accounts',
      payload: { ...account, displayName: 'Voisin', role: 'referent', centreId: other.id },
    });
    expect(created.statusCode).toBe(201);
    const neighbour = {
      authorization: `Bearer ${await loginAs(server.app, account.email, account.password)}`,
    };
    const refused = await recordOf(lea(), neighbour);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([404, 'NOT_FOUND']);
  });
});
