// What browsing and the shell's lockdown events may add to a test's journal, so that the test can
// always be sealed. The sealed result must pass the verifier the server shares (core/bundle): a JWS of
// at most MAX_BUNDLE_LENGTH characters (8 MiB) holding at most MAX_BUNDLE_RECORDS records (20,000);
// the station checks its own bundle and a journal past either limit could never be sealed nor sent.
//
// Every record kind but two is bounded by the test itself: one answer or skip and one focus loss per
// challenge (48 at most), and a few dozen records that each take an invigilator's action (start,
// pauses, unlocks, alerts, time added, resumes, the end; a lockdown event that pauses the test waits
// for an unlock too, and is written outside the budget). Browsing (every page, every in-page address,
// every blocked frame) and lockdown events (focus, displays, processes) are not: a page can change its
// address in a loop, a window manager can flap the focus for an hour. Those two are budgeted here:
// - each is journaled shortened (addresses to MAX_JOURNALED_URL characters, rules to
//   MAX_JOURNALED_RULE, with a marker saying how much was cut), and counted up to a cap per test;
// - a record is admitted only while the journal, plus the worst case of everything the test may still
//   write, stays under a target set well below the verifier's limits;
// - what is left out is counted, written to the station log when it starts, and said in one record
//   per kind just before the test's `ended` record; the counts are kept in the journal (at most a
//   second late: exam-runtime.ts), so that a relaunch says those before it too.
//
// The computation (bytes of UTF-8 JSON, as the sealer signs them; result-sealer.ts):
// - the JWS is base64url(header).base64url(payload).signature: 8 MiB of JWS hold a payload of
//   (8,388,608 − 1,024 for header, dots and signature) × 3/4 = 6,290,688 bytes (PAYLOAD_LIMIT_BYTES);
// - the budget aims at TARGET_PAYLOAD_BYTES = 3/4 of that, 4,718,016 bytes (a JWS of 6.3 MB at most),
//   and at TARGET_RECORDS = 15,000 records: a 25 % margin on both limits;
// - the reserve for what the test may still write is counted at its worst, from the test's package:
//   per challenge not yet done, its answer record with every text field at its 2,000-character maximum
//   in characters JSON writes as six bytes each (\u0001), plus its focus-loss record; plus
//   RESERVED_OTHER_RECORDS (200) records of the largest kind an invigilator's action writes or follows
//   (worstOtherBytes: the larger of a pause with a 500-character reason, likewise escaped, 3,697 bytes,
//   and a lockdown event that pauses the test, its 500-character sentence and its largest facts, a
//   program's 80-character name and three 100-character processes, likewise escaped: 5,670 bytes) for
//   the start, pauses, alerts, time added, resumes and the end; plus 11 records saying what was left
//   out (455 bytes, their facts included), and 4 kB for the payload's other fields (bytes for a test id
//   of 6 characters; the code computes them for the real one);
// - a full test of 48 challenges with 3 text fields each (the bank's largest) reserves at the start
//   48 × 36,806 + 200 × 5,670 + 11 × 455 + 4,096 ≈ 2.91 MB (the same is assumed before the package is
//   known), which leaves browsing and lockdown events 1.80 MB: lockdown records take at most
//   LOCKDOWN_BYTES_PER_TEST (640 kB), navigations the rest, some 710 at the longest (1,622 bytes) or
//   3,100 at an ordinary length (~370 bytes). As the candidate answers, the answers' real size replaces
//   their reserve (almost always far smaller) and browsing may use what is left, up to its cap (4,000);
// - worst case, the sealed payload is the target plus what was written beyond the reserve after the
//   budget ran out: more than 200 records of invigilator actions and locks in one test, each at most
//   5.7 kB (a lock and its unlock write three: the lockdown, the pause, the unpause, ~9.6 kB), which the
//   margin absorbs (1.57 MB: 270 such records, some 160 worst-case locks beyond the reserve; more would
//   pass the bundle's limit, a test no room has seen). Records: 4,000 + 1,000 (the caps) + 96 + 200 +
//   11 is far under 15,000. journal-budget.test.ts drives this worst case (lockdown records with their
//   largest facts, pausing ones included, and 500 invigilator records) and seals it with the real
//   sealer: 4.9 MB of payload, a JWS of 6.5 MB.
import type { PackagedChallenge } from '../../../core/challenge/challenge.ts';
import { MAX_FIELD_LENGTH } from '../../../core/challenge/answer.ts';
import { MAX_BUNDLE_RECORDS } from '../../../core/bundle/result-bundle.ts';
import { MAX_BUNDLE_LENGTH } from '../../../core/bundle/verify-bundle.ts';
import type { JournalRecord, RecordBody } from '../../../core/journal/journal-record.ts';
import {
  FACTS_OF_EVENT,
  MAX_AWAY_MS,
  MAX_CRASH_REASON,
  MAX_CRASH_WINDOW_MS,
  MAX_CRASHES,
  MAX_DISPLAY_LABEL,
  MAX_DISPLAY_SIDE,
  MAX_EXECUTABLE_NAME,
  MAX_EXECUTABLES,
  MAX_OMITTED,
  MAX_PROGRAM_NAME,
  MIN_EXIT_CODE,
  PROGRAM_CATEGORIES,
  type LockdownFacts,
  type LockdownFactsType,
} from '../../../core/journal/lockdown-facts.ts';
import { LOCKDOWN_EVENTS } from '../../../core/journal/journal-record.ts';
import { MAX_CHALLENGES_PER_TEST, type TestPackage } from '../../../core/package/test-package.ts';

