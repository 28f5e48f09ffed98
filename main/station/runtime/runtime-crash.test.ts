// Crash test at the runtime level: a child process sits a test and is killed with SIGKILL at random
// moments; after each kill a fresh runtime must find every answer whose submitAnswer had returned,
// a valid chain, and resume on the right challenge. CRASH_RUNS sets the number of kills.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerJournal } from '../journal/answer-journal.ts';
import { relaunchedRuntime } from './runtime-fixtures.ts';

const RUNS = Number(process.env.CRASH_RUNS ?? 20);
const child = path.join(import.meta.dirname, 'runtime-crash-child.ts');

/**
 * Runs the child until a random moment after it is ready, kills it, and returns what it reported.
 * `delayMs` null: the child is not killed from here (it kills itself, see CRASH_BEFORE_END).
 */
function runAndKill(
  file: string,
  delayMs: number | null,
  env: NodeJS.ProcessEnv = {},
): Promise<{ answered: string[]; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const answered: string[] = [];
    let finished = false;
    let buffer = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const lineText = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (lineText.startsWith('ready') && delayMs !== null) setTimeout(() => proc.kill('SIGKILL'), delayMs);
        if (lineText.startsWith('answered ')) answered.push(lineText.slice(9));
        if (lineText.startsWith('done')) finished = true;
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL' && !finished)
        reject(new Error(`child exited without being killed: ${stderr}`));
      else resolve({ answered, finished });
    });
  });
}

describe(`runtime crash test (${RUNS} kills)`, () => {
  it(
    'never loses a committed answer and resumes on the right challenge',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'runtime-crash-'));
      let file = path.join(dir, 'journal-0.sqlite');
      const committed = new Set<string>();
      let kills = 0;
      let round = 0;
      while (kills < RUNS) {
        const { answered, finished } = await runAndKill(file, Math.floor(Math.random() * 60));
        for (const id of answered) committed.add(id);
        const journal = AnswerJournal.open({ file });
        const stored = new Set(
          journal.records('test-1').flatMap((r) => (r.kind === 'answered' ? [r.payload.challengeId] : [])),
        );
        for (const id of committed)
          expect(stored.has(id), `answer to ${id} lost after kill ${kills}`).toBe(true);
        expect(journal.verify('test-1').ok).toBe(true);
        const runtime = relaunchedRuntime(journal);
        await runtime.restore();
        if (stored.size > 0 && stored.size < 48) {
          expect(runtime.phase).toBe('resumePending');
          expect(runtime.status().exam.progress?.current).toBe(stored.size);
        } else if (stored.size === 48) {
          // Killed after the last answer, maybe before its end was written: the relaunch ends it (a
          // test sealed before the kill is no longer unfinished: the station is at its home).
          expectEndedAfterLastAnswer(journal);
          expect(['idle', 'ended', 'sealed']).toContain(runtime.phase);
        }
        journal.close();
        if (!finished) kills += 1;
        if (finished || stored.size >= 48) {
          // This test is over: start a new journal so that every kill lands mid-test.
          round += 1;
          file = path.join(dir, `journal-${round}.sqlite`);
          committed.clear();
        }
      }
      expect(kills).toBe(RUNS);
    },
    RUNS * 2_000 + 30_000,
  );

  it('ends on relaunch a test killed between its last answer and its end', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'runtime-crash-')), 'journal.sqlite');
    const { answered, finished } = await runAndKill(file, null, { CRASH_BEFORE_END: '1' });
    expect(finished).toBe(false);
    // The last answer was committed, its submitAnswer killed before it returned.
    expect(answered).toHaveLength(47);
    const journal = AnswerJournal.open({ file });
    expect(journal.records('test-1').some((r) => r.kind === 'ended')).toBe(false);
    const runtime = relaunchedRuntime(journal);
    await runtime.restore();
    expectEndedAfterLastAnswer(journal);
    expect(runtime.phase).toBe('sealed');
    journal.close();
  }, 30_000);
});

/** Every answer kept, the test ended as finished (no resume needed), the chain whole. */
function expectEndedAfterLastAnswer(journal: AnswerJournal): void {
  const records = journal.records('test-1');
  expect(records.filter((r) => r.kind === 'answered')).toHaveLength(48);
  expect(records.at(-1)).toMatchObject({ kind: 'ended', payload: { reason: 'finished' } });
  expect(journal.verify('test-1').ok).toBe(true);
}
