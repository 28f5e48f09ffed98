// The jury neutralizes a question (a technical incident on it) or undoes its own neutralization. A
// question neutralized by an alert the invigilator validated during the test stays neutralized whatever
// the jury's entry says (DOMAIN.md §6): undoing it is refused, said, and changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Challenge } from '../../core/challenge/challenge.ts';
import type { CandidateResult, Results } from '../../core/contracts/invigilator-api.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import {
  enrolledStation,
  invigilatedDay,
  type Invigilator,
  startedJournal,
} from '../testing/exam-helpers.ts';
import { bundlePayload, signBundle } from '../testing/journal-builder.ts';
import type { SeededCandidate, SeededDay } from '../testing/seed.ts';
import { errorOf, type TestServer } from '../testing/test-server.ts';

describe('the jury’s neutralizations', () => {
  let server: TestServer;
  let day: SeededDay;
  let inv: Invigilator;
  beforeEach(async () => {
    ({ server, day, inv } = await invigilatedDay(1));
  });
  afterEach(() => server.close());

  const candidate = () => day.candidates[0] as SeededCandidate;
  const neutralize = (questionNumber: number, neutralized: boolean) =>
    day.api({
      method: 'POST',
      url: `/api/centre/candidates/${candidate().id}/neutralizations`,
      payload: { questionNumber, neutralized },
    });
  const result = async () =>
    (
      (
        await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/results` })
      ).json() as Results
    ).results[0];

  it('refuses to undo a neutralization by a validated alert, and undoes its own', async () => {
    // Every question right; an alert on the second, validated (E3), during the test.
    const bank = new Map(day.bank.map((c) => [c.id, c]));
    const station = await enrolledStation(server, day);
    const { journal, ...started } = await startedJournal(server, day, inv, station, candidate());
    const second = started.pkg.package.challenges[1]?.id ?? '';
    for (const c of started.pkg.package.challenges) {
      if (c.id === second)
        journal.append({ kind: 'alertRaised', payload: { alertId: 'al-1', challengeId: c.id } });
      else journal.answer(bank.get(c.id) as Challenge, true);
    }
    const records = (
      await station.inject(server.app, 'POST', STATION_API_PATHS.records(started.testId), {
        records: journal.records,
      })
    ).statusCode;
    expect(records).toBe(200);
    expect(
      (await inv.post('/alerts/al-1/decision', { decision: 'validated', reasonCode: 'E3' })).statusCode,
    ).toBe(200);
    journal.end('finished');
    const payload = bundlePayload({
      journal,
      sessionId: day.session.id,
      candidateId: candidate().id,
      stationId: station.id,
      pkg: started.pkg.package,
      packageHash: started.pkg.packageHash,
    });
    const uploaded = await station.inject(server.app, 'POST', STATION_API_PATHS.result(started.testId), {
      bundle: await signBundle(payload, station.privateKey),
    });
    expect(uploaded.statusCode).toBe(200);
    const finalized = await inv.post('/finalization', {
      abortReasons: [],
      globalComment: '',
      hadIncident: false,
      candidateCouldNotJoin: false,
    });
    expect(finalized.statusCode).toBe(200);
    const before = await result();
    expect(before?.neutralizedQuestions).toEqual([2]);

    const refused = await neutralize(2, false);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'NEUTRALIZED_BY_ALERT']);
    expect(errorOf(refused).message).toContain('question 2');
    expect(errorOf(refused).message).toContain('E3');
    expect(await result()).toEqual(before);
    // Neutralizing it again is harmless: it already is.
    expect((await neutralize(2, true)).statusCode).toBe(200);

    const added = await neutralize(5, true);
    expect((added.json() as CandidateResult).neutralizedQuestions).toEqual([2, 5]);
    const undone = await neutralize(5, false);
    expect(undone.statusCode).toBe(200);
    expect((undone.json() as CandidateResult).neutralizedQuestions).toEqual([2]);
  });
});
