// `npm run server`: the central certification server on a SQLite file under .data/server (no other setup).
//   npm run server [-- --port 8080 --host 0.0.0.0 --data-dir .data/server --web-root dist/web --demo-sites dir]
//                  [--trust-proxy] [--trust-proxy-from 10.0.0.5]   (behind a reverse proxy; also PIX_TRUST_PROXY_FROM)
//                  [--min-station-version 1.2.0]   (oldest station version allowed; also PIX_MIN_STATION_VERSION)
//                  [--public-url https://certif.example.fr]   (printed on certificates; also PIX_PUBLIC_URL)
//                  [--time-zone Europe/Paris]   (the centres' clock, for exports; also PIX_TIME_ZONE)
//                  [--content-quota-mb 1024]   (attachments one centre may keep; also PIX_CONTENT_QUOTA_MB)
//                  [--max-reachable-level 5]   (highest level open to certification, 1 to 8; also PIX_MAX_REACHABLE_LEVEL)
//                  [--smtp-url smtps://user:password@smtp.example.fr:465 --mail-from "Pix <certif@example.fr>"]
//                  (results e-mailed at publication; also PIX_SMTP_URL, PIX_MAIL_FROM; without it they wait)
//   npm run server -- create-admin --email you@example.org   (password from PIX_ADMIN_PASSWORD or stdin)
//   npm run server -- backup --to /var/backups/pix/pix-2026-12-08.sqlite   (online copy of the database)
//   npm run server -- audit-test <testId>   (regenerates a test from its seed, profile and bank snapshot)
// Logs are JSON lines (pino) on stdout; they never contain passwords, tokens, signatures or codes.
// A value it cannot use (a port, a time zone…) gets one line on stderr and exit code 2; a database or a
// port it cannot open gets what failed, where, and what to do, and exit code 1; never a stack trace.
// Options, environment variables and defaults: server/cli/server-cli.ts, documented in server/README.md.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CreateAccountRequestSchema } from '../core/contracts/centre-api.ts';
import { CompatibilityQuerySchema } from '../core/contracts/station-server.ts';
import { describeIssues } from '../core/validation/describe-issues.ts';
import { createAccount } from './accounts/account-service.ts';
import { buildServer, SERVER_VERSION } from './app.ts';
import { BackupRefusal, backupDatabase, readSchemaVersion } from './cli/database-backup.ts';
import { auditTestCommand } from './cli/test-audit-command.ts';
import {
  SERVER_ENVIRONMENT,
  databaseFile,
  describeDatabaseFailure,
  describeListenFailure,
  describeTrustProxy,
  parseMailOptions,
  parseMaxReachableLevel,
  parsePort,
  parseTrustProxy,
  serverOptions,
} from './cli/server-cli.ts';
import { ApiError } from './http/api-error.ts';
import { parsePublicUrl } from './http/public-url.ts';
import { webScreensStatus } from './http/web-screens.ts';
import { serverFlagsWarning } from './node-flags.ts';
import { MIGRATIONS } from './storage/sqlite/migrations.ts';

/** Any status but 2 (bad usage): systemd's Restart=on-failure restarts the server. */
const DURABILITY_LOST_EXIT = 75;
const root = path.resolve(import.meta.dirname, '..');

const USAGE = `Usage:
  npm run server [-- --port 8080 --host 0.0.0.0 --data-dir .data/server --db file.sqlite
                    --web-root dist/web --demo-sites dir --trust-proxy --trust-proxy-from 10.0.0.5
                    --min-station-version 1.2.0 --public-url https://certif.example.fr
                    --time-zone Europe/Paris --content-quota-mb 1024 --max-reachable-level 5
                    --smtp-url smtps://user:password@smtp.example.fr:465
                    --mail-from "Pix certification <certif@example.fr>"]
  npm run server -- create-admin --email you@example.org [--name "Nom Prénom"]
                    (password from PIX_ADMIN_PASSWORD, or typed on stdin)
  npm run server -- backup --to /var/backups/pix/pix-2026-12-08.sqlite
                    (a consistent copy of the database, the server running or not)
  npm run server -- audit-test <testId | candidateId>
                    (regenerates the test from its recorded seed, profile and bank snapshot:
                     exit 0 it matches the challenges asked, 1 it differs, 2 it cannot be audited)
Environment: ${SERVER_ENVIRONMENT.join(', ')}.
Every option, its variable and default: server/README.md.
`;

