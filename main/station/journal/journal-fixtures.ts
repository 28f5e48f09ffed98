// Test helpers for the answer journal: a valid package, the matching test, records, temp files.
// Shared by the unit tests, the crash child and the benchmark.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toPackagedChallenge } from '../../../core/challenge/challenge.ts';
import type { RecordBody } from '../../../core/journal/journal-record.ts';
import { canonicalHash } from '../../../core/hashing/canonical-hash.ts';
import type { TestPackage } from '../../../core/package/test-package.ts';
import { qcuChallenge } from '../../../core/testing/challenge-fixtures.ts';
import type { AnswerJournal, TestInfo } from './answer-journal.ts';

export const CANDIDATE_ID = 'cand-1';
export const SESSION_ID = 'session-1';
export const STATION_ID = 'st-0123456789abcdef0123';

/** A package of `count` QCU challenges named rec1…recN (48 is a full test). */
export function packageOf(count = 48, packageId = 'pkg-1'): TestPackage {
  return {
    formatVersion: 1,
    packageId,
    generatedAt: '2026-11-22T08:00:00.000Z',
    seed: 42,
    session: {
      id: SESSION_ID,
      number: 1001,
      centreName: 'Collège Jean Moulin',
      room: 'B12',
      examiner: 'Mme Leroy',
    },
    candidate: {
      id: CANDIDATE_ID,
      firstName: 'Léa',
      lastName: 'Martin',
      birthdate: '2011-04-02',
      extraTimePercentage: 0,
      accessibilityAdjustment: false,
    },
    challenges: Array.from({ length: count }, (_, i) =>
      toPackagedChallenge(qcuChallenge({ id: `rec${i + 1}`, skill: `@tube${i + 1}x3`, competence: '1.1' })),
    ),
  };
}

export function testInfo(testId: string, createdAt = 1_700_000_000_000): TestInfo {
  const pkg = packageOf(1);
  return {
    testId,
    sessionId: SESSION_ID,
    candidateId: CANDIDATE_ID,
    stationId: STATION_ID,
    candidate: pkg.candidate,
    session: pkg.session,
    createdAt,
  };
}

export function answered(challengeId: string, choice = '1'): RecordBody {
  return {
    kind: 'answered',
    payload: {
      challengeId,
      value: { type: 'choice', choice },
      timeSpentMs: 12_000,
      timedOut: false,
      focusedOut: false,
    },
  };
}

export function skipped(challengeId: string): RecordBody {
  return { kind: 'skipped', payload: { challengeId, timeSpentMs: 3_000 } };
}

export const opened: RecordBody = {
  kind: 'testOpened',
  payload: { sessionId: SESSION_ID, candidateId: CANDIDATE_ID, stationId: STATION_ID },
};

const tempFolders: string[] = [];

/** A fresh journal path in its own temporary folder. */
export function tempJournalFile(prefix = 'journal-'): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  tempFolders.push(folder);
  return path.join(folder, 'journal.sqlite');
}

/** Deletes the folders made by tempJournalFile in this process (journals must be closed first). */
export function removeTempJournals(): void {
  for (const folder of tempFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** Creates `testId` with a stored package of `count` challenges; returns the package. */
export function testWithPackage(
  journal: AnswerJournal,
  testId: string,
  count = 48,
  createdAt?: number,
): TestPackage {
  const pkg = packageOf(count);
  journal.createTest(testInfo(testId, createdAt));
  journal.storePackage(testId, pkg, canonicalHash(pkg));
  return pkg;
}
