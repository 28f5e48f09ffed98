import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/hashing/canonical-hash.ts';
import { AnswerJournal } from '../journal/answer-journal.ts';
import { opened, testWithPackage } from '../journal/journal-fixtures.ts';
import { JOURNAL_FILE_NAME } from '../station-services.ts';
import { adoptResults } from './adopt-results.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A data folder whose journal holds a sealed, unsent result taken on `server`. */
function dataDirWithResultOf(server: string): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pix-adopt-'));
  dirs.push(dataDir);
  const journal = AnswerJournal.open({ file: path.join(dataDir, JOURNAL_FILE_NAME), serverOrigin: server });
  testWithPackage(journal, 'test-1', 4);
  journal.append('test-1', opened, { wallAt: 1, elapsedMs: 0 });
  journal.storeBundle('test-1', 'bundle', sha256Hex('bundle'));
  journal.close();
  return dataDir;
}

function serverOfTest(dataDir: string): string | null {
  const journal = AnswerJournal.open({ file: path.join(dataDir, JOURNAL_FILE_NAME) });
  try {
    return journal.testServer('test-1');
  } finally {
    journal.close();
  }
}

describe('adoptResults (--adopt-results OLD_URL)', () => {
  it('gives the old address’s tests to the new one, saying how many results wait', async () => {
    const dataDir = dataDirWithResultOf('http://10.0.0.5:8080');
    const outcome = await adoptResults({
      dataDir,
      serverUrl: 'https://certif.lycee.fr',
      from: 'http://10.0.0.5:8080/',
    });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.text).toContain('1 test(s) passé(s) sur http://10.0.0.5:8080 appartiennent désormais');
    expect(outcome.text).toContain('dont 1 dont le résultat attend d’être envoyé');
    expect(serverOfTest(dataDir)).toBe('https://certif.lycee.fr');
  });

  it('changes nothing for an address no test was taken on, the current address, or no serverUrl', async () => {
    const dataDir = dataDirWithResultOf('http://10.0.0.5:8080');
    const other = await adoptResults({
      dataDir,
      serverUrl: 'https://certif.lycee.fr',
      from: 'http://x.example',
    });
    expect(other).toEqual({ exitCode: 0, text: expect.stringContaining('rien à faire') });
    const same = await adoptResults({
      dataDir,
      serverUrl: 'https://certif.lycee.fr',
      from: 'https://CERTIF.lycee.fr/',
    });
    expect(same.exitCode).toBe(2);
    expect((await adoptResults({ dataDir, serverUrl: null, from: 'http://10.0.0.5:8080' })).exitCode).toBe(3);
    expect(serverOfTest(dataDir)).toBe('http://10.0.0.5:8080');
  });
});
