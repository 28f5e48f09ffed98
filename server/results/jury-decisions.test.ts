// The jury's decisions after the start, through the routes on real SQLite: an identity corrected (C1)
// reaches the results, the certificates and the public check; a certification cancelled (C6) reads
// cancelled everywhere, issues no certificate and its public check says it was cancelled, over every
// re-scoring, until the jury undoes it with the same code. Only an administrator decides, with a
// reason; every refusal changes nothing; the decisions are listed in order, with who, when and why.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  CandidateResult,
  IdentityCorrectionResponse,
  Results,
} from '../../core/contracts/invigilator-api.ts';
import { CancelledCertificateSchema, type Certificate } from '../../core/contracts/public-api.ts';
import { candidateMatchKey } from '../../core/session/candidate-name.ts';
import {
  enrolledStation,
  invigilator,
  type Invigilator,
  sitTest,
  startedJournal,
} from '../testing/exam-helpers.ts';
import { referentOf, seedCertificationDay, type SeededCandidate, type SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, loginAs, startTestServer, type TestServer } from '../testing/test-server.ts';

const REASON = 'Signalement C1 : le nom est mal orthographié sur la liste d’appel.';

describe('the jury’s identity corrections and cancellations', () => {
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

  /** Sits a candidate's test, every answer right; the signed result sent unless `upload` is false. */
  async function sit(who: SeededCandidate, options: { upload?: boolean } = {}) {
    const sat = await sitTest(server, day, inv, station, who);
    const upload = async () => expect((await sat.upload()).statusCode).toBe(200);
    if (options.upload !== false) await upload();
    return { upload };
  }

  const finalize = async () => {
    const done = await inv.post('/finalization', {
      abortReasons: [],
      globalComment: '',
      hadIncident: false,
      candidateCouldNotJoin: false,
    });
    expect(done.statusCode).toBe(200);
  };
  const publish = async () =>
    expect(
      (
        await day.api({
          method: 'POST',
          url: `/api/centre/sessions/${day.session.id}/publication`,
          payload: { withoutAwaitedSignedResults: true },
        })
      ).statusCode,
    ).toBe(200);

  /** As the administrator, or as whoever `as` signs in (a referent). */
  const post = (url: string, payload: Record<string, unknown>, as?: { authorization: string }) =>
    as
      ? server.app.inject({ method: 'POST', url, payload, headers: as })
      : day.api({ method: 'POST', url, payload });
  const correct = (who: SeededCandidate, payload: Record<string, unknown>, as?: { authorization: string }) =>
    post(`/api/centre/candidates/${who.id}/identity-correction`, payload, as);
  const cancel = (
    who: SeededCandidate,
    cancelled: boolean,
    reason = 'Fraude constatée (C6).',
    as?: { authorization: string },
  ) => post(`/api/centre/candidates/${who.id}/cancellation`, { cancelled, reason }, as);
  const results = async () =>
    (
      await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/results` })
    ).json() as Results;
  const resultOf = async (who: SeededCandidate) =>
    (await results()).results.find((r) => r.candidateId === who.id) as CandidateResult;
  const publicCheck = (code: string) =>
    server.app.inject({ method: 'GET', url: `/api/public/certificates/${code}` });
  const identity = async (who: SeededCandidate) => {
    const stored = await server.app.pix.store.candidates.get(who.id);
    return stored && { lastName: stored.lastName, firstName: stored.firstName, birthdate: stored.birthdate };
  };

  it('corrects a started candidate’s identity, before and after publication, on the certificate and the public check', async () => {
    await sit(candidate(0));
    await finalize();
    const lea = candidate(0);
    const first = await correct(lea, {
      lastName: 'Martins',
      firstName: 'Léa',
      birthdate: lea.birthdate,
      reason: REASON,
    });
    expect(first.statusCode).toBe(200);
    const body = first.json() as IdentityCorrectionResponse;
    expect(body.result).toMatchObject({ lastName: 'Martins', firstName: 'Léa', status: 'validated' });
    expect(body.result?.juryDecisions).toEqual([
      {
        id: expect.stringMatching(/^jur_/),
        kind: 'identity',
        reason: REASON,
        decidedAt: new Date(server.clock.now).toISOString(),
        decidedBy: 'Admin',
        identity: {
          before: { lastName: 'Martin', firstName: 'Léa', birthdate: lea.birthdate },
          after: { lastName: 'Martins', firstName: 'Léa', birthdate: lea.birthdate },
        },
      },
    ]);
    expect((await resultOf(lea)).lastName).toBe('Martins');
    // Joining goes by the corrected identity (a resume on another station).
    const found = await server.app.pix.store.candidates.findByMatch(
      day.session.id,
      candidateMatchKey({ lastName: 'MARTINS', firstName: 'lea' }),
      lea.birthdate,
    );
    expect(found.map((c) => c.id)).toEqual([lea.id]);

    await publish();
    const code = (await resultOf(lea)).verificationCode ?? '';
    server.clock.advance(3_600_000);
    // After publication too: a certificate with a wrong name must be fixable; names are trimmed.
    const after = await correct(lea, {
      lastName: '  Martin-Roux ',
      firstName: 'Léa-Marie',
      birthdate: '2011-01-02',
      reason: `  ${REASON}  `,
    });
    expect(after.statusCode).toBe(200);
    const decisions = (after.json() as IdentityCorrectionResponse).result?.juryDecisions ?? [];
    expect(decisions.map((d) => [d.kind, d.identity?.after.lastName, d.reason])).toEqual([
      ['identity', 'Martins', REASON],
      ['identity', 'Martin-Roux', REASON],
    ]);
    expect(decisions[1]?.identity?.before).toEqual({
      lastName: 'Martins',
      firstName: 'Léa',
      birthdate: lea.birthdate,
    });
    const certificate = (
      await day.api({ method: 'GET', url: `/api/centre/candidates/${lea.id}/certificate` })
    ).json() as Certificate;
    expect(certificate).toMatchObject({
      verificationCode: code,
      lastName: 'Martin-Roux',
      firstName: 'Léa-Marie',
      birthdate: '2011-01-02',
    });
    const checked = await publicCheck(code);
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toEqual(certificate);
    for (const url of [
      `/api/centre/candidates/${lea.id}/certificate.pdf`,
      `/api/centre/sessions/${day.session.id}/certificates.pdf`,
    ]) {
      const pdf = await day.api({ method: 'GET', url });
      expect(pdf.statusCode).toBe(200);
      const text = await pdfText(pdf.rawPayload);
      expect(text).toContain('Léa-Marie');
      expect(text.toUpperCase()).toContain('MARTIN-ROUX');
      expect(text.toUpperCase()).not.toContain('MARTINS');
    }
    const csv = await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/results.csv` });
    expect(csv.body).toContain('Martin-Roux;Léa-Marie');
  });

  it('refuses a correction that is not the jury’s to make, or not well formed, and changes nothing', async () => {
    await sit(candidate(0));
    await finalize();
    const lea = candidate(0);
    const before = await identity(lea);
    const valid = { lastName: 'Martins', firstName: 'Léa', birthdate: lea.birthdate, reason: REASON };
    // Not started: the referent edits the candidate.
    const notStarted = await correct(candidate(2), { ...valid, lastName: 'Duboise' });
    expect([notStarted.statusCode, errorOf(notStarted).code]).toEqual([409, 'CANDIDATE_NOT_STARTED']);
    const unknown = await day.api({
      method: 'POST',
      url: '/api/centre/candidates/cnd_nobody/identity-correction',
      payload: valid,
    });
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([404, 'NOT_FOUND']);
    // A referent, of this centre or another, is not the jury.
    const referent = await referentOf(server.app, day);
    const byReferent = await correct(lea, valid, referent);
    expect([byReferent.statusCode, errorOf(byReferent).code]).toEqual([403, 'FORBIDDEN']);
    const other = await otherCentreReferent();
    const byOther = await correct(lea, valid, other);
    expect([byOther.statusCode, errorOf(byOther).code]).toEqual([403, 'FORBIDDEN']);
    for (const [payload, field] of [
      [{ ...valid, reason: 'x'.repeat(501) }, 'reason'],
      [{ ...valid, reason: '   ' }, 'reason'],
      [{ lastName: 'Martins', firstName: 'Léa', birthdate: lea.birthdate }, 'reason'],
      [{ ...valid, birthdate: '07/01/2011' }, 'birthdate'],
      [{ ...valid, birthdate: '2011-02-30' }, 'birthdate'],
      [{ ...valid, lastName: '' }, 'lastName'],
      [{ ...valid, firstName: 'x'.repeat(101) }, 'firstName'],
      [{ ...valid, sex: 'F' }, 'sex'],
    ] as const) {
      const refused = await correct(lea, payload);
      expect([refused.statusCode, errorOf(refused).code], field).toEqual([400, 'INVALID_REQUEST']);
      expect(errorOf(refused).message).toContain(field);
    }
    // The same identity: nothing to correct.
    const same = await correct(lea, { ...valid, lastName: 'Martin' });
    expect([same.statusCode, errorOf(same).code]).toEqual([422, 'IDENTITY_UNCHANGED']);
    // Another candidate's identity: joining would find both.
    const hugo = candidate(1);
    const taken = await correct(lea, {
      ...valid,
      lastName: hugo.lastName,
      firstName: hugo.firstName,
      birthdate: hugo.birthdate,
    });
    expect([taken.statusCode, errorOf(taken).code]).toEqual([409, 'ALREADY_ENROLLED']);
    expect(await identity(lea)).toEqual(before);
    expect((await resultOf(lea)).juryDecisions).toEqual([]);
  });

  it('corrects the identity during the session, before any result', async () => {
    const lea = candidate(0);
    await startedJournal(server, day, inv, station, lea);
    const corrected = await correct(lea, {
      lastName: 'Martins',
      firstName: 'Léa',
      birthdate: lea.birthdate,
      reason: REASON,
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toEqual({ result: null });
    expect((await identity(lea))?.lastName).toBe('Martins');
    // The room's card shows the corrected name.
    expect((await inv.card(lea.id)).lastName).toBe('Martins');
  });

  it('cancels a certification: cancelled everywhere, no certificate, the public check says so; undone with the same code', async () => {
    await sit(candidate(0));
    await finalize();
    const lea = candidate(0);
    const scored = await resultOf(lea);
    const code = scored.verificationCode ?? '';
    expect(code).toMatch(/^P-/);

    server.clock.advance(60_000);
    const cancelled = await cancel(lea, true);
    expect(cancelled.statusCode).toBe(200);
    const view = cancelled.json() as CandidateResult;
    expect(view).toMatchObject({
      status: 'cancelled',
      pixScore: 0,
      verificationCode: null,
      reasons: ['JURY_CANCELLED'],
      reproducibilityRate: scored.reproducibilityRate,
    });
    expect(view.competences.every((c) => c.level === 0)).toBe(true);
    expect(view.juryDecisions.map((d) => [d.kind, d.reason, d.decidedBy])).toEqual([
      ['cancel', 'Fraude constatée (C6).', 'Admin'],
    ]);
    // Twice is refused; undoing what is not cancelled too.
    const again = await cancel(lea, true);
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'ALREADY_CANCELLED']);
    // The invigilator's results (open to whoever holds the session's password for 7 days) show the
    // outcome, never the jury's grounds or who decided.
    const invigilated = (await inv.get('/results')).json() as Results;
    const seen = invigilated.results.find((r) => r.candidateId === lea.id);
    expect(seen).toMatchObject({ status: 'cancelled', juryDecisions: [] });
    expect(JSON.stringify(invigilated)).not.toContain('Fraude constatée');
    const csv = await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/results.csv` });
    expect(csv.body).toContain('Annulé');
    expect(csv.body).not.toContain(code);

    // The session publishes (the cancellation is the jury's decision: nothing left for it to review).
    expect((await results()).finalization?.needsJury).toBe(false);
    await publish();
    for (const url of [
      `/api/centre/candidates/${lea.id}/certificate`,
      `/api/centre/candidates/${lea.id}/certificate.pdf`,
      `/api/centre/sessions/${day.session.id}/certificates.pdf`,
    ]) {
      const refused = await day.api({ method: 'GET', url });
      expect([refused.statusCode, errorOf(refused).code], url).toEqual([409, 'NO_CERTIFICATE']);
    }
    const gone = await publicCheck(code.toLowerCase());
    expect(gone.statusCode).toBe(410);
    const said = CancelledCertificateSchema.parse(gone.json());
    expect(said.error).toMatchObject({
      code: 'CERTIFICATE_CANCELLED',
      verificationCode: code,
      cancelledAt: new Date(server.clock.now).toISOString(),
    });
    // Nothing of the holder, nor of the ground.
    expect(gone.body).not.toContain('Martin');
    expect(gone.body).not.toContain('Fraude');

    server.clock.advance(60_000);
    const undone = await cancel(lea, false, 'Erreur de candidat : la fraude concernait un autre élève.');
    expect(undone.statusCode).toBe(200);
    const restored = undone.json() as CandidateResult;
    expect(restored).toMatchObject({
      status: 'validated',
      pixScore: scored.pixScore,
      reasons: scored.reasons,
      verificationCode: code,
      competences: scored.competences,
    });
    const valid = await publicCheck(code);
    expect(valid.statusCode).toBe(200);
    expect((valid.json() as Certificate).pixScore).toBe(scored.pixScore);
    const twice = await cancel(lea, false);
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'NOT_CANCELLED']);
  });

  it('keeps the cancellation over a re-scoring (the jury’s neutralization, a late signed result), and undoes it onto the new score', async () => {
    const late = await sit(candidate(0), { upload: false });
    await finalize();
    const lea = candidate(0);
    const code = (await resultOf(lea)).verificationCode;
    expect((await resultOf(lea)).source).toBe('records');
    expect((await cancel(lea, true)).statusCode).toBe(200);

    const neutralized = await day.api({
      method: 'POST',
      url: `/api/centre/candidates/${lea.id}/neutralizations`,
      payload: { questionNumber: 3, neutralized: true },
    });
    expect(neutralized.statusCode).toBe(200);
    expect(neutralized.json()).toMatchObject({ status: 'cancelled', neutralizedQuestions: [3] });
    // The station's signed result arrives: scored on arrival, still cancelled.
    await late.upload();
    expect(await resultOf(lea)).toMatchObject({
      status: 'cancelled',
      source: 'bundle',
      reasons: ['JURY_CANCELLED'],
      verificationCode: null,
    });

    const undone = await cancel(lea, false, 'Décision revue par le jury.');
    expect(undone.json()).toMatchObject({
      status: 'validated',
      source: 'bundle',
      neutralizedQuestions: [3],
      verificationCode: code,
    });
  });

  it('refuses a cancellation without a result, without a reason, or by a referent, and changes nothing', async () => {
    await sit(candidate(0));
    await finalize();
    const lea = candidate(0);
    const absent = await cancel(candidate(2), true);
    expect([absent.statusCode, errorOf(absent).code]).toEqual([404, 'NOT_FOUND']);
    const unknown = await day.api({
      method: 'POST',
      url: '/api/centre/candidates/cnd_nobody/cancellation',
      payload: { cancelled: true, reason: 'Fraude.' },
    });
    expect(unknown.statusCode).toBe(404);
    const referent = await referentOf(server.app, day);
    const byReferent = await cancel(lea, true, 'Fraude.', referent);
    expect([byReferent.statusCode, errorOf(byReferent).code]).toEqual([403, 'FORBIDDEN']);
    const byOther = await cancel(lea, true, 'Fraude.', await otherCentreReferent());
    expect(byOther.statusCode).toBe(403);
    for (const payload of [
      { cancelled: true, reason: 'x'.repeat(501) },
      { cancelled: true, reason: ' ' },
      { cancelled: true },
      { cancelled: 'yes', reason: 'Fraude.' },
    ]) {
      const refused = await day.api({
        method: 'POST',
        url: `/api/centre/candidates/${lea.id}/cancellation`,
        payload,
      });
      expect([refused.statusCode, errorOf(refused).code]).toEqual([400, 'INVALID_REQUEST']);
    }
    // 500 characters is the limit, not beyond.
    expect((await cancel(lea, true, 'x'.repeat(500))).statusCode).toBe(200);
    expect((await resultOf(lea)).juryDecisions).toHaveLength(1);
  });

  it('lists every decision on a candidate in the order taken, with who, when and why', async () => {
    await sit(candidate(0));
    await finalize();
    const lea = candidate(0);
    const start = server.clock.now;
    expect(
      (
        await correct(lea, {
          lastName: 'Martins',
          firstName: 'Léa',
          birthdate: lea.birthdate,
          reason: REASON,
        })
      ).statusCode,
    ).toBe(200);
    // The same millisecond: still in the order taken.
    expect((await cancel(lea, true, 'Téléphone utilisé pendant le test (C6).')).statusCode).toBe(200);
    server.clock.advance(90_000);
    expect((await cancel(lea, false, 'Le téléphone était celui du voisin.')).statusCode).toBe(200);
    const decisions = (await resultOf(lea)).juryDecisions;
    expect(decisions.map((d) => [d.kind, d.reason, d.decidedAt, d.decidedBy, d.identity === null])).toEqual([
      ['identity', REASON, new Date(start).toISOString(), 'Admin', false],
      ['cancel', 'Téléphone utilisé pendant le test (C6).', new Date(start).toISOString(), 'Admin', true],
      [
        'uncancel',
        'Le téléphone était celui du voisin.',
        new Date(start + 90_000).toISOString(),
        'Admin',
        true,
      ],
    ]);
    // Only this candidate's.
    expect(
      (await results()).results.filter((r) => r.candidateId !== lea.id).flatMap((r) => r.juryDecisions),
    ).toEqual([]);
  });

  it('never stores the jury’s cancellation as a score', async () => {
    await sit(candidate(0));
    await finalize();
    expect((await cancel(candidate(0), true)).statusCode).toBe(200);
    const store = server.app.pix.store;
    const read = await store.results.get(candidate(0).id);
    expect(read?.juryCancelledAt).toBe(server.clock.now);
    await expect(store.results.replace(read as NonNullable<typeof read>)).rejects.toThrow(/cancellation/);
  });

  async function otherCentreReferent(): Promise<{ authorization: string }> {
    const centre = await day.api({
      method: 'POST',
      url: '/api/centre/centres',
      payload: { name: 'Lycée Voltaire' },
    });
    const account = { email: 'ref@voltaire.test', password: 'referent of voltaire' };
    const created = await day.api({
      method: 'POST',
      url: '/api/centre/accounts',
      payload: {
        ...account,
        displayName: 'Réf Voltaire',
        role: 'referent',
        centreId: (centre.json() as { id: string }).id,
      },
    });
    expect(created.statusCode).toBe(201);
    return { authorization: `Bearer ${await loginAs(server.app, account.email, account.password)}` };
  }
});

/** The PDF's text as a viewer reads it. */
async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  await doc.destroy();
  return parts.join(' ');
}
