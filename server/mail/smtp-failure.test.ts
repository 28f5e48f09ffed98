// The errors nodemailer hands over (their fields as its errors.ts declares them) classified; the real
// ones, from a real SMTP server, in result-mailer.test.ts.
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_MS } from './retry-schedule.ts';
import { smtpFailure } from './smtp-failure.ts';

const error = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);
const same = (text: string) => text;

describe('a failed send', () => {
  it('gives up at once on a 5xx refusal, naming the recipient or the message', () => {
    const recipient = error("Can't send mail - all recipients were rejected: 550 5.1.1 mailbox unknown", {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 550,
      response: '550 5.1.1 mailbox unknown',
    });
    expect(smtpFailure(recipient, same)).toEqual({
      kind: 'rejected',
      permanent: true,
      serverWide: false,
      detail: '550 5.1.1 mailbox unknown',
      code: 'EENVELOPE',
      responseCode: 550,
    });
    const data = error('Message failed', {
      code: 'EMESSAGE',
      command: 'DATA',
      responseCode: 554,
      response: '554 spam',
    });
    expect(smtpFailure(data, same)).toMatchObject({ kind: 'refused', permanent: true });
    // 503 is a bad sequence of commands: a new connection may pass.
    const sequence = error('bad sequence', { code: 'EPROTOCOL', command: 'RCPT TO', responseCode: 503 });
    expect(smtpFailure(sequence, same)).toMatchObject({ kind: 'temporary', permanent: false });
  });

  it('blames the mail server, not the message, for a refused sender or a login it requires', () => {
    // Every message would meet these: retried later (the mailer pauses), never given up one by one.
    const sender = error('Mail command failed', {
      code: 'EENVELOPE',
      command: 'MAIL FROM',
      responseCode: 553,
    });
    expect(smtpFailure(sender, same)).toMatchObject({ kind: 'refused', permanent: false, serverWide: true });
    const login = error('Authentication required', {
      code: 'EENVELOPE',
      command: 'MAIL FROM',
      responseCode: 530,
    });
    expect(smtpFailure(login, same)).toMatchObject({ kind: 'authentication', serverWide: true });
  });

  it('tries again after a 4xx, a login refused or a server out of reach', () => {
    expect(
      smtpFailure(error('x', { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451 }), same),
    ).toMatchObject({
      kind: 'temporary',
      permanent: false,
    });
    expect(smtpFailure(error('Invalid login', { code: 'EAUTH', responseCode: 535 }), same)).toMatchObject({
      kind: 'authentication',
      permanent: false,
      serverWide: true,
    });
    const refused = error('connect ECONNREFUSED 127.0.0.1:25', {
      code: 'ESOCKET',
      originalCode: 'ECONNREFUSED',
    });
    expect(smtpFailure(refused, same)).toEqual({
      kind: 'unreachable',
      permanent: false,
      serverWide: true,
      detail: 'connect ECONNREFUSED 127.0.0.1:25',
      code: 'ESOCKET',
      responseCode: null,
    });
    expect(smtpFailure('odd', same)).toMatchObject({ kind: 'other', permanent: false, detail: 'odd' });
  });

  it('keeps a short detail on one line, through the redactor', () => {
    const long = error('x', { code: 'EAUTH', response: `535 no\r\n${'a'.repeat(500)} secret` });
    const failure = smtpFailure(long, (text) => text.replace('secret', '***'));
    expect(failure.detail).toHaveLength(300);
    expect(failure.detail).toMatch(/^535 no a+$/);
    expect(smtpFailure(error('the secret', {}), (text) => text.replace('secret', '***')).detail).toBe(
      'the ***',
    );
  });
});

describe('the retry schedule', () => {
  it('waits 1, 5, 15, 60 minutes, then longer, up to 8 hours, and gives up after the last attempt', () => {
    const at = 1_000_000;
    expect(nextAttemptAt(1, at)).toBe(at + 60_000);
    expect(nextAttemptAt(2, at)).toBe(at + 5 * 60_000);
    expect(nextAttemptAt(3, at)).toBe(at + 15 * 60_000);
    expect(nextAttemptAt(4, at)).toBe(at + 60 * 60_000);
    expect(nextAttemptAt(MAX_ATTEMPTS - 1, at)).toBe(at + 8 * 3600_000);
    expect(nextAttemptAt(MAX_ATTEMPTS, at)).toBeNull();
    const total = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => nextAttemptAt(i + 1, 0) ?? 0).reduce(
      (a, b) => a + b,
    );
    // About a day and a half of a mail server down before the back office says it failed.
    expect(total / 3600_000).toBeGreaterThan(24);
    expect(total / 3600_000).toBeLessThan(48);
    expect(RETRY_DELAYS_MS.at(-1)).toBe(8 * 3600_000);
  });
});
