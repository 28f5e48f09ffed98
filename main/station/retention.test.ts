import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/hashing/canonical-hash.ts';
import { AttachmentStore, sha256Of } from './attachments/attachment-store.ts';
import { AnswerJournal } from './journal/answer-journal.ts';
import { opened, removeTempJournals, tempJournalFile, testWithPackage } from './journal/journal-fixtures.ts';
import { DEFAULT_RETENTION_MS, purgeExpired } from './retention.ts';
import { tempDataDir } from './sync/sync-fixtures.ts';

const journals: AnswerJournal[] = [];
afterEach(() => {
  for (const journal of journals.splice(0)) journal.close();
  removeTempJournals();
});

describe('retention', () => {
  it('purges acknowledged tests after the delay, with their files; keeps everything else', async () => {
    const journal = AnswerJournal.open({ file: tempJournalFile('retention-') });
    journals.push(journal);
    const file = new TextEncoder().encode('contenu');
    const attachment = {
      hash: sha256Of(file),
      fileName: 'f.txt',
      mediaType: 'text/plain',
      size: file.length,
    };
    const store = new AttachmentStore({
      dataDir: tempDataDir(),
      download: async () => ({ ok: true, value: file }),
    });
    for (const testId of ['acked', 'pending', 'running']) {
      testWithPackage(journal, testId, 2);
      journal.append(testId, opened, { wallAt: 1, elapsedMs: 0 });
      await store.ensure(testId, attachment);
    }
    for (const testId of ['acked', 'pending'])
      journal.storeBundle(testId, `jws-${testId}`, sha256Hex(`jws-${testId}`));
    journal.acknowledge('acked', 1000, DEFAULT_RETENTION_MS);

    expect(await purgeExpired(journal, store, 1000 + DEFAULT_RETENTION_MS - 1)).toEqual({
      tests: 0,
      folders: [],
    });
    expect(await purgeExpired(journal, store, 1000 + DEFAULT_RETENTION_MS)).toEqual({
      tests: 1,
      folders: ['acked'],
    });
    expect(journal.testIds()).toEqual(['pending', 'running']);
    expect(existsSync(store.folder('acked'))).toBe(false);
    expect(existsSync(store.folder('pending'))).toBe(true);
    expect(existsSync(store.folder('running'))).toBe(true);
    // Never a result the server has not acknowledged, however old.
    expect((await purgeExpired(journal, store, Number.MAX_SAFE_INTEGER)).tests).toBe(0);
  });
});
