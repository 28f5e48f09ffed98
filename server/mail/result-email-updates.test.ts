// The update e-mails of a published result, end to end: a jury's decision or a late signed result after
// publication queues, in its own transaction, one update to the candidate's result address, sent by the
// mailer to a real SMTP server on loopback (testing/smtp-receiver.ts) and read back with mailparser. The
// publication's message keeps its own state beside it; the same decision again, or a replayed signed
// result, queues nothing more; a change before publication, or before the publication's message has
// gone, queues nothing (that message carries it), nor a re-scoring under a standing cancellation; a
// change made while an update to the same address waits, never sent (or failed and waiting for its
// retry), is merged into it, one made while the mailer sends it gets its own; a cancellation undone
// before its message goes is not announced; a change whose transaction fails leaves no message, and a
// message that fails no change.
import { afterEach, describe, expect, it } from 'vitest';
import type { ResultEmail, ResultEmailList } from '../../core/contracts/result-emails.ts';
import type { ServerConfig } from '../config.ts';
import type { StoredJuryDecision, StoredResult } from '../storage/repositories.ts';
import {
  publishableDay,
  type PublishableDay,
  type ResultEmailCandidatePlan,
} from '../testing/result-email-day.ts';
import { client, type Inject, type SeededCandidate } from '../testing/seed.ts';
import { SmtpReceiver, type ReceivedMail } from '../testing/smtp-receiver.ts';
import { ADMIN, errorOf, loginAs, startTestServer, type TestServer } from '../testing/test-server.ts';
import { planResultEmailUpdate, updateCause } from './result-email-updates.ts';
import { RETRY_DELAYS_MS } from './retry-schedule.ts';

const PUBLIC_URL = 'https://certif.lycee.fr';
const TEACHER = 'prof.durand@college.fr';
const FAMILY = 'famille.martin@example.org';
/** The jury's grounds: in the decision, never in a mailbox. */
const GROUNDS = 'Téléphone portable utilisé pendant le test (C6).';

const mailConfig = (port: number): Partial<ServerConfig> => ({
  smtpUrl: `smtp://127.0.0.1:${port}`,
  mailFrom: 'Pix certification <certif@college.fr>',
  publicUrl: PUBLIC_URL,
});

