// `npm run server`: the central certification server on a SQLite file under .data/server (no other setup).
//   npm run server [-- --port 8080 --host 0.0.0.0 --data-dir .data/server --web-root dist/web --demo-sites dir]
//                  [--min-station-version 1.2.0]   (oldest station version allowed; also PIX_MIN_STATION_VERSION)
//                  [--public-url https://certif.example.fr]   (printed on certificates; also PIX_PUBLIC_URL)
//                  [--time-zone Europe/Paris]   (the centres' clock, for exports; also PIX_TIME_ZONE)
//                  [--content-quota-mb 1024]   (attachments one centre may keep; also PIX_CONTENT_QUOTA_MB)
//   npm run server -- create-admin --email you@example.org   (password from PIX_ADMIN_PASSWORD or stdin)
// Logs are JSON lines (pino) on stdout; they never contain passwords, tokens, signatures or codes.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CreateAccountRequestSchema } from '../core/contracts/centre-api.ts';
import { CompatibilityQuerySchema } from '../core/contracts/station-server.ts';
import { describeIssues } from '../core/validation/describe-issues.ts';
import { createAccount } from './accounts/account-service.ts';
import { buildServer } from './app.ts';
import { ApiError } from './http/api-error.ts';
import { parsePublicUrl } from './http/public-url.ts';
import { serverFlagsWarning } from './node-flags.ts';

const root = path.resolve(import.meta.dirname, '..');

const USAGE = `Usage:
  npm run server [-- --port 8080 --host 0.0.0.0 --data-dir .data/server --db file.sqlite
                    --web-root dist/web --demo-sites dir --trust-proxy --min-station-version 1.2.0
                    --public-url https://certif.example.fr --time-zone Europe/Paris
                    --content-quota-mb 1024]
  npm run server -- create-admin --email you@example.org [--name "Nom Prénom"]
                    (password from PIX_ADMIN_PASSWORD, or typed on stdin)
Environment: PORT, HOST, PIX_DATA_DIR, PIX_MIN_STATION_VERSION, PIX_PUBLIC_URL, PIX_TIME_ZONE,
  PIX_CONTENT_QUOTA_MB, PIX_ADMIN_PASSWORD.
`;

/** Bad arguments get the usage and exit code 2, never a stack trace. */
function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        port: { type: 'string', default: process.env.PORT ?? '8080' },
        host: { type: 'string', default: process.env.HOST ?? '0.0.0.0' },
        'data-dir': {
          type: 'string',
          default: process.env.PIX_DATA_DIR ?? path.join(root, '.data', 'server'),
        },
        db: { type: 'string' },
        'web-root': { type: 'string' },
        'demo-sites': { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string', default: 'Administrateur' },
        'trust-proxy': { type: 'boolean', default: false },
        'min-station-version': { type: 'string', default: process.env.PIX_MIN_STATION_VERSION },
        'public-url': { type: 'string', default: process.env.PIX_PUBLIC_URL },
        'time-zone': { type: 'string', default: process.env.PIX_TIME_ZONE ?? 'Europe/Paris' },
        'content-quota-mb': { type: 'string', default: process.env.PIX_CONTENT_QUOTA_MB ?? '1024' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
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
  const app = await buildServer({ dataDir: values['data-dir'], dbFile: values.db, logger: false });
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
    process.stdout.write(`\nAdministrator ${account.email} created (id ${account.id}).\n`);
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

async function serve(): Promise<void> {
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
  const app = await buildServer({
    config: { minimumStationVersion: minimum, publicUrl, timeZone, contentQuotaBytes },
    dataDir: values['data-dir'],
    dbFile: values.db,
    logger: true,
    webRoot: orDefault(values['web-root'], path.join(root, 'dist', 'web')),
    demoSitesDir: orDefault(values['demo-sites'], path.join(root, 'resources', 'demo', 'sites')),
    trustProxy: values['trust-proxy'],
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  await app.listen({ port: Number(values.port), host: values.host });
  const warning = serverFlagsWarning(process.execArgv, availableParallelism());
  if (warning) app.log.warn(warning);
}

const command = positionals[0] ?? 'serve';
if (command === 'create-admin') await createAdmin();
else if (command === 'serve') await serve();
else {
  process.stderr.write(`unknown command "${command}": use serve (default) or create-admin\n`);
  process.exitCode = 2;
}
