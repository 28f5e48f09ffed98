import { copyFileSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AnswerJournal } from './answer-journal.ts';
import { WAL_BACKSTOP_PAGES } from './idle-checkpoint.ts';
import {
  answered,
  opened,
  removeTempJournals,
  tempJournalFile,
  testWithPackage,
} from './journal-fixtures.ts';

const at = (elapsedMs = 0) => ({ wallAt: 1_700_000_000_000 + elapsedMs, elapsedMs });
const eventLoopTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Records found in the main database file alone, as if the WAL had been lost. */
let copies = 0;
function recordsInMainFile(file: string): number {
  const copy = `${file}.main-only-${++copies}`;
  copyFileSync(file, copy);
  expect(existsSync(`${copy}-wal`)).toBe(false);
  const db = new Database(copy, { readonly: true });
  try {
    // Before any checkpoint even the schema is only in the WAL.
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'records'").get() !== undefined;
    return hasTable ? Number(db.prepare('SELECT count(*) FROM records').pluck().get()) : 0;
  } finally {
    db.close();
  }
}

const open: AnswerJournal[] = [];
afterEach(() => {
  for (const journal of open.splice(0)) journal.close();
});
afterAll(removeTempJournals);

function journalWithTest(): { journal: AnswerJournal; file: string } {
  const file = tempJournalFile('idle-checkpoint-');
  const journal = AnswerJournal.open({ file });
  open.push(journal);
  testWithPackage(journal, 't1', 4);
  journal.append('t1', opened, at());
  return { journal, file };
}

describe('the WAL is copied back while the candidate reads, not inside the answer commit', () => {
  it('a burst of answers with no idle moment is never checkpointed inside a commit below the backstop', () => {
    const file = tempJournalFile('idle-checkpoint-');
    const journal = AnswerJournal.open({ file });
    open.push(journal);
    // Seven full tests write well over SQLite's default 1,000 WAL pages; none is copied in a commit.
    for (let t = 1; t <= 7; t++) {
      testWithPackage(journal, `t${t}`, 48);
      journal.append(`t${t}`, opened, at());
      for (let i = 1; i <= 48; i++) journal.append(`t${t}`, answered(`rec${i}`), at(i * 1000));
    }
    expect(WAL_BACKSTOP_PAGES).toBeGreaterThan(1000);
    expect(recordsInMainFile(file)).toBe(0);
  });

  it('an answer reaches the main file once the event loop has turned, not before', async () => {
    const { journal, file } = journalWithTest();
    const before = recordsInMainFile(file);
    journal.append('t1', answered('rec1'), at(60_000));
    // Committed (in the WAL) but not yet copied: the commit did not pay for the checkpoint.
    expect(recordsInMainFile(file)).toBe(before);
    await eventLoopTurn();
    expect(recordsInMainFile(file)).toBe(2);
  });

  it('other records wait for the next answer; several answers in a row make one checkpoint', async () => {
    const { journal, file } = journalWithTest();
    await eventLoopTurn();
    const base = recordsInMainFile(file);
    journal.append('t1', { kind: 'focusLost', payload: { challengeId: 'rec1' } }, at(1000));
    await eventLoopTurn();
    expect(recordsInMainFile(file)).toBe(base);
    journal.append('t1', answered('rec1'), at(2000));
    journal.append('t1', answered('rec2'), at(3000));
    await eventLoopTurn();
    expect(recordsInMainFile(file)).toBe(base + 4); // opened, focusLost and the two answers
  });

  it('closing with a checkpoint pending neither throws nor loses the answer', async () => {
    const file = tempJournalFile('idle-checkpoint-');
    const journal = AnswerJournal.open({ file });
    testWithPackage(journal, 't1', 4);
    journal.append('t1', opened, at());
    journal.append('t1', answered('rec1'), at(60_000));
    journal.close();
    await eventLoopTurn();
    const again = AnswerJournal.open({ file });
    open.push(again);
    expect(again.records('t1')).toHaveLength(2);
  });
});
