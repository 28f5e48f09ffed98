// `npm run server` given what it cannot use, as IT staff meet it: a mistyped port, a port already
// taken, a data folder that is a file, a file that is not a database. Each gets what failed and what
// to do on stderr and an exit code, never a stack trace; a bad value is refused before the database is
// created. And `backup` copies the database of a running server.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, createAdministrator, startTestServer, type TestServer } from '../testing/test-server.ts';
import { DB_FILE_NAME } from './server-cli.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');

function runServer(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [path.join(ROOT, 'server', 'main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, PORT: '', HOST: '', PIX_DATA_DIR: '', PIX_MAX_REACHABLE_LEVEL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const STACK = /\n\s+at |node:internal|\.ts:\d+:\d+/;

describe('npm run server, refusing what it cannot use', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('refuses a port that is not one, before creating the database', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'pix-main-')), 'data');
    for (const port of ['abc', '99999']) {
      const run = await runServer(['--port', port, '--data-dir', dir]);
      expect(run.stderr).toBe(`--port (or PORT) must be a whole number from 0 to 65535 (got "${port}")\n`);
      expect(run.code).toBe(2);
    }
    const fromEnv = await runServer(['--data-dir', dir], { PORT: 'http' });
    expect([fromEnv.code, fromEnv.stderr]).toEqual([
      2,
      '--port (or PORT) must be a whole number from 0 to 65535 (got "http")\n',
    ]);
    expect(existsSync(dir)).toBe(false);
  }, 60_000);

  it('refuses a highest level that is not one of the framework, before creating the database', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'pix-main-')), 'data');
    const given = await runServer(['--max-reachable-level', '9', '--data-dir', dir]);
    expect([given.code, given.stderr]).toEqual([
      2,
      '--max-reachable-level (or PIX_MAX_REACHABLE_LEVEL) must be a level from 1 to 8 (got "9")\n',
    ]);
    const fromEnv = await runServer(['--data-dir', dir], { PIX_MAX_REACHABLE_LEVEL: 'cinq' });
    expect([fromEnv.code, fromEnv.stderr]).toEqual([
      2,
      '--max-reachable-level (or PIX_MAX_REACHABLE_LEVEL) must be a level from 1 to 8 (got "cinq")\n',
    ]);
    expect(existsSync(dir)).toBe(false);
  }, 60_000);

  it('scores with the highest level given, as its start log says', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pix-main-'));
    const child = spawn(
      NODE,
      [path.join(ROOT, 'server', 'main.ts'), '--port', '0', '--host', '127.0.0.1', '--data-dir', dir],
      {
        cwd: ROOT,
        env: { ...process.env, PORT: '', HOST: '', PIX_DATA_DIR: '', PIX_MAX_REACHABLE_LEVEL: '6' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    let stdout = '';
    const started = await new Promise<Record<string, unknown> | null>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const line = stdout.split('\n').find((l) => l.includes('levels open to certification'));
        if (line) resolve(JSON.parse(line) as Record<string, unknown>);
      });
      child.on('exit', () => resolve(null));
    });
    child.kill('SIGTERM');
    await exited;
    clearTimeout(timer);
    expect(started).toMatchObject({ maxReachableLevel: 6 });
    expect(started?.msg).toMatch(/; levels open to certification: 1 to 6$/);
  }, 60_000);

  it('says the port is taken, and exits 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const dir = mkdtempSync(path.join(tmpdir(), 'pix-main-'));
      const run = await runServer(['--port', String(port), '--host', '127.0.0.1', '--data-dir', dir]);
      expect(run.stderr).toBe(
        `port ${port} is already in use (is another server running?): choose another with --port or PORT\n`,
      );
      expect(run.code).toBe(1);
    } finally {
      taken.close();
    }
  }, 60_000);

  it('says which data folder or database it cannot open, why and what to do, and exits 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pix-main-'));
    writeFileSync(path.join(dir, 'a-file'), 'x');
    const asFolder = await runServer(['--port', '0', '--data-dir', path.join(dir, 'a-file')]);
    expect(asFolder.stderr).toMatch(
      `cannot open the server’s database ${path.join(dir, 'a-file', DB_FILE_NAME)}: ${path.join(dir, 'a-file')} is a file, not a folder.\n--data-dir`,
    );
    expect(asFolder.stderr).not.toMatch(STACK);
    expect(asFolder.code).toBe(1);

    mkdirSync(path.join(dir, 'folder'));
    const dbFolder = await runServer(['--port', '0', '--db', path.join(dir, 'folder')]);
    expect(dbFolder.stderr).toMatch(/: it is a folder, not a file\.\n/);
    expect(dbFolder.stderr).not.toMatch(STACK);
    expect(dbFolder.code).toBe(1);

    writeFileSync(path.join(dir, 'notes.sqlite'), 'these are notes, not a database '.repeat(8));
    const notDb = await runServer(
      ['create-admin', '--email', 'a@example.org', '--db', path.join(dir, 'notes.sqlite')],
      {
        PIX_ADMIN_PASSWORD: 'correct horse battery staple',
      },
    );
    expect(notDb.stderr).toMatch(/notes\.sqlite: it is not a SQLite database\.\n/);
    expect(notDb.stderr).not.toMatch(STACK);
    expect(notDb.code).toBe(1);

    const newer = path.join(dir, 'newer.sqlite');
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    const tooNew = await runServer(['--port', '0', '--db', newer]);
    expect(tooNew.stderr).toMatch(/newer\.sqlite: it is at schema version 999, newer than this server knows/);
    expect(tooNew.stderr).not.toMatch(STACK);
    expect(tooNew.code).toBe(1);
  }, 90_000);

  it('refuses a proxy address that is not one', async () => {
    const run = await runServer([
      '--trust-proxy-from',
      'proxy.lan',
      '--data-dir',
      mkdtempSync(path.join(tmpdir(), 'pix-main-')),
    ]);
    expect(run.stderr).toMatch(
      /^--trust-proxy-from \(or PIX_TRUST_PROXY_FROM\) must list .*\(got "proxy\.lan"\)\n$/,
    );
    expect(run.code).toBe(2);
  }, 60_000);

  it('refuses mail settings it cannot use, before creating the database, never quoting the SMTP password', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'pix-main-')), 'data');
    const secret = 'Sm7p-s3cret-pa55';
    const url = `smtps://certif:${secret}@smtp.example.fr:465`;
    const withoutSender = await runServer(['--data-dir', dir], { PIX_SMTP_URL: url, PIX_MAIL_FROM: '' });
    expect([withoutSender.code, withoutSender.stderr]).toEqual([
      2,
      '--smtp-url needs --mail-from (or PIX_MAIL_FROM), the sender of the result e-mails, such as "Pix certification <certif@example.fr>"\n',
    ]);
    const badUrl = await runServer([
      '--data-dir',
      dir,
      '--smtp-url',
      `smtp://certif:${secret}@smtp.example.fr/x`,
    ]);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(
      /^--smtp-url \(or PIX_SMTP_URL\) takes no path .*\(got "smtp:\/\/certif:\*\*\*@smtp\.example\.fr\/x"\)\n$/,
    );
    const help = await runServer(['--help'], { PIX_SMTP_URL: url });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--smtp-url');
    for (const run of [withoutSender, badUrl, help])
      expect(`${run.stdout}${run.stderr}`).not.toContain(secret);
    expect(existsSync(dir)).toBe(false);
  }, 60_000);

  it('backs up the database of a running server into a file the server can start on', async () => {
    server = await startTestServer();
    await createAdministrator(server.app);
    const target = path.join(server.dir, 'backups', 'copy.sqlite');
    mkdirSync(path.dirname(target));
    const run = await runServer(['backup', '--db', server.dbFile, '--to', target]);
    expect(run.stdout).toMatch(
      new RegExp(`copied to ${target} \\(.* MB, schema version \\d+, integrity checked\\)`),
    );
    expect(run.code).toBe(0);
    const again = await runServer(['backup', '--db', server.dbFile, '--to', target]);
    expect(again.stderr).toMatch(/already exists: a backup never overwrites a file/);
    expect(again.code).toBe(2);
    const copy = await startTestServer({ dbFile: target });
    try {
      const login = await copy.app.inject({
        method: 'POST',
        url: '/api/centre/login',
        payload: { email: ADMIN.email, password: ADMIN.password },
      });
      expect(login.statusCode).toBe(200);
    } finally {
      await copy.close();
    }
  }, 60_000);
});
