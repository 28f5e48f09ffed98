// The outbox as a change and the mailer reach it, step by step on the server's SQLite file (a second
// connection queues the changes, as the change's transaction would): a change merges into the update
// waiting for the same candidate and address, never sent and not taken by the mailer, which then reads
// it as it is now; once taken, a change gets its own update; an attempt's outcome or a mailer's start
// frees it; the same change is never carried twice; a publication's message being sent does not carry
// a change made meanwhile.
import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResultEmailUpdateCause } from '../../../core/contracts/result-emails.ts';
import { planResultEmailUpdate } from '../../mail/result-email-updates.ts';
import { publishableDay, type PublishableDay } from '../../testing/result-email-day.ts';
import type { TestServer } from '../../testing/test-server.ts';
import { SENDING_CLAIM_MS } from '../repositories.ts';
import { resultEmails as openResultEmails, resultEmailUpdateQueuer } from './result-email-store.ts';

type JuryCause = Extract<ResultEmailUpdateCause, 'cancelled' | 'restored' | 'identityCorrected'>;

describe('an update waiting for the mailer', () => {
  const servers: TestServer[] = [];
  const connections: SqliteDatabase[] = [];
  afterEach(async () => {
    for (const db of connections.splice(0)) db.close();
    for (const server of servers.splice(0)) await server.close();
  });

  /** Published, no mail server (nothing sends behind the test's back), and a queuer of changes. */
  async function published(publicationSent: boolean) {
    const day: PublishableDay = await publishableDay([{ resultEmail: 'famille@example.org', sits: 'right' }]);
    servers.push(day.server);
    await day.publish();
    const { resultEmails } = day.server.app.pix.store;
    const sessionId = day.day.session.id;
    const [publication] = await resultEmails.listBySession(sessionId);
    if (!publication) throw new Error('no publication message');
    if (publicationSent)
      expect(await resultEmails.recordSent(publication.id, 0, day.server.clock.now)).toBe(true);
    const db = new Database(day.server.dbFile);
    db.pragma('foreign_keys = ON');
    connections.push(db);
    const queue = resultEmailUpdateQueuer(db);
    const candidateId = day.candidates[0]?.id ?? '';
    const at = day.server.clock.now;
    // Each change a millisecond after the last: the newest update waiting is the one it finds.
    let changes = 0;
    const change = (cause: JuryCause, key: string) =>
      queue(candidateId, { kind: 'jury', cause }, key, at + ++changes, planResultEmailUpdate);
    /** The updates: their causes and state, oldest first. */
    const updates = async () =>
      (await resultEmails.listBySession(sessionId)).flatMap((e) =>
        e.update ? [{ id: e.id, causes: e.update.causes, state: e.state, attempts: e.attempts }] : [],
      );
    /** The first change's update (key `jury:a`), queued on its own: a message of its own. */
    const firstUpdate = async (cause: JuryCause) => {
      if (!change(cause, 'jury:a')) throw new Error(`${cause}: no update queued`);
      const [update] = await updates();
      if (!update) throw new Error('no update');
      return update;
    };
    return {
      resultEmails,
      publication,
      at,
      dbFile: day.server.dbFile,
      change,
      updates,
      firstUpdate,
      /** The same, then taken by the mailer (its first attempt, at `at`): being sent. */
      updateBeingSent: async (cause: JuryCause) => {
        const update = await firstUpdate(cause);
        if (!(await resultEmails.takeForSending(update.id, 0, at))) throw new Error('not taken');
        return update;
      },
    };
  }

  const temporary = { kind: 'temporary' as const, detail: '451 4.7.1 greylisted, try again later' };

  it('carries the changes that come until the mailer takes it, then lets the next one make its own', async () => {
    const { resultEmails, at, change, updates } = await published(true);
    expect(change('identityCorrected', 'jury:a')).toBe(true);
    const [due] = (await resultEmails.due(at + 1000, 20)).filter((e) => e.update !== null);
    if (!due) throw new Error('the update is not due');

    // After the mailer read it, before it took it: merged, and what it takes says so.
    expect(change('cancelled', 'jury:b')).toBe(true);
    // The same change again: nothing new, merged or not.
    expect(change('cancelled', 'jury:b')).toBe(false);
    expect(change('identityCorrected', 'jury:a')).toBe(false);
    const taken = await resultEmails.takeForSending(due.id, due.attempts, at);
    expect(due.update?.causes).toEqual(['identityCorrected']);
    expect(taken?.update?.causes).toEqual(['identityCorrected', 'cancelled']);
    // Taken as read only: an attempt recorded meanwhile (another round) leaves it to that one.
    expect(await resultEmails.takeForSending(due.id, due.attempts + 1, at)).toBeNull();

    // Being sent: the next change is a message of its own.
    expect(change('restored', 'jury:c')).toBe(true);
    expect(await updates()).toEqual([
      { id: due.id, causes: ['identityCorrected', 'cancelled'], state: 'pending', attempts: 0 },
      { id: expect.any(String), causes: ['restored'], state: 'pending', attempts: 0 },
    ]);

    // Sent: recorded with what it said; the one after it keeps carrying what comes.
    expect(await resultEmails.recordSent(due.id, 0, at)).toBe(true);
    expect(change('cancelled', 'jury:d')).toBe(true);
    expect((await updates()).map((u) => [u.causes, u.state])).toEqual([
      [['identityCorrected', 'cancelled'], 'sent'],
      [['restored', 'cancelled'], 'pending'],
    ]);
  }, 60_000);

  it('merges into an update whose attempt failed and waits for its retry, and into one a stopped mailer had taken', async () => {
    const { resultEmails, at, change, updates, updateBeingSent } = await published(true);
    const first = await updateBeingSent('cancelled');
    const failure = { kind: 'temporary' as const, detail: '451 try again later' };
    expect(await resultEmails.recordRetry(first.id, 0, failure, at, at + 60_000)).toBe(true);
    // Never delivered: merged, its retry's time and attempts kept.
    expect(change('restored', 'jury:b')).toBe(true);
    // A new change: every attempt again, and no later than its retry.
    expect(await updates()).toEqual([
      { id: first.id, causes: ['cancelled', 'restored'], state: 'pending', attempts: 0 },
    ]);
    expect(await resultEmails.get(first.id)).toMatchObject({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: at + 60_000,
      update: { causes: ['cancelled', 'restored'] },
    });

    // Taken by a mailer cut at shutdown: nothing merges into it until its claim is freed, once no send
    // can still hold it; the change queued meanwhile then folds back into it.
    expect(await resultEmails.takeForSending(first.id, 0, at + 60_000)).not.toBeNull();
    expect(change('identityCorrected', 'jury:c')).toBe(true);
    expect(await updates()).toHaveLength(2);
    expect(await resultEmails.releaseSending(at + 60_000 + SENDING_CLAIM_MS - 1)).toBe(0);
    expect(await resultEmails.releaseSending(at + 60_000 + SENDING_CLAIM_MS)).toBe(1);
    expect(await resultEmails.releaseSending(at + 60_000 + SENDING_CLAIM_MS)).toBe(0);
    // Free again: it carries the next change too.
    expect(change('cancelled', 'jury:d')).toBe(true);
    expect((await updates()).map((u) => u.causes)).toEqual([
      ['cancelled', 'restored', 'identityCorrected', 'cancelled'],
    ]);
  }, 60_000);

  it('leaves a change to the publication’s message until the mailer takes it, and gives it its own after', async () => {
    const { resultEmails, publication, at, change, updates } = await published(false);
    // Not gone yet: written when it goes, it will carry the change.
    expect(change('identityCorrected', 'jury:a')).toBe(false);
    expect(await updates()).toEqual([]);
    // Being written or sent: it may not carry the next one, which gets its own message.
    expect(await resultEmails.takeForSending(publication.id, 0, at)).toMatchObject({ id: publication.id });
    expect(change('cancelled', 'jury:b')).toBe(true);
    expect((await updates()).map((u) => [u.causes, u.state])).toEqual([[['cancelled'], 'pending']]);
  }, 60_000);

  it('folds the update queued while an update was being sent back into it when that send fails: one message, in order', async () => {
    const { resultEmails, at, change, updates, updateBeingSent } = await published(true);
    const u1 = await updateBeingSent('cancelled');
    // While it is sent the jury restores: a message of its own, held back behind the one being sent.
    expect(change('restored', 'jury:b')).toBe(true);
    expect(await updates()).toHaveLength(2);
    expect((await resultEmails.due(at + 1000, 20)).filter((e) => e.update !== null)).toEqual([]);
    // Greylisted: the restoration must not go first (nor as a second message): it folds back in.
    expect(await resultEmails.recordRetry(u1.id, 0, temporary, at + 10, at + 60_000)).toBe(true);
    expect(await updates()).toEqual([
      { id: u1.id, causes: ['cancelled', 'restored'], state: 'pending', attempts: 0 },
    ]);
    expect(await resultEmails.due(at + 1000, 20)).toEqual([]);
    expect((await resultEmails.due(at + 60_000, 20)).map((e) => e.id)).toEqual([u1.id]);
    expect(await resultEmails.nextAttemptAt()).toBe(at + 60_000);
  }, 60_000);

  it('keeps the changes queued while an update was being sent in it when it is given up', async () => {
    const { resultEmails, at, change, updates, updateBeingSent } = await published(true);
    const u1 = await updateBeingSent('cancelled');
    expect(change('restored', 'jury:b')).toBe(true);
    const refused = { kind: 'rejected' as const, detail: '550 no such mailbox' };
    expect(await resultEmails.recordFailed(u1.id, 0, refused, at + 10)).toBe(true);
    // Not sent alone to the address that refused the first (« restored », of a cancellation never read):
    // « Renvoyer » sends both, as one.
    expect(await updates()).toEqual([
      { id: u1.id, causes: ['cancelled', 'restored'], state: 'failed', attempts: 1 },
    ]);
  }, 60_000);

  it('leaves the changes queued while an update was being sent to go on their own when it is given up for another reason than its address', async () => {
    const { resultEmails, at, change, updates, updateBeingSent } = await published(true);
    const u1 = await updateBeingSent('cancelled');
    expect(change('restored', 'jury:b')).toBe(true);
    // The message itself refused (its size, its content): the address may take the next one.
    const refused = { kind: 'refused' as const, detail: '552 message too large' };
    expect(await resultEmails.recordFailed(u1.id, 0, refused, at + 10)).toBe(true);
    const rows = await updates();
    expect(rows).toEqual([
      { id: u1.id, causes: ['cancelled'], state: 'failed', attempts: 1 },
      { id: expect.any(String), causes: ['restored'], state: 'pending', attempts: 0 },
    ]);
    // Not held back by the given-up one: it gets its attempt.
    expect((await resultEmails.due(at + 1000, 20)).map((e) => e.id)).toEqual([rows[1]?.id]);
  }, 60_000);

  it('drops the updates queued while the publication’s message was being sent when that send fails: it says them', async () => {
    const { resultEmails, publication, at, change, updates } = await published(false);
    expect(await resultEmails.takeForSending(publication.id, 0, at)).not.toBeNull();
    expect(change('cancelled', 'jury:a')).toBe(true);
    expect(change('identityCorrected', 'jury:b')).toBe(true);
    expect(await updates()).toHaveLength(1);
    // Never before the results it says changed.
    expect(await resultEmails.due(at + 1000, 20)).toEqual([]);
    expect(await resultEmails.recordRetry(publication.id, 0, temporary, at + 10, at + 60_000)).toBe(true);
    // Written from the results as they are when it goes: nothing left to update.
    expect(await updates()).toEqual([]);
    expect((await resultEmails.due(at + 60_000, 20)).map((e) => e.id)).toEqual([publication.id]);
    // Once it went, a change is an update again.
    expect(await resultEmails.takeForSending(publication.id, 1, at + 60_000)).not.toBeNull();
    expect(await resultEmails.recordSent(publication.id, 1, at + 60_001)).toBe(true);
    expect(change('restored', 'jury:c')).toBe(true);
    expect((await updates()).map((u) => u.causes)).toEqual([['restored']]);
  }, 60_000);

  it('keeps the updates queued while a publication’s message sent again by « Renvoyer » fails: they explain what changed', async () => {
    const { resultEmails, publication, at, change, updates } = await published(true);
    expect(await resultEmails.resend(publication.id, at)).toBe(true);
    expect(await resultEmails.takeForSending(publication.id, 0, at)).not.toBeNull();
    expect(change('cancelled', 'jury:a')).toBe(true);
    expect(await resultEmails.recordRetry(publication.id, 0, temporary, at + 10, at + 60_000)).toBe(true);
    expect((await updates()).map((u) => [u.causes, u.state])).toEqual([[['cancelled'], 'pending']]);
  }, 60_000);

  it('sends the update queued behind the publication’s message after it, once it went', async () => {
    const { resultEmails, publication, at, change, updates } = await published(false);
    expect(await resultEmails.takeForSending(publication.id, 0, at)).not.toBeNull();
    expect(change('cancelled', 'jury:a')).toBe(true);
    expect(await resultEmails.due(at + 1000, 20)).toEqual([]);
    expect(await resultEmails.recordSent(publication.id, 0, at + 10)).toBe(true);
    const [update] = await updates();
    expect((await resultEmails.due(at + 1000, 20)).map((e) => e.id)).toEqual([update?.id]);
  }, 60_000);

  it('gives a change merged into an update deep in its retries every attempt again, and a near time', async () => {
    const { resultEmails, at, change, firstUpdate } = await published(true);
    const u1 = await firstUpdate('identityCorrected');
    const hours = 8 * 60 * 60_000;
    for (let attempt = 0; attempt < 9; attempt += 1) {
      expect(await resultEmails.takeForSending(u1.id, attempt, at)).not.toBeNull();
      expect(await resultEmails.recordRetry(u1.id, attempt, temporary, at, at + hours)).toBe(true);
    }
    expect(await resultEmails.get(u1.id)).toMatchObject({ attempts: 9, nextAttemptAt: at + hours });
    // Merged (the second change, at + 2): goes within a minute, with the whole retry schedule ahead of it.
    expect(change('cancelled', 'jury:b')).toBe(true);
    expect(await resultEmails.get(u1.id)).toMatchObject({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: at + 2 + 60_000,
      update: { causes: ['identityCorrected', 'cancelled'] },
    });
  }, 60_000);

  it('takes a row only if no one holds it, and frees at opening only claims older than any send', async () => {
    const { resultEmails, publication, at, change, updates, dbFile } = await published(false);
    expect(await resultEmails.takeForSending(publication.id, 0, at)).not.toBeNull();
    // Another server on the same file, or one still stopping, holds it: not taken twice.
    expect(await resultEmails.takeForSending(publication.id, 0, at + 1000)).toBeNull();
    expect(change('cancelled', 'jury:a')).toBe(true);
    // Neither due nor sent first meanwhile; due again when the claim may be freed.
    expect(await resultEmails.due(at + SENDING_CLAIM_MS, 20)).toEqual([]);
    expect(await resultEmails.nextAttemptAt()).toBe(at + SENDING_CLAIM_MS);

    // A server opening the file while the claim may be live (within SENDING_CLAIM_MS) leaves it.
    const db = new Database(dbFile);
    connections.push(db);
    openResultEmails(db, () => at + SENDING_CLAIM_MS - 1);
    expect(await resultEmails.takeForSending(publication.id, 0, at + SENDING_CLAIM_MS - 1)).toBeNull();
    expect(await updates()).toHaveLength(1);
    // Opened later (a restart, with or without a mail server): freed, and the update queued meanwhile
    // dropped (the message, written when it goes, says it).
    openResultEmails(db, () => at + SENDING_CLAIM_MS);
    expect(await updates()).toEqual([]);
    expect(await resultEmails.takeForSending(publication.id, 0, at + SENDING_CLAIM_MS)).not.toBeNull();
  }, 60_000);
});
