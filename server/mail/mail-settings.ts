// The mail server the result e-mails go through (`--smtp-url`, PIX_SMTP_URL) and their sender
// (`--mail-from`, PIX_MAIL_FROM), checked at start with one line saying what to do. The SMTP address
// carries the account's password: it is kept here only to connect; everything that is shown (logs,
// messages, the outbox's errors) uses `display`, the address without it.
import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';
import type { ServerConfig } from '../config.ts';

export interface SmtpSettings {
  host: string;
  port: number;
  /** smtps:// (TLS from the first byte, port 465); smtp:// upgrades with STARTTLS. */
  secure: boolean;
  /**
   * smtp:// to another machine: STARTTLS is required, never optional, so that someone on the way who
   * strips the server's offer of it gets neither the password nor the pupils' results in clear. Only a
   * mail server on this machine (loopback) may be spoken to in clear.
   */
  requireTLS: boolean;
  user: string | null;
  pass: string | null;
  /** The address as logs and messages show it: never its password. */
  display: string;
}

export interface MailSender {
  name: string;
  address: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const SMTP_EXAMPLES = 'smtps://user:password@smtp.example.fr:465 or smtp://smtp.example.fr:25';

/**
 * A value given for --smtp-url as a message may quote it: its password, if it has one, replaced. Read
 * loosely (the value may not even parse): whatever stands between the scheme and the last « @ » is the
 * account, and only its part before the first « : » is kept.
 */
export function redactSmtpUrl(text: string): string {
  const at = text.lastIndexOf('@');
  if (at === -1) return text;
  const scheme = text.indexOf('://');
  const start = scheme === -1 || scheme > at ? 0 : scheme + 3;
  const account = text.slice(start, at);
  const colon = account.indexOf(':');
  const user = colon === -1 ? account : `${account.slice(0, colon)}:***`;
  return `${text.slice(0, start)}${user}@${text.slice(at + 1)}`;
}

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseSmtpUrl(text: string): Parsed<SmtpSettings> {
  const refuse = (why: string): Parsed<SmtpSettings> => ({
    ok: false,
    message: `--smtp-url (or PIX_SMTP_URL) ${why}: give the mail server as ${SMTP_EXAMPLES} (got "${redactSmtpUrl(text.trim())}")`,
  });
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return refuse('is not an address');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    return refuse('must start with smtp:// or smtps://');
  if (url.hostname === '') return refuse('names no mail server');
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '')
    return refuse('takes no path or options after the server');
  const user = url.username === '' ? null : decoded(url.username);
  const pass = url.password === '' ? null : decoded(url.password);
  if (user === null && url.username !== '') return refuse('has a badly encoded user name');
  if (pass === null && url.password !== '') return refuse('has a badly encoded password');
  if (pass !== null && user === null) return refuse('has a password but no user name');
  const secure = url.protocol === 'smtps:';
  const port = url.port === '' ? (secure ? 465 : 587) : Number(url.port);
  if (port === 0) return refuse('names port 0');
  const account = user === null ? '' : `${encodeURIComponent(user)}@`;
  // An IPv6 address is written in brackets in the URL, bare for the socket.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    ok: true,
    value: {
      host,
      port,
      secure,
      requireTLS: !secure && !isLoopback(host),
      user,
      pass,
      display: `${url.protocol}//${account}${url.hostname}:${port}`,
    },
  };
}

/** A mail server on this machine: the only one spoken to without TLS. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function parseMailFrom(text: string): Parsed<MailSender> {
  const refuse = (why: string): Parsed<MailSender> => ({
    ok: false,
    message: `--mail-from (or PIX_MAIL_FROM) ${why}: give the sender as "Pix certification <certif@example.fr>" or certif@example.fr (got "${text}")`,
  });
  const parsed = addressparser(text.trim(), { flatten: true });
  if (parsed.length !== 1) return refuse(parsed.length === 0 ? 'is empty' : 'must be one address');
  const [sender] = parsed;
  const address = sender?.address ?? '';
  if (!z.email().safeParse(address).success) return refuse('is not an e-mail address');
  return { ok: true, value: { name: sender?.name ?? '', address } };
}

/** The sender as a From header shows it. */
export function describeSender(sender: MailSender): string {
  return sender.name === '' ? sender.address : `${sender.name} <${sender.address}>`;
}

/**
 * Replaces the password in a text that may quote it (a mail server's reply, a library's message), as
 * typed and in the forms it travels in (URL-encoded, base64 in AUTH PLAIN and AUTH LOGIN): defence in
 * depth, for nothing the server shows should ever hold it.
 */
export function passwordRedactor(settings: Pick<SmtpSettings, 'user' | 'pass'>): (text: string) => string {
  const { user, pass } = settings;
  if (pass === null || pass === '') return (text) => text;
  const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');
  const forms = [
    pass,
    encodeURIComponent(pass),
    b64(pass),
    b64(`\u0000${user ?? ''}\u0000${pass}`),
    b64(`${user ?? ''}\u0000${user ?? ''}\u0000${pass}`),
  ].sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((out, form) => out.split(form).join('***'), text);
}

export interface ResultMailerSettings {
  smtp: SmtpSettings;
  from: MailSender;
  /** The public verification page the messages and certificates give. */
  verificationPage: string;
}

/**
 * The mailer's settings from the server's: null without a mail server (the messages wait); a refusal
 * (one line, no password) when a setting cannot be used.
 */
export function resultMailerSettings(
  config: Pick<ServerConfig, 'smtpUrl' | 'mailFrom' | 'publicUrl'>,
): Parsed<ResultMailerSettings> | null {
  if (config.smtpUrl === null) return null;
  const smtp = parseSmtpUrl(config.smtpUrl);
  if (!smtp.ok) return smtp;
  if (config.mailFrom === null) {
    return {
      ok: false,
      message:
        '--smtp-url needs --mail-from (or PIX_MAIL_FROM), the sender of the result e-mails, such as "Pix certification <certif@example.fr>"',
    };
  }
  const from = parseMailFrom(config.mailFrom);
  if (!from.ok) return from;
  if (config.publicUrl === null) {
    return {
      ok: false,
      message:
        '--smtp-url needs --public-url (or PIX_PUBLIC_URL), the address the result e-mails give for checking certificates, such as https://certif.example.fr',
    };
  }
  return {
    ok: true,
    value: { smtp: smtp.value, from: from.value, verificationPage: `${config.publicUrl}/verification/` },
  };
}
