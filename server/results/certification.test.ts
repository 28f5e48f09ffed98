import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Results } from '../../core/contracts/invigilator-api.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { DEFAULT_MAX_REACHABLE_LEVEL, PIX_PER_LEVEL } from '../../core/framework/crcn.ts';
import { enrolledStation, invigilator, type Invigilator, sitTest } from '../testing/exam-helpers.ts';
import { referentOf, seedCertificationDay, type SeededCandidate, type SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('finalization, scoring, publication and certificates', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 3 });
    station = await enrolledStation(server, day);
    inv = await invigilator(server, day);
  });
  afterEach(() => server.close());

  const candidate = (i: number) => day.candidates[i] as SeededCandidate;

  /** Sits a candidate's test: `answers` decides each question (right, wrong, or left unanswered). */
  async function sit(
    who: SeededCandidate,
    answers: (index: number) => 'right' | 'wrong' | 'none',
    options: { end?: 'finished' | 'endedByInvigilator' | null; upload?: boolean; by?: TestStation } = {},
  ) {
    const sat = await sitTest(server, day, inv, options.by ?? station, who, { answers, end: options.end });
    if (options.upload !== false && options.end !== null) expect((await sat.upload()).statusCode).toBe(200);
    return sat;
  }

  const finalize = (payload: Record<string, unknown>) =>
    inv.post('/finalization', { hadIncident: false, candidateCouldNotJoin: false, ...payload });

  it('runs the whole path: session, CSV, station, join, start, package, signed bundle, finalization, score, public code', async () => {
    const sat = await sit(candidate(0), () => 'right');
    const done = await finalize({ globalComment: '' });
    expect(done.statusCode).toBe(200);
    const results = done.json() as Results;
    expect(results.session.state).toBe('processed');
    const [result] = results.results;
    const profile = day.profiles.get(candidate(0).id);
    const asked = new Set(sat.pkg.package.challenges.map((c) => c.competence));
    const expected = (profile?.competences ?? [])
      .filter((c) => asked.has(c.code))
      .reduce((sum, c) => sum + Math.min(c.pix, DEFAULT_MAX_REACHABLE_LEVEL * PIX_PER_LEVEL), 0);
    expect(result).toMatchObject({
      candidateId: candidate(0).id,
      status: 'validated',
      reproducibilityRate: 100,
      source: 'bundle',
      finished: true,
      pixScore: expected,
    });
    expect(result?.verificationCode).toMatch(/^P-[2346789BCDFGHJKMPQRTVWXY]{8}$/);
    expect(results.absent.map((a) => a.candidateId).sort()).toEqual(
      [candidate(1).id, candidate(2).id].sort(),
    );

    const code = result?.verificationCode ?? '';
    expect(
      (await server.app.inject({ method: 'GET', url: `/api/public/certificates/${code}` })).statusCode,
    ).toBe(404);
    // Nothing to print before publication.
    const early = await day.api({
      method: 'GET',
      url: `/api/centre/sessions/${day.session.id}/certificates.pdf`,
    });
    expect([early.statusCode, errorOf(early).code]).toEqual([409, 'NO_CERTIFICATE']);
    const published = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/publication`,
      payload: {},
    });
    expect(published.statusCode).toBe(200);
    const verified = await server.app.inject({
      method: 'GET',
      url: `/api/public/certificates/${code.toLowerCase()}`,
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({
      verificationCode: code,
      firstName: candidate(0).firstName,
      pixScore: expected,
      sessionDate: '2026-12-08',
    });

    const certificate = await day.api({
      method: 'GET',
      url: `/api/centre/candidates/${candidate(0).id}/certificate`,
    });
    expect(certificate.json()).toEqual(verified.json());
    const pdf = await day.api({
      method: 'GET',
      url: `/api/centre/candidates/${candidate(0).id}/certificate.pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The printed link opens the public page with the code filled in (the PDF's text: certificate-pdf.test.ts).
    expect(pdf.rawPayload.toString('latin1')).toContain(`/URI (http://localhost:80/verification/${code})`);
    // With its public address configured (--public-url), the server prints that one, whatever Host says.
    server.app.pix.config = { ...server.app.pix.config, publicUrl: 'https://certif.lycee.fr/pix' };
    const printed = await day.api({
      method: 'GET',
      url: `/api/centre/candidates/${candidate(0).id}/certificate.pdf`,
      headers: { host: 'pix-certif.example' },
    });
    expect(printed.rawPayload.toString('latin1')).toContain(
      `/URI (https://certif.lycee.fr/pix/verification/${code})`,
    );
    expect(printed.rawPayload.toString('latin1')).not.toContain('pix-certif.example');
    // The whole session's certificates in one file to print: here the one certified candidate's page.
    const all = await day.api({
      method: 'GET',
      url: `/api/centre/sessions/${day.session.id}/certificates.pdf`,
    });
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toBe('application/pdf');
    expect(all.headers['content-disposition']).toBe(
      `attachment; filename="certificats-session-${day.session.number}.pdf"`,
    );
    expect(all.rawPayload.toString('latin1')).toContain(
      `/URI (https://certif.lycee.fr/pix/verification/${code})`,
    );
    expect(all.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);

    expect(
      errorOf(await server.app.inject({ method: 'GET', url: '/api/public/certificates/P-BCDFGHJ2' })).code,
    ).toBe('NOT_FOUND');
    expect(
      (await server.app.inject({ method: 'GET', url: '/api/public/certificates/nope' })).statusCode,
    ).toBe(400);
  });

  it('needs an abort reason for every unfinished test, keeps the comment short, and finalizes once', async () => {
    await sit(candidate(0), (i) => (i < 3 ? 'right' : 'none'), { end: null });
    // Its station went off mid-test, time left: the invigilator confirms it over (finalization-guards).
    const gone = [candidate(0).id];
    const missing = await finalize({ confirmedOver: gone });
    expect([missing.statusCode, errorOf(missing).code]).toEqual([422, 'ABORT_REASON_REQUIRED']);
    expect(errorOf(missing).message).toContain(candidate(0).firstName);
    const long = await finalize({
      confirmedOver: gone,
      globalComment: 'x'.repeat(501),
      abortReasons: [{ candidateId: candidate(0).id, reason: 'technical' }],
    });
    expect(long.statusCode).toBe(400);
    const stranger = await finalize({
      confirmedOver: gone,
      abortReasons: [{ candidateId: 'cnd_nobody', reason: 'candidate' }],
    });
    expect([stranger.statusCode, errorOf(stranger).code]).toEqual([422, 'UNKNOWN_CANDIDATE']);
    const ok = await finalize({
      confirmedOver: gone,
      globalComment: 'Coupure réseau à 10 h 05.',
      abortReasons: [{ candidateId: candidate(0).id, reason: 'technical' }],
    });
    expect(ok.statusCode).toBe(200);
    const [result] = (ok.json() as Results).results;
    // 3 answers kept, the rest neutralized by the technical abort: too few to trust → cancelled.
    expect(result).toMatchObject({
      status: 'cancelled',
      finished: false,
      abortReason: 'technical',
      source: 'records',
      verificationCode: null,
    });
    expect((ok.json() as Results).finalization).toMatchObject({
      globalComment: 'Coupure réseau à 10 h 05.',
      needsJury: true,
    });
    const again = await finalize({ abortReasons: [] });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'SESSION_ALREADY_FINALIZED']);
    const joinAfter = await enrolledStation(server, day, 'Poste 09');
    const closed = await joinAfter.inject(server.app, 'POST', STATION_API_PATHS.join, {
      sessionNumber: day.session.number,
      accessCode: day.session.accessCode,
      firstName: candidate(1).firstName,
      lastName: candidate(1).lastName,
      birthdate: candidate(1).birthdate,
    });
    expect([closed.statusCode, errorOf(closed).code]).toEqual([409, 'SESSION_CLOSED']);

    // The station never sent its signed result: publication waits for it unless told not to.
    const awaited = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/publication`,
      payload: {},
    });
    expect([awaited.statusCode, errorOf(awaited).code]).toEqual([409, 'SIGNED_RESULTS_AWAITED']);
    const publish = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/publication`,
      payload: { withoutAwaitedSignedResults: true },
    });
    expect([publish.statusCode, errorOf(publish).code]).toEqual([409, 'JURY_REVIEW_NEEDED']);
    const reviewed = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/publication`,
      payload: { juryReviewed: true, withoutAwaitedSignedResults: true },
    });
    expect(reviewed.statusCode).toBe(200);
  });

  it('neutralizes a question whose alert was validated, and scores a candidate abort as skipped answers', async () => {
    const sat = await sit(candidate(0), () => 'right', { end: null });
    const second = sat.pkg.package.challenges[1];
    sat.journal.append({ kind: 'alertRaised', payload: { alertId: 'al-1', challengeId: second?.id ?? '' } });
    await station.inject(server.app, 'POST', STATION_API_PATHS.records(sat.testId), {
      records: sat.journal.since(3 + sat.pkg.package.challenges.length),
    });
    expect(
      (await inv.post('/alerts/al-1/decision', { decision: 'validated', reasonCode: 'E3' })).statusCode,
    ).toBe(200);
    sat.journal.end('finished');
    const sealed = await sat.upload();
    expect(sealed.statusCode).toBe(200);

    const other = await enrolledStation(server, day, 'Poste 02');
    // A third answered (right), the rest left unanswered: skipped, since the abort is the candidate's.
    await sit(candidate(1), (i) => (i % 3 === 0 ? 'right' : 'none'), {
      end: 'endedByInvigilator',
      by: other,
    });
    const done = await finalize({ abortReasons: [{ candidateId: candidate(1).id, reason: 'candidate' }] });
    expect(done.statusCode).toBe(200);
    const results = (done.json() as Results).results;
    const first = results.find((r) => r.candidateId === candidate(0).id);
    expect(first?.neutralizedQuestions).toEqual([2]);
    expect(first?.competences.reduce((n, c) => n + c.neutralized, 0)).toBe(1);
    const aborted = results.find((r) => r.candidateId === candidate(1).id);
    expect(aborted).toMatchObject({ finished: false, abortReason: 'candidate' });
    expect(aborted?.reproducibilityRate).toBeLessThan(50);
    expect(aborted?.status).toBe('rejected');
  });

  it('sends a result too neutralized to be trusted to the jury before publication, not a cancelled one', async () => {
    // Cancelled: a technical abort after 3 answers. Its cancellation is the decision.
    await sit(candidate(0), (i) => (i < 3 ? 'right' : 'none'), { end: null });
    // Untrusted: every answer right, but half the questions neutralized by validated alerts.
    const other = await enrolledStation(server, day, 'Poste 02');
    const sat = await sit(candidate(1), () => 'right', { end: null, upload: false, by: other });
    const challenges = sat.pkg.package.challenges;
    const half = Math.ceil(challenges.length / 2);
    const before = sat.journal.records.length;
    for (let i = 0; i < half; i++) {
      const challengeId = challenges[i]?.id ?? '';
      sat.journal.append({ kind: 'alertRaised', payload: { alertId: `al-${i}`, challengeId } });
    }
    await other.inject(server.app, 'POST', STATION_API_PATHS.records(sat.testId), {
      records: sat.journal.since(before),
    });
    for (let i = 0; i < half; i++) {
      const decision = await inv.post(`/alerts/al-${i}/decision`, {
        decision: 'validated',
        reasonCode: 'E4',
      });
      expect(decision.statusCode).toBe(200);
    }
    sat.journal.end('finished');
    expect((await sat.upload()).statusCode).toBe(200);

    const done = await finalize({
      abortReasons: [{ candidateId: candidate(0).id, reason: 'technical' }],
      confirmedOver: [candidate(0).id],
    });
    expect(done.statusCode).toBe(200);
    const results = (done.json() as Results).results;
    const cancelled = results.find((r) => r.candidateId === candidate(0).id);
    expect(cancelled).toMatchObject({ status: 'cancelled', trusted: false });
    expect(cancelled?.reasons).not.toContain('NOT_TRUSTED');
    const untrusted = results.find((r) => r.candidateId === candidate(1).id);
    expect(untrusted).toMatchObject({ status: 'validated', trusted: false, reasons: ['NOT_TRUSTED'] });
    // No comment and no report: only the untrusted result sends the session to the jury.
    expect((done.json() as Results).finalization?.needsJury).toBe(true);
    const publish = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/publication`,
      payload: { withoutAwaitedSignedResults: true },
    });
    expect([publish.statusCode, errorOf(publish).code]).toEqual([409, 'JURY_REVIEW_NEEDED']);
  });

  it('publishes without a jury a session whose only unusual result is cancelled', async () => {
    await sit(candidate(0), (i) => (i < 3 ? 'right' : 'none'), { end: null });
    await sit(candidate(1), () => 'right');
    const done = await finalize({
      abortReasons: [{ candidateId: candidate(0).id, reason: 'technical' }],
      confirmedOver: [candidate(0).id],
    });
    expect((done.json() as Results).finalization?.needsJury).toBe(false);
    const publish = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/publication`,
      payload: { withoutAwaitedSignedResults: true },
    });
    expect(publish.statusCode).toBe(200);
  });

  it('scores a result that arrives after finalization, until publication', async () => {
    const sat = await sit(candidate(0), () => 'right', { upload: false });
    const done = await finalize({});
    expect((done.json() as Results).results[0]).toMatchObject({ source: 'records', status: 'validated' });
    // The room hears of the result once it is scored: a results screen reloading then sees the new score.
    const sources: (string | undefined)[] = [];
    server.app.pix.roomBus.subscribe(day.session.id, (message) => {
      const data = message.kind === 'event' ? (message.event.data as { cause?: string }) : {};
      if (data.cause === 'resultReceived') {
        void server.app.pix.store.results.get(candidate(0).id).then((r) => sources.push(r?.source));
      }
    });
    expect((await sat.upload()).statusCode).toBe(200);
    await expect.poll(() => sources).toEqual(['bundle']);
    const after = await inv.get('/results');
    expect((after.json() as Results).results[0]).toMatchObject({ source: 'bundle', status: 'validated' });
  });

  it('takes incident reports with C and E codes until finalization', async () => {
    await sit(candidate(0), () => 'right');
    const e = await inv.post('/incidents', { candidateId: candidate(0).id, code: 'E1' });
    expect(e.statusCode).toBe(400);
    const ok = await inv.post('/incidents', {
      candidateId: candidate(0).id,
      code: 'E1',
      questionNumber: 4,
      description: 'image absente',
    });
    expect(ok.statusCode).toBe(201);
    const c = await inv.post('/incidents', {
      candidateId: candidate(1).id,
      code: 'C7',
      description: 'souris changée',
    });
    expect(c.json()).toMatchObject({ code: 'C7', questionNumber: null });
    expect((await inv.post('/incidents', { candidateId: candidate(1).id, code: 'C3' })).statusCode).toBe(400);
    const removed = await server.app.inject({
      method: 'DELETE',
      url: `/api/invigilator/sessions/${day.session.id}/incidents/${(c.json() as { id: string }).id}`,
      headers: { authorization: `Bearer ${inv.token}` },
    });
    expect(removed.statusCode).toBe(204);
    expect(((await inv.get('/incidents')).json() as { incidents: unknown[] }).incidents).toHaveLength(1);
    expect((await inv.card(candidate(0).id)).incidents).toBe(1);
    await finalize({});
    const late = await inv.post('/incidents', { candidateId: candidate(0).id, code: 'C8' });
    expect([late.statusCode, errorOf(late).code]).toEqual([409, 'SESSION_CLOSED']);
    const results = (
      await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/results` })
    ).json() as Results;
    expect(results.finalization?.needsJury).toBe(true);
  });

  it('refuses an E code naming a question the candidate’s test does not have, or a test with none yet', async () => {
    const sat = await sit(candidate(0), () => 'right');
    const total = sat.pkg.package.challenges.length;
    const report = (who: SeededCandidate, questionNumber: number) =>
      inv.post('/incidents', { candidateId: who.id, code: 'E4', questionNumber, description: 'site' });
    const beyond = await report(candidate(0), total + 1);
    expect([beyond.statusCode, errorOf(beyond).code]).toEqual([400, 'QUESTION_NOT_IN_TEST']);
    expect(errorOf(beyond).message).toContain(`has ${total} questions`);
    // A candidate who never started has no question to name.
    const none = await report(candidate(1), 1);
    expect([none.statusCode, errorOf(none).code]).toEqual([409, 'NO_TEST_QUESTIONS']);
    expect(((await inv.get('/incidents')).json() as { incidents: unknown[] }).incidents).toHaveLength(0);
    expect((await report(candidate(0), total)).statusCode).toBe(201);
    // A C code names no question: taken whether the candidate started or not.
    expect((await inv.post('/incidents', { candidateId: candidate(1).id, code: 'C8' })).statusCode).toBe(201);
  });

  it('writes each candidate’s external identifier and birthdate in the school’s file, an absent one’s too', async () => {
    const ids = ['INE-0001', 'INE-0002'];
    for (const [i, externalId] of ids.entries()) {
      const who = candidate(i);
      const edited = await day.api({
        method: 'PUT',
        url: `/api/centre/candidates/${who.id}`,
        payload: {
          lastName: who.lastName,
          firstName: who.firstName,
          sex: 'F',
          birthdate: who.birthdate,
          birthCountry: 'France',
          birthInseeCode: '69123',
          externalId,
        },
      });
      expect(edited.statusCode).toBe(200);
    }
    await sit(candidate(0), () => 'right');
    expect((await finalize({ globalComment: '' })).statusCode).toBe(200);
    const csv = await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/results.csv` });
    const [header, ...rows] = csv.body
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean)
      .map((line) => line.split(';'));
    // The candidate list's own headers: the school's records, and a re-import, know them.
    expect(header?.slice(0, 5)).toEqual([
      'Nom',
      'Prénom',
      'Date de naissance (JJ/MM/AAAA)',
      'Identifiant externe',
      'Statut',
    ]);
    const rowOf = (who: SeededCandidate) => rows.find((r) => r[0] === who.lastName && r[1] === who.firstName);
    const french = (ymd: string) => ymd.split('-').reverse().join('/');
    expect(rowOf(candidate(0))?.slice(2, 5)).toEqual([
      french(candidate(0).birthdate),
      'INE-0001',
      'Certifié',
    ]);
    expect(rowOf(candidate(1))?.slice(2, 5)).toEqual([french(candidate(1).birthdate), 'INE-0002', 'absent']);
    // No identifier given: the cell is empty, the birthdate is there.
    expect(rowOf(candidate(2))?.slice(2, 5)).toEqual([french(candidate(2).birthdate), '', 'absent']);
    for (const row of rows) expect(row).toHaveLength(header?.length ?? 0);
  });

  it('lets only an administrator publish and neutralize, and a referent only see their centre’s results', async () => {
    await sit(candidate(0), () => 'right');
    await finalize({});
    const referent = await referentOf(server.app, day);
    const results = await server.app.inject({
      method: 'GET',
      url: `/api/centre/sessions/${day.session.id}/results`,
      headers: referent,
    });
    expect(results.statusCode).toBe(200);
    const csv = await server.app.inject({
      method: 'GET',
      url: `/api/centre/sessions/${day.session.id}/results.csv`,
      headers: referent,
    });
    expect(csv.body).toContain(candidate(0).lastName);
    // The school's file says the status in French, as the screens do.
    expect(csv.body).toMatch(/;(Certifié|Non certifié|Annulé);/);
    expect(csv.body).not.toMatch(/;(validated|rejected|cancelled);/);
    const publish = await server.app.inject({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/publication`,
      headers: referent,
      payload: {},
    });
    expect([publish.statusCode, errorOf(publish).code]).toEqual([403, 'FORBIDDEN']);
    const neutralize = await day.api({
      method: 'POST',
      url: `/api/centre/candidates/${candidate(0).id}/neutralizations`,
      payload: { questionNumber: 1, neutralized: true },
    });
    expect(neutralize.statusCode).toBe(200);
    expect(neutralize.json()).toMatchObject({ neutralizedQuestions: [1] });
  });
});
