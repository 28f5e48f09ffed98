// The mailer against a real SMTP server on a loopback port (testing/smtp-receiver.ts): what arrives
// (read back with mailparser), what the outbox records after each outcome, and what a restart does.
// Time is the test clock: retries are reached by moving it, never by waiting.
import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Results } from '../../core/contracts/invigilator-api.ts';
import type { ResultEmail, ResultEmailList } from '../../core/contracts/result-emails.ts';
import type { ServerConfig } from '../config.ts';
import { publishableDay, type ResultEmailCandidatePlan } from '../testing/result-email-day.ts';
import { client } from '../testing/seed.ts';
import { closedPort, SmtpReceiver } from '../testing/smtp-receiver.ts';
import { ADMIN, loginAs, startTestServer, type TestClock, type TestServer } from '../testing/test-server.ts';
import { SENDING_CLAIM_MS } from '../storage/repositories.ts';
import type * as Content from './result-email-content.ts';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from './retry-schedule.ts';

/** Run while a message is written (set by a test: the clock moved as if drawing took that long). */
const writing = vi.hoisted(() => ({ during: null as (() => void) | null }));
vi.mock('./result-email-content.ts', async (original) => {
  const actual = await original<typeof Content>();
  return {
    ...actual,
    composeResultEmail: async (...args: Parameters<typeof actual.composeResultEmail>) => {
      writing.during?.();
      return actual.composeResultEmail(...args);
    },
  };
});

const USER = 'certif@college.fr';
/** Characters that need encoding in the URL, so that both forms are looked for in the logs. */
const PASSWORD = 'Sm7p/s3cret:Pa55word';
const FROM = 'Pix certification <certif@college.fr>';
const PUBLIC_URL = 'https://certif.lycee.fr';

const smtpUrl = (port: number, withAccount = true) =>
  `smtp://${withAccount ? `${encodeURIComponent(USER)}:${encodeURIComponent(PASSWORD)}@` : ''}127.0.0.1:${port}`;

function mailConfig(port: number, withAccount = true): Partial<ServerConfig> {
  return { smtpUrl: smtpUrl(port, withAccount), mailFrom: FROM, publicUrl: PUBLIC_URL };
}