/** Header, dots and signature of the compact JWS, generously. */
const JWS_OVERHEAD = 1024;
export const PAYLOAD_LIMIT_BYTES = Math.floor(((MAX_BUNDLE_LENGTH - JWS_OVERHEAD) * 3) / 4);
export const TARGET_PAYLOAD_BYTES = Math.floor((PAYLOAD_LIMIT_BYTES * 3) / 4);
export const TARGET_RECORDS = Math.floor((MAX_BUNDLE_RECORDS * 3) / 4);
/** The payload's fields beside its records (ids, hashes, clock, dates), generously. */
const PAYLOAD_FIELDS_BYTES = 4096;

/** Journaled addresses and rules are cut to this many characters, marker included. */
export const MAX_JOURNALED_URL = 1024;
export const MAX_JOURNALED_RULE = 300;
/** A lockdown record's sentence is cut to this many characters (the record takes 500). */
export const MAX_LOCKDOWN_DETAIL = 500;
/** At most this many navigation records, and lockdown records that do not pause the test, per test. */
export const NAVIGATIONS_PER_TEST = 4000;
export const LOCKDOWNS_PER_TEST = 1000;
/** Lockdown records may take this many bytes at most: a flapping focus never crowds browsing out. */
export const LOCKDOWN_BYTES_PER_TEST = 640_000;
/** Records kept in reserve for the start, pauses, alerts, time added, resumes and the end. */
export const RESERVED_OTHER_RECORDS = 200;
/** At most one record says how many navigations were left out, and one per lockdown event. */
const SUMMARY_RECORDS = 11;

/** JSON writes a control character as six bytes (\u0001): the most any character can take. */
const WORST_CHARACTER = '\u0001';
const worstText = (length: number) => WORST_CHARACTER.repeat(length);

export type BudgetedKind = 'navigation' | 'lockdown';

/** What a test's journal holds so far: what the budget is checked against. */
export interface JournalUsage {
  records: number;
  /** UTF-8 bytes of the records as the sealed payload holds them (JSON, with their commas). */
  bytes: number;
  navigations: number;
  /** Lockdown records, those that paused the test included (they count against nothing else). */
  lockdowns: number;
  lockdownBytes: number;
}

export function emptyUsage(): JournalUsage {
  return { records: 0, bytes: 0, navigations: 0, lockdowns: 0, lockdownBytes: 0 };
}

/** Adds one appended (or imported) record to `usage`. */
export function addToUsage(usage: JournalUsage, record: JournalRecord): void {
  const bytes = jsonBytes(record) + 1;
  usage.records += 1;
  usage.bytes += bytes;
  if (record.kind === 'navigation') usage.navigations += 1;
  else if (record.kind === 'lockdown') {
    usage.lockdowns += 1;
    usage.lockdownBytes += bytes;
  }
}

export function usageOf(records: readonly JournalRecord[]): JournalUsage {
  const usage = emptyUsage();
  for (const record of records) addToUsage(usage, record);
  return usage;
}

/**
 * `text` cut to `max` characters, its end replaced by a marker that says how many were cut
 * (« …[+1234] »); unchanged when it fits. Never splits a surrogate pair.
 */
export function shortenForJournal(text: string, max: number): string {
  if (text.length <= max) return text;
  const marker = (keep: number) => `…[+${text.length - keep}]`.length;
  // The marker's length depends on how much is cut: settle it (it only shrinks, so this ends).
  let markerLength = marker(0);
  let keep = Math.max(0, max - markerLength);
  while (marker(keep) < markerLength) {
    markerLength = marker(keep);
    keep = Math.max(0, max - markerLength);
  }
  const last = text.charCodeAt(keep - 1);
  if (keep > 0 && last >= 0xd800 && last <= 0xdbff) keep -= 1;
  return `${text.slice(0, keep)}…[+${text.length - keep}]`;
}

