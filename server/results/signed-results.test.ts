// The stations' signed results around publication (issues 4 and 9): a test scored at finalization
// without its signed result (the station switched off after the test, or offline) is flagged in the
// results; publication waits for it unless the administrator publishes without it; one that arrives
// after publication is kept out of the published certificate and flagged, until an administrator
// re-scores with it (the verification code kept, the public verification showing the new score).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CandidateResult, Results } from '../../core/contracts/invigilator-api.ts';
import type { Certificate } from '../../core/contracts/public-api.ts';
import { enrolledStation, invigilator, type Invigilator, sitTest } from '../testing/exam-helpers.ts';
import { referentOf, seedCertificationDay, type SeededCandidate, type SeededDay } from '../testing/seed.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('signed results awaited at publication, and arriving after it', () => {
  let server: TestServer;
  let day: SeededDay;
  let inv: Invigilator;
  let stations = 0;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 3 });
    inv = await invigilator(server, day);
  });
  afterEach(() => server.close());

  const candidate = (i: number) => day.candidates[i] as SeededCandidate;
  const nameOf = (c: SeededCandidate) => `${c.firstName} ${c.lastName}`;

  /**
   * Sits a whole test, every answer right, to its end. The server receives during the test the records
   * up to `replicatedAnswers` answers (all of them by default, the end too), and the signed result only
   * when the returned `upload` is called: the station was switched off after the test.
   */
  async function sit(who: SeededCandidate, replicatedAnswers = Infinity) {
    const station = await enrolledStation(server, day, `Poste ${++stations}`);
    const sat = await sitTest(server, day, inv, station, who, { replicatedAnswers });
    const upload = async () => expect((await sat.upload()).statusCode).toBe(200);
    return { ...sat, upload };
  }

  const finalize = (
    abortReasons: { candidateId: string; reason: string }[] = [],
    confirmedOver: string[] = [],
  ) =>
    inv.post('/finalization', {
      abortReasons,
      confirmedOver,
      globalComment: '',
      hadIncident: false,
      candidateCouldNotJoin: false,
    });
  const publish = (payload: Record<string, unknown> = {}) =>
    day.api({ method: 'POST', url: `/api/centre/sessions/${day.session.id}/publication`, payload });
  const results = async () =>
    (
      await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/results` })
    ).json() as Results;
  const resultOf = async (who: SeededCandidate) =>
    (await results()).results.find((r) => r.candidateId === who.id) as CandidateResult;
  const rescore = (who: SeededCandidate, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url: `/api/centre/candidates/${who.id}/signed-result-rescoring`,
      headers: { authorization: `Bearer ${day.adminToken}`, ...headers },
    });
  const verify = async (code: string) =>
    (
      await server.app.inject({ method: 'GET', url: `/api/public/certificates/${code}` })
    ).json() as Certificate;

  it('flags a result scored without its signed result, refuses to publish it, then publishes once it arrives', async () => {
    const late = await sit(candidate(0));
    await sit(candidate(1)).then((s) => s.upload());
    expect((await finalize()).statusCode).toBe(200);

    expect(await resultOf(candidate(0))).toMatchObject({
      source: 'records',
      signedResult: 'awaited',
      signedResultReceivedAt: null,
      signedResultAfterPublication: false,
    });
    const applied = await resultOf(candidate(1));
    expect(applied).toMatchObject({
      source: 'bundle',
      signedResult: 'applied',
      signedResultAfterPublication: false,
    });
    expect(Date.parse(applied.signedResultReceivedAt ?? '')).toBe(server.clock.now);

    const refused = await publish();
    expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'SIGNED_RESULTS_AWAITED']);
    expect(errorOf(refused).message).toContain(nameOf(candidate(0)));
    expect(errorOf(refused).message).not.toContain(nameOf(candidate(1)));
    expect((await results()).session.publishedAt).toBeNull();

    // The station is switched back on in the room: its result sends itself and is scored on arrival.
    server.clock.advance(60_000);
    await late.upload();
    expect(await resultOf(candidate(0))).toMatchObject({ source: 'bundle', signedResult: 'applied' });
    const published = await publish();
    expect(published.statusCode).toBe(200);
    expect((published.json() as Results).results.every((r) => r.signedResult === 'applied')).toBe(true);
  });

  it('publishes without the awaited signed results only when told to, and says which were published without', async () => {
    await sit(candidate(0));
    expect((await finalize()).statusCode).toBe(200);
    const refused = await publish({ juryReviewed: true });
    expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'SIGNED_RESULTS_AWAITED']);
    const published = await publish({ withoutAwaitedSignedResults: true });
    expect(published.statusCode).toBe(200);
    expect((published.json() as Results).results[0]).toMatchObject({
      candidateId: candidate(0).id,
      signedResult: 'awaited',
      signedResultAfterPublication: false,
    });
    const again = await publish({ withoutAwaitedSignedResults: true });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'SESSION_PUBLISHED']);
  });

  it('does not wait for a signed result the server refused, and sends the session to the jury', async () => {
    const sat = await sit(candidate(0));
    expect((await finalize()).statusCode).toBe(200);
    // The station's upload was refused for good (intake-refusal.test.ts: a chain that does not check out).
    await server.app.pix.store.tests.recordUploadRefusal(sat.testId, {
      code: 'CHAIN_BROKEN',
      at: server.clock.now,
    });
    expect(await resultOf(candidate(0))).toMatchObject({ source: 'records', signedResult: 'refused' });
    expect((await results()).finalization?.needsJury).toBe(true);
    const toJury = await publish();
    expect([toJury.statusCode, errorOf(toJury).code]).toEqual([409, 'JURY_REVIEW_NEEDED']);
    expect((await publish({ juryReviewed: true })).statusCode).toBe(200);
    // A re-scoring under way when the publication lands does not change the published result.
    const published = await server.app.pix.store.results.get(candidate(0).id);
    if (!published) throw new Error('no result');
    const changed = { ...published, source: 'bundle' as const };
    expect(await server.app.pix.store.results.replace(changed)).toBe(false);
    expect((await server.app.pix.store.results.get(candidate(0).id))?.source).toBe('records');
    expect(await server.app.pix.store.results.replace(changed, { evenIfPublished: true })).toBe(true);
  });

  it('keeps a signed result arriving after publication out of the certificate until an administrator re-scores with it', async () => {
    // The station went offline after 12 answers and was switched off after the test: the server has
    // 12 answers and no end; the signed result has every answer and the end.
    const offline = await sit(candidate(0), 12);
    await sit(candidate(1)).then((s) => s.upload());
    // Never comes back before publication, nor after.
    await sit(candidate(2));
    // Its station offline, time left: the invigilator confirms it over (finalization-guards).
    const confirmed = [candidate(0).id];
    expect(
      (await finalize([{ candidateId: candidate(0).id, reason: 'candidate' }], confirmed)).statusCode,
    ).toBe(200);
    const before = await resultOf(candidate(0));
    expect(before).toMatchObject({ status: 'validated', finished: false, signedResult: 'awaited' });
    const code = before.verificationCode ?? '';
    expect(code).toMatch(/^P-/);

    const refused = await publish();
    expect(errorOf(refused).message).toContain(nameOf(candidate(0)));
    expect(errorOf(refused).message).toContain(nameOf(candidate(2)));
    expect((await publish({ withoutAwaitedSignedResults: true })).statusCode).toBe(200);
    const publishedAt = (await results()).session.publishedAt;
    expect((await verify(code)).pixScore).toBe(before.pixScore);

    // After publication: stored, not applied, and said.
    server.clock.advance(3_600_000);
    await offline.upload();
    const flagged = await resultOf(candidate(0));
    expect(flagged).toMatchObject({
      source: 'records',
      signedResult: 'notApplied',
      signedResultAfterPublication: true,
      pixScore: before.pixScore,
      verificationCode: code,
      finished: false,
    });
    expect(Date.parse(flagged.signedResultReceivedAt ?? '')).toBeGreaterThan(Date.parse(publishedAt ?? ''));
    expect((await verify(code)).pixScore).toBe(before.pixScore);
    expect(await resultOf(candidate(2))).toMatchObject({ signedResult: 'awaited' });

    // Only an administrator re-scores, only a result with a signed result not applied.
    const referent = await referentOf(server.app, day);
    const forbidden = await rescore(candidate(0), referent);
    expect([forbidden.statusCode, errorOf(forbidden).code]).toEqual([403, 'FORBIDDEN']);
    for (const other of [candidate(1), candidate(2)]) {
      const none = await rescore(other);
      expect([none.statusCode, errorOf(none).code]).toEqual([409, 'NO_LATE_SIGNED_RESULT']);
    }
    expect((await resultOf(candidate(0))).source).toBe('records');

    server.clock.advance(60_000);
    const rescored = await rescore(candidate(0));
    expect(rescored.statusCode).toBe(200);
    const after = rescored.json() as CandidateResult;
    expect(after).toMatchObject({
      source: 'bundle',
      signedResult: 'applied',
      signedResultAfterPublication: true,
      finished: true,
      abortReason: null,
      status: 'validated',
      verificationCode: code,
    });
    expect(after.pixScore).toBeGreaterThan(before.pixScore);
    expect(Date.parse(after.scoredAt)).toBe(server.clock.now);
    expect(await resultOf(candidate(0))).toEqual(after);
    // The code handed out now shows the new score, on the public page and on the certificate.
    expect(await verify(code)).toMatchObject({
      verificationCode: code,
      pixScore: after.pixScore,
      publishedAt,
    });
    const certificate = await day.api({
      method: 'GET',
      url: `/api/centre/candidates/${candidate(0).id}/certificate`,
    });
    expect((certificate.json() as Certificate).pixScore).toBe(after.pixScore);
    // Announced: a stored event of the session says the result changed.
    const events = await server.app.pix.store.events.after(day.session.id, 0, 1000);
    expect(
      events.some(
        (e) =>
          e.type === 'candidate' &&
          (e.data as { cause: string; candidate: { candidateId: string } }).cause === 'resultRescored' &&
          (e.data as { candidate: { candidateId: string } }).candidate.candidateId === candidate(0).id,
      ),
    ).toBe(true);

    const twice = await rescore(candidate(0));
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'NO_LATE_SIGNED_RESULT']);
  });

  it('refuses to re-score before finalization and for a candidate without a result', async () => {
    await sit(candidate(0));
    const early = await rescore(candidate(0));
    expect([early.statusCode, errorOf(early).code]).toEqual([409, 'SESSION_NOT_PROCESSED']);
    expect((await finalize()).statusCode).toBe(200);
    const absent = await rescore(candidate(1));
    expect([absent.statusCode, errorOf(absent).code]).toEqual([404, 'NOT_FOUND']);
  });
});
