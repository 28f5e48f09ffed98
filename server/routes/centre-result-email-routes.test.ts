// The result e-mails queued at publication (real SQLite, no mail server): one per result address, with
// its candidates in name order, absent candidates and candidates without an address left out; what the
// back office reads of them; « Renvoyer » for administrators only, on a sent or failed message only.
import type { InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResultEmail, ResultEmailList } from '../../core/contracts/result-emails.ts';
import { publishableDay, type PublishableDay } from '../testing/result-email-day.ts';
import { referentOf } from '../testing/seed.ts';
import { errorOf } from '../testing/test-server.ts';

describe('result e-mails queued at publication', () => {
  let day: PublishableDay;
  afterEach(() => day.server.close());

  // As the administrator (day.api), or with the headers given (a referent's).
  const as = (headers?: Record<string, string>) =>
    headers ? (options: InjectOptions) => day.server.app.inject({ ...options, headers }) : day.day.api;
  const list = async (headers?: Record<string, string>) => {
    const response = await as(headers)({
      method: 'GET',
      url: `/api/centre/sessions/${day.day.session.id}/result-emails`,
    });
    expect(response.statusCode).toBe(200);
    return response.json() as ResultEmailList;
  };
  const resend = (emailId: string, headers?: Record<string, string>) =>
    as(headers)({
      method: 'POST',
      url: `/api/centre/sessions/${day.day.session.id}/result-emails/${emailId}/resend`,
    });

  it('queues one message per address with its candidates by name, and none for the absent or without address', async () => {
    // Léa Martin, Hugo Bernard, Chloé Dubois, Lucas Thomas, Emma Robert (seed.ts).
    day = await publishableDay([
      { resultEmail: 'prof.durand@college.fr', sits: 'right' },
      { resultEmail: '  Prof.Durand@COLLEGE.fr ', sits: 'wrong' },
      { resultEmail: 'prof.durand@college.fr', sits: 'absent' },
      { resultEmail: null, sits: 'right' },
      { resultEmail: 'parents.robert@example.org', sits: 'right' },
    ]);
    const [lea, hugo, , , emma] = day.candidates;
    expect(await list()).toEqual({ mailServerConfigured: false, emails: [] });

    const publishedAt = day.server.clock.now;
    await day.publish();
    const { mailServerConfigured, emails } = await list();
    expect(mailServerConfigured).toBe(false);
    expect(emails.map((e) => [e.recipient, e.candidates.map((c) => c.candidateId)])).toEqual([
      ['parents.robert@example.org', [emma?.id]],
      // Bernard before Martin; Chloé Dubois was absent: no result to send.
      ['prof.durand@college.fr', [hugo?.id, lea?.id]],
    ]);
    expect(emails[1]?.candidates[0]).toEqual({
      candidateId: hugo?.id,
      firstName: 'Hugo',
      lastName: 'Bernard',
    });
    for (const email of emails) {
      expect(email).toMatchObject({
        state: 'pending',
        attempts: 0,
        nextAttemptAt: new Date(publishedAt).toISOString(),
        lastAttemptAt: null,
        sentAt: null,
        lastFailure: null,
        createdAt: new Date(publishedAt).toISOString(),
      });
    }

    // Published once: a second publication is refused and queues nothing more.
    const again = await day.day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.day.session.id}/publication`,
      payload: {},
    });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'SESSION_PUBLISHED']);
    expect((await list()).emails).toEqual(emails);
  }, 60_000);

  it('shows them to the centre’s referent, and lets only an administrator send a sent or failed one again', async () => {
    day = await publishableDay([{ resultEmail: 'prof@college.fr', sits: 'right' }]);
    await day.publish();
    const referent = await referentOf(day.server.app, day.day);
    const seen = await list(referent);
    const [email] = seen.emails as [ResultEmail];
    expect(email.recipient).toBe('prof@college.fr');

    const byReferent = await resend(email.id, referent);
    expect([byReferent.statusCode, errorOf(byReferent).code]).toEqual([403, 'FORBIDDEN']);
    // Pending already: nothing to send again, and nothing changes.
    const pending = await resend(email.id);
    expect([pending.statusCode, errorOf(pending).code]).toEqual([409, 'RESULT_EMAIL_PENDING']);
    const unknown = await resend('eml_unknown');
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([404, 'NOT_FOUND']);
    expect((await list()).emails).toEqual(seen.emails);

    // Once given up, it goes back in the queue, its attempts counted from 0, due now.
    const store = day.server.app.pix.store.resultEmails;
    const failure = { kind: 'rejected' as const, detail: '550 5.1.1 mailbox unknown' };
    expect(await store.recordFailed(email.id, 0, failure, day.server.clock.now)).toBe(true);
    expect((await list()).emails[0]).toMatchObject({ state: 'failed', attempts: 1, lastFailure: failure });
    day.server.clock.advance(3600_000);
    const queued = await resend(email.id);
    expect(queued.statusCode).toBe(200);
    expect(queued.json()).toMatchObject({
      id: email.id,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(day.server.clock.now).toISOString(),
      lastFailure: null,
    });
    expect((await list()).emails[0]).toEqual(queued.json());
  }, 60_000);
});