/**
 * The worst size of a record of `testId` with this body, once appended (seq, times and hashes at their
 * longest).
 */
export function plannedRecordBytes(testId: string, body: RecordBody): number {
  return (
    jsonBytes({
      testId,
      seq: MAX_BUNDLE_RECORDS * 10,
      wallAt: 9_999_999_999_999,
      elapsedMs: 99_999_999_999,
      prevHash: 'f'.repeat(64),
      hash: 'f'.repeat(64),
      ...body,
    }) + 1
  );
}

type ChallengeShape = Pick<PackagedChallenge, 'id' | 'type' | 'choices' | 'fields'>;

/** The worst answer (or skip) record of a challenge, and its focus-loss record. */
export function worstChallengeBytes(testId: string, challenge: ChallengeShape): number {
  const answered = plannedRecordBytes(testId, {
    kind: 'answered',
    payload: {
      challengeId: challenge.id,
      value: worstAnswerValue(challenge),
      timeSpentMs: 99_999_999_999,
      timedOut: false,
      focusedOut: false,
    },
  });
  const focusLost = plannedRecordBytes(testId, { kind: 'focusLost', payload: { challengeId: challenge.id } });
  return answered + focusLost;
}

function worstAnswerValue(challenge: ChallengeShape) {
  switch (challenge.type) {
    case 'QCU':
      return { type: 'choice' as const, choice: 'x'.repeat(8) };
    case 'QCM':
      return {
        type: 'choices' as const,
        choices: Array.from({ length: Math.min(50, challenge.choices?.length ?? 50) }, () => 'x'.repeat(8)),
      };
    default:
      return {
        type: 'fields' as const,
        fields: Object.fromEntries(
          (challenge.fields ?? []).map((field) => [field.name, worstText(MAX_FIELD_LENGTH)]),
        ),
      };
  }
}

/** The largest facts of each type: every text at its longest in the costliest characters. */
const WORST_FACTS: { [T in LockdownFactsType]: Extract<LockdownFacts, { type: T }> } = {
  program: {
    type: 'program',
    name: worstText(MAX_PROGRAM_NAME),
    category: [...PROGRAM_CATEGORIES].sort((a, b) => b.length - a.length)[0] ?? 'screenSharing',
    executables: Array.from({ length: MAX_EXECUTABLES }, () => worstText(MAX_EXECUTABLE_NAME)),
  },
  display: {
    type: 'display',
    label: worstText(MAX_DISPLAY_LABEL),
    width: MAX_DISPLAY_SIDE,
    height: MAX_DISPLAY_SIDE,
    handling: 'covered',
  },
  crash: {
    type: 'crash',
    process: 'graphics',
    reason: worstText(MAX_CRASH_REASON),
    exitCode: MIN_EXIT_CODE,
    crashes: MAX_CRASHES,
    windowMs: MAX_CRASH_WINDOW_MS,
    restarted: false,
  },
  away: { type: 'away', awayMs: MAX_AWAY_MS - 1 },
  asleep: { type: 'asleep', asleepMs: MAX_AWAY_MS - 1 },
  lastSeen: { type: 'lastSeen', lastSeenAt: MAX_AWAY_MS - 1 },
  omitted: { type: 'omitted', count: MAX_OMITTED },
};

/** The largest lockdown record: the longest sentence, with the largest facts its event may carry. */
export function worstLockdownBytes(testId: string): number {
  return Math.max(
    ...LOCKDOWN_EVENTS.flatMap((event) =>
      FACTS_OF_EVENT[event].map((type) =>
        plannedRecordBytes(testId, {
          kind: 'lockdown',
          payload: { event, detail: worstText(MAX_LOCKDOWN_DETAIL), facts: WORST_FACTS[type] },
        }),
      ),
    ),
  );
}

/**
 * The largest record an invigilator's action may write or follow: a pause with the longest reason, or
 * a lockdown event that pauses the test (written outside the budget: each waits for an unlock).
 */
export function worstOtherBytes(testId: string): number {
  const pause = plannedRecordBytes(testId, {
    kind: 'paused',
    payload: { cause: 'invigilator', reason: worstText(500), authorization: worstText(64) },
  });
  return Math.max(pause, worstLockdownBytes(testId));
}

