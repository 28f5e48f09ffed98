// A report the candidate withdrew offline (journal `alertWithdrawn`): the room never shows it pending,
// it cannot be decided, it holds no finalization back, and scoring takes it as never raised, whether
// it reached the server with its raise or after it (the station lost the acknowledgment of the raise).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Challenge } from '../../core/challenge/challenge.ts';
import type { Results } from '../../core/contracts/invigilator-api.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { chainOf } from '../../core/journal/chain-fixtures.ts';
import { EMPTY_JOURNAL } from './bundle-check.ts';
import { mainCause, readRecords } from './journal-reading.ts';
import { examRoom, type Invigilator, startedJournal } from '../testing/exam-helpers.ts';
import { bundlePayload, signBundle, type TestJournal } from '../testing/journal-builder.ts';
import type { SeededCandidate, SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, type TestServer } from '../testing/test-server.ts';

describe('reading a withdrawn alert', () => {
  it('stores no alert raised and withdrawn in one batch, and does not ring the room for it', () => {
    const records = chainOf('test-1', [
      { kind: 'alertRaised', payload: { alertId: 'al-1', challengeId: 'rec2' } },
      { kind: 'alertWithdrawn', payload: { alertId: 'al-1', challengeId: 'rec2' } },
    ]);
    const reading = readRecords(EMPTY_JOURNAL, records, null, 0);
    expect(reading.newAlerts).toEqual([]);
    expect(mainCause(reading.causes)).toBe('alertWithdrawn');
    expect(reading.journal.storedThrough).toBe(2);
  });
});

describe('a withdrawn alert on the server', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  beforeEach(async () => {
    ({ server, day, station, inv } = await examRoom(1));
  });
  afterEach(() => server.close());

  const candidate = () => day.candidates[0] as SeededCandidate;
  const bank = () => new Map(day.bank.map((c) => [c.id, c] as [string, Challenge]));

  async function replicate(testId: string, journal: TestJournal) {
    const stored = await station.inject(server.app, 'POST', STATION_API_PATHS.records(testId), {
      records: journal.records,
    });
    expect(stored.statusCode, stored.body).toBe(200);
  }

  /** An alert on question 2, replicated alone, then (after `between`) withdrawn and replicated. */
  async function withdrawnAfterItsRaise(between: () => Promise<void> = async () => undefined) {
    const started = await startedJournal(server, day, inv, station, candidate());
    const [first, second] = started.pkg.package.challenges;
    if (!first || !second) throw new Error('short package');
    started.journal.answer(bank().get(first.id) as Challenge, true);
    started.journal.append({ kind: 'alertRaised', payload: { alertId: 'al-1', challengeId: second.id } });
    await replicate(started.testId, started.journal);
    expect((await inv.card(candidate().id)).alert?.id).toBe('al-1');
    await between();
    started.journal.append({ kind: 'alertWithdrawn', payload: { alertId: 'al-1', challengeId: second.id } });
    await replicate(started.testId, started.journal);
    return started;
  }

  /** Answers the rest (all right), ends, uploads the sealed bundle and finalizes the session. */
  async function finishAndFinalize(started: Awaited<ReturnType<typeof withdrawnAfterItsRaise>>) {
    const answered = new Set(
      started.journal.records.flatMap((r) => (r.kind === 'answered' ? [r.payload.challengeId] : [])),
    );
    for (const c of started.pkg.package.challenges)
      if (!answered.has(c.id)) started.journal.answer(bank().get(c.id) as Challenge, true);
    started.journal.end('finished');
    const payload = bundlePayload({
      journal: started.journal,
      sessionId: day.session.id,
      candidateId: candidate().id,
      stationId: station.id,
      pkg: started.pkg.package,
      packageHash: started.pkg.packageHash,
    });
    const uploaded = await station.inject(server.app, 'POST', STATION_API_PATHS.result(started.testId), {
      bundle: await signBundle(payload, station.privateKey),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    return inv.post('/finalization', {
      abortReasons: [],
      globalComment: '',
      hadIncident: false,
      candidateCouldNotJoin: false,
    });
  }

  const results = async () =>
    (
      (
        await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/results` })
      ).json() as Results
    ).results[0];

  it('withdrawn with its raise: never shown, nothing to decide', async () => {
    const { testId, pkg, journal } = await startedJournal(server, day, inv, station, candidate());
    const second = pkg.package.challenges[1]?.id ?? '';
    journal.append({ kind: 'alertRaised', payload: { alertId: 'al-1', challengeId: second } });
    journal.append({ kind: 'alertWithdrawn', payload: { alertId: 'al-1', challengeId: second } });
    await replicate(testId, journal);
    expect((await inv.card(candidate().id)).alert).toBeNull();
    const decided = await inv.post('/alerts/al-1/decision', { decision: 'dismissed' });
    expect(decided.statusCode).toBe(404);
  });

  it('withdrawn after its raise was stored: off the card, not decidable, no finalization held', async () => {
    const started = await withdrawnAfterItsRaise();
    expect((await inv.card(candidate().id)).alert).toBeNull();
    const decided = await inv.post('/alerts/al-1/decision', { decision: 'validated', reasonCode: 'E4' });
    expect([decided.statusCode, errorOf(decided).code]).toEqual([404, 'NOT_FOUND']);
    const finalized = await finishAndFinalize(started);
    expect(finalized.statusCode, finalized.body).toBe(200);
    expect((await results())?.neutralizedQuestions).toEqual([]);
  });

  it('validated before the withdrawal arrived: the question is scored, not neutralized', async () => {
    const started = await withdrawnAfterItsRaise(async () => {
      const decided = await inv.post('/alerts/al-1/decision', { decision: 'validated', reasonCode: 'E4' });
      expect(decided.statusCode, decided.body).toBe(200);
    });
    expect((await inv.card(candidate().id)).lastAlertDecision).toBeNull();
    const finalized = await finishAndFinalize(started);
    expect(finalized.statusCode, finalized.body).toBe(200);
    expect((await results())?.neutralizedQuestions).toEqual([]);
  });
});
