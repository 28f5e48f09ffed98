// What a failed send ran into, from the error nodemailer gives: the kind the back office words, whether
// trying again could help (a 5xx reply is the mail server's final word on that message, RFC 5321;
// anything else may pass later), and a short detail in the mail server's own words. Only chosen fields
// are read (never the error object as a whole, whose properties may quote the SMTP exchange), and the
// text is passed through the password redactor.
import type { ResultEmailFailureKind } from '../../core/contracts/result-emails.ts';

export interface SmtpFailure {
  kind: ResultEmailFailureKind;
  /** Sending the same message again would meet the same refusal. */
  permanent: boolean;
  /**
   * The mail server itself failed (down, the login refused, the sender refused): every message would
   * meet it, so the mailer stops sending for a while rather than trying each one (a wrong password
   * must not become a hundred failed logins that lock the school's account).
   */
  serverWide: boolean;
  detail: string;
  /** For the logs: nodemailer's code and the SMTP reply code, when there are. */
  code: string | null;
  responseCode: number | null;
}

/** The errors of a connection that never carried the message: the server, or the way to it, is down. */
const UNREACHABLE = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROXY',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const DETAIL_MAX = 300;

function field<T>(error: unknown, name: string, type: 'string' | 'number' | 'boolean'): T | null {
  if (typeof error !== 'object' || error === null) return null;
  const value = (error as Record<string, unknown>)[name];
  return typeof value === type ? (value as T) : null;
}

export function smtpFailure(error: unknown, redact: (text: string) => string): SmtpFailure {
  const code = field<string>(error, 'code', 'string');
  const originalCode = field<string>(error, 'originalCode', 'string');
  const responseCode = field<number>(error, 'responseCode', 'number');
  const command = field<string>(error, 'command', 'string') ?? '';
  const reply = field<string>(error, 'response', 'string');
  const message = error instanceof Error ? error.message : String(error);
  const detail = redact((reply ?? message).replace(/\s+/g, ' ').trim()).slice(0, DETAIL_MAX);
  const base = { detail, code, responseCode };
  if (code === 'EAUTH' || code === 'ENOAUTH')
    return { ...base, kind: 'authentication', permanent: false, serverWide: true };
  if (responseCode !== null) {
    // Refused before any recipient (the sender, a login the server requires): the setting's fault.
    if (responseCode === 530 || /^MAIL\b/i.test(command))
      return {
        ...base,
        kind: responseCode === 530 ? 'authentication' : 'refused',
        permanent: false,
        serverWide: true,
      };
    const permanent =
      field<boolean>(error, 'permanent', 'boolean') ?? (responseCode >= 500 && responseCode !== 503);
    if (!permanent) return { ...base, kind: 'temporary', permanent, serverWide: false };
    // Refused at RCPT TO: this address; anywhere else (the data): the message itself.
    return { ...base, kind: /^RCPT\b/i.test(command) ? 'rejected' : 'refused', permanent, serverWide: false };
  }
  if ((code !== null && UNREACHABLE.has(code)) || (originalCode !== null && UNREACHABLE.has(originalCode)))
    return { ...base, kind: 'unreachable', permanent: false, serverWide: true };
  return { ...base, kind: 'other', permanent: false, serverWide: false };
}
