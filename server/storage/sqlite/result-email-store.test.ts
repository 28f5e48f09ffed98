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
import { resultEmailUpdateQueuer } from './result-email-store.ts';

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
    return {
      resultEmails,
      publication,
      at,
      change: (cause: JuryCause, key: string) =>
        queue(candidateId, { kind: 'jury', cause }, key, at + ++changes, planResultEmailUpdate),
      /** The updates: their causes and state, oldest first. */
      updates: async () =>
        (await resultEmails.listBySession(sessionId)).flatMap((e) =>
          e.update ? [{ id: e.id, causes: e.update.causes, state: e.state, attempts: e.attempts }] : [],
        ),
    };
  }

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
    const { resultEmails, at, change, updates } = await published(true);
    expect(change('cancelled', 'jury:a')).toBe(true);
    const [first] = await updates();
    if (!first) throw new Error('no update');
    expect(await resultEmails.takeForSending(first.id, 0, at)).not.toBeNull();
    const failure = { kind: 'temporary' as const, detail: '451 try again later' };
    expect(await resultEmails.recordRetry(first.id, 0, failure, at, at + 60_000)).toBe(true);
    // Never delivered: merged, its retry's time and attempts kept.
    expect(change('restored', 'jury:b')).toBe(true);
    expect(await updates()).toEqual([
      { id: first.id, causes: ['cancelled', 'restored'], state: 'pending', attempts: 1 },
    ]);
    expect(await resultEmails.get(first.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: at + 60_000,
      update: { causes: ['cancelled', 'restored'] },
    });

    // Taken by a mailer cut at shutdown: nothing merges into it until a mailer starts and frees it.
    expect(await resultEmails.takeForSending(first.id, 1, at + 60_000)).not.toBeNull();
    expect(change('identityCorrected', 'jury:c')).toBe(true);
    expect(await resultEmails.releaseSending()).toBe(1);
    expect(await resultEmails.releaseSending()).toBe(0);
    // Free again: the newest one waiting carries the next change.
    expect(change('cancelled', 'jury:d')).toBe(true);
    expect((await updates()).map((u) => u.causes)).toEqual([
      ['cancelled', 'restored'],
      ['identityCorrected', 'cancelled'],
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
});
