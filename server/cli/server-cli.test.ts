import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../app.ts';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.ts';
import {
  DB_FILE_NAME,
  SERVER_ENVIRONMENT,
  databaseFile,
  describeDatabaseFailure,
  describeListenFailure,
  parseMailOptions,
  parseMaxReachableLevel,
  parsePort,
  parseTrustProxy,
  serverOptions,
} from './server-cli.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** What opening `file` as the server's database throws. */
function openingError(file: string): unknown {
  try {
    const store = openSqliteStore(file);
    void store.close();
  } catch (error) {
    return error;
  }
  throw new Error(`${file} opened`);
}

describe('server command line', () => {
  it('takes a port from 0 to 65535, nothing else', () => {
    expect(['0', '8080', '65535', ' 443 '].map(parsePort)).toEqual([0, 8080, 65535, 443]);
    for (const bad of ['abc', '99999', '65536', '-1', '80.5', '', '0x50', '1e3'])
      expect(parsePort(bad)).toBeNull();
  });

  it('takes the highest level open to certification from 1 to 8, 5 unless given', () => {
    expect(serverOptions({}, ROOT)['max-reachable-level'].default).toBe('5');
    expect(serverOptions({ PIX_MAX_REACHABLE_LEVEL: '6' }, ROOT)['max-reachable-level'].default).toBe('6');
    expect(serverOptions({ PIX_MAX_REACHABLE_LEVEL: '' }, ROOT)['max-reachable-level'].default).toBe('5');
    expect(['1', '5', ' 6 ', '8'].map(parseMaxReachableLevel)).toEqual([1, 5, 6, 8]);
    for (const bad of ['0', '9', '10', '-1', '5.5', '', 'five', '05', '1e1'])
      expect(parseMaxReachableLevel(bad), bad).toBeNull();
  });

  it('trusts X-Forwarded-* from the loopback proxy only with --trust-proxy, from the named addresses with --trust-proxy-from', () => {
    expect(parseTrustProxy(false, undefined)).toEqual({ ok: true, value: false });
    expect(parseTrustProxy(true, undefined)).toEqual({ ok: true, value: ['loopback'] });
    expect(parseTrustProxy(true, '')).toEqual({ ok: true, value: ['loopback'] });
    // --trust-proxy-from implies --trust-proxy.
    expect(parseTrustProxy(false, '10.0.0.5, 10.1.0.0/16,fd00::1 loopback')).toEqual({
      ok: true,
      value: ['10.0.0.5', '10.1.0.0/16', 'fd00::1', 'loopback'],
    });
    for (const bad of ['10.0.0.300', '10.0.0.0/33', 'proxy.example.fr', '*', 'true', '::1/129']) {
      const parsed = parseTrustProxy(true, bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain(`"${bad}"`);
    }
  });

  it('takes the mail server and the sender from --smtp-url and --mail-from, or their variables', () => {
    const options = serverOptions(
      { PIX_SMTP_URL: 'smtps://u:p@smtp.example.fr', PIX_MAIL_FROM: 'Pix <certif@example.fr>' },
      ROOT,
    );
    expect([options['smtp-url'].default, options['mail-from'].default]).toEqual([
      'smtps://u:p@smtp.example.fr',
      'Pix <certif@example.fr>',
    ]);
    expect(serverOptions({}, ROOT)['smtp-url'].default).toBeUndefined();
    const publicUrl = 'https://certif.example.fr';
    // None: nothing sent (the e-mails wait); an empty variable counts as none.
    expect(parseMailOptions(undefined, undefined, null)).toEqual({
      ok: true,
      value: { smtpUrl: null, mailFrom: null },
    });
    expect(parseMailOptions(' ', '', null)).toEqual({ ok: true, value: { smtpUrl: null, mailFrom: null } });
    expect(parseMailOptions('smtps://u:p@smtp.example.fr', 'Pix <certif@example.fr>', publicUrl)).toEqual({
      ok: true,
      value: { smtpUrl: 'smtps://u:p@smtp.example.fr', mailFrom: 'Pix <certif@example.fr>' },
    });
    const refusal = (parsed: ReturnType<typeof parseMailOptions>) => (parsed.ok ? '' : parsed.message);
    expect(refusal(parseMailOptions(undefined, 'not an address', null))).toMatch(/^--mail-from/);
    expect(refusal(parseMailOptions('smtps://u:hunter22@smtp.example.fr', undefined, publicUrl))).toMatch(
      /^--smtp-url needs --mail-from/,
    );
    expect(
      refusal(parseMailOptions('smtps://u:hunter22@smtp.example.fr', 'certif@example.fr', null)),
    ).toMatch(/^--smtp-url needs --public-url/);
    const bad = refusal(
      parseMailOptions('smtps://u:hunter22@smtp.example.fr:465/x', 'certif@example.fr', publicUrl),
    );
    expect(bad).toMatch(/^--smtp-url \(or PIX_SMTP_URL\) takes no path/);
    expect(bad).not.toContain('hunter22');
  });

  it('names the database file in the data folder as buildServer does, unless --db names it', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pix-cli-'));
    const app = await buildServer({ dataDir, config: { bundleVerifierThreads: 0 } });
    await app.close();
    expect(existsSync(databaseFile(dataDir, undefined))).toBe(true);

    expect(databaseFile('/srv/pix', undefined)).toBe(path.join('/srv/pix', DB_FILE_NAME));
    expect(databaseFile('/srv/pix', '/var/lib/pix/other.sqlite')).toBe('/var/lib/pix/other.sqlite');
    expect(databaseFile('/srv/pix', '')).toBe(path.join('/srv/pix', DB_FILE_NAME));
  });

  it('says why listening failed and what to do, in one line', () => {
    const error = (code: string) => Object.assign(new Error(`listen ${code}`), { code });
    expect(describeListenFailure(error('EADDRINUSE'), 8080, '0.0.0.0')).toBe(
      'port 8080 is already in use (is another server running?): choose another with --port or PORT',
    );
    expect(describeListenFailure(error('EACCES'), 443, '0.0.0.0')).toMatch(/port 443.*--port or PORT/);
    expect(describeListenFailure(error('EADDRNOTAVAIL'), 8080, '10.9.9.9')).toMatch(
      /10\.9\.9\.9.*--host or HOST/,
    );
    for (const code of ['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL', 'EOTHER'])
      expect(describeListenFailure(error(code), 1, 'h')).not.toContain('\n');
  });

  it('says which database could not be opened, why, and what to do', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pix-cli-'));
    const describe = (file: string) => describeDatabaseFailure(openingError(file), file, '0.1.0') ?? '';

    writeFileSync(path.join(dir, 'a-file'), '');
    const underFile = path.join(dir, 'a-file', 'sub', DB_FILE_NAME);
    expect(describe(underFile)).toMatch(
      new RegExp(
        `^cannot open the server’s database ${underFile}: ${path.join(dir, 'a-file')} is a file, not a folder\\.\\n.*--data-dir`,
      ),
    );

    mkdirSync(path.join(dir, 'folder'));
    expect(describe(path.join(dir, 'folder'))).toMatch(
      /: it is a folder, not a file\.\n--db must name the database file/,
    );

    writeFileSync(path.join(dir, 'notes.txt'), 'not a database, but long enough to have a header '.repeat(4));
    expect(describe(path.join(dir, 'notes.txt'))).toMatch(
      /: it is not a SQLite database\.\n.*restore the last backup/,
    );

    const newer = path.join(dir, 'newer.sqlite');
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    expect(describe(newer)).toMatch(
      new RegExp(
        `^cannot open the server’s database ${newer}: it is at schema version 999, newer than this server knows \\(\\d+\\).*\\n.*This server \\(0\\.1\\.0\\) is older`,
      ),
    );

    // Not about the database (a bug): left to the caller, whose stack trace is worth seeing.
    expect(describeDatabaseFailure(new TypeError('x is undefined'), newer, '0.1.0')).toBeNull();
  });

  it('documents every option and environment variable in server/README.md', () => {
    const readme = readFileSync(path.join(ROOT, 'server', 'README.md'), 'utf8');
    for (const option of Object.keys(serverOptions({}, ROOT))) {
      expect(readme, `--${option}`).toMatch(new RegExp(`\\|[^\\n]*[\` ]--${option}[ \`,]`));
    }
    for (const variable of SERVER_ENVIRONMENT)
      expect(readme, variable).toMatch(new RegExp(`\`${variable}\``));
    expect(readme).toContain(DB_FILE_NAME);
  });
});
