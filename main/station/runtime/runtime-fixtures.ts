// Test helpers for the exam runtime: a package, a fake server, a fake sealer, a fake monotonic clock,
// and a runtime wired to a real journal file in a temporary folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SignInRequest, StationEvent } from '../../../core/contracts/station-api.ts';
import type { JoinResponse } from '../../../core/contracts/station-server.ts';
import type { JournalRecord } from '../../../core/journal/journal-record.ts';
import { canonicalHash, sha256Hex } from '../../../core/hashing/canonical-hash.ts';
import type { TestPackage } from '../../../core/package/test-package.ts';
import { MemoryKeyStore } from '../identity/key-store.ts';
import { loadOrCreateStationKeys } from '../identity/station-keys.ts';
import { AnswerJournal } from '../journal/answer-journal.ts';
import { packageOf } from '../journal/journal-fixtures.ts';
import { createResultSealer } from '../sealing/result-sealer.ts';
import { ExamRuntime } from './exam-runtime.ts';
import type { ExamServer, ReplicatedTest, SealInput, Sealer, ServerResult } from './ports.ts';

export const MIN = 60_000;

/** The journal fixtures' package, with one timed or focused challenge and extra time when asked. */
export function testPackage(
  options: { count?: number; extraTime?: number; timedIndex?: number; focusedIndex?: number } = {},
): TestPackage {
  const base = packageOf(options.count ?? 6);
  return {
    ...base,
    candidate: { ...base.candidate, extraTimePercentage: options.extraTime ?? 0 },
    challenges: base.challenges.map((c, i) => {
      if (i === options.timedIndex) return { ...c, timer: 60 };
      if (i === options.focusedIndex) return { ...c, focused: true };
      return c;
    }),
  };
}

export const signIn: SignInRequest = {
  sessionNumber: 1001,
  accessCode: 'BCDF23',
  firstName: 'Léa',
  lastName: 'Martin',
  birthdate: '2011-04-02',
};

export class FakeServer implements ExamServer {
  pkg: TestPackage;
  joinFailure: Extract<ServerResult<never>, { ok: false }> | null = null;
  packageFailure: Extract<ServerResult<never>, { ok: false }> | null = null;
  recordsFailure: Extract<ServerResult<never>, { ok: false }> | null = null;
  /** Join answers `resuming: true` (the candidate began on another station). */
  resuming = false;
  /** The test join answers with (another candidate's test: another id). */
  testId = 'test-1';
  /** What the server replicated of the test (served to a station resuming it). */
  records: JournalRecord[] = [];
  /** The time left the last station's last heartbeat reported (resume elsewhere); null: none. */
  lastTimeLeftMs: number | null = null;
  joins = 0;
  packageFetches = 0;
  recordFetches = 0;
  constructor(pkg: TestPackage) {
    this.pkg = pkg;
  }
  async join(): Promise<ServerResult<JoinResponse>> {
    this.joins += 1;
    if (this.joinFailure) return this.joinFailure;
    return {
      ok: true,
      value: {
        testId: this.testId,
        session: this.pkg.session,
        candidate: this.pkg.candidate,
        resuming: this.resuming,
      },
    };
  }
  async fetchPackage(): Promise<ServerResult<{ package: TestPackage; packageHash: string }>> {
    this.packageFetches += 1;
    if (this.packageFailure) return this.packageFailure;
    return { ok: true, value: { package: this.pkg, packageHash: canonicalHash(this.pkg) } };
  }
  async fetchRecords(): Promise<ServerResult<ReplicatedTest>> {
    this.recordFetches += 1;
    if (this.recordsFailure) return this.recordsFailure;
    return { ok: true, value: { records: this.records, lastTimeLeftMs: this.lastTimeLeftMs } };
  }
}

