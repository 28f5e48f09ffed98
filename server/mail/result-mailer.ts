// The mailer: sends the outbox's result e-mails (storage: result_emails, the publication's, and
// result_email_updates, the updates of a published result: one outbox to it) through the mail server,
// one at a time, in the background of the server. Each due row is made into its message at that moment
// (result-email-content.ts), sent, and its outcome recorded: sent; or, after a failure, tried again
// later (retry-schedule.ts), or given up at once when the mail server refused it for good. The outbox is
// in the database, so a restart resumes where the last run stopped (a message whose acceptance was
// not yet recorded when the server stopped is sent again: at least once, never lost). Each row is taken
// (storage marks it) in the transaction that reads it before it is written: a change to its candidate
// merges into an update only until then, and gets its own message after (never recorded sent unsaid);
// if the attempt fails, that message folds back into it (storage: never sent before it, nor beside it).
// A row taken stays so until its outcome, or until storage frees it once no send can still hold it
// (SENDING_CLAIM_MS: a mailer stopped or killed mid-send; another server on the same file never
// sends a row this one holds).
// Times come from the server's clock (ctx.now): tests move it instead of waiting.
import { createTransport } from 'nodemailer';
import type { ServerContext } from '../context.ts';
import { SENDING_CLAIM_MS, type StoredResultEmail } from '../storage/repositories.ts';
import { describeSender, passwordRedactor, type ResultMailerSettings } from './mail-settings.ts';
import { composeResultEmail } from './result-email-content.ts';
import { recipientDomain } from './result-email-recipients.ts';
import { nextAttemptAt, RETRY_DELAYS_MS } from './retry-schedule.ts';
import { smtpFailure } from './smtp-failure.ts';

/** Rows read per round: each is sent on its own, in turn. */
const BATCH = 20;
/** The longest the loop sleeps: a safety net, since publications and « Renvoyer » wake it. */
const MAX_SLEEP_MS = 5 * 60_000;
/** Waited again after an error of the loop itself (the database). */
const LOOP_ERROR_SLEEP_MS = 60_000;
/** The longest pause after the mail server itself failed: one login attempt a quarter hour at most. */
const SERVER_PAUSE_MAX_MS = 15 * 60_000;
/** At shutdown: how long a message being sent may finish before it is cut (it stays pending). */
const STOP_GRACE_MS = 5000;
/**
 * The longest a send may last before this attempt is given up (a temporary failure): each wait below
 * is between two exchanges, and a server trickling its answers could hold a send for ever. Its row's
 * claim (SENDING_CLAIM_MS) must outlast it, the message being written and the stop's grace.
 */
const SEND_LIMIT_MS = 5 * 60_000;
// Storage frees a claim after SENDING_CLAIM_MS: were a send longer, its row could go twice.
if (SEND_LIMIT_MS + 2 * STOP_GRACE_MS >= SENDING_CLAIM_MS)
  throw new Error('a result e-mail claim must outlast the longest send');
/**
 * The longest the message may take to be written (its certificates drawn) and still be sent: the claim
 * runs from the take, so what writing used is no longer there for the send. Later, the attempt is
 * given up before sending (tried again later), so that no send can outlive its claim.
 */
const WRITE_LIMIT_MS = SENDING_CLAIM_MS - SEND_LIMIT_MS - 2 * STOP_GRACE_MS;
/** A mail server that does not answer is given up on for this attempt (nodemailer's are minutes). */
const TIMEOUTS = {
  connectionTimeout: 30_000,
  greetingTimeout: 30_000,
  socketTimeout: 60_000,
  dnsTimeout: 30_000,
};

