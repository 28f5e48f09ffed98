// What `npm run server` (server/main.ts) accepts and what it says when it cannot start: its options with
// their environment variables and defaults, the checks of the values given, and the one-paragraph
// messages (what failed, on which path or port, what to do) printed instead of a stack trace. Pure
// functions, tested without starting a process (server-cli.test.ts); server/README.md's table lists the
// same options (checked there too).
import { statSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { DEFAULT_MAX_REACHABLE_LEVEL, MAX_LEVEL } from '../../core/framework/crcn.ts';
import { parseMailFrom, resultMailerSettings } from '../mail/mail-settings.ts';

/** The database's file name in the data folder (`--data-dir`), unless `--db` names the file itself. */
export const DB_FILE_NAME = 'pix-certification.sqlite';

/** Every environment variable the server reads (server/README.md documents each). */
export const SERVER_ENVIRONMENT = [
  'PORT',
  'HOST',
  'PIX_DATA_DIR',
  'PIX_TRUST_PROXY_FROM',
  'PIX_MIN_STATION_VERSION',
  'PIX_PUBLIC_URL',
  'PIX_TIME_ZONE',
  'PIX_CONTENT_QUOTA_MB',
  'PIX_MAX_REACHABLE_LEVEL',
  'PIX_ADMIN_PASSWORD',
  'PIX_SMTP_URL',
  'PIX_MAIL_FROM',
] as const;

/** The options of `npm run server` for node:util parseArgs, their defaults taken from `env` (an empty variable counts as unset). */
export function serverOptions(env: NodeJS.ProcessEnv, root: string) {
  return {
    port: { type: 'string', default: env.PORT || '8080' },
    host: { type: 'string', default: env.HOST || '0.0.0.0' },
    'data-dir': { type: 'string', default: env.PIX_DATA_DIR || path.join(root, '.data', 'server') },
    db: { type: 'string' },
    'web-root': { type: 'string' },
    'demo-sites': { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string', default: 'Administrateur' },
    to: { type: 'string' },
    'trust-proxy': { type: 'boolean', default: false },
    'trust-proxy-from': { type: 'string', default: env.PIX_TRUST_PROXY_FROM },
    'min-station-version': { type: 'string', default: env.PIX_MIN_STATION_VERSION },
    'public-url': { type: 'string', default: env.PIX_PUBLIC_URL },
    'time-zone': { type: 'string', default: env.PIX_TIME_ZONE || 'Europe/Paris' },
    'content-quota-mb': { type: 'string', default: env.PIX_CONTENT_QUOTA_MB || '1024' },
    'max-reachable-level': {
      type: 'string',
      default: env.PIX_MAX_REACHABLE_LEVEL || String(DEFAULT_MAX_REACHABLE_LEVEL),
    },
    // The variable rather than the option on a shared machine: a command line is visible to every user.
    'smtp-url': { type: 'string', default: env.PIX_SMTP_URL },
    'mail-from': { type: 'string', default: env.PIX_MAIL_FROM },
    help: { type: 'boolean', short: 'h', default: false },
  } as const;
}

/** The database file: `--db`, or the standard name in `--data-dir`; absolute, as logs and messages show it. */
export function databaseFile(dataDir: string, db: string | undefined): string {
  return path.resolve(db || path.join(dataDir, DB_FILE_NAME));
}

/** A TCP port, 0 (any free one) to 65535, or null. */
export function parsePort(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[0-9]{1,5}$/.test(trimmed)) return null;
  const port = Number(trimmed);
  return port <= 65535 ? port : null;
}

/**
 * The highest level open to certification (DOMAIN.md §1, `maxReachableLevel`): a level of the framework,
 * 1 to 8, or null. Scores are capped at it; each result keeps the one it was first scored with.
 */
export function parseMaxReachableLevel(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[0-9]$/.test(trimmed)) return null;
  const level = Number(trimmed);
  return level >= 1 && level <= MAX_LEVEL ? level : null;
}

/**
 * The mail server of the result e-mails (`--smtp-url`, PIX_SMTP_URL) and their sender (`--mail-from`,
 * PIX_MAIL_FROM), given the public address (`--public-url`, which the e-mails give for checking
 * certificates). No --smtp-url: nothing is sent (the e-mails wait); one given needs the other two. The
 * refusal is one line and never quotes the password.
 */
export function parseMailOptions(
  smtpUrl: string | undefined,
  mailFrom: string | undefined,
  publicUrl: string | null,
): { ok: true; value: { smtpUrl: string | null; mailFrom: string | null } } | { ok: false; message: string } {
  const url = smtpUrl?.trim() || null;
  const from = mailFrom?.trim() || null;
  if (url === null) {
    const sender = from === null ? null : parseMailFrom(from);
    if (sender && !sender.ok) return sender;
    return { ok: true, value: { smtpUrl: null, mailFrom: from } };
  }
  const settings = resultMailerSettings({ smtpUrl: url, mailFrom: from, publicUrl });
  if (settings && !settings.ok) return settings;
  return { ok: true, value: { smtpUrl: url, mailFrom: from } };
}

/** Names proxy-addr (Fastify's trustProxy) knows for address ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^[0-9]{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Fastify's trustProxy from `--trust-proxy` and `--trust-proxy-from` (PIX_TRUST_PROXY_FROM): the
 * addresses whose X-Forwarded-For and X-Forwarded-Proto are believed. `--trust-proxy` alone trusts a
 * proxy on this machine only (loopback): trusting every address would let any client that reaches the
 * server's port choose the address the login throttle counts. `--trust-proxy-from` names the proxy's
 * addresses or ranges (comma-separated) and implies `--trust-proxy`.
 */
