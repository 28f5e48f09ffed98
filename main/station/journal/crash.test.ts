// Crash test: a child process answers as fast as it can and reports each committed record; the parent
// kills it with SIGKILL at a random moment, reopens the journal and checks that every reported answer
// is there, every chain verifies and no record is half-written. CRASH_RUNS=200 for the long run.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { JournalRecordSchema } from '../../../core/journal/journal-record.ts';
import { AnswerJournal } from './answer-journal.ts';
import { removeTempJournals, tempJournalFile } from './journal-fixtures.ts';

const RUNS = Math.max(1, Number(process.env.CRASH_RUNS ?? 25));
/** Two children at a time (one per core): each lane has its own journal file. */
const LANES = 2;
const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

interface Killed {
  /** Tests the child created (package stored). */
  tests: string[];
  /** testId → seq → hash of every record the child saw committed. */
  committed: Map<string, Map<number, string>>;
  delayMs: number;
  from: 'loaded' | 'ready';
}

/**
 * Runs the child on `file` and SIGKILLs it `delayMs` after it prints `from` (`loaded`: before the
 * journal is opened, to hit file creation and migrations; `ready`: while it answers).
 */
function runAndKill(file: string, runId: string, from: Killed['from'], delayMs: number): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, file, runId], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!timer && out.split('\n').includes(from)) {
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') {
        reject(new Error(`child ${runId} ended by itself (${signal ?? _code}) before the kill:\n${err}`));
        return;
      }
      const killed: Killed = { tests: [], committed: new Map(), delayMs, from };
      // Only whole lines count: a line is written after its commit, in one write.
      for (const line of out.split('\n').slice(0, -1)) {
        const [what, testId, seq, hash] = line.split(' ');
        if (what === 'test' && testId) killed.tests.push(testId);
        if (what === 'rec' && testId && seq && hash) {
          const records = killed.committed.get(testId) ?? new Map<number, string>();
          records.set(Number(seq), hash);
          killed.committed.set(testId, records);
        }
      }
      resolve(killed);
    });
  });
}

/** Row counts for one test, read on a separate connection. */
function tableCounts(file: string, testId: string) {
  const db = new Database(file, { readonly: true });
  const countOf = (table: string) =>
    Number(db.prepare(`SELECT count(*) FROM ${table} WHERE test_id = ?`).pluck().get(testId));
  const counts = {
    outbox: countOf('outbox'),
    answers: countOf('answers'),
    challenges: countOf('challenges'),
  };
  db.close();
  return counts;
}

function testsOfRun(file: string, runId: string): string[] {
  const db = new Database(file, { readonly: true });
  const ids = db
    .prepare('SELECT test_id FROM tests WHERE test_id LIKE ?')
    .pluck()
    .all(`${runId}-%`)
    .map(String);
  db.close();
  return ids;
}

/** Everything the child reported is stored, and nothing half-written exists. */
function checkAfterCrash(file: string, runId: string, killed: Killed): number {
  const where = `run ${runId} (killed ${killed.delayMs} ms after "${killed.from}")`;
  const journal = AnswerJournal.open({ file });
  try {
    for (const testId of killed.tests) expect(journal.package(testId), where).not.toBeNull();
    for (const [testId, reported] of killed.committed) {
      const stored = new Map(journal.records(testId).map((r) => [r.seq, r.hash]));
      for (const [seq, hash] of reported) expect(stored.get(seq), `${where}: ${testId} #${seq}`).toBe(hash);
    }
    let records = 0;
    for (const testId of testsOfRun(file, runId)) {
      expect(journal.verify(testId), `${where}: ${testId}`).toMatchObject({ ok: true });
      const list = journal.records(testId);
      for (const record of list) JournalRecordSchema.parse(record);
      // At most one record committed after the last report (killed between commit and report).
      const reported = killed.committed.get(testId)?.size ?? 0;
      expect(list.length - reported, `${where}: ${testId}`).toBeGreaterThanOrEqual(0);
      expect(list.length - reported, `${where}: ${testId}`).toBeLessThanOrEqual(1);
      // Record, outbox row and answer row commit together or not at all.
      const counts = tableCounts(file, testId);
      expect(counts.outbox, `${where}: ${testId} outbox`).toBe(list.length);
      expect(counts.answers, `${where}: ${testId} answers`).toBe(
        list.filter((r) => r.kind === 'answered').length,
      );
      if (list.length > 0) expect(counts.challenges, `${where}: ${testId}`).toBe(48);
      records += list.length;
    }
    return records;
  } finally {
    journal.close();
  }
}

afterAll(removeTempJournals);

describe('crash', () => {
  it(
    `loses no committed answer over ${RUNS} SIGKILLs at random moments`,
    async () => {
      const lanes = Array.from({ length: LANES }, () => tempJournalFile('journal-crash-'));
      let checkedRecords = 0;
      let next = 0;
      const lane = async (laneIndex: number) => {
        for (let run = next++; run < RUNS; run = next++) {
          const runId = `run${run}`;
          // Every eighth run starts a brand-new file and is killed while opening it.
          const opening = run % 8 === 7;
          const file = opening ? tempJournalFile('journal-crash-new-') : (lanes[laneIndex] ?? '');
          const delayMs = opening ? Math.floor(Math.random() * 8) : 2 + Math.floor(Math.random() * 149);
          const killed = await runAndKill(file, runId, opening ? 'loaded' : 'ready', delayMs);
          checkedRecords += checkAfterCrash(file, runId, killed);
        }
      };
      await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)));
      // The kills landed while answers were being written, not only before.
      expect(checkedRecords).toBeGreaterThan(RUNS);
    },
    20_000 + RUNS * 1_500,
  );
});
