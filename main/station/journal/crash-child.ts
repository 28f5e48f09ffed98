// Child process for crash.test.ts: writes to a journal as fast as it can and reports on stdout each
// record the journal has committed, until the parent kills it with SIGKILL. Run with plain Node 24
// (types are stripped): `node crash-child.ts <journal file> <run id>`.
import { AnswerJournal } from './answer-journal.ts';
import { answered, opened, testWithPackage } from './journal-fixtures.ts';

const [file, runId] = process.argv.slice(2);
if (!file || !runId) throw new Error('usage: crash-child.ts <journal file> <run id>');

/** One line per fact; stdout on a pipe is synchronous on Linux, so a reported line is never lost. */
const report = (line: string) => process.stdout.write(`${line}\n`);

// Never outlive a parent that forgot us.
const deadline = Date.now() + 30_000;

report('loaded');
const journal = AnswerJournal.open({ file });
report('ready');

for (let t = 0; Date.now() < deadline; t++) {
  const testId = `${runId}-t${t}`;
  testWithPackage(journal, testId, 48);
  report(`test ${testId}`);
  let elapsedMs = 0;
  const first = journal.append(testId, opened, { wallAt: Date.now(), elapsedMs });
  report(`rec ${testId} ${first.seq} ${first.hash}`);
  for (let i = 1; i <= 48; i++) {
    elapsedMs += 1000;
    journal.saveDraft(testId, `rec${i}`, { type: 'choice', choice: '2' }, Date.now());
    const record = journal.append(testId, answered(`rec${i}`), { wallAt: Date.now(), elapsedMs });
    report(`rec ${testId} ${record.seq} ${record.hash}`);
    if (i % 4 === 0) journal.checkpointClock(testId, { elapsedMs, wallAt: Date.now() });
  }
}
journal.close();