describe('result e-mails updating a published result', () => {
  const servers: TestServer[] = [];
  const receivers: SmtpReceiver[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
    for (const receiver of receivers.splice(0)) await receiver.close();
  });

  /** A mail server of the test's (on loopback), closed after the test. */
  async function mailServer(): Promise<SmtpReceiver> {
    const smtp = await SmtpReceiver.start(null);
    receivers.push(smtp);
    return smtp;
  }

  /** A day to publish, its server sending to a mail server of the test's. */
  async function dayWithMailServer(
    plans: readonly ResultEmailCandidatePlan[],
  ): Promise<{ day: PublishableDay; smtp: SmtpReceiver }> {
    const smtp = await mailServer();
    const day = await publishableDay(plans, { config: mailConfig(smtp.port) });
    servers.push(day.server);
    return { day, smtp };
  }

  /** A day to publish, its server without a mail server: what is queued waits. */
  async function dayWithoutMailServer(plans: readonly ResultEmailCandidatePlan[]): Promise<PublishableDay> {
    const day = await publishableDay(plans);
    servers.push(day.server);
    return day;
  }

  const candidateOf = (day: PublishableDay, i: number) => day.candidates[i] as SeededCandidate;
  const nameOf = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;

  async function emails(day: PublishableDay): Promise<ResultEmailList> {
    const r = await day.day.api({
      method: 'GET',
      url: `/api/centre/sessions/${day.day.session.id}/result-emails`,
    });
    expect(r.statusCode).toBe(200);
    return r.json();
  }
  const updates = async (day: PublishableDay): Promise<ResultEmail[]> =>
    (await emails(day)).emails.filter((e) => e.update !== null);
  /** Why a message goes: null for the publication's, an update's causes in the order they came. */
  const why = (e: ResultEmail) => e.update?.causes.join(' + ') ?? null;

  const cancel = (day: PublishableDay, who: SeededCandidate, cancelled: boolean) =>
    day.day.api({
      method: 'POST',
      url: `/api/centre/candidates/${who.id}/cancellation`,
      payload: { cancelled, reason: GROUNDS },
    });

  async function sendDue(day: PublishableDay): Promise<void> {
    const mailer = day.server.app.pix.resultMailer;
    if (!mailer) throw new Error('no mailer');
    await mailer.sendDue();
  }

  const lastTo = (smtp: SmtpReceiver, recipient: string): ReceivedMail => {
    const mail = smtp.received.filter((r) => r.to[0] === recipient).at(-1);
    if (!mail) throw new Error(`nothing received by ${recipient}`);
    return mail;
  };

  /** Published, and the publication's messages sent: a change from now on is an update. */
  async function publishedAndSent(plans: readonly ResultEmailCandidatePlan[]) {
    const { day, smtp } = await dayWithMailServer(plans);
    await day.publish();
    await sendDue(day);
    return { day, smtp };
  }

  /**
   * Published without a mail server, the publication's message recorded sent as if it had gone before
   * the mail server was removed (else it would carry the change, and no update be queued).
   */
  async function publishedAsIfSent(plans: readonly ResultEmailCandidatePlan[]) {
    const day = await dayWithoutMailServer(plans);
    await day.publish();
    const { store } = day.server.app.pix;
    const [publication] = (await emails(day)).emails;
    if (!publication) throw new Error('no publication message');
    if (!(await store.resultEmails.recordSent(publication.id, 0, day.server.clock.now)))
      throw new Error('the publication message not recorded sent');
    return { day, store, publication };
  }

  /** The same database and clock, restarted with a mail server: what waited goes. */
  async function restartWithMailServer(day: PublishableDay) {
    const smtp = await mailServer();
    const { dbFile, clock } = day.server;
    await servers.splice(servers.indexOf(day.server), 1)[0]?.close();
    const server = await startTestServer({ dbFile, clock, config: mailConfig(smtp.port) });
    servers.push(server);
    const api = client(server.app, await loginAs(server.app, ADMIN.email, ADMIN.password));
    const list = async (): Promise<ResultEmail[]> =>
      (
        (
          await api({ method: 'GET', url: `/api/centre/sessions/${day.day.session.id}/result-emails` })
        ).json() as ResultEmailList
      ).emails.filter((e) => e.update !== null);
    const mailer = server.app.pix.resultMailer;
    if (!mailer) throw new Error('no mailer');
    return { smtp, server, api, list, mailer };
  }

  /** The jury's identity correction, through `api` (the server it talks to), the first name kept. */
  const correctIdentity = (api: Inject, who: SeededCandidate, lastName: string, reason: string) =>
    api({
      method: 'POST',
      url: `/api/centre/candidates/${who.id}/identity-correction`,
      payload: { lastName, firstName: who.firstName, birthdate: who.birthdate, reason },
    });
  const rescore = (day: PublishableDay, who: SeededCandidate) =>
    day.day.api({ method: 'POST', url: `/api/centre/candidates/${who.id}/signed-result-rescoring` });
  /** A cancellation as the jury's route stores it, written straight to the store by a test. */
  const juryCancellation = (
    who: SeededCandidate,
    id: string,
    decidedBy: string,
    decidedAt: number,
  ): StoredJuryDecision => ({
    id,
    candidateId: who.id,
    kind: 'cancel',
    identity: null,
    reason: GROUNDS,
    decidedAt,
    decidedBy,
  });

  it('sends one update to the candidate’s address for a cancellation, without its grounds, and another for its undoing', async () => {
    const { day, smtp } = await publishedAndSent([
      { resultEmail: TEACHER, sits: 'right' },
      { resultEmail: TEACHER, sits: 'right' },
      { resultEmail: null, sits: 'right' },
    ]);
    const number = day.day.session.number;
    const [first] = (await emails(day)).emails;
    expect(first).toMatchObject({ update: null, state: 'sent', recipient: TEACHER });
    expect(smtp.received).toHaveLength(1);

    day.server.clock.advance(3_600_000);
    const lea = candidateOf(day, 0);
    expect((await cancel(day, lea, true)).statusCode).toBe(200);
    // The same decision again is refused: no second message.
    const again = await cancel(day, lea, true);
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'ALREADY_CANCELLED']);
    let list = await emails(day);
    expect(list.emails.map((e) => [e.recipient, why(e), e.state])).toEqual([
      [TEACHER, null, 'sent'],
      [TEACHER, 'cancelled', 'pending'],
    ]);
    expect(list.emails[1]?.candidates).toEqual([
      { candidateId: lea.id, firstName: lea.firstName, lastName: lea.lastName },
    ]);
    expect(list.emails[1]?.update).toEqual({ candidateId: lea.id, causes: ['cancelled'] });

    await sendDue(day);
    expect(smtp.received).toHaveLength(2);
    const cancelled = lastTo(smtp, TEACHER).mail;
    expect(cancelled.subject).toBe(`Résultats mis à jour — session n° ${number}`);
    const text = cancelled.text ?? '';
    expect(text).toContain(`La certification de ${nameOf(lea)} a été annulée par le jury`);
    expect(text).toMatch(new RegExp(`${nameOf(lea)}\\s*: certification annulée`));
    // Only the candidate whose result changed, and nothing of why the jury decided.
    expect(text).not.toContain(nameOf(candidateOf(day, 1)));
    for (const body of [text, cancelled.html || '']) {
      expect(body).not.toContain('Téléphone');
      expect(body).not.toContain('C6');
    }
    expect(cancelled.attachments).toEqual([]);
    list = await emails(day);
    // The publication's message still says when it went; the update has its own state.
    expect(list.emails[0]).toEqual(first);
    expect(list.emails[1]).toMatchObject({ state: 'sent', attempts: 1 });
    expect(list.emails[1]?.sentAt).toBe(new Date(day.server.clock.now).toISOString());

    // Undone: another update, the certificate again.
    day.server.clock.advance(60_000);
    expect((await cancel(day, lea, false)).statusCode).toBe(200);
    expect((await updates(day)).map((e) => [why(e), e.state])).toEqual([
      ['cancelled', 'sent'],
      ['restored', 'pending'],
    ]);
    await sendDue(day);
    const restored = lastTo(smtp, TEACHER).mail;
    expect(restored.subject).toBe(`Résultats mis à jour — session n° ${number}`);
    expect(restored.text).toContain(`levé l’annulation de la certification de ${nameOf(lea)}`);
    expect(restored.text).toMatch(new RegExp(`${nameOf(lea)}\\s*: certifié, \\d+ Pix`));
    expect(restored.text).not.toContain('Téléphone');
    expect(restored.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);

    // A candidate without a result address: the decision stands, no message.
    expect((await cancel(day, candidateOf(day, 2), true)).statusCode).toBe(200);
    expect(await updates(day)).toHaveLength(2);
    expect(smtp.received).toHaveLength(3);
  }, 60_000);

  it('sends the corrected name after an identity correction, once', async () => {
    const { day, smtp } = await publishedAndSent([{ resultEmail: FAMILY, sits: 'right' }]);
    const lea = candidateOf(day, 0);
    const correct = () =>
      correctIdentity(day.day.api, lea, 'Martin-Durand', 'Nom d’usage oublié à l’inscription.');
    expect((await correct()).statusCode).toBe(200);
    const same = await correct();
    expect([same.statusCode, errorOf(same).code]).toEqual([422, 'IDENTITY_UNCHANGED']);
    expect((await updates(day)).map((e) => [e.recipient, why(e)])).toEqual([[FAMILY, 'identityCorrected']]);

    await sendDue(day);
    const { mail } = lastTo(smtp, FAMILY);
    expect(smtp.received).toHaveLength(2);
    expect(mail.subject).toBe(`Résultats mis à jour — session n° ${day.day.session.number}`);
    expect(mail.text).toContain(
      'Le jury a corrigé l’identité de Léa Martin-Durand (nom, prénom ou date de naissance). Le certificat joint remplace celui reçu auparavant.',
    );
    expect(mail.text).toMatch(/Léa Martin-Durand\s*: certifié, \d+ Pix/);
    expect(mail.text).not.toContain('oublié');
    expect(mail.attachments.map((a) => a.filename)).toEqual([
      expect.stringMatching(/^certificat-Martin-Durand-Lea-P-/),
    ]);

    // « Renvoyer » on the update: that message again, the publication's left as it was.
    const [publication, update] = (await emails(day)).emails;
    const resent = await day.day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.day.session.id}/result-emails/${update?.id ?? ''}/resend`,
    });
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ id: update?.id, state: 'pending', update: update?.update });
    await sendDue(day);
    expect(smtp.received.map((r) => r.mail.subject?.startsWith('Résultats mis à jour'))).toEqual([
      false,
      true,
      true,
    ]);
    expect((await emails(day)).emails[0]).toEqual(publication);
  }, 60_000);

  it('sends the result of a candidate listed absent whose signed result is re-scored after publication, once', async () => {
    const { day, smtp } = await publishedAndSent([
      { resultEmail: TEACHER, sits: 'right' },
      { resultEmail: FAMILY, sits: 'offline' },
    ]);
    // Listed absent at publication: in no message.
    expect((await emails(day)).emails.map((e) => e.recipient)).toEqual([TEACHER]);

    day.server.clock.advance(3_600_000);
    await day.uploadLate(1);
    // Stored, not applied by itself: nothing to send yet.
    expect(await updates(day)).toEqual([]);
    const hugo = candidateOf(day, 1);
    expect((await rescore(day, hugo)).statusCode).toBe(200);
    // Replayed: the upload is taken again, the re-scoring refused; still one message.
    await day.uploadLate(1);
    const twice = await rescore(day, hugo);
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'NO_LATE_SIGNED_RESULT']);
    expect((await emails(day)).emails.map((e) => [e.recipient, why(e), e.state])).toEqual([
      [FAMILY, 'resultAdded', 'pending'],
      [TEACHER, null, 'sent'],
    ]);

    await sendDue(day);
    const { mail } = lastTo(smtp, FAMILY);
    expect(mail.subject).toBe(`Résultats mis à jour — session n° ${day.day.session.number}`);
    expect(mail.text).toContain(`Le résultat de ${nameOf(hugo)}, arrivé après la publication`);
    expect(mail.text).toMatch(new RegExp(`${nameOf(hugo)}\\s*: certifié, \\d+ Pix`));
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    expect(smtp.received.map((r) => r.to[0])).toEqual([TEACHER, FAMILY]);
  }, 60_000);

  it('queues nothing for a change before publication: the publication’s message carries it', async () => {
    const { day, smtp } = await dayWithMailServer([
      { resultEmail: TEACHER, sits: 'right' },
      { resultEmail: TEACHER, sits: 'right' },
    ]);
    const lea = candidateOf(day, 0);
    expect((await cancel(day, lea, true)).statusCode).toBe(200);
    const corrected = await correctIdentity(day.day.api, candidateOf(day, 1), 'Corrigé', 'Faute de frappe.');
    expect(corrected.statusCode).toBe(200);
    expect(await emails(day)).toEqual({ mailServerConfigured: true, emails: [] });

    await day.publish();
    expect((await emails(day)).emails.map((e) => e.update)).toEqual([null]);
    await sendDue(day);
    expect(smtp.received).toHaveLength(1);
    const text = smtp.received[0]?.mail.text ?? '';
    expect(text).toMatch(new RegExp(`${nameOf(lea)}\\s*: certification annulée`));
    expect(text).toMatch(/Hugo Corrigé\s*: certifié/);
  }, 60_000);

  it('queues no update while the publication’s message to that address has not gone: it will carry the change', async () => {
    const day = await dayWithoutMailServer([{ resultEmail: TEACHER, sits: 'right' }]);
    await day.publish();
    const lea = candidateOf(day, 0);
    expect((await cancel(day, lea, true)).statusCode).toBe(200);
    const list = await emails(day);
    expect(list.mailServerConfigured).toBe(false);
    // The publication's message only: one message, not the result then its update.
    expect(list.emails.map((e) => [why(e), e.state, e.attempts])).toEqual([[null, 'pending', 0]]);
    expect(await day.server.app.pix.store.resultEmails.pendingCount()).toBe(1);

    // Given a mail server and restarted: the publication's message goes, the cancellation in it.
    const { smtp, server: restarted, mailer } = await restartWithMailServer(day);
    await mailer.sendDue();
    expect(smtp.received.map((r) => r.mail.subject)).toEqual([
      `Résultats de certification Pix — session n° ${day.day.session.number}`,
    ]);
    expect(smtp.received[0]?.mail.text).toMatch(new RegExp(`${nameOf(lea)}\\s*: certification annulée`));
    expect(await restarted.app.pix.store.resultEmails.pendingCount()).toBe(0);
  }, 60_000);

  it('queues the update once the publication’s message has gone, even put back by « Renvoyer », and without a mail server it waits', async () => {
    const { day, store, publication } = await publishedAsIfSent([{ resultEmail: TEACHER, sits: 'right' }]);
    const lea = candidateOf(day, 0);
    expect((await cancel(day, lea, true)).statusCode).toBe(200);
    let list = await emails(day);
    expect(list.mailServerConfigured).toBe(false);
    expect(list.emails.map((e) => [why(e), e.state])).toEqual([
      [null, 'sent'],
      ['cancelled', 'pending'],
    ]);

    // « Renvoyer » on the publication's message: pending again, but its recipient read the old one.
    day.server.clock.advance(60_000);
    const resent = await day.day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.day.session.id}/result-emails/${publication.id}/resend`,
    });
    expect(resent.statusCode, resent.body).toBe(200);
    expect((await cancel(day, lea, false)).statusCode).toBe(200);
    list = await emails(day);
    // The undoing merged into the update still waiting (never sent), not into the publication's.
    expect(list.emails.map((e) => [why(e), e.state])).toEqual([
      [null, 'pending'],
      ['cancelled + restored', 'pending'],
    ]);
    expect(await store.resultEmails.pendingCount()).toBe(2);
  }, 60_000);

  it('sends one message, saying neither, when a cancellation was undone before its update went', async () => {
    // No mail server yet: the updates wait, as they would through a pause (a running mailer could send
    // the first between the two decisions).
    const { day } = await publishedAsIfSent([{ resultEmail: FAMILY, sits: 'right' }]);
    const lea = candidateOf(day, 0);
    expect((await cancel(day, lea, true)).statusCode).toBe(200);
    day.server.clock.advance(60_000);
    expect((await cancel(day, lea, false)).statusCode).toBe(200);
    expect((await updates(day)).map((e) => [why(e), e.state])).toEqual([['cancelled + restored', 'pending']]);

    const { smtp, mailer } = await restartWithMailServer(day);
    await mailer.sendDue();
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received.map((r) => r.mail);
    // Written now, it shows a certified result: it must not call it void, nor tell of a cancellation
    // the recipient never read (but whatever else the jury did meanwhile shows in the result).
    const text = mail?.text ?? '';
    expect(text).toContain(
      `Le résultat de ${nameOf(lea)} a été mis à jour depuis la publication des résultats.`,
    );
    expect(text).not.toContain('annul');
    expect(text).not.toContain('n’est plus valable');
    expect(text).toMatch(new RegExp(`${nameOf(lea)}\\s*: certifié, \\d+ Pix`));
    expect(mail?.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
  }, 60_000);

  it('queues nothing for a result re-scored while the jury’s cancellation stands: it still reads cancelled', async () => {
    const { day, smtp } = await publishedAndSent([{ resultEmail: TEACHER, sits: 'right' }]);
    const { store } = day.server.app.pix;
    const lea = candidateOf(day, 0);
    expect((await cancel(day, lea, true)).statusCode).toBe(200);
    await sendDue(day);
    // Re-scored under the cancellation (its score as scored changes; what is read does not).
    const raw = (await store.results.get(lea.id)) as StoredResult;
    const rescored: StoredResult = {
      ...raw,
      score: { ...raw.score, status: 'rejected', pixScore: 40, reasons: [] },
      scoredAt: raw.scoredAt + 1,
    };
    const plan = { evenIfPublished: true, resultEmailUpdate: planResultEmailUpdate };
    expect(await store.results.replace(rescored, plan)).toBe(true);
    expect((await store.results.get(lea.id))?.score.status).toBe('cancelled');
    expect((await updates(day)).map((e) => [why(e), e.state])).toEqual([['cancelled', 'sent']]);

    // Undone: its update says so, with the result as re-scored.
    day.server.clock.advance(60_000);
    expect((await cancel(day, lea, false)).statusCode).toBe(200);
    expect((await updates(day)).map((e) => why(e))).toEqual(['cancelled', 'restored']);
    await sendDue(day);
    const { mail } = lastTo(smtp, TEACHER);
    expect(mail.text).toContain(
      `levé l’annulation de la certification de ${nameOf(lea)} : son résultat est rétabli.`,
    );
    expect(mail.text).toMatch(new RegExp(`${nameOf(lea)}\\s*: non certifié, 40 Pix`));
  }, 60_000);

  it('writes a change and its message together or not at all', async () => {
    const { day, store } = await publishedAsIfSent([{ resultEmail: TEACHER, sits: 'right' }]);
    const lea = candidateOf(day, 0);
    const decision = (decidedBy: string) =>
      juryCancellation(lea, `jur_${decidedBy}`, decidedBy, day.server.clock.now);

    // The decision's row refused (an account that does not exist): its message goes with it.
    await expect(
      store.juryDecisions.decideCancellation(decision('acc_nobody'), planResultEmailUpdate),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await updates(day)).toEqual([]);
    expect(await store.juryDecisions.listByCandidate(lea.id)).toEqual([]);

    // The message refused: the decision goes with it.
    const failing = () => {
      throw new Error('the outbox is full');
    };
    const administrator = await store.accounts.findByEmail(ADMIN.email);
    if (!administrator) throw new Error('no administrator');
    await expect(store.juryDecisions.decideCancellation(decision(administrator.id), failing)).rejects.toThrow(
      'the outbox is full',
    );
    expect(await store.juryDecisions.listByCandidate(lea.id)).toEqual([]);
    expect((await store.results.get(lea.id))?.score.status).toBe('validated');

    // A result written after publication: the same.
    const result = (await store.results.get(lea.id)) as StoredResult;
    const rescored: StoredResult = {
      ...result,
      score: { ...result.score, status: 'rejected' },
      scoredAt: result.scoredAt + 1,
    };
    await expect(
      store.results.replace(rescored, { evenIfPublished: true, resultEmailUpdate: failing }),
    ).rejects.toThrow('the outbox is full');
    expect((await store.results.get(lea.id))?.score.status).toBe('validated');
    expect(await updates(day)).toEqual([]);

    // And when it goes through: one message, once, whatever the number of times the change is replayed.
    expect(
      await store.results.replace(rescored, {
        evenIfPublished: true,
        resultEmailUpdate: planResultEmailUpdate,
      }),
    ).toBe(true);
    expect(
      await store.results.replace(rescored, {
        evenIfPublished: true,
        resultEmailUpdate: planResultEmailUpdate,
      }),
    ).toBe(true);
    expect((await updates(day)).map((e) => why(e))).toEqual(['resultChanged']);
  }, 60_000);

  it('merges the changes made before an update went into it: one message saying each; a later change gets its own, and one made while it is retried is merged again', async () => {
    const day = await dayWithoutMailServer([{ resultEmail: FAMILY, sits: 'offline' }]);
    await day.publish();
    const hugo = candidateOf(day, 0);
    day.server.clock.advance(3_600_000);
    await day.uploadLate(0);
    const rescored = await rescore(day, hugo);
    expect(rescored.statusCode, rescored.body).toBe(200);
    day.server.clock.advance(60_000);
    const correct = (api: Inject, lastName: string) =>
      correctIdentity(api, hugo, lastName, 'Nom d’usage oublié.');
    expect((await correct(day.day.api, 'Bernard-Lopez')).statusCode).toBe(200);
    // One row, saying both, in the order they came.
    const [waiting, ...more] = await updates(day);
    expect(more).toEqual([]);
    expect(waiting).toMatchObject({
      recipient: FAMILY,
      state: 'pending',
      attempts: 0,
      update: { candidateId: hugo.id, causes: ['resultAdded', 'identityCorrected'] },
    });

    const { smtp, api, list, mailer } = await restartWithMailServer(day);
    await mailer.sendDue();
    expect(smtp.received).toHaveLength(1);
    const { mail } = lastTo(smtp, FAMILY);
    expect(mail.subject).toBe(`Résultats mis à jour — session n° ${day.day.session.number}`);
    const text = mail.text ?? '';
    expect(text).toContain(
      `Plusieurs changements concernent le résultat de ${hugo.firstName} Bernard-Lopez\u00a0:`,
    );
    expect(text).toContain('- Le résultat, arrivé après la publication, est maintenant connu.');
    expect(text).toContain('- L’identité (nom, prénom ou date de naissance) a été corrigée par le jury.');
    expect(text).toMatch(new RegExp(`${hugo.firstName} Bernard-Lopez\\s*: certifié, \\d+ Pix`));
    expect(text).not.toContain('oublié');
    expect(mail.attachments.map((a) => a.filename)).toEqual([
      expect.stringMatching(/^certificat-Bernard-Lopez-/),
    ]);
    expect((await list()).map((e) => [why(e), e.state])).toEqual([
      ['resultAdded + identityCorrected', 'sent'],
    ]);

    // Sent: the next change is a message of its own.
    const cancelled = await api({
      method: 'POST',
      url: `/api/centre/candidates/${hugo.id}/cancellation`,
      payload: { cancelled: true, reason: GROUNDS },
    });
    expect(cancelled.statusCode).toBe(200);
    await mailer.sendDue();
    expect(smtp.received).toHaveLength(2);
    expect(lastTo(smtp, FAMILY).mail.text).toContain(
      `La certification de ${hugo.firstName} Bernard-Lopez a été annulée par le jury`,
    );

    // Its undoing fails once (the mail server asks to try later); a correction made before the retry is
    // merged into it: never delivered, it goes once, saying both, with every attempt ahead of it again.
    smtp.mode = 'tryLater';
    day.server.clock.advance(60_000);
    expect(
      (
        await api({
          method: 'POST',
          url: `/api/centre/candidates/${hugo.id}/cancellation`,
          payload: { cancelled: false, reason: 'Le téléphone était celui du surveillant.' },
        })
      ).statusCode,
    ).toBe(200);
    await mailer.sendDue();
    let rows = await list();
    expect(rows.map((e) => [why(e), e.state, e.attempts])).toEqual([
      ['resultAdded + identityCorrected', 'sent', 1],
      ['cancelled', 'sent', 1],
      ['restored', 'pending', 1],
    ]);
    const retryAt = rows[2]?.nextAttemptAt;
    expect((await correct(api, 'Lopez')).statusCode).toBe(200);
    rows = await list();
    expect(rows.map((e) => [why(e), e.state, e.attempts])).toEqual([
      ['resultAdded + identityCorrected', 'sent', 1],
      ['cancelled', 'sent', 1],
      ['restored + identityCorrected', 'pending', 0],
    ]);
    // Its retry, a minute away, stays when it was planned.
    expect(rows[2]?.nextAttemptAt).toBe(retryAt);
    smtp.mode = 'accept';
    day.server.clock.advance(RETRY_DELAYS_MS[0] ?? 0);
    await mailer.sendDue();
    expect(smtp.received).toHaveLength(3);
    const last = lastTo(smtp, FAMILY).mail.text ?? '';
    expect(last).toContain(`Plusieurs changements concernent le résultat de ${hugo.firstName} Lopez`);
    // A cancellation lifted: whether they hold a certificate of it is not known here, so the one
    // attached claims to replace none.
    expect(last).toContain('- L’identité (nom, prénom ou date de naissance) a été corrigée par le jury.\n');
    expect(last).not.toContain('remplace');
    expect(last).toContain(
      '- Le jury a levé l’annulation de la certification : le résultat est rétabli, avec le même code de vérification.',
    );
    expect(last).not.toContain('téléphone');
    expect((await list()).map((e) => [why(e), e.state, e.attempts])).toEqual([
      ['resultAdded + identityCorrected', 'sent', 1],
      ['cancelled', 'sent', 1],
      ['restored + identityCorrected', 'sent', 1],
    ]);
  }, 60_000);

  it('never merges a change into an update the mailer is sending: it gets its own message', async () => {
    const { day, smtp } = await publishedAndSent([{ resultEmail: TEACHER, sits: 'right' }]);
    const { store } = day.server.app.pix;
    const lea = candidateOf(day, 0);
    const administrator = await store.accounts.findByEmail(ADMIN.email);
    if (!administrator) throw new Error('no administrator');
    // When the update reaches the mail server, its acceptance not recorded yet, the jury cancels: in
    // that very moment (the decision's transaction runs before the mailer hears back).
    let outcome: Promise<unknown> = Promise.resolve();
    const arrived = smtp.next().then((received) => {
      day.server.clock.advance(1000);
      outcome = store.juryDecisions.decideCancellation(
        juryCancellation(lea, 'jur_during_send', administrator.id, day.server.clock.now),
        planResultEmailUpdate,
      );
      return received;
    });
    const corrected = await correctIdentity(day.day.api, lea, 'Martin-Durand', 'Faute.');
    expect(corrected.statusCode).toBe(200);
    await sendDue(day);
    const first = await arrived;
    expect(await outcome).toBe('decided');
    // The correction's message, written before the cancellation, says nothing of it…
    expect(first.mail.text).toContain('Le jury a corrigé l’identité de');
    expect(first.mail.text).not.toContain('annul');
    // …and is recorded sent with its own cause only; the cancellation goes in a message of its own
    // (sent by this round or the next, as the mailer's loop and the test's rounds take turns).
    await sendDue(day);
    expect(smtp.received).toHaveLength(3);
    expect(lastTo(smtp, TEACHER).mail.text).toContain(`a été annulée par le jury`);
    expect((await updates(day)).map((e) => [why(e), e.state])).toEqual([
      ['identityCorrected', 'sent'],
      ['cancelled', 'sent'],
    ]);
  }, 60_000);
});