describe('the result mailer', () => {
  const closing: (() => Promise<void>)[] = [];
  /** The servers open: each restart replaces one. */
  const servers = new Set<TestServer>();
  afterEach(async () => {
    for (const server of servers) await server.close();
    servers.clear();
    for (const close of closing.splice(0).reverse()) await close();
  });
  const lines: string[] = [];
  const logger = { level: 'debug', stream: { write: (line: string) => void lines.push(line) } };

  async function receiver(account: boolean): Promise<SmtpReceiver> {
    const started = await SmtpReceiver.start(account ? { user: USER, password: PASSWORD } : null);
    closing.push(() => started.close());
    return started;
  }

  /** A mail server that accepts the connection and never greets: a send hangs until it is cut. */
  async function silentMailServer(): Promise<{ port: number; connected: Promise<void> }> {
    const silent = createServer(() => undefined);
    const sockets = new Set<Socket>();
    const connected = new Promise<void>((resolve) =>
      silent.on('connection', (socket) => {
        sockets.add(socket);
        resolve();
      }),
    );
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closing.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    return { port: (silent.address() as AddressInfo).port, connected };
  }

  /** A day to publish, its server sending to the mail server on `port` (with the account), logging. */
  async function dayMailingTo(port: number, plans: readonly ResultEmailCandidatePlan[]) {
    const day = await publishableDay(plans, { config: mailConfig(port), logger });
    servers.add(day.server);
    return day;
  }

  async function emails(app: FastifyInstance, sessionId: string): Promise<ResultEmailList> {
    const api = client(app, await loginAs(app, ADMIN.email, ADMIN.password));
    return (await api({ method: 'GET', url: `/api/centre/sessions/${sessionId}/result-emails` })).json();
  }

  /** The same database and clock, restarted with these settings. */
  async function restart(previous: TestServer, clock: TestClock, config: Partial<ServerConfig>) {
    servers.delete(previous);
    await previous.close();
    const server = await startTestServer({ dbFile: previous.dbFile, clock, config, logger });
    servers.add(server);
    return server;
  }

  function mailer(server: TestServer) {
    const sender = server.app.pix.resultMailer;
    if (!sender) throw new Error('no mailer');
    return sender;
  }

  function expectNoSecretInLogs(recipients: string[]) {
    const log = lines.join('');
    expect(log).toContain('"msg":"result e-mail');
    for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), Buffer.from(PASSWORD).toString('base64')])
      expect(log.includes(secret), 'the SMTP password appears in the log').toBe(false);
    // An address is personal data: the logs name the row and the domain only.
    for (const recipient of recipients) expect(log.includes(recipient), recipient).toBe(false);
  }

  it('sends each address its candidates’ results, with a certificate per certified candidate', async () => {
    lines.length = 0;
    const smtp = await receiver(true);
    const day = await dayMailingTo(smtp.port, [
      { resultEmail: 'prof.durand@college.fr', sits: 'right' },
      { resultEmail: 'prof.durand@college.fr', sits: 'wrong' },
      { resultEmail: 'prof.durand@college.fr', sits: 'right' },
      { resultEmail: 'famille.thomas@example.org', sits: 'right' },
    ]);
    await day.publish();
    await mailer(day.server).sendDue();

    expect(smtp.received.map((r) => r.to).sort()).toEqual([
      ['famille.thomas@example.org'],
      ['prof.durand@college.fr'],
    ]);
    const results = (
      await day.day.api({ method: 'GET', url: `/api/centre/sessions/${day.day.session.id}/results` })
    ).json() as Results;
    const codeOf = (i: number) =>
      results.results.find((r) => r.candidateId === day.candidates[i]?.id)?.verificationCode ?? '';
    const [lea, chloe] = [codeOf(0), codeOf(2)];
    expect(lea).toMatch(/^P-/);

    const received = smtp.received.find((r) => r.to[0] === 'prof.durand@college.fr');
    if (!received) throw new Error('no message to the teacher');
    const { mail } = received;
    expect(received.user).toBe(USER);
    expect(mail.subject).toBe(`Résultats de certification Pix — session n° ${day.day.session.number}`);
    expect(mail.from?.value[0]).toEqual({ name: 'Pix certification', address: 'certif@college.fr' });
    const text = mail.text ?? '';
    // By name: Hugo Bernard, Chloé Dubois, Léa Martin.
    expect(text.indexOf('Hugo Bernard')).toBeLessThan(text.indexOf('Chloé Dubois'));
    expect(text.indexOf('Chloé Dubois')).toBeLessThan(text.indexOf('Léa Martin'));
    expect(text).toMatch(/Hugo Bernard\s*: non certifié, 0 Pix/);
    expect(text).toMatch(/Léa Martin\s*: certifié, \d+ Pix/);
    expect(text).toContain(lea);
    expect(text).toContain(`${PUBLIC_URL}/verification/${lea}`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/verification/${chloe}"`);
    expect(mail.html).not.toMatch(/<img|src=/i);
    expect(mail.attachments.map((a) => [a.contentType, a.filename]).sort()).toEqual(
      [
        ['application/pdf', `certificat-Dubois-Chloe-${chloe}.pdf`],
        ['application/pdf', `certificat-Martin-Lea-${lea}.pdf`],
      ].sort(),
    );
    for (const attachment of mail.attachments)
      expect(attachment.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const { emails: sent } = await emails(day.server.app, day.day.session.id);
    for (const email of sent) {
      expect(email).toMatchObject({ state: 'sent', attempts: 1, lastFailure: null, nextAttemptAt: null });
      expect(email.sentAt).toBe(new Date(day.server.clock.now).toISOString());
    }
    expectNoSecretInLogs(['prof.durand@college.fr', 'famille.thomas@example.org']);
  }, 60_000);

  it('does not send a message whose writing used the time its claim keeps for the send: tried again later', async () => {
    lines.length = 0;
    const smtp = await receiver(true);
    const day = await dayMailingTo(smtp.port, [{ resultEmail: 'prof@college.fr', sits: 'right' }]);
    const clock = day.server.clock;
    // The claim (SENDING_CLAIM_MS) less the send's 5 minutes and twice the stop's 5 seconds. Once: the
    // round the publication wakes, or the one asked for, whichever writes it.
    const writeLimit = SENDING_CLAIM_MS - 5 * 60_000 - 2 * 5000;
    const slowOnce = (ms: number) => {
      writing.during = () => {
        writing.during = null;
        clock.advance(ms);
      };
    };
    slowOnce(writeLimit + 1);
    try {
      await day.publish();
      await mailer(day.server).sendDue();
    } finally {
      writing.during = null;
    }
    expect(smtp.received).toEqual([]);
    let [email] = (await emails(day.server.app, day.day.session.id)).emails as [ResultEmail];
    expect(email).toMatchObject({ state: 'pending', attempts: 1, lastFailure: { kind: 'other' } });
    expect(Date.parse(email.nextAttemptAt ?? '')).toBe(clock.now + (RETRY_DELAYS_MS[0] ?? 0));
    expect(lines.join('')).toContain('result e-mail took too long to write: tried again later');

    // Written within the limit: sent.
    clock.now = Date.parse(email.nextAttemptAt ?? '');
    slowOnce(writeLimit);
    try {
      expect(await mailer(day.server).sendDue()).toBe(1);
    } finally {
      writing.during = null;
    }
    expect(smtp.received.map((r) => r.to)).toEqual([['prof@college.fr']]);
    [email] = (await emails(day.server.app, day.day.session.id)).emails as [ResultEmail];
    expect(email).toMatchObject({ state: 'sent', attempts: 2 });
  }, 60_000);

  it('waits without a mail server, retries with backoff, gives up, and after « Renvoyer » and a restart sends', async () => {
    lines.length = 0;
    const day = await publishableDay([{ resultEmail: 'prof@college.fr', sits: 'right' }], { logger });
    servers.add(day.server);
    const clock = day.server.clock;
    const sessionId = day.day.session.id;
    await day.publish();
    // No mail server: queued, and the back office says why nothing goes.
    expect(day.server.app.pix.resultMailer).toBeNull();
    let list = await emails(day.server.app, sessionId);
    expect(list.mailServerConfigured).toBe(false);
    expect(list.emails.map((e) => [e.state, e.attempts])).toEqual([['pending', 0]]);

    // Restarted with a mail server that does not answer: tried at start, then later and later.
    let server = await restart(day.server, clock, mailConfig(await closedPort()));
    await mailer(server).sendDue();
    list = await emails(server.app, sessionId);
    expect(list.mailServerConfigured).toBe(true);
    let [email] = list.emails as [ResultEmail];
    expect(email).toMatchObject({ state: 'pending', attempts: 1, lastFailure: { kind: 'unreachable' } });
    expect(Date.parse(email.nextAttemptAt ?? '')).toBe(clock.now + (RETRY_DELAYS_MS[0] ?? 0));
    // Not due yet: nothing tried.
    clock.advance((RETRY_DELAYS_MS[0] ?? 0) / 2);
    expect(await mailer(server).sendDue()).toBe(0);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
      clock.now = Date.parse(email.nextAttemptAt ?? '');
      expect(await mailer(server).sendDue()).toBe(1);
      [email] = (await emails(server.app, sessionId)).emails as [ResultEmail];
      expect(email.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1] ?? 0;
        expect(Date.parse(email.nextAttemptAt ?? '')).toBe(clock.now + delay);
      }
    }
    expect(email).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    expect(email.lastFailure?.kind).toBe('unreachable');

    // A mail server that does not know the address: given up at once, without waiting.
    const smtp = await receiver(true);
    smtp.mode = 'unknownRecipient';
    server = await restart(server, clock, mailConfig(smtp.port));
    const api = client(server.app, await loginAs(server.app, ADMIN.email, ADMIN.password));
    const resend = () =>
      api({ method: 'POST', url: `/api/centre/sessions/${sessionId}/result-emails/${email.id}/resend` });
    expect((await resend()).statusCode).toBe(200);
    await mailer(server).sendDue();
    [email] = (await emails(server.app, sessionId)).emails as [ResultEmail];
    expect(email).toMatchObject({ state: 'failed', attempts: 1, lastFailure: { kind: 'rejected' } });
    expect(email.lastFailure?.detail).toContain('550');

    // Its login refused with a reply that quotes the password: retried, the password never kept.
    smtp.mode = 'refuseLogin';
    expect((await resend()).statusCode).toBe(200);
    await mailer(server).sendDue();
    [email] = (await emails(server.app, sessionId)).emails as [ResultEmail];
    expect(email).toMatchObject({ state: 'pending', attempts: 1, lastFailure: { kind: 'authentication' } });
    expect(email.lastFailure?.detail).toContain('login refused for certif@college.fr with ***');
    expect(JSON.stringify(email)).not.toContain(PASSWORD);

    // Asked to try later (451): retried too.
    smtp.mode = 'tryLater';
    clock.now = Date.parse(email.nextAttemptAt ?? '');
    await mailer(server).sendDue();
    [email] = (await emails(server.app, sessionId)).emails as [ResultEmail];
    expect(email).toMatchObject({ state: 'pending', attempts: 2, lastFailure: { kind: 'temporary' } });

    // The server restarts once the mail server is fine: the pending message goes at start.
    smtp.mode = 'accept';
    clock.now = Date.parse(email.nextAttemptAt ?? '');
    const arrived = smtp.next();
    server = await restart(server, clock, mailConfig(smtp.port));
    const { to, mail } = await arrived;
    await mailer(server).sendDue();
    expect(to).toEqual(['prof@college.fr']);
    expect(mail.attachments).toHaveLength(1);
    [email] = (await emails(server.app, sessionId)).emails as [ResultEmail];
    expect(email).toMatchObject({ state: 'sent', attempts: 3, lastFailure: null });
    expect(smtp.received).toHaveLength(1);
    expectNoSecretInLogs(['prof@college.fr']);
  }, 120_000);

  it('stops sending while the mail server refuses its login: one attempt, not one per message', async () => {
    const smtp = await receiver(true);
    smtp.mode = 'refuseLogin';
    const plans = ['a@college.fr', 'b@college.fr', 'c@college.fr'].map((resultEmail) => ({
      resultEmail,
      sits: 'right' as const,
    }));
    const day = await dayMailingTo(smtp.port, plans);
    const clock = day.server.clock;
    const sessionId = day.day.session.id;
    await day.publish();
    const attempts = async () =>
      (await emails(day.server.app, sessionId)).emails.map((e) => e.attempts).sort();
    // One login refused (by the loop the publication woke, or by this round, whichever came first):
    // the two other messages are not tried (a wrong password must not become one failed login per
    // message, which locks the school's mail account).
    await mailer(day.server).sendDue();
    expect(await attempts()).toEqual([0, 0, 1]);
    // Paused: the two others are due, but nothing is tried before the pause ends.
    expect(await mailer(day.server).sendDue()).toBe(0);
    // « Envoyer maintenant » on the one tried: due now rather than at its next try, its attempt kept.
    const api = client(day.server.app, await loginAs(day.server.app, ADMIN.email, ADMIN.password));
    const tried = (await emails(day.server.app, sessionId)).emails.find((e) => e.attempts === 1);
    const now = await api({
      method: 'POST',
      url: `/api/centre/sessions/${sessionId}/result-emails/${tried?.id ?? ''}/resend`,
    });
    expect(now.statusCode, now.body).toBe(200);
    expect(now.json()).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: new Date(clock.now).toISOString(),
    });
    await mailer(day.server).sendDue();
    expect(await attempts()).toEqual([0, 0, 2]);
    clock.advance(RETRY_DELAYS_MS[1] ?? 0);
    expect(await mailer(day.server).sendDue()).toBe(1);
    expect(await attempts()).toEqual([0, 1, 2]);
    // The login is fixed on the mail server's side: after the next pause, everything goes.
    smtp.mode = 'accept';
    expect(await mailer(day.server).sendDue()).toBe(0);
    clock.advance(RETRY_DELAYS_MS[2] ?? 0);
    expect(await mailer(day.server).sendDue()).toBe(3);
    expect(smtp.received.map((r) => r.to[0]).sort()).toEqual([
      'a@college.fr',
      'b@college.fr',
      'c@college.fr',
    ]);
  }, 60_000);

  it('is told of a publication without its pause being ended (only an administrator’s « Renvoyer » ends it)', async () => {
    const smtp = await receiver(true);
    const day = await dayMailingTo(smtp.port, [{ resultEmail: 'prof@college.fr', sits: 'right' }]);
    const wake = vi.spyOn(mailer(day.server), 'wake');
    await day.publish();
    // Looked at at once, its pause after a mail-server failure standing (the publication does not say
    // the mail server was fixed).
    expect(wake.mock.calls).toEqual([[{ endPause: false }]]);
  }, 60_000);

  it('keeps its pause after a mail-server failure when a jury’s decision queues an update: « Envoyer maintenant » ends it', async () => {
    const smtp = await receiver(true);
    const day = await dayMailingTo(smtp.port, [{ resultEmail: 'prof@college.fr', sits: 'right' }]);
    const sessionId = day.day.session.id;
    await day.publish();
    await mailer(day.server).sendDue();
    expect(smtp.received).toHaveLength(1);
    const decide = (cancelled: boolean) =>
      day.day.api({
        method: 'POST',
        url: `/api/centre/candidates/${day.candidates[0]?.id ?? ''}/cancellation`,
        payload: { cancelled, reason: 'Téléphone portable utilisé pendant le test (C6).' },
      });
    const updates = async () =>
      (await emails(day.server.app, sessionId)).emails.filter((e) => e.update !== null);

    // The mail server refuses the login: the cancellation's update is tried once, then a pause.
    smtp.mode = 'refuseLogin';
    expect((await decide(true)).statusCode).toBe(200);
    await mailer(day.server).sendDue();
    expect((await updates()).map((e) => [e.update?.causes, e.attempts])).toEqual([[['cancelled'], 1]]);

    // Another decision during the pause: never delivered, the waiting update carries it (every attempt
    // ahead of it again: a new change), and still waits for the pause like the others (a decision must not
    // become one more failed login on the school's mail account).
    day.server.clock.advance(1000);
    expect((await decide(false)).statusCode).toBe(200);
    expect(await mailer(day.server).sendDue()).toBe(0);
    const [restored, ...more] = await updates();
    expect(more).toEqual([]);
    expect([restored?.update?.causes, restored?.state, restored?.attempts]).toEqual([
      ['cancelled', 'restored'],
      'pending',
      0,
    ]);

    // « Envoyer maintenant », an administrator's: the pause ends, the message goes.
    smtp.mode = 'accept';
    const now = await day.day.api({
      method: 'POST',
      url: `/api/centre/sessions/${sessionId}/result-emails/${restored?.id ?? ''}/resend`,
    });
    expect(now.statusCode, now.body).toBe(200);
    await mailer(day.server).sendDue();
    expect((await updates()).find((e) => e.id === restored?.id)).toMatchObject({
      state: 'sent',
      attempts: 1,
    });
    expect(smtp.received).toHaveLength(2);
    const { mail } = smtp.received.at(-1) ?? {};
    expect(mail?.subject).toMatch(/^Résultats mis à jour/);
    // Cancelled and restored before anything went: neither announced.
    expect(mail?.text).toContain('a été mis à jour depuis la publication des résultats.');
    expect(mail?.text).not.toContain('revu');
    expect(mail?.text).not.toContain('annul');
  }, 60_000);

  /** The publication's message to the one candidate's family, its send cut by a stop: taken still. */
  async function cutAtStop() {
    const silent = await silentMailServer();
    const day = await publishableDay([{ resultEmail: 'famille@example.org', sits: 'right' }], {
      config: mailConfig(silent.port, false),
    });
    await day.publish();
    await silent.connected;
    await day.server.close();
    const candidateId = day.candidates[0]?.id ?? '';
    const sessionId = day.day.session.id;
    return {
      sessionId,
      dbFile: day.server.dbFile,
      clock: day.server.clock,
      /** The jury cancels, or undoes that, on this server (an administrator). */
      decide: async (server: TestServer, cancelled: boolean) => {
        const api = client(server.app, await loginAs(server.app, ADMIN.email, ADMIN.password));
        const response = await api({
          method: 'POST',
          url: `/api/centre/candidates/${candidateId}/cancellation`,
          payload: { cancelled, reason: 'Téléphone portable utilisé pendant le test (C6).' },
        });
        expect(response.statusCode, response.body).toBe(200);
      },
      outbox: async (server: TestServer) =>
        (await emails(server.app, sessionId)).emails.map((e) => [e.update?.causes ?? null, e.state]),
    };
  }

  it('lets the server stop during a send that hangs, and keeps that message pending for the next start', async () => {
    // The server's close() waits for the send a few seconds, then cuts it: it resolves, nothing is lost.
    const cut = await cutAtStop();
    const server = await startTestServer({ dbFile: cut.dbFile, clock: cut.clock });
    servers.add(server);
    const { emails: left } = await emails(server.app, cut.sessionId);
    expect(left.map((e) => [e.state, e.attempts, e.lastFailure])).toEqual([['pending', 0, null]]);
  }, 60_000);

  it('frees, when a server opens its file, a message whose send a stop cut: a change then waits in it, and it goes once', async () => {
    const cut = await cutAtStop();
    // Restarted without a mail server once no send can still hold it: the message is free again.
    cut.clock.advance(SENDING_CLAIM_MS);
    const server = await startTestServer({ dbFile: cut.dbFile, clock: cut.clock, logger });
    servers.add(server);
    expect(server.app.pix.resultMailer).toBeNull();
    // Not gone yet: written when it goes, it carries the cancellation (no update of its own).
    await cut.decide(server, true);
    expect(await cut.outbox(server)).toEqual([[null, 'pending']]);

    const smtp = await receiver(false);
    const sending = await restart(server, cut.clock, mailConfig(smtp.port, false));
    await mailer(sending).sendDue();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.mail.subject).toMatch(/^Résultats de certification Pix/);
    expect(smtp.received[0]?.mail.text).toContain('certification annulée');
    expect(await cut.outbox(sending)).toEqual([[null, 'sent']]);
  }, 60_000);

  it('never sends, after a restart, an update before the message a stop cut: that message goes once no send can hold it, saying both', async () => {
    const cut = await cutAtStop();
    const smtp = await receiver(false);
    // Restarted at once: the cut send's claim may still be live (another server on the file, one still
    // stopping): it is not sent a second time meanwhile, and the change's update waits behind it.
    const server = await startTestServer({
      dbFile: cut.dbFile,
      clock: cut.clock,
      config: mailConfig(smtp.port, false),
      logger,
    });
    servers.add(server);
    await cut.decide(server, true);
    expect(await cut.outbox(server)).toEqual([
      [null, 'pending'],
      [['cancelled'], 'pending'],
    ]);
    await mailer(server).sendDue();
    expect(smtp.received).toHaveLength(0);

    // Once no send can hold it: freed by the mailer's round, the update folded into it, one message.
    cut.clock.advance(SENDING_CLAIM_MS);
    await mailer(server).sendDue();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.mail.subject).toMatch(/^Résultats de certification Pix/);
    expect(smtp.received[0]?.mail.text).toContain('certification annulée');
    expect(await cut.outbox(server)).toEqual([[null, 'sent']]);
  }, 60_000);
});
