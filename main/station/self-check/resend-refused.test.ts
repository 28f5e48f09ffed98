// --resend-refused: what the server refused is sent again once IT asks, and only then.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/hashing/canonical-hash.ts';
import { AnswerJournal } from '../journal/answer-journal.ts';
import { opened, testWithPackage } from '../journal/journal-fixtures.ts';
import { JOURNAL_FILE_NAME } from '../station-services.ts';
import { resendRefused } from './resend-refused.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const REFUSED_AT = Date.UTC(2026, 11, 8, 10, 47);
const SERVER = 'https://certif.lycee.fr';

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pix-resend-'));
  dirs.push(dir);
  return dir;
}

function withJournal<T>(dir: string, use: (journal: AnswerJournal) => T, server = SERVER): T {
  const journal = AnswerJournal.open({ file: path.join(dir, JOURNAL_FILE_NAME), serverOrigin: server });
  try {
    return use(journal);
  } finally {
    journal.close();
  }
}

/** A sealed result the server refused for good, its refusal reported to it. */
function refusedResult(dir: string, testId: string, server = SERVER): void {
  withJournal(
    dir,
    (journal) => {
      testWithPackage(journal, testId, 4);
      journal.append(testId, opened, { wallAt: 1, elapsedMs: 0 });
      journal.storeBundle(testId, 'bundle', sha256Hex('bundle'));
      journal.recordServerRefusal(testId, 'result', {
        status: 422,
        code: 'PACKAGE_MISMATCH',
        message: 'no test package was issued for this test',
        refusedAt: REFUSED_AT,
      });
      journal.recordRefusalReported(testId, { reportedAt: REFUSED_AT + 1000, outcome: 'marked' });
    },
    server,
  );
}

const pending = (dir: string) => withJournal(dir, (journal) => journal.pendingBundles().map((t) => t.testId));

describe('resendRefused (--resend-refused)', () => {
  it('sends a refused result again, once, naming what the server had said', () => {
    const dir = dataDir();
    refusedResult(dir, 'test-1');
    expect(pending(dir)).toEqual([]);

    const outcome = resendRefused({ dataDir: dir, serverUrl: SERVER });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.text).toContain('1 test(s) refusé(s) par le serveur seront envoyés de nouveau');
    expect(outcome.text).toContain(
      '- test test-1 : résultat refusé le 2026-12-08T10:47:00.000Z (PACKAGE_MISMATCH : no test package was issued for this test)',
    );
    expect(pending(dir)).toEqual(['test-1']);
    withJournal(dir, (journal) => {
      expect(journal.serverRefusal('test-1', 'result')).toBeNull();
      expect(journal.refusalReport('test-1')).toBeNull();
    });
    // Nothing left to forget: a second run says so.
    expect(resendRefused({ dataDir: dir, serverUrl: SERVER }).text).toContain('rien à faire');
  });

  it('changes nothing on a station without a journal or without refusals', () => {
    expect(resendRefused({ dataDir: dataDir(), serverUrl: SERVER })).toEqual({
      exitCode: 0,
      text: 'Aucun test sur ce poste : rien à faire.\n',
    });
    const dir = dataDir();
    withJournal(dir, (journal) => {
      testWithPackage(journal, 'test-2', 4);
      journal.append('test-2', opened, { wallAt: 1, elapsedMs: 0 });
      journal.storeBundle('test-2', 'bundle', sha256Hex('bundle'));
    });
    expect(resendRefused({ dataDir: dir, serverUrl: SERVER }).text).toBe(
      'Le serveur n’a rien refusé de ce poste : rien à faire.\n',
    );
    expect(pending(dir)).toEqual(['test-2']);
  });

  it('names apart the refused results of another server: they go only to it', () => {
    const dir = dataDir();
    refusedResult(dir, 'test-1');
    refusedResult(dir, 'test-9', 'http://10.0.0.5:8080');
    const text = resendRefused({ dataDir: dir, serverUrl: SERVER }).text;
    expect(text).toContain('1 test(s) refusé(s) par le serveur seront envoyés de nouveau');
    expect(text).toContain(
      '1 test(s) passé(s) sur http://10.0.0.5:8080 seront envoyés de nouveau quand la station sera de nouveau réglée sur ce serveur',
    );
    expect(text.indexOf('test-9')).toBeGreaterThan(text.indexOf('10.0.0.5'));
  });
});