describe('whether a change calls for an update', () => {
  const result = (
    overrides: Partial<StoredResult['score']> = {},
    code: string | null = 'P-AAAA',
  ): StoredResult => ({
    candidateId: 'cnd_1',
    sessionId: 'ses_1',
    testId: 'tst_1',
    score: {
      reproducibilityRate: 90,
      competences: [],
      pixScore: 312,
      status: 'validated',
      trusted: true,
      reasons: [],
      ...overrides,
    },
    completion: { finished: true },
    source: 'bundle',
    neutralized: [],
    verificationCode: code,
    scoredAt: 1,
    maxReachableLevel: 7,
  });

  it('names the jury’s decisions, a result that appears, and a result that reads differently', () => {
    expect(updateCause({ kind: 'jury', cause: 'cancelled' })).toBe('cancelled');
    expect(updateCause({ kind: 'result', previous: null, next: result() })).toBe('resultAdded');
    expect(updateCause({ kind: 'result', previous: result(), next: result({ pixScore: 320 }) })).toBe(
      'resultChanged',
    );
    expect(
      updateCause({ kind: 'result', previous: result(), next: result({ status: 'rejected' }, null) }),
    ).toBe('resultChanged');
  });

  it('calls for none when the recipient would read the same result (the signed result scored the same)', () => {
    const before = { ...result(), source: 'records' as const, scoredAt: 0 };
    expect(
      updateCause({ kind: 'result', previous: before, next: result({ reproducibilityRate: 95 }) }),
    ).toBeNull();
  });
});