/** Whether `work` settled within `ms` (the timer is cleared either way: nothing is left behind). */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export class ResultMailer {
  readonly #ctx: ServerContext;
  readonly #settings: ResultMailerSettings;
  readonly #transport;
  readonly #redact: (text: string) => string;
  readonly #abort = new AbortController();
  #timer: NodeJS.Timeout | null = null;
  #started = false;
  #stopped = false;
  /** The mail server itself failed (smtpFailure's serverWide) this many times in a row… */
  #serverFailures = 0;
  /** …so nothing is sent before this time (an administrator's « Renvoyer » ends the pause). */
  #pausedUntil = 0;
  /** The rounds, one after another: the loop's and the ones asked for (tests, wake-ups) never overlap. */
  #rounds: Promise<unknown> = Promise.resolve();

  constructor(ctx: ServerContext, settings: ResultMailerSettings) {
    this.#ctx = ctx;
    this.#settings = settings;
    this.#redact = passwordRedactor(settings.smtp);
    const { host, port, secure, requireTLS, user, pass } = settings.smtp;
    this.#transport = createTransport({
      host,
      port,
      secure,
      requireTLS,
      ...(user === null ? {} : { auth: { user, pass: pass ?? '' } }),
      ...TIMEOUTS,
    });
  }

  /** The mail server as logs may show it (no password). */
  get mailServer(): string {
    return this.#settings.smtp.display;
  }

  /** Starts the loop: what is due now goes at once (a restart resumes the outbox). */
  start(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    this.#ctx.log.info(
      { mailServer: this.mailServer, from: describeSender(this.#settings.from) },
      `result e-mails sent through ${this.mailServer}`,
    );
    this.#sleep(0);
  }

  /**
   * Something was queued (a publication, « Renvoyer », an update): look now rather than at the next
   * wake-up. `endPause: false` (a jury's decision, a re-scoring: nobody asked to retry) keeps the pause
   * after a mail-server failure: only an administrator's « Renvoyer » or « Envoyer maintenant » should
   * try a server that failed before its time.
   */
  wake(options: { endPause?: boolean } = {}): void {
    if (options.endPause !== false) this.#pausedUntil = 0;
    if (this.#started && !this.#stopped) this.#sleep(0);
  }

  /**
   * Sends every row due now, one at a time, after the round in course if any; resolves with how many
   * were tried once they are all recorded.
   */
  sendDue(): Promise<number> {
    const round = this.#rounds.then(() => this.#round());
    this.#rounds = round.catch(() => undefined);
    return round;
  }

  /**
   * Stops the loop: a message being sent gets a few seconds to finish, then is cut and stays pending
   * (sent again at the next start). Resolves once nothing more will be written.
   */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (!(await within(this.#rounds, STOP_GRACE_MS))) {
      this.#abort.abort();
      if (!(await within(this.#rounds, STOP_GRACE_MS)))
        this.#ctx.log.warn('result e-mails: a send did not end at shutdown; its message stays pending');
    }
    this.#transport.close();
  }

  #sleep(ms: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#tick(), Math.min(Math.max(0, ms), MAX_SLEEP_MS));
    // The HTTP server keeps the process alive; this timer alone must not.
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    this.#timer = null;
    try {
      const tried = await this.sendDue();
      // Stopped, or woken during the round (a publication it did not see): that call decided.
      if (this.#stopped || this.#timer !== null) return;
      if (tried >= BATCH && !this.#paused()) return this.#sleep(0);
      const next = await this.#ctx.store.resultEmails.nextAttemptAt();
      const at = next === null ? null : Math.max(next, this.#pausedUntil);
      this.#sleep(at === null ? MAX_SLEEP_MS : at - this.#ctx.now());
    } catch (error) {
      if (this.#stopped || this.#timer !== null) return;
      this.#ctx.log.error({ err: error }, 'result e-mails: the outbox could not be read or written');
      this.#sleep(LOOP_ERROR_SLEEP_MS);
    }
  }

  #paused(): boolean {
    return this.#ctx.now() < this.#pausedUntil;
  }

  async #round(): Promise<number> {
    if (this.#stopped || this.#paused()) return 0;
    const { resultEmails } = this.#ctx.store;
    // A send cut at a stop (this server's last run, or another's) left its row taken: once no send can
    // still hold it, it is free again, to be sent and to carry the changes.
    await resultEmails.releaseSending(this.#ctx.now());
    const due = await resultEmails.due(this.#ctx.now(), BATCH);
    let tried = 0;
    for (const read of due) {
      if (this.#stopped || this.#paused()) break;
      // As it is now (a change may have merged into it since `due`); null: no longer the one read.
      const takenAt = this.#ctx.now();
      const email = await resultEmails.takeForSending(read.id, read.attempts, takenAt);
      if (email === null) continue;
      await this.#send(email, takenAt);
      tried += 1;
    }
    return tried;
  }

  /** The mail server itself failed: the other messages wait, later and later, up to a quarter hour. */
  #pauseAfterServerFailure(at: number): void {
    this.#serverFailures += 1;
    const delay = RETRY_DELAYS_MS[Math.min(this.#serverFailures, RETRY_DELAYS_MS.length) - 1] ?? 60_000;
    this.#pausedUntil = at + Math.min(delay, SERVER_PAUSE_MAX_MS);
  }

  async #send(email: StoredResultEmail, takenAt: number): Promise<void> {
    const { store, log, now } = this.#ctx;
    const attempt = email.attempts + 1;
    const about = {
      resultEmailId: email.id,
      sessionId: email.sessionId,
      domain: recipientDomain(email.recipient),
      attempt,
    };
    let message;
    try {
      message = await composeResultEmail(this.#ctx, email, this.#settings.verificationPage);
    } catch (error) {
      // A fault of this server, maybe passing (the database busy): counted as an attempt, so that it
      // cannot hold the outbox for ever.
      log.error({ ...about, err: error }, 'result e-mail could not be written');
      const at = now();
      const failure = {
        kind: 'content' as const,
        detail: 'the message could not be written (see the server log)',
      };
      const retryAt = nextAttemptAt(attempt, at);
      if (retryAt === null) await store.resultEmails.recordFailed(email.id, email.attempts, failure, at);
      else await store.resultEmails.recordRetry(email.id, email.attempts, failure, at, retryAt);
      return;
    }
    if (message === null) {
      const failure = { kind: 'content' as const, detail: 'no published result of these candidates to send' };
      await store.resultEmails.recordFailed(email.id, email.attempts, failure, now());
      log.warn({ ...about, kind: failure.kind }, 'result e-mail failed: nothing left to send');
      return;
    }
    const written = now();
    if (written - takenAt > WRITE_LIMIT_MS) {
      // Sent now, it could outlive its claim (and go twice): tried again, from a fresh take.
      const failure = {
        kind: 'other' as const,
        detail: 'the message took too long to write; tried again later',
      };
      const retryAt = nextAttemptAt(attempt, written);
      const facts = { ...about, kind: failure.kind, writingMs: written - takenAt };
      if (retryAt === null) {
        await store.resultEmails.recordFailed(email.id, email.attempts, failure, written);
        log.warn(facts, 'result e-mail took too long to write: given up');
      } else {
        await store.resultEmails.recordRetry(email.id, email.attempts, failure, written, retryAt);
        log.warn(
          { ...facts, retryAt: new Date(retryAt).toISOString() },
          'result e-mail took too long to write: tried again later',
        );
      }
      return;
    }
    try {
      await this.#transport.sendMail({
        from: this.#settings.from,
        // An object, not a string: the address is never read as a list of addresses.
        to: { name: '', address: email.recipient },
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments,
        signal: AbortSignal.any([this.#abort.signal, AbortSignal.timeout(SEND_LIMIT_MS)]),
      });
    } catch (error) {
      if (this.#abort.signal.aborted) {
        // Cut at shutdown: not the message's failure; it stays pending and goes at the next start.
        log.info(about, 'result e-mail interrupted by the shutdown: sent again at the next start');
        return;
      }
      const failure = smtpFailure(error, this.#redact);
      const at = now();
      if (failure.serverWide) this.#pauseAfterServerFailure(at);
      const retryAt = failure.permanent ? null : nextAttemptAt(attempt, at);
      const recorded = { kind: failure.kind, detail: failure.detail };
      const facts = { ...about, kind: failure.kind, code: failure.code, responseCode: failure.responseCode };
      if (retryAt === null) {
        await store.resultEmails.recordFailed(email.id, email.attempts, recorded, at);
        log.warn(
          facts,
          failure.permanent
            ? 'result e-mail refused by the mail server: given up'
            : 'result e-mail failed: given up',
        );
      } else {
        await store.resultEmails.recordRetry(email.id, email.attempts, recorded, at, retryAt);
        log.warn(
          { ...facts, retryAt: new Date(retryAt).toISOString() },
          'result e-mail failed: tried again later',
        );
      }
      return;
    }
    this.#serverFailures = 0;
    this.#pausedUntil = 0;
    await store.resultEmails.recordSent(email.id, email.attempts, now());
    log.info({ ...about, candidates: email.candidateIds.length }, 'result e-mail sent');
  }
}
