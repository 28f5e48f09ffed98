// Relaunch probe for bench/resume.bench.ts: opens the journal, restores the interrupted test and prints
// where it stands. The parent measures from spawn to this line.
import { AnswerJournal } from '../main/station/journal/answer-journal.ts';
import { relaunchedRuntime } from '../main/station/runtime/runtime-fixtures.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: resume-child.ts <journal file>');
const runtime = relaunchedRuntime(AnswerJournal.open({ file }));
await runtime.restore();
process.stdout.write(
  `${JSON.stringify({ phase: runtime.phase, current: runtime.status().exam.progress?.current })}\n`,
);
process.exit(0);