export function fakeMonotonic(start = 1000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

export interface RuntimeHarness {
  runtime: ExamRuntime;
  journal: AnswerJournal;
  server: FakeServer;
  mono: ReturnType<typeof fakeMonotonic>;
  wall: { now: number };
  sealed: SealInput[];
  events: StationEvent[];
  file: string;
}

/** A runtime on a real journal file; pass `file` to reopen the journal of a previous harness (a relaunch). */
export function runtimeHarness(
  options: {
    pkg?: TestPackage;
    file?: string;
    wallStart?: number;
    enrolled?: boolean;
    log?: (line: string) => void;
    /** The sealer, instead of one that signs nothing (see verifyingSealer). */
    seal?: Sealer;
  } = {},
): RuntimeHarness {
  const file = options.file ?? path.join(mkdtempSync(path.join(tmpdir(), 'runtime-')), 'journal.sqlite');
  const journal = AnswerJournal.open({ file });
  const server = new FakeServer(options.pkg ?? testPackage());
  const mono = fakeMonotonic();
  const wall = { now: options.wallStart ?? Date.parse('2026-11-22T09:00:00Z') };
  const sealed: SealInput[] = [];
  const runtime = new ExamRuntime({
    journal,
    server,
    seal: async (input) => {
      sealed.push(input);
      if (options.seal) return options.seal(input);
      const jws = `sealed.${input.test.testId}.${input.records.length}`;
      return { jws, bundleHash: sha256Hex(jws) };
    },
    station: () => ({
      stationId: 'st-0123456789abcdef0123',
      name: 'Poste 07',
      centreName: 'Collège Jean Moulin',
      enrolled: options.enrolled ?? true,
    }),
    monotonic: mono,
    wallClock: () => wall.now,
    ...(options.log ? { log: options.log } : {}),
  });
  const events: StationEvent[] = [];
  runtime.onEvent((e) => events.push(e));
  return { runtime, journal, server, mono, wall, sealed, events, file };
}

/** The station's real sealer: it refuses a journal the server's bundle verifier would refuse. */
export async function verifyingSealer(): Promise<Sealer> {
  const { keys } = await loadOrCreateStationKeys(new MemoryKeyStore());
  return createResultSealer({ keys, serverClockOffsetMs: () => 0 });
}

/** Advances both clocks, as time passing in the room. */
export function pass(h: RuntimeHarness, ms: number): void {
  h.mono.advance(ms);
  h.wall.now += ms;
}

/** Signs in, accepts the instructions and gets the invigilator's start: the test is in progress. */
export async function startedTest(h: RuntimeHarness): Promise<void> {
  const signed = await h.runtime.signIn(signIn);
  if (!signed.ok) throw new Error(signed.error.message);
  await h.runtime.acceptInstructions();
  await h.runtime.handleCommand({ type: 'authorizeStart', id: 'cmd-start', testId: 'test-1' });
  if (h.runtime.phase !== 'inProgress') throw new Error(`not started: ${h.runtime.phase}`);
}

/** A station that died mid-test, after `answers` answers a minute apart: its records, as replicated. */
export async function recordsOfADeadStation(
  answers: number,
): Promise<{ records: JournalRecord[]; wallAt: number }> {
  const dead = runtimeHarness();
  await startedTest(dead);
  for (let i = 1; i <= answers; i++) {
    pass(dead, MIN);
    await dead.runtime.submitAnswer(`rec${i}`, choice('1'));
  }
  return { records: dead.journal.records('test-1'), wallAt: dead.wall.now };
}

/** A runtime over an existing journal, as a relaunched station builds it (no sealing needed). */
export function relaunchedRuntime(journal: AnswerJournal, count = 48): ExamRuntime {
  return new ExamRuntime({
    journal,
    server: new FakeServer(testPackage({ count })),
    seal: async (input) => {
      const jws = `sealed.${input.test.testId}.${input.records.length}`;
      return { jws, bundleHash: sha256Hex(jws) };
    },
    station: () => ({
      stationId: 'st-0123456789abcdef0123',
      name: 'Poste 07',
      centreName: null,
      enrolled: true,
    }),
  });
}

export const choice = (id: string) => ({ type: 'choice' as const, choice: id });
