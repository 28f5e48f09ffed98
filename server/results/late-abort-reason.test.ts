// A signed result that arrives after finalization for a candidate listed absent (nothing of the test had
// reached the server): when its test stopped early, nobody said whether the candidate or a technical
// problem stopped it (DOMAIN.md §6: unanswered questions count as skipped or neutralized). It is not
// scored as a candidate abort nobody chose: the results say it waits, the session needs the jury, and
// the administrator gives the abort reason when re-scoring with it (and only then).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Challenge } from '../../core/challenge/challenge.ts';
import type { CandidateResult, Results } from '../../core/contracts/invigilator-api.ts';
import type { EndReason } from '../../core/contracts/station-api.ts';
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

describe('a late signed result for a candidate listed absent', () => {
  let server: TestServer;
  let day: SeededDay;
  let inv: Invigilator;
  let bank: Map<string, Challenge>;
  beforeEach(async () => {
    ({ server, day, inv } = await invigilatedDay(3));
    bank = new Map(day.bank.map((c) => [c.id, c]));
  });
  afterEach(() => server.close());

  const candidate = (i: number) => day.candidates[i] as SeededCandidate;

  /**
   * A test sat offline from its start: `answered` questions answered right, then its end. Nothing of it
   * reaches the server until `upload` sends its signed result.
   */
  async function satOffline(who: SeededCandidate, answered: number, end: EndReason) {
    const station = await enrolledStation(server, day, `Poste ${who.firstName}`);
    const { journal, ...started } = await startedJournal(server, day, inv, station, who);
    started.pkg.package.challenges
      .slice(0, answered)
      .forEach((c) => journal.answer(bank.get(c.id) as Challenge, true));
    journal.end(end);
    const payload = bundlePayload({
      journal,
      sessionId: day.session.id,
      candidateId: who.id,
      stationId: station.id,
      pkg: started.pkg.package,
      packageHash: started.pkg.packageHash,
      endReason: end,
    });
    return {
      questions: started.pkg.package.challenges.length,
      upload: async () => {
        const r = await station.inject(server.app, 'POST', STATION_API_PATHS.result(started.testId), {
          bundle: await signBundle(payload, station.privateKey),
        });
        expect(r.statusCode).toBe(200);
      },
    };
  }

  const finalize = () =>
    inv.post('/finalization', {
      abortReasons: [],
      globalComment: '',
      hadIncident: false,
      candidateCouldNotJoin: false,
    });
  const results = async () =>
    (
      await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/results` })
    ).json() as Results;
  const rescore = (who: SeededCandidate, payload?: Record<string, unknown>) =>
    day.api({
      method: 'POST',
      url: `/api/centre/candidates/${who.id}/signed-result-rescoring`,
      ...(payload === undefined ? {} : { payload }),
    });
  const publish = (payload: Record<string, unknown> = {}) =>
    day.api({ method: 'POST', url: `/api/centre/sessions/${day.session.id}/publication`, payload });

  for (const end of ['aborted', 'endedByInvigilator'] as const) {
    it(`waits for the abort reason of a test ${end}, then scores it with the one the administrator gives`, async () => {
      const offline = await satOffline(candidate(0), 12, end);
      expect((await finalize()).statusCode).toBe(200);
      expect((await results()).absent.map((a) => a.candidateId)).toContain(candidate(0).id);

      // Before publication: not scored on arrival, said to wait, and the session needs the jury.
      await offline.upload();
      const waiting = await results();
      expect(waiting.results.map((r) => r.candidateId)).not.toContain(candidate(0).id);
      expect(waiting.absent.map((a) => a.candidateId)).not.toContain(candidate(0).id);
      expect(waiting.unscoredSignedResults).toEqual([
        expect.objectContaining({ candidateId: candidate(0).id, endReason: end, abortReasonNeeded: true }),
      ]);
      expect(waiting.finalization?.needsJury).toBe(true);
      const held = await publish();
      expect([held.statusCode, errorOf(held).code]).toEqual([409, 'JURY_REVIEW_NEEDED']);
      const csv = await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/results.csv` });
      // Its birthdate (the seed gives no external identifier), then the status.
      const birthdate = candidate(0).birthdate.split('-').reverse().join('/');
      expect(csv.body).toContain(
        `${candidate(0).lastName};${candidate(0).firstName};${birthdate};;résultat en attente;`,
      );

      // The re-scoring asks the reason: none, or not one of the two, is refused, and changes nothing.
      for (const payload of [undefined, {}]) {
        const refused = await rescore(candidate(0), payload);
        expect([refused.statusCode, errorOf(refused).code]).toEqual([400, 'ABORT_REASON_REQUIRED']);
        expect(errorOf(refused).message).toContain('abortReason');
      }
      const wrong = await rescore(candidate(0), { abortReason: 'invigilator' });
      expect(wrong.statusCode).toBe(400);
      expect((await results()).results.map((r) => r.candidateId)).not.toContain(candidate(0).id);

      // A technical problem: the unanswered questions are neutralized, not skipped.
      const rescored = await rescore(candidate(0), { abortReason: 'technical' });
      expect(rescored.statusCode).toBe(200);
      expect(rescored.json()).toMatchObject({
        candidateId: candidate(0).id,
        finished: false,
        abortReason: 'technical',
        source: 'bundle',
        signedResult: 'applied',
      });
      const counted = (rescored.json() as CandidateResult).competences;
      expect(counted.reduce((n, c) => n + c.neutralized, 0)).toBe(offline.questions - 12);
      expect(counted.reduce((n, c) => n + c.correct, 0)).toBe(12);
      const after = await results();
      expect(after.unscoredSignedResults).toEqual([]);
      expect(after.results.find((r) => r.candidateId === candidate(0).id)).toEqual(rescored.json());
      // Kept for any later re-scoring: the jury's neutralization does not ask it again.
      const jury = await day.api({
        method: 'POST',
        url: `/api/centre/candidates/${candidate(0).id}/neutralizations`,
        payload: { questionNumber: 1, neutralized: true },
      });
      expect(jury.json()).toMatchObject({ finished: false, abortReason: 'technical' });
      const twice = await rescore(candidate(0), { abortReason: 'candidate' });
      expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'NO_LATE_SIGNED_RESULT']);
    });
  }

  it('asks the abort reason at finalization when the signed result arrived before it', async () => {
    const offline = await satOffline(candidate(0), 12, 'aborted');
    await offline.upload();
    const unfinished = await day.api({
      method: 'GET',
      url: `/api/centre/sessions/${day.session.id}/unfinished-tests`,
    });
    expect(unfinished.json()).toMatchObject({
      tests: [{ candidateId: candidate(0).id, endReason: 'aborted', resultReceived: true }],
    });
    const refused = await finalize();
    expect([refused.statusCode, errorOf(refused).code]).toEqual([422, 'ABORT_REASON_REQUIRED']);
    expect(errorOf(refused).message).toContain(candidate(0).lastName);
  });

  it('refuses an abort reason for a test that ended normally, and re-scores one arriving after publication', async () => {
    const offline = await satOffline(candidate(0), Number.MAX_SAFE_INTEGER, 'finished');
    expect((await finalize()).statusCode).toBe(200);
    expect((await publish()).statusCode).toBe(200);

    // After publication: stored, not applied, listed for the administrator (no reason to give).
    server.clock.advance(3_600_000);
    await offline.upload();
    const listed = await results();
    expect(listed.results).toEqual([]);
    expect(listed.unscoredSignedResults).toEqual([
      expect.objectContaining({
        candidateId: candidate(0).id,
        endReason: 'finished',
        abortReasonNeeded: false,
      }),
    ]);
    expect(listed.absent.map((a) => a.candidateId)).not.toContain(candidate(0).id);

    const refused = await rescore(candidate(0), { abortReason: 'candidate' });
    expect([refused.statusCode, errorOf(refused).code]).toEqual([400, 'ABORT_REASON_NOT_EXPECTED']);
    const rescored = await rescore(candidate(0));
    expect(rescored.statusCode).toBe(200);
    expect(rescored.json()).toMatchObject({ finished: true, status: 'validated', source: 'bundle' });
    expect((rescored.json() as CandidateResult).verificationCode).toMatch(/^P-/);
  });
});
