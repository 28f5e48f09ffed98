import { describe, expect, it } from 'vitest';
import {
  parseMailFrom,
  parseSmtpUrl,
  passwordRedactor,
  redactSmtpUrl,
  resultMailerSettings,
} from './mail-settings.ts';

describe('the mail settings', () => {
  it('reads the mail server, its port, TLS and account from --smtp-url', () => {
    expect(parseSmtpUrl('smtps://certif%40lycee.fr:p%40ss%2Fw0rd@smtp.example.fr:465')).toEqual({
      ok: true,
      value: {
        host: 'smtp.example.fr',
        port: 465,
        secure: true,
        requireTLS: false,
        user: 'certif@lycee.fr',
        pass: 'p@ss/w0rd',
        display: 'smtps://certif%40lycee.fr@smtp.example.fr:465',
      },
    });
    expect(parseSmtpUrl(' smtp://relais.ac-lyon.fr:25 ')).toMatchObject({
      ok: true,
      value: { host: 'relais.ac-lyon.fr', port: 25, secure: false, user: null, pass: null },
    });
    // smtp:// to another machine must get STARTTLS (a stripped offer fails the send, never goes in
    // clear); a mail server on this machine may be spoken to in clear.
    expect(parseSmtpUrl('smtp://u:p@relais.ac-lyon.fr:587')).toMatchObject({ value: { requireTLS: true } });
    for (const local of ['smtp://localhost:25', 'smtp://127.0.0.1:2525', 'smtp://[::1]:25'])
      expect(parseSmtpUrl(local)).toMatchObject({ value: { requireTLS: false } });
    expect(parseSmtpUrl('smtps://smtp.example.fr')).toMatchObject({ ok: true, value: { port: 465 } });
    expect(parseSmtpUrl('smtp://smtp.example.fr')).toMatchObject({ ok: true, value: { port: 587 } });
    expect(parseSmtpUrl('smtp://[::1]:2525')).toMatchObject({
      ok: true,
      value: { host: '::1', display: 'smtp://[::1]:2525' },
    });
  });

  it('refuses what it cannot use in one line that never quotes the password', () => {
    for (const [bad, why] of [
      ['smtp.example.fr', 'is not an address'],
      ['https://user:hunter22@smtp.example.fr', 'must start with smtp:// or smtps://'],
      ['smtp://user:hunter22@smtp.example.fr:465/inbox', 'takes no path or options'],
      ['smtp://user:hunter22@smtp.example.fr:465?pool=true', 'takes no path or options'],
      ['smtp://:hunter22@smtp.example.fr', 'has a password but no user name'],
      ['smtp://user:hunter22%ZZ@smtp.example.fr', 'has a badly encoded password'],
      ['smtp://smtp.example.fr:0', 'names port 0'],
      ['smtp://user:hunter22@smtp.example.fr:99999', 'is not an address'],
    ] as const) {
      const parsed = parseSmtpUrl(bad);
      expect(parsed.ok, bad).toBe(false);
      const message = parsed.ok ? '' : parsed.message;
      expect(message, bad).toContain(why);
      expect(message, bad).toMatch(/^--smtp-url \(or PIX_SMTP_URL\) /);
      expect(message, bad).not.toContain('hunter22');
      expect(message, bad).not.toContain('\n');
    }
    expect(redactSmtpUrl('smtps://certif:p@ss:word@smtp.example.fr:465')).toBe(
      'smtps://certif:***@smtp.example.fr:465',
    );
    expect(redactSmtpUrl('smtp://relay:25')).toBe('smtp://relay:25');
  });

  it('reads the sender of --mail-from', () => {
    expect(parseMailFrom('Pix certification <certif@example.fr>')).toEqual({
      ok: true,
      value: { name: 'Pix certification', address: 'certif@example.fr' },
    });
    expect(parseMailFrom('certif@example.fr')).toEqual({
      ok: true,
      value: { name: '', address: 'certif@example.fr' },
    });
    for (const bad of ['', 'Pix certification', 'a@example.fr, b@example.fr', 'Pix <nowhere>']) {
      const parsed = parseMailFrom(bad);
      expect(parsed.ok, bad).toBe(false);
      expect(parsed.ok ? '' : parsed.message).toMatch(/^--mail-from \(or PIX_MAIL_FROM\) /);
    }
  });

  it('needs a sender and the public address with a mail server, and nothing without one', () => {
    const smtpUrl = 'smtps://certif:hunter22@smtp.example.fr';
    const mailFrom = 'Pix <certif@example.fr>';
    const publicUrl = 'https://certif.example.fr';
    expect(resultMailerSettings({ smtpUrl: null, mailFrom: null, publicUrl: null })).toBeNull();
    expect(resultMailerSettings({ smtpUrl, mailFrom, publicUrl })).toMatchObject({
      ok: true,
      value: {
        verificationPage: 'https://certif.example.fr/verification/',
        from: { address: 'certif@example.fr' },
      },
    });
    expect(resultMailerSettings({ smtpUrl, mailFrom: null, publicUrl })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^--smtp-url needs --mail-from/),
    });
    expect(resultMailerSettings({ smtpUrl, mailFrom, publicUrl: null })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^--smtp-url needs --public-url/),
    });
  });

  it('takes the password out of any text, as typed, URL-encoded or base64 as AUTH sends it', () => {
    const redact = passwordRedactor({ user: 'certif', pass: 'p@ss/w0rd' });
    const plain = Buffer.from('\u0000certif\u0000p@ss/w0rd').toString('base64');
    const login = Buffer.from('p@ss/w0rd').toString('base64');
    expect(redact(`535 bad p@ss/w0rd, p%40ss%2Fw0rd, AUTH PLAIN ${plain}, ${login}`)).toBe(
      '535 bad ***, ***, AUTH PLAIN ***, ***',
    );
    expect(passwordRedactor({ user: null, pass: null })('unchanged')).toBe('unchanged');
  });
});
