// `npm run server -- audit-test <testId | candidateId>`: regenerates a test from its recorded seed, profile and bank
// snapshot (server/exam/test-audit.ts) and says whether it is the test that was asked. Exit codes: 0 it
// matches, 1 it differs (each difference on its own line), 2 nothing to compare (no such test, no
// package, generated before the bank was kept, a bad id, no database or one that cannot be opened): one
// line, no stack trace.
import { existsSync } from 'node:fs';
import { auditTest, type TestAudit } from '../exam/test-audit.ts';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.ts';
import { describeDatabaseFailure } from './server-cli.ts';

export interface CommandOutcome {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** Test and candidate ids are the server's own (`newId`): letters, digits, `_` and `-`. */
const TEST_ID = /^[A-Za-z0-9_-]{1,64}$/;
const CANDIDATE_PREFIX = 'cnd_';

export async function auditTestCommand(
  dbFile: string,
  testId: string | undefined,
  serverVersion: string,
): Promise<CommandOutcome> {
  const refuse = (message: string): CommandOutcome => ({ exitCode: 2, stdout: '', stderr: `${message}\n` });
  if (!testId)
    return refuse(
      'audit-test needs the id of the test or of its candidate: npm run server -- audit-test <testId | candidateId>',
    );
  if (!TEST_ID.test(testId)) {
    return refuse(`"${testId}" is not a test id (letters, digits, "_" and "-", such as tst_4f9…)`);
  }
  // Opening a missing file would create an empty database: say where it looked instead.
  if (!existsSync(dbFile)) {
    return refuse(
      `no database at ${dbFile}: name it with --db, or its folder with --data-dir (PIX_DATA_DIR)`,
    );
  }
  let store;
  try {
    store = openSqliteStore(dbFile);
  } catch (error) {
    const message = describeDatabaseFailure(error, dbFile, serverVersion);
    if (message === null) throw error;
    // Nothing could be compared: « cannot audit » (2), never « differs » (1), which says the test was altered.
    return { exitCode: 2, stdout: '', stderr: `${message}\n` };
  }
  try {
    // A candidate's id (in the address of the back office's « Dossier du test ») names their one test.
    if (testId.startsWith(CANDIDATE_PREFIX)) {
      const test = await store.tests.getByCandidate(testId);
      if (!test)
        return refuse(`candidate ${testId} has no test in this database (never signed in, or unknown)`);
      return outcomeOf(await auditTest(store, test.id));
    }
    return outcomeOf(await auditTest(store, testId));
  } finally {
    await store.close();
  }
}

function outcomeOf(audit: TestAudit): CommandOutcome {
  switch (audit.verdict) {
    case 'matches':
      return {
        exitCode: 0,
        stdout:
          `test ${audit.testId} matches: regenerated from seed ${audit.seed}, its profile and its bank ` +
          `snapshot ${audit.bankHash.slice(0, 12)} (${audit.bankChallenges} operative challenges, ` +
          `${audit.bankSkills} skills), it asks the same ${audit.asked} challenges in the same order\n`,
        stderr: '',
      };
    case 'differs':
      return {
        exitCode: 1,
        stdout: '',
        stderr:
          `test ${audit.testId} differs from its regeneration:\n` +
          audit.differences.map((d) => `  - ${d}\n`).join(''),
      };
    case 'cannotAudit':
      return { exitCode: 2, stdout: '', stderr: `${audit.reason}\n` };
  }
}
