// `npm run server -- audit-test <testId>` as IT staff or an auditor meet it: 0 and one line when the
// regenerated test is the one asked, 1 and each difference when it is not, 2 and one line when there is
// nothing to compare; never a stack trace.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolledStation, invigilator, join } from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededCandidate } from '../testing/seed.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { auditTestCommand } from './test-audit-command.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');
const STACK = /\n\s+at |node:internal|\.ts:\d+:\d+/;

function runServer(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [path.join(ROOT, 'server', 'main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, PIX_DATA_DIR: '' },
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

describe('npm run server -- audit-test', () => {
  let server: TestServer;
  let started: string;
  let joinedOnly: string;
  let startedCandidate: string;
  let absentCandidate: string;
  beforeAll(async () => {
    server = await startTestServer();
    const day = await seedCertificationDay(server.app, { count: 3 });
    const station = await enrolledStation(server, day);
    const inv = await invigilator(server, day);
    const [first, second] = day.candidates as [SeededCandidate, SeededCandidate];
    started = (await join(server, day, station, first)).testId;
    await inv.command(first.id, { type: 'authorizeStart' });
    joinedOnly = (await join(server, day, station, second)).testId;
    startedCandidate = first.id;
    absentCandidate = (day.candidates[2] as SeededCandidate).id;
  }, 60_000);
  afterAll(() => server.close());

  const audit = (testId: string | undefined) => auditTestCommand(server.dbFile, testId, 'test');

  it('says the regenerated test matches, and exits 0', async () => {
    const outcome = await audit(started);
    expect(outcome.stdout).toMatch(
      new RegExp(
        `^test ${started} matches: regenerated from seed \\d+, its profile and its bank snapshot [0-9a-f]{12} ` +
          '\\(\\d+ operative challenges, \\d+ skills\\), it asks the same \\d+ challenges in the same order\\n$',
      ),
    );
    expect([outcome.exitCode, outcome.stderr]).toEqual([0, '']);
  });

  it('says what differs, one line each, and exits 1', async () => {
    const db = new Database(server.dbFile, { timeout: 5000 });
    const original = db.prepare('SELECT package FROM test_packages WHERE test_id = ?').pluck().get(started);
    const alter = db.prepare('UPDATE test_packages SET package = ? WHERE test_id = ?');
    try {
      alter.run(JSON.stringify({ ...(JSON.parse(String(original)) as object), seed: 1 }), started);
      const outcome = await audit(started);
      expect(outcome.exitCode).toBe(1);
      expect(outcome.stdout).toBe('');
      expect(outcome.stderr.split('\n')).toEqual([
        `test ${started} differs from its regeneration:`,
        '  - the package was altered since it was generated: it no longer has its recorded hash',
        expect.stringMatching(/^ {2}- the package says seed 1, the recorded generation \d+$/),
        '',
      ]);
    } finally {
      alter.run(original, started);
      db.close();
    }
    expect((await audit(started)).exitCode).toBe(0);
  });

  it('takes the candidate’s id as well (in the address of the back office’s test record)', async () => {
    expect(startedCandidate).toMatch(/^cnd_/);
    const outcome = await audit(startedCandidate);
    expect([outcome.exitCode, outcome.stderr]).toEqual([0, '']);
    expect(outcome.stdout).toMatch(new RegExp(`^test ${started} matches`));
    const none = await audit(absentCandidate);
    expect([none.exitCode, none.stdout]).toEqual([2, '']);
    expect(none.stderr).toBe(
      `candidate ${absentCandidate} has no test in this database (never signed in, or unknown)\n`,
    );
  });

  it('exits 2 with one line when there is nothing to compare or nothing to open', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pix-audit-'));
    writeFileSync(path.join(dir, 'notes.sqlite'), 'these are notes, not a database '.repeat(8));
    const cases: [string | undefined, string, 1 | 2, string | RegExp][] = [
      [
        undefined,
        server.dbFile,
        2,
        'audit-test needs the id of the test or of its candidate: npm run server -- audit-test <testId | candidateId>\n',
      ],
      [
        '../etc',
        server.dbFile,
        2,
        '"../etc" is not a test id (letters, digits, "_" and "-", such as tst_4f9…)\n',
      ],
      ['tst_unknown', server.dbFile, 2, 'no test tst_unknown in this database\n'],
      [
        joinedOnly,
        server.dbFile,
        2,
        `test ${joinedOnly} has no package: it was never generated (the invigilator has not authorized its start)\n`,
      ],
      [
        started,
        path.join(dir, 'missing.sqlite'),
        2,
        `no database at ${path.join(dir, 'missing.sqlite')}: name it with --db, or its folder with --data-dir (PIX_DATA_DIR)\n`,
      ],
      // A file that cannot be opened is « cannot audit », never « differs » (which says the test was altered).
      [started, path.join(dir, 'notes.sqlite'), 2, /notes\.sqlite: it is not a SQLite database\.\n/],
    ];
    for (const [testId, dbFile, exitCode, stderr] of cases) {
      const outcome = await auditTestCommand(dbFile, testId, 'test');
      expect(outcome.exitCode, String(testId)).toBe(exitCode);
      expect(outcome.stderr, String(testId)).toMatch(stderr);
      expect(outcome.stderr).not.toMatch(STACK);
      expect(outcome.stdout).toBe('');
    }
  });

  it('says a test generated before the bank was kept has no snapshot, and exits 2', async () => {
    const db = new Database(server.dbFile, { timeout: 5000 });
    const hash = db
      .prepare('SELECT generation_bank FROM test_packages WHERE test_id = ?')
      .pluck()
      .get(started);
    const set = db.prepare('UPDATE test_packages SET generation_bank = ? WHERE test_id = ?');
    try {
      set.run(null, started);
      const outcome = await audit(started);
      expect([outcome.exitCode, outcome.stdout]).toEqual([2, '']);
      expect(outcome.stderr).toBe(
        `test ${started} was generated by an older server, before the bank each test is drawn from ` +
          'was kept: it has no bank snapshot, so it cannot be regenerated\n',
      );
    } finally {
      set.run(hash, started);
      db.close();
    }
  });

  it('is wired into npm run server, with its usage', async () => {
    const matched = await runServer(['audit-test', started, '--db', server.dbFile]);
    expect([matched.code, matched.stderr]).toEqual([0, '']);
    expect(matched.stdout).toMatch(new RegExp(`^test ${started} matches: `));
    const unknown = await runServer(['audit-test', 'tst_unknown', '--db', server.dbFile]);
    expect([unknown.code, unknown.stdout, unknown.stderr]).toEqual([
      2,
      '',
      'no test tst_unknown in this database\n',
    ]);
    const help = await runServer(['audit-test', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('npm run server -- audit-test <testId | candidateId>');
  }, 90_000);
});