export function parseTrustProxy(
  flag: boolean,
  from: string | undefined,
): { ok: true; value: false | string[] } | { ok: false; message: string } {
  const entries = (from ?? '')
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return { ok: true, value: flag ? ['loopback'] : false };
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (bad.length > 0) {
    return {
      ok: false,
      message:
        '--trust-proxy-from (or PIX_TRUST_PROXY_FROM) must list the reverse proxy’s addresses or ranges, ' +
        `comma-separated, such as 10.0.0.5 or 10.0.0.0/24 or loopback (got "${bad.join('", "')}")`,
    };
  }
  return { ok: true, value: entries };
}

/** For the start log: who the server believes about the client's address. */
export function describeTrustProxy(value: false | string[]): string {
  return value === false
    ? 'X-Forwarded-* ignored (no --trust-proxy)'
    : `X-Forwarded-* believed from ${value.join(', ')} only`;
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Why `listen` failed, and what to do: one line. */
export function describeListenFailure(error: unknown, port: number, host: string): string {
  switch (codeOf(error)) {
    case 'EADDRINUSE':
      return `port ${port} is already in use (is another server running?): choose another with --port or PORT`;
    case 'EACCES':
      return (
        `not allowed to listen on port ${port}: ports below 1024 need privileges; keep a port such as 8080 ` +
        '(--port or PORT) and put a reverse proxy on 443 in front'
      );
    case 'EADDRNOTAVAIL':
      return (
        `${host} is not an address of this machine: choose another with --host or HOST ` +
        '(0.0.0.0 for every address, 127.0.0.1 behind a reverse proxy on this machine)'
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host "${host}" could not be resolved: give an address with --host or HOST (such as 0.0.0.0 or 127.0.0.1)`;
    default:
      return `cannot listen on ${host}:${port}: ${messageOf(error)}`;
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** The nearest existing ancestor of `folder`: the file that stands where a folder should be. */
function blockingFile(folder: string): string {
  for (let at = path.resolve(folder); ; at = path.dirname(at)) {
    try {
      statSync(at);
      return at;
    } catch {
      if (path.dirname(at) === at) return folder;
    }
  }
}

const WHERE = '--db, or --data-dir (PIX_DATA_DIR) for its folder';
const RESTORE = 'if it was damaged, restore the last backup (docs/it/serveur.md)';

/**
 * Why the database could not be opened, and what to do (two lines, no stack trace); null when the
 * error is not about the database or its folder (a bug: its stack trace is worth showing).
 */
export function describeDatabaseFailure(
  error: unknown,
  dbFile: string,
  serverVersion: string,
): string | null {
  const code = codeOf(error);
  const message = messageOf(error);
  const name = (error as { name?: unknown } | null)?.name;
  const failedPath = (error as { path?: unknown } | null)?.path;
  const where = typeof failedPath === 'string' ? failedPath : path.dirname(dbFile);
  let reason: string;
  let action: string;
  if (name === 'DatabaseTooNewError') {
    reason = message.startsWith(dbFile) ? `it${message.slice(dbFile.length)}` : message;
    action =
      `This server (${serverVersion}) is older than the one that last opened the database: update this ` +
      'installation to that version or a later one (docs/it/serveur.md, « Mettre à jour »), or give ' +
      `another database (${WHERE}).`;
  } else if (code === 'EEXIST' || code === 'ENOTDIR') {
    reason = `${blockingFile(path.dirname(dbFile))} is a file, not a folder`;
    action = `--data-dir (PIX_DATA_DIR) must name a folder (created if missing); --db a file in a folder.`;
  } else if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY') {
    reason = `not allowed to write to ${code === 'SQLITE_READONLY' ? dbFile : where} (${code})`;
    action =
      'Run the server as a user that may write to the database’s folder (the database and its -wal and ' +
      `-shm files live there), or choose another folder: ${WHERE}.`;
  } else if (code === 'SQLITE_CANTOPEN' && isFolder(dbFile)) {
    reason = 'it is a folder, not a file';
    action = `--db must name the database file (${DB_FILE_NAME} in the data folder by default); or give the folder as --data-dir.`;
  } else if (code === 'SQLITE_CANTOPEN') {
    reason = `SQLite cannot open it (${message})`;
    action = `Check that its folder exists and that the server’s user may read and write it: ${WHERE}.`;
  } else if (code === 'SQLITE_NOTADB') {
    reason = 'it is not a SQLite database';
    action = `Give the server’s database (${WHERE}); ${RESTORE}.`;
  } else if (code === 'SQLITE_CORRUPT') {
    reason = `it is damaged (${message})`;
    action = `Stop here and keep the file as it is: ${RESTORE}.`;
  } else if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    reason = 'another process holds it locked';
    action =
      'Is another server (or a backup) running on the same database? Stop it, or give this one another database.';
  } else if (typeof code === 'string' && (code.startsWith('SQLITE_') || code.startsWith('E'))) {
    reason = `${message} (${code})`;
    action = `Check ${WHERE}.`;
  } else {
    return null;
  }
  return `cannot open the server’s database ${dbFile}: ${reason}.\n${action}`;
}