/** A test's package, unknown before the start: the worst of a full test of the bank's largest answers. */
function unknownPackageBytes(testId: string): number {
  const challenge: ChallengeShape = {
    id: 'x'.repeat(64),
    type: 'QROCM-ind',
    fields: ['a', 'b', 'c'].map((name) => ({ kind: 'text' as const, name: name.repeat(40) })),
  };
  return MAX_CHALLENGES_PER_TEST * worstChallengeBytes(testId, challenge);
}

/**
 * The budget of one test: whether a navigation or lockdown record may still be journaled, given what
 * the journal holds and the worst of what the test may still write.
 */
export class JournalBudget {
  readonly #testId: string;
  /** Worst bytes per challenge of the package, computed once. */
  #perChallenge: Map<string, number> | null = null;
  #packageId: string | null = null;
  /** Worst bytes of one reserved invigilator record and of one summary: computed once. */
  readonly #otherBytes: number;
  readonly #summaryBytes: number;

  constructor(testId: string) {
    this.#testId = testId;
    this.#otherBytes = worstOtherBytes(testId);
    this.#summaryBytes = worstSummaryBytes(testId);
  }

  /** Bytes and records to keep for what the test may still write (`done`: challenges moved past). */
  reserve(pkg: TestPackage | null, done: ReadonlySet<string>): { bytes: number; records: number } {
    const other = RESERVED_OTHER_RECORDS * this.#otherBytes;
    const summaries = SUMMARY_RECORDS * this.#summaryBytes;
    if (!pkg) {
      return {
        bytes: PAYLOAD_FIELDS_BYTES + unknownPackageBytes(this.#testId) + other + summaries,
        records: 2 * MAX_CHALLENGES_PER_TEST + RESERVED_OTHER_RECORDS + SUMMARY_RECORDS,
      };
    }
    const perChallenge = this.#challengeBytes(pkg);
    let bytes = PAYLOAD_FIELDS_BYTES + other + summaries;
    let left = 0;
    for (const [id, worst] of perChallenge) {
      if (done.has(id)) continue;
      bytes += worst;
      left += 1;
    }
    return { bytes, records: 2 * left + RESERVED_OTHER_RECORDS + SUMMARY_RECORDS };
  }

  /** Whether `body` (a navigation, or a lockdown event that does not pause the test) may be journaled. */
  admits(
    usage: JournalUsage,
    body: RecordBody & { kind: BudgetedKind },
    pkg: TestPackage | null,
    done: ReadonlySet<string>,
  ): boolean {
    const count = body.kind === 'navigation' ? usage.navigations : usage.lockdowns;
    const cap = body.kind === 'navigation' ? NAVIGATIONS_PER_TEST : LOCKDOWNS_PER_TEST;
    if (count >= cap) return false;
    const size = plannedRecordBytes(this.#testId, body);
    if (body.kind === 'lockdown' && usage.lockdownBytes + size > LOCKDOWN_BYTES_PER_TEST) return false;
    const reserve = this.reserve(pkg, done);
    if (usage.records + 1 + reserve.records > TARGET_RECORDS) return false;
    return usage.bytes + size + reserve.bytes <= TARGET_PAYLOAD_BYTES;
  }

  #challengeBytes(pkg: TestPackage): Map<string, number> {
    if (this.#perChallenge && this.#packageId === pkg.packageId) return this.#perChallenge;
    this.#perChallenge = new Map(pkg.challenges.map((c) => [c.id, worstChallengeBytes(this.#testId, c)]));
    this.#packageId = pkg.packageId;
    return this.#perChallenge;
  }
}

/** The largest record saying what was left out (of any kind, with the largest count). */
export function worstSummaryBytes(testId: string): number {
  const most = Number.MAX_SAFE_INTEGER;
  return Math.max(
    plannedRecordBytes(testId, {
      kind: 'navigation',
      payload: { url: '', allowed: false, rule: navigationSummary(most) },
    }),
    ...LOCKDOWN_EVENTS.map((event) =>
      plannedRecordBytes(testId, {
        kind: 'lockdown',
        payload: { event, detail: lockdownSummary(most), facts: WORST_FACTS.omitted },
      }),
    ),
  );
}

/** The rule text of the record that says how many navigations were left out (French: for the jury). */
export function navigationSummary(omitted: number): string {
  return `journal : ${omitted} navigation(s) de plus non journalisée(s), la limite de ce test étant atteinte`;
}

/** The detail of the record that says how many lockdown events of one kind were left out. */
export function lockdownSummary(omitted: number): string {
  return `${omitted} événement(s) de plus de ce type non journalisé(s), la limite de ce test étant atteinte.`;
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
