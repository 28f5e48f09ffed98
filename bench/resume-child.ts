// Relaunch probe for bench/resume.bench.ts: opens the journal, restores the interrupted test and prints
// where it stands. The parent measures from spawn to this line.
import { canonicalHash } from '../core/hashing/canonical-hash.ts';
import { AnswerJournal } from '../main/station/journal/answer-journal.ts';
import { ExamRuntime } from '../main/station/runtime/exam-runtime.ts';
import { FakeServer, testPackage } from '../main/station/runtime/runtime-fixtures.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: resume-child.ts <journal file>');
const runtime = new ExamRuntime({
  journal: AnswerJournal.open({ file }),
  server: new FakeServer(testPackage({ count: 48 })),
  seal: async () => ({ jws: 'x', bundleHash: canonicalHash('x') }),
  station: () => ({ stationId: 'st-0123456789abcdef0123', name: 'Poste', centreName: null, enrolled: true }),
});
await runtime.restore();
process.stdout.write(
  `${JSON.stringify({ phase: runtime.phase, current: runtime.status().exam.progress?.current })}\n`,
);
process.exit(0);
