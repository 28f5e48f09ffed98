// Child process for the runtime crash test: sits a 48-challenge test on a real journal, answering as
// fast as it can, and prints "answered <challengeId>" each time submitAnswer has returned. The parent
// kills it with SIGKILL at a random moment. Run with: node runtime-crash-child.ts <journal file>.
// With CRASH_BEFORE_END=1 it dies by itself as it writes `ended`: a power cut between the last answer
// and the end, a moment random kills seldom hit.
import { canonicalHash } from '../../../core/hashing/canonical-hash.ts';
import { AnswerJournal } from '../journal/answer-journal.ts';
import { ExamRuntime } from './exam-runtime.ts';
import { FakeServer, choice, signIn, testPackage } from './runtime-fixtures.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: runtime-crash-child.ts <journal file>');
const journal = AnswerJournal.open({ file });
const pkg = testPackage({ count: 48 });
if (process.env.CRASH_BEFORE_END === '1') {
  const append = journal.append.bind(journal);
  journal.append = (testId, body, at, options) => {
    if (body.kind === 'ended') {
      process.kill(process.pid, 'SIGKILL');
      // Nothing more may be written while the signal lands.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
    }
    return append(testId, body, at, options);
  };
}
const runtime = new ExamRuntime({
  journal,
  server: new FakeServer(pkg),
  seal: async (input) => ({
    jws: `sealed.${input.records.length}`,
    bundleHash: canonicalHash(input.records.length),
  }),
  station: () => ({
    stationId: 'st-0123456789abcdef0123',
    name: 'Poste 07',
    centreName: null,
    enrolled: true,
  }),
});

await runtime.restore();
if (runtime.phase === 'idle') {
  await runtime.signIn(signIn);
  await runtime.acceptInstructions();
  await runtime.handleCommand({ type: 'authorizeStart', id: 'cmd-start', testId: 'test-1' });
} else if (runtime.phase === 'resumePending') {
  await runtime.handleCommand({ type: 'authorizeResume', id: `cmd-resume-${process.pid}`, testId: 'test-1' });
}
process.stdout.write(`ready ${runtime.phase}\n`);
while (runtime.phase === 'inProgress') {
  const current = runtime.currentChallenge();
  if (!current.ok) break;
  const id = current.value.challenge.id;
  await runtime.saveDraft(id, choice('2'));
  const result = await runtime.submitAnswer(id, choice('1'));
  if (!result.ok) throw new Error(result.error.message);
  process.stdout.write(`answered ${id}\n`);
}
process.stdout.write(`done ${runtime.phase}\n`);