/** Bad arguments get the usage and exit code 2, never a stack trace. */
function parseCommandLine() {
  try {
    return parseArgs({ allowPositionals: true, options: serverOptions(process.env, root) });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
}

const { values, positionals } = parseCommandLine();
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

function orDefault(given: string | undefined, fallback: string): string | undefined {
  if (given) return path.resolve(given);
  return existsSync(fallback) ? fallback : undefined;
}

const dbFile = databaseFile(values['data-dir'], values.db);

/**
 * buildServer, or null once it has said why the database could not be opened (exit code 1): the path,
 * the reason and what to do, not a stack trace.
 */
async function openServer(options: Parameters<typeof buildServer>[0]) {
  try {
    return await buildServer({ ...options, dbFile });
  } catch (error) {
    const message = describeDatabaseFailure(error, dbFile, SERVER_VERSION);
    if (message === null) throw error;
    process.stderr.write(`${message}\n`);
    process.exitCode = 1;
    return null;
  }
}

async function readPassword(): Promise<string> {
  if (process.env.PIX_ADMIN_PASSWORD) return process.env.PIX_ADMIN_PASSWORD;
  process.stderr.write('Password for the administrator (at least 12 characters), then Enter: ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function createAdmin(): Promise<void> {
  const app = await openServer({ logger: false });
  if (!app) return;
  try {
    const parsed = CreateAccountRequestSchema.safeParse({
      email: values.email ?? '',
      displayName: values.name,
      role: 'administrator',
      centreId: null,
      password: await readPassword(),
    });
    if (!parsed.success) {
      process.stderr.write(`\n${describeIssues(parsed.error)}\n`);
      process.exitCode = 2;
      return;
    }
    const account = await createAccount(app.pix, parsed.data);
    process.stdout.write(`\nAdministrator ${account.email} created (id ${account.id}) in ${dbFile}.\n`);
  } catch (error) {
    process.stderr.write(`\n${error instanceof ApiError ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await app.close();
  }
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

async function backup(): Promise<void> {
  if (!values.to) {
    process.stderr.write('backup needs --to FILE, the copy to write (a new file)\n');
    process.exitCode = 2;
    return;
  }
  try {
    const outcome = await backupDatabase(dbFile, values.to);
    process.stdout.write(
      `Database ${dbFile} copied to ${outcome.target} ` +
        `(${(outcome.bytes / 1024 / 1024).toFixed(1)} MB, schema version ${outcome.schemaVersion}, integrity checked).\n`,
    );
  } catch (error) {
    if (error instanceof BackupRefusal) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    const message = describeDatabaseFailure(error, dbFile, SERVER_VERSION);
    process.stderr.write(
      `backup failed: ${message ?? (error instanceof Error ? error.message : String(error))}\n`,
    );
    process.exitCode = 1;
  }
}

async function auditTestCli(): Promise<void> {
  const outcome = await auditTestCommand(dbFile, positionals[1], SERVER_VERSION);
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
}

async function serve(): Promise<void> {
  const port = parsePort(values.port);
  if (port === null) {
    process.stderr.write(`--port (or PORT) must be a whole number from 0 to 65535 (got "${values.port}")\n`);
    process.exitCode = 2;
    return;
  }
  const trustProxy = parseTrustProxy(values['trust-proxy'], values['trust-proxy-from']);
  if (!trustProxy.ok) {
    process.stderr.write(`${trustProxy.message}\n`);
    process.exitCode = 2;
    return;
  }
  const minimum = values['min-station-version'] || null;
  if (minimum !== null && !CompatibilityQuerySchema.shape.version.safeParse(minimum).success) {
    process.stderr.write(`--min-station-version must be a version such as 1.4.0 (got "${minimum}")\n`);
    process.exitCode = 2;
    return;
  }
  const given = values['public-url'] || null;
  const publicUrl = given === null ? null : parsePublicUrl(given);
  if (given !== null && publicUrl === null) {
    process.stderr.write(
      `--public-url must be an http(s) address such as https://certif.example.fr (got "${given}")\n`,
    );
    process.exitCode = 2;
    return;
  }
  // The password of --smtp-url never in a message: parseMailOptions words its refusals without it.
  const mail = parseMailOptions(values['smtp-url'], values['mail-from'], publicUrl);
  if (!mail.ok) {
    process.stderr.write(`${mail.message}\n`);
    process.exitCode = 2;
    return;
  }
  const timeZone = values['time-zone'];
  if (!isTimeZone(timeZone)) {
    process.stderr.write(`--time-zone must be an IANA time zone such as Europe/Paris (got "${timeZone}")\n`);
    process.exitCode = 2;
    return;
  }
  const quotaMb = values['content-quota-mb'];
  if (!/^[1-9][0-9]{0,6}$/.test(quotaMb)) {
    process.stderr.write(
      `--content-quota-mb must be a whole number of megabytes such as 1024 (got "${quotaMb}")\n`,
    );
    process.exitCode = 2;
    return;
  }
  const contentQuotaBytes = Number(quotaMb) * 1024 * 1024;
  const maxReachableLevel = parseMaxReachableLevel(values['max-reachable-level']);
  if (maxReachableLevel === null) {
    process.stderr.write(
      '--max-reachable-level (or PIX_MAX_REACHABLE_LEVEL) must be a level from 1 to 8 ' +
        `(got "${values['max-reachable-level']}")\n`,
    );
    process.exitCode = 2;
    return;
  }
  // Always a folder, built or not: a screen missing from it is logged (web-screens.ts), not silent.
  const webRoot = path.resolve(values['web-root'] || path.join(root, 'dist', 'web'));
  const demoSitesDir = orDefault(values['demo-sites'], path.join(root, 'resources', 'demo', 'sites'));
  const schemaBefore = readSchemaVersion(dbFile);
  const app = await openServer({
    config: {
      minimumStationVersion: minimum,
      publicUrl,
      timeZone,
      contentQuotaBytes,
      maxReachableLevel,
      smtpUrl: mail.value.smtpUrl,
      mailFrom: mail.value.mailFrom,
    },
    logger: true,
    webRoot,
    demoSitesDir,
    trustProxy: trustProxy.value,
    // As databases do after a failed fsync (or a write the disk refused: storage/sqlite/storage-fault.ts): stop,
    // without closing (a close would checkpoint from the cache), so that the service manager restarts a
    // server that reads what the disk really holds. The stations keep every result that was not
    // acknowledged and send it again.
    onDurabilityLost: () => process.exit(DURABILITY_LOST_EXIT),
  });
  if (!app) return;
  const schemaVersion = MIGRATIONS.length;
  const applied = schemaBefore === null ? null : schemaVersion - schemaBefore;
  app.log.info(
    { version: SERVER_VERSION, dbFile, schemaVersion, migrationsApplied: applied, maxReachableLevel },
    `Pix certification server ${SERVER_VERSION}, database ${dbFile}, schema version ${schemaVersion} ` +
      (applied === null
        ? '(migrations applied at this start: unknown)'
        : `(${applied} migration${applied === 1 ? '' : 's'} applied at this start)`) +
      `; levels open to certification: 1 to ${maxReachableLevel}`,
  );
  const screens = webScreensStatus(webRoot);
  const demoSitesServed = demoSitesDir !== undefined && existsSync(demoSitesDir);
  app.log.info(
    {
      webRoot,
      webScreens: screens.served,
      missingWebScreens: screens.missing,
      demoSitesDir: demoSitesServed ? demoSitesDir : null,
    },
    `web screens served: ${screens.served.map((s) => `/${s}/`).join(', ') || 'none'}` +
      (screens.missing.length ? ` (not built: ${screens.missing.map((s) => `/${s}/`).join(', ')})` : '') +
      ` from ${webRoot}; demo sites: ${demoSitesServed ? `/demo-sites/ from ${demoSitesDir}` : 'not served'}; ` +
      describeTrustProxy(trustProxy.value),
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  try {
    await app.listen({ port, host: values.host });
  } catch (error) {
    process.stderr.write(`${describeListenFailure(error, port, values.host)}\n`);
    await app.close();
    process.exitCode = 1;
    return;
  }
  const warning = serverFlagsWarning(process.execArgv, availableParallelism());
  if (warning) app.log.warn(warning);
}

const command = positionals[0] ?? 'serve';
if (command === 'create-admin') await createAdmin();
else if (command === 'backup') await backup();
else if (command === 'audit-test') await auditTestCli();
else if (command === 'serve') await serve();
else {
  process.stderr.write(
    `unknown command "${command}": use serve (default), create-admin, backup or audit-test\n`,
  );
  process.exitCode = 2;
}
