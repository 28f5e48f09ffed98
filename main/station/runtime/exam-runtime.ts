// The exam runtime: one candidate at a time, from sign-in to the uploaded result. Every change of
// state is first written to the journal (one committed record), then applied to the in-memory
// progress through the same reducer a relaunch replays, then announced to the screens.
import { randomUUID } from 'node:crypto';
import type { AnswerValue } from '../../../core/challenge/answer.ts';
import type { PackagedChallenge } from '../../../core/challenge/challenge.ts';
import type {
  CurrentChallenge,
  EndReason,
  ExamPhase,
  ExamView,
  MoveOn,
  SignInRequest,
  StationError,
  StationErrorCode,
  StationEvent,
  StationResult,
  StationStatus,
} from '../../../core/contracts/station-api.ts';
import type { HeartbeatRequest, StationCommand } from '../../../core/contracts/station-server.ts';
import {
  MAX_EXAM_TIME_MS,
  type JournalRecord,
  type RecordBody,
} from '../../../core/journal/journal-record.ts';
import { lockdownPayload, MAX_OMITTED, type LockdownFacts } from '../../../core/journal/lockdown-facts.ts';
import { packageAllowedMs, type TestPackage } from '../../../core/package/test-package.ts';
import { ExamClock, systemMonotonicClock, type MonotonicClock } from '../clock/exam-clock.ts';
import { assertMove } from './exam-phase.ts';
import type {
  AppendOptions,
  CommandOutcome,
  ExamJournal,
  ExamServer,
  Navigation,
  OmittedRecords,
  Sealer,
  StationIdentityInfo,
  TestRow,
} from './ports.ts';
import { joinErrorCode } from './ports.ts';
import {
  applyRecord,
  commandApplied,
  currentTimerLeftMs,
  replay,
  type TestProgress,
} from './test-progress.ts';
import { choiceOrder } from './choice-order.ts';
import type { EndSummary, LockdownEvent, NotReadyCode } from '../../../core/contracts/station-api.ts';
import { endSummaryOf, lockEventOf } from './screen-facts.ts';
import {
  addToUsage,
  JournalBudget,
  lockdownSummary,
  MAX_JOURNALED_RULE,
  MAX_JOURNALED_URL,
  MAX_LOCKDOWN_DETAIL,
  navigationSummary,
  shortenForJournal,
  usageOf,
  type JournalUsage,
} from './journal-budget.ts';

export interface ExamRuntimeOptions {
  journal: ExamJournal;
  server: ExamServer;
  seal: Sealer;
  station: () => StationIdentityInfo;
  monotonic?: MonotonicClock;
  wallClock?: () => number;
  /** How long a result is kept after the server acknowledged it. */
  retentionMs?: number;
  /** Called when a result is sealed, so the uploader starts at once. */
  onSealed?: (testId: string) => void;
  /** Called when a record is appended, so the replicator sends it at once. */
  onRecord?: () => void;
  /** Called when the test package is stored, so its attachments are downloaded. */
  onPackageStored?: (testId: string, pkg: TestPackage) => void;
  log?: (message: string) => void;
}

/** An in-progress test: its identity, package and derived progress. */
interface ActiveTest {
  row: TestRow;
  pkg: TestPackage | null;
  progress: TestProgress;
  clock: ExamClock | null;
  /** What the journal holds, and what browsing and lockdown events may still add (journal-budget.ts). */
  usage: JournalUsage;
  budget: JournalBudget;
  /**
   * Navigations and lockdown events the budget left out, said before `ended`; kept in the journal now
   * and then (`omittedUnsaved` until it is), so that a relaunch says those before it too.
   */
  omitted: OmittedRecords;
  omittedUnsaved: boolean;
  /**
   * Lockdown events while a resume from another station waits for the records the server kept: none
   * can be written before them (the import needs an empty journal), so they wait here, in the station
   * log too, and are journaled right after this station's `testOpened`.
   */
  held: { event: LockdownEvent; detail: string; facts?: LockdownFacts; at: number }[];
  /**
   * A resume from another station whose records are imported but whose own records (`testOpened`,
   * then the start or resume) are not all written yet (a write failed): the tick goes on from there.
   */
  resumeImport: { sinceLastRecordMs: number; lastWallAt: number | null; opened: boolean } | null;
  /**
   * A lockdown pause the journal could not take (full disk): the clock is stopped and the station
   * paused all the same. Its records (the lockdown event unless it was written, then `paused`) go in
   * before any other record, or on the next tick that can write them: until then the server does not
   * know of the pause from the journal (only from the heartbeat).
   */
  unwrittenPause: UnwrittenPause | null;
}

interface UnwrittenPause {
  /** The lockdown record, null once written. */
  lockdown: (RecordBody & { kind: 'lockdown' }) | null;
  event: LockdownEvent;
  reason: string;
  /** Wall time of the lock, said in the lockdown record when it is written later. */
  at: number;
  /** A first write failed: the records written now say they are late. */
  late: boolean;
}

function activeTest(
  row: TestRow,
  pkg: TestPackage | null,
  records: readonly JournalRecord[],
  clock: (progress: TestProgress) => ExamClock | null,
  omitted: OmittedRecords = { navigations: 0, lockdowns: new Map() },
): ActiveTest {
  const progress = replay(records);
  return {
    row,
    pkg,
    progress,
    clock: clock(progress),
    usage: usageOf(records),
    budget: new JournalBudget(row.testId),
    omitted,
    omittedUnsaved: false,
    held: [],
    resumeImport: null,
    unwrittenPause: null,
  };
}

const DEFAULT_RETENTION_MS = 7 * 24 * 3600_000;
const CHECKPOINT_EVERY_MS = 1000;
/** How often a download the start or a resume waits for (package, replicated records) is tried again. */
const RETRY_DOWNLOAD_MS = 3000;
/** How often sealing is tried again after a failure (the test stays ended, its journal intact). */
const RETRY_SEAL_MS = 5000;
/** Lockdown events kept while a resume waits for its records; more are only counted and logged. */
const MAX_HELD_LOCKDOWNS = 50;
/**
 * Reports a candidate may withdraw in one test: each costs two records no invigilator action bounds,
 * and the journal budget (journal-budget.ts) counts on few of those.
 */
export const MAX_WITHDRAWN_ALERTS = 10;
/**
 * The invigilator's commands about a test that only its records make applicable: while a resume from
 * another station waits for them (download retried), these are deferred, not ignored (an ignored one
 * is acknowledged and lost: the extra time, the end); the server sends them again until they apply.
 */
const AWAIT_RESUMED_RECORDS: ReadonlySet<StationCommand['type']> = new Set([
  'pause',
  'unlock',
  'addTime',
  'endTest',
  'alertDecision',
]);

type Result<T> = StationResult<T>;
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (code: StationErrorCode, message: string): { ok: false; error: StationError } => ({
  ok: false,
  error: { code, message },
});

export class ExamRuntime {
  readonly #o: Required<Omit<ExamRuntimeOptions, 'onSealed' | 'onRecord' | 'onPackageStored' | 'log'>> &
    Pick<ExamRuntimeOptions, 'onSealed' | 'onRecord' | 'onPackageStored' | 'log'>;
  readonly #listeners = new Set<(event: StationEvent) => void>();
  readonly #heldStartListeners = new Set<(commandId: string) => void>();
  #phase: ExamPhase = 'idle';
  #test: ActiveTest | null = null;
  #online = false;
  #fault: string | null = null;
  /** Monotonic time of the last checkpoint: a wall clock set back must not stop them. */
  #lastCheckpointAt = Number.NEGATIVE_INFINITY;
  /** The last checkpoint failed (logged once until one is written again). */
  #checkpointFailing = false;
  #timerExpiredFor: string | null = null;
  #busy: Promise<unknown> = Promise.resolve();
  #lastUploaded: string | null = null;
  /** A start the invigilator authorized that waits for the package download (retried on tick). */
  #pendingStart: string | null = null;
  /** A resume on this station of a test begun elsewhere, waiting for its download (retried on tick). */
  #pendingResume: string | null = null;
  /** Getting the authorized test ready: its first try under way, or a failed try to be retried. */
  #preparation: 'none' | 'downloading' | 'retrying' = 'none';
  #lastDownloadAttemptAt = Number.NEGATIVE_INFINITY;
  #lastSealAttemptAt = Number.NEGATIVE_INFINITY;
  #lastOmissionSaveAt = Number.NEGATIVE_INFINITY;
  #lastTimeLeft: number | null = null;
  /** The invigilator closed this station: no one signs in any more. */
  #closing = false;
  /** Whose test continues on another station, said on the home until the next sign-in. */
  #movedElsewhere: { firstName: string; lastName: string } | null = null;
  /** Read from the journal once per pause and per ended test: the screens ask for the status often. */
  readonly #lockEvents = new WeakMap<NonNullable<TestProgress['pause']>, LockdownEvent | null>();
  #endSummary: { testId: string; seq: number; summary: EndSummary } | null = null;

  constructor(options: ExamRuntimeOptions) {
    this.#o = {
      monotonic: systemMonotonicClock,
      wallClock: () => Date.now(),
      retentionMs: DEFAULT_RETENTION_MS,
      ...options,
    };
  }

  // ------------------------------------------------------------------ events and status

  onEvent(listener: (event: StationEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Called when the test starts on a start held before (acknowledged `pending`: the candidate was
   * reading the instructions, or its package download failed), with that command's id: the server
   * must hear at once that it was `applied`, as it counts the candidate present by it and the station
   * may die before any record reaches it. A start applied as it came is acknowledged as such already.
   */
  onHeldStartApplied(listener: (commandId: string) => void): () => void {
    this.#heldStartListeners.add(listener);
    return () => this.#heldStartListeners.delete(listener);
  }

  #emit(event: StationEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  #announce(): void {
    this.#emit({ type: 'status', status: this.status() });
  }

  get phase(): ExamPhase {
    return this.#phase;
  }

  get testId(): string | null {
    return this.#test?.row.testId ?? null;
  }

  status(): StationStatus {
    const station = this.#o.station();
    const notReadyReason =
      this.#fault ??
      (this.#closing ? 'le surveillant a fermé ce poste' : null) ??
      (station.enrolled
        ? null
        : station.enrolling
          ? 'ce poste s’inscrit auprès du serveur de certification avec le code de ses réglages'
          : 'ce poste n’est pas encore inscrit auprès du serveur de certification') ??
      (station.refusedByServer
        ? 'le serveur de certification ne connaît pas ce poste ou l’a révoqué : il faut l’inscrire à nouveau'
        : null);
    return {
      station: {
        id: station.stationId,
        name: station.name,
        centreName: station.centreName,
        enrolled: station.enrolled,
        online: this.#online,
        ready: notReadyReason === null,
        notReadyReason,
        notReadyCode: this.#notReadyCode(station),
      },
      exam: this.#examView(),
    };
  }

  /** `notReadyReason` as a code the screens translate (same order of precedence). */
  #notReadyCode(station: StationIdentityInfo): NotReadyCode | null {
    if (this.#fault !== null) return 'stationFault';
    if (this.#closing) return 'closedByInvigilator';
    if (!station.enrolled) return station.enrolling ? 'enrolling' : 'notEnrolled';
    return station.refusedByServer ? 'stationRevoked' : null;
  }

  /** A sealed result the server refused for good is not « being sent »: the screen says so. */
  #uploadView(): ExamView['upload'] {
    if (this.#phase === 'uploaded') return 'uploaded';
    if (this.#phase !== 'sealed' || !this.#test) return 'notStarted';
    return this.#o.journal.serverRefusal(this.#test.row.testId, 'result') ? 'refused' : 'pending';
  }

  /** The pause with what locked the station, so the screen names the cause in the candidate's language. */
  #pauseView(): ExamView['pause'] {
    const t = this.#test;
    const pause = t?.progress.pause;
    if (!t || !pause) return null;
    let lockEvent = pause.cause === 'lockdown' ? this.#lockEvents.get(pause) : null;
    // Not in the journal yet: the event is the one held with the pause.
    if (t.unwrittenPause) lockEvent = t.unwrittenPause.event;
    if (lockEvent === undefined) {
      lockEvent = lockEventOf(this.#o.journal.records(t.row.testId));
      this.#lockEvents.set(pause, lockEvent);
    }
    return { cause: pause.cause, reason: pause.reason, lockEvent };
  }

  #endSummaryView(): EndSummary | null {
    const t = this.#test;
    if (!t?.progress.ended) return null;
    const { testId } = t.row;
    const seq = t.progress.lastSeq;
    if (this.#endSummary?.testId !== testId || this.#endSummary.seq !== seq)
      this.#endSummary = { testId, seq, summary: endSummaryOf(this.#o.journal.records(testId)) };
    return this.#endSummary.summary;
  }

  #examView(): ExamView {
    const t = this.#test;
    const total = t?.pkg?.challenges.length ?? null;
    const clock = t?.clock ?? null;
    return {
      phase: this.#phase,
      candidate: t
        ? {
            firstName: t.row.candidate.firstName,
            lastName: t.row.candidate.lastName,
            extraTimePercentage: t.row.candidate.extraTimePercentage,
            accessibilityAdjustment: t.row.candidate.accessibilityAdjustment,
          }
        : null,
      session: t
        ? {
            number: t.row.session.number,
            centreName: t.row.session.centreName,
            room: t.row.session.room,
            examiner: t.row.session.examiner,
          }
        : null,
      progress:
        t && total !== null
          ? { current: Math.min(this.#currentIndex(), total - 1), answered: t.progress.done.size, total }
          : null,
      timeLeftMs: clock && t?.progress.started ? clock.timeLeftMs() : null,
      allowedMs: clock ? clock.allowedMs() : null,
      pause: this.#pauseView(),
      endReason: t?.progress.ended ?? null,
      alertPending: t?.progress.alert !== null && t?.progress.alert !== undefined,
      alertSent: this.#alertSent(),
      challengeTimerLeftMs: this.#shownTimerLeftMs(),
      currentFocusLost: this.#currentFocusLost(),
      preparation: this.#preparationView(),
      upload: this.#uploadView(),
      movedElsewhere: this.#movedElsewhere,
      endSummary: this.#endSummaryView(),
    };
  }

  /**
   * Only while an authorization waits to be used on this test (held start or resume): a state left
   * from a test that went elsewhere never reaches the next candidate's screen.
   */
  #preparationView(): 'none' | 'downloading' | 'retrying' {
    const pending =
      (this.#phase === 'waiting' && this.#pendingStart !== null) ||
      (this.#phase === 'resumePending' && this.#pendingResume !== null);
    return pending ? this.#preparation : 'none';
  }

  /** A change of the preparation's state is told to the screens at once (the download takes a while). */
  #prepare(state: 'none' | 'downloading' | 'retrying'): void {
    if (state === this.#preparation) return;
    this.#preparation = state;
    this.#announce();
  }

  /** Whether the question shown now was left (its focus lost), as recorded in the journal. */
  #currentFocusLost(): boolean {
    const t = this.#test;
    // Paused too: the question stays on screen (inert), its notice with it.
    if (!t || (this.#phase !== 'inProgress' && this.#phase !== 'paused')) return false;
    const shown = this.#currentPackaged();
    return shown !== null && shown !== undefined && t.progress.focusLost.has(shown.id);
  }

  /** Whether the pending alert's record left the outbox: the server has it, the invigilator sees it. */
  #alertSent(): boolean {
    const t = this.#test;
    if (!t?.progress.alert) return false;
    return !this.#o.journal.awaitsReplication(t.row.testId, t.progress.alert.seq);
  }

  /** The shown challenge's own timer, so the screens re-base on it (after a pause, a dismissed alert). */
  #shownTimerLeftMs(): number | null {
    const t = this.#test;
    if (!t?.pkg || !t.clock || (this.#phase !== 'inProgress' && this.#phase !== 'paused')) return null;
    const challenge = t.pkg.challenges[this.#currentIndex()];
    return challenge?.timer ? currentTimerLeftMs(t.progress, challenge.timer, t.clock.elapsedMs()) : null;
  }

  /**
   * The server stored this test's records (the replicator says so): a pending alert the station could
   * not send is now on the invigilator's screen, and the candidate's screen says so again.
   */
  recordsReplicated(testId: string): void {
    if (this.#test?.row.testId === testId && this.#test.progress.alert) this.#announce();
  }

  /** Something about the station changed (it enrolled): the screens get the new status. */
  stationChanged(): void {
    this.#announce();
  }

  /** Resolves once every state change requested so far is done (before closing the journal). */
  settle(): Promise<void> {
    return this.#serial(() => undefined);
  }

  setOnline(online: boolean): void {
    if (online === this.#online) return;
    this.#online = online;
    this.#emit({ type: 'connection', online });
    this.#announce();
  }

  /** What the heartbeat tells the server about this station. */
  heartbeat(): Omit<HeartbeatRequest, 'stationTime'> {
    const view = this.#examView();
    const added = this.#test?.clock?.addedMs();
    return {
      testId: this.testId,
      phase: view.phase,
      current: view.progress?.current ?? null,
      answered: view.progress?.answered ?? null,
      total: view.progress?.total ?? null,
      timeLeftMs: view.timeLeftMs,
      // The time added this time left counts, read from the same clock: the room then knows when time
      // the invigilator added is confirmed, without guessing when this station applied it. Left out past
      // the contract's bound (a week of added time): the server would refuse every heartbeat with it.
      ...(view.timeLeftMs !== null && added !== undefined && added <= MAX_EXAM_TIME_MS
        ? { addedMs: added }
        : {}),
      alertPending: view.alertPending,
      lastSeq: this.#test?.progress.lastSeq ?? 0,
    };
  }

  // ------------------------------------------------------------------ serialisation

  /** Runs state changes one at a time, in call order: a command and a click never interleave. */
  #serial<T>(work: () => Promise<T> | T): Promise<T> {
    const run = this.#busy.then(work, work);
    this.#busy = run.catch(() => undefined);
    return run;
  }

  // ------------------------------------------------------------------ start-up and resume

  /** On launch: finds an interrupted test and restores it exactly, waiting for "authorize resume". */
  restore(): Promise<StationStatus> {
    return this.#serial(async () => {
      let row = this.#o.journal.unfinishedTest();
      // A resume from another station that never got its records: nothing of value, the candidate
      // signs in again.
      while (row && this.#neverOpenedHere(row.testId)) {
        this.#o.journal.discardTest(row.testId);
        row = this.#o.journal.unfinishedTest();
      }
      if (!row) return this.status();
      const check = this.#o.journal.verify(row.testId);
      if (!check.ok) {
        this.#fault = `le journal de ce poste est endommagé (${check.problem}) : le candidat doit reprendre sur un autre poste`;
        this.#o.log?.(`journal check failed for test ${row.testId}: ${check.problem}`);
        this.#announce();
        return this.status();
      }
      const pkg = this.#o.journal.package(row.testId);
      const checkpoint = this.#o.journal.clockCheckpoint(row.testId);
      const records = this.#o.journal.records(row.testId);
      this.#test = activeTest(
        row,
        pkg,
        records,
        (progress) =>
          pkg
            ? this.#newClock(pkg, progress, Math.max(progress.lastElapsedMs, checkpoint?.elapsedMs ?? 0))
            : null,
        this.#o.journal.omittedRecords(row.testId),
      );
      const { progress } = this.#test;
      const handover = pkg ? this.#o.journal.resumeHandover(row.testId) : null;
      if (handover && pkg) {
        // A resume from another station relaunched after the import, before this station's own
        // `testOpened`: it goes on as it would have, with what the server handed over.
        const imported = records.filter((r) => r.seq <= handover.atSeq);
        this.#test.resumeImport = this.#handOver(this.#test, pkg, imported, handover.timeLeftMs);
        this.#phase = 'resumePending';
      } else if (progress.ended) {
        this.#phase = 'ended';
        await this.#sealSafely();
      } else if (progress.started) {
        this.#phase = 'resumePending';
        // Every challenge done, the end never written (power cut between the last answer and it): the
        // test is over, no resume needed. If it still cannot be written, the resume's tick ends it.
        if (this.#noChallengeLeft()) await this.#endWithNothingLeft();
      } else {
        // Never started: the candidate reads the instructions again, then starts on the presence the
        // invigilator confirmed before the relaunch, if any (acknowledged: never sent again).
        this.#phase = 'signedIn';
        this.#pendingStart = this.#o.journal.heldStartAuthorization(row.testId);
      }
      this.#announce();
      return this.status();
    });
  }

  /**
   * A test without any record, or with only lockdown records: a resume from another station that never
   * got its records (every other journal begins with a `testOpened`). Before the runtime held them, a
   * lockdown event while such a resume waited was written first, and the import was then refused for
   * ever: those records only say what happened while the candidate waited, and go to the log.
   */
  #neverOpenedHere(testId: string): boolean {
    if (this.#o.journal.lastRecord(testId) === null) return true;
    const records = this.#o.journal.records(testId);
    if (!records.every((r) => r.kind === 'lockdown')) return false;
    const events = records.map((r) =>
      r.kind === 'lockdown' ? `${r.payload.event}: ${r.payload.detail}` : r.kind,
    );
    this.#o.log?.(
      `test ${testId} waited for its records from the server and never got them; what was written meanwhile is dropped: ${events.join(' | ')}`,
    );
    return true;
  }

  #newClock(pkg: TestPackage, progress: TestProgress, elapsedMs: number): ExamClock {
    return new ExamClock({
      allowedMs: packageAllowedMs(pkg),
      elapsedMs,
      addedMs: progress.addedMs,
      monotonic: this.#o.monotonic,
    });
  }

  // ------------------------------------------------------------------ candidate actions

  signIn(request: SignInRequest): Promise<Result<StationStatus>> {
    return this.#serial(async () => {
      if (this.#phase !== 'idle')
        return fail('ILLEGAL_TRANSITION', 'a candidate is already signed in on this station');
      this.#preparation = 'none';
      const station = this.#o.station();
      if (!station.enrolled || this.#fault || this.#closing)
        return fail('STATION_NOT_READY', this.status().station.notReadyReason ?? '');
      const joined = await this.#o.server.join(request);
      if (!joined.ok) return fail(joinErrorCode(joined), joined.message);
      const { testId, session, candidate, resuming } = joined.value;
      if (this.#o.journal.movedAt(testId) !== null) {
        // Its beginning is kept here for the jury, under the same test: it cannot be continued here too.
        return fail(
          'CANDIDATE_ALREADY_STARTED',
          'ce test a continué sur un autre poste : le candidat le reprend sur un autre poste que celui-ci',
        );
      }
      if (this.#o.journal.test(testId)) {
        // This station already holds that test (finished here, result kept until its retention ends).
        return fail(
          'CANDIDATE_ALREADY_STARTED',
          'ce test a déjà été passé sur ce poste : prévenez le surveillant',
        );
      }
      const row: TestRow = {
        testId,
        sessionId: session.id,
        candidateId: candidate.id,
        stationId: station.stationId,
        candidate,
        session,
        createdAt: this.#o.wallClock(),
        packageHash: null,
        bundle: null,
        bundleHash: null,
        acknowledgedAt: null,
        purgeAfter: null,
      };
      this.#o.journal.createTest(row);
      this.#test = activeTest(row, null, [], () => null);
      this.#movedElsewhere = null;
      if (resuming) {
        // Begun on another station: the chain continues from the server's copy once the invigilator
        // authorizes the resume (see #resumeFromServer); nothing is written before that.
        this.#move('resumePending');
        return ok(this.status());
      }
      this.#append({
        kind: 'testOpened',
        payload: { sessionId: session.id, candidateId: candidate.id, stationId: station.stationId },
      });
      this.#move('signedIn');
      return ok(this.status());
    });
  }

  cancelSignIn(): Promise<Result<StationStatus>> {
    return this.#serial(() => {
      const t = this.#test;
      const cancellable =
        this.#phase === 'signedIn' ||
        this.#phase === 'waiting' ||
        // A resume from another station whose records are not here yet: nothing written, nothing lost.
        (this.#phase === 'resumePending' && t?.progress.lastSeq === 0);
      if (!t || !cancellable) {
        return fail('ILLEGAL_TRANSITION', 'nothing to cancel: the test has started or no one is signed in');
      }
      this.#o.journal.discardTest(t.row.testId);
      this.#test = null;
      this.#pendingStart = null;
      this.#pendingResume = null;
      this.#preparation = 'none';
      this.#move('idle');
      return ok(this.status());
    });
  }

  acceptInstructions(): Promise<Result<StationStatus>> {
    return this.#serial(async () => {
      const moved = this.#tryMove('waiting');
      if (moved) return moved;
      // The invigilator may confirm presence while the candidate is still reading: start now.
      const pending = this.#pendingStart;
      if (pending) await this.#start(pending);
      return ok(this.status());
    });
  }

  currentChallenge(): Result<CurrentChallenge> {
    const t = this.#test;
    if (!t?.pkg || !t.clock || (this.#phase !== 'inProgress' && this.#phase !== 'paused')) {
      return fail('ILLEGAL_TRANSITION', 'no challenge to show: the test is not in progress');
    }
    const shown = this.#shownChallenge();
    return shown ? ok(shown) : fail('ILLEGAL_TRANSITION', 'the test has no challenge left');
  }

  /** The challenge the screens show now, or null when the test shows none. */
  #shownChallenge(): CurrentChallenge | null {
    const t = this.#test;
    if (!t?.pkg || !t.clock || (this.#phase !== 'inProgress' && this.#phase !== 'paused')) return null;
    const index = this.#currentIndex();
    const challenge = t.pkg.challenges[index];
    if (!challenge) return null;
    return {
      index,
      total: t.pkg.challenges.length,
      challenge,
      choiceOrder: choiceOrder(challenge, `${t.row.testId}:${challenge.id}`),
      draft: this.#o.journal.draft(t.row.testId, challenge.id),
      timerLeftMs: challenge.timer
        ? currentTimerLeftMs(t.progress, challenge.timer, t.clock.elapsedMs())
        : null,
      focusLost: t.progress.focusLost.has(challenge.id),
    };
  }

  saveDraft(challengeId: string, value: AnswerValue): Promise<Result<Record<string, never>>> {
    return this.#serial(() => {
      const current = this.#checkCurrent(challengeId, { allowAlert: true, value });
      if (!current.ok) return current;
      this.#o.journal.saveDraft(current.value.testId, challengeId, value, this.#o.wallClock());
      return ok({});
    });
  }

  /** Stores the answer (committed before this resolves) and says what to show next. */
  submitAnswer(challengeId: string, value: AnswerValue): Promise<Result<MoveOn>> {
    return this.#serial(async () => {
      const current = this.#checkCurrent(challengeId, { value });
      if (!current.ok) return current;
      const { challenge, clock, progress } = current.value;
      const elapsedMs = clock.elapsedMs();
      const timedOut =
        challenge.timer !== undefined && currentTimerLeftMs(progress, challenge.timer, elapsedMs) === 0;
      const stored = this.#appendSafely({
        kind: 'answered',
        payload: {
          challengeId,
          value,
          timeSpentMs: Math.max(0, elapsedMs - progress.currentShownAtMs),
          timedOut,
          focusedOut: challenge.focused && progress.focusLost.has(challengeId),
        },
      });
      if (!stored.ok) return stored;
      return this.#afterChallengeDone();
    });
  }

  skipChallenge(challengeId: string): Promise<Result<MoveOn>> {
    return this.#serial(async () => {
      const current = this.#checkCurrent(challengeId);
      if (!current.ok) return current;
      const { clock, progress } = current.value;
      const stored = this.#appendSafely({
        kind: 'skipped',
        payload: { challengeId, timeSpentMs: Math.max(0, clock.elapsedMs() - progress.currentShownAtMs) },
      });
      if (!stored.ok) return stored;
      return this.#afterChallengeDone();
    });
  }

  reportFocusLost(challengeId: string): Promise<Result<Record<string, never>>> {
    return this.#serial(() => {
      const current = this.#checkCurrent(challengeId, { allowAlert: true });
      if (!current.ok) return current;
      if (current.value.challenge.focused && !current.value.progress.focusLost.has(challengeId)) {
        const stored = this.#appendSafely({ kind: 'focusLost', payload: { challengeId } });
        if (!stored.ok) return stored;
        this.#announce();
      }
      return ok({});
    });
  }

  raiseAlert(challengeId: string): Promise<Result<StationStatus>> {
    return this.#serial(() => {
      const current = this.#checkCurrent(challengeId);
      if (!current.ok) return current;
      const stored = this.#appendSafely({
        kind: 'alertRaised',
        payload: { alertId: randomUUID(), challengeId },
      });
      if (!stored.ok) return stored;
      this.#announce();
      return ok(this.status());
    });
  }

  /**
   * « Annuler mon signalement »: takes back a report whose record never left the outbox, so the
   * invigilator cannot know of it (offline) and the question would stay frozen while the exam clock
   * runs. One the server has is the invigilator's to decide. Recorded: the jury sees it. The question's
   * own timer does not get the frozen time back (test-progress.ts): the candidate chose, no one decided.
   */
  withdrawAlert(challengeId: string): Promise<Result<StationStatus>> {
    return this.#serial(() => {
      const current = this.#checkCurrent(challengeId, { allowAlert: true });
      if (!current.ok) return current;
      const { testId, progress } = current.value;
      const alert = progress.alert;
      if (alert?.challengeId !== challengeId)
        return fail('INVALID_REQUEST', 'no reported problem to withdraw on this challenge');
      if (!this.#o.journal.awaitsReplication(testId, alert.seq))
        return fail('ALERT_PENDING', 'the invigilator has this report: they decide it');
      if (progress.withdrawnAlerts >= MAX_WITHDRAWN_ALERTS)
        return fail(
          'ALERT_PENDING',
          'no more reports can be withdrawn in this test: wait for the invigilator',
        );
      const stored = this.#appendSafely({
        kind: 'alertWithdrawn',
        payload: { alertId: alert.alertId, challengeId },
      });
      if (!stored.ok) return stored;
      this.#announce();
      return ok(this.status());
    });
  }

  finishTest(): Promise<Result<StationStatus>> {
    return this.#serial(async () => {
      if (this.#phase !== 'inProgress') return fail('ILLEGAL_TRANSITION', 'the test is not in progress');
      if (this.#test?.progress.alert)
        return fail('ALERT_PENDING', 'a reported problem is waiting for the invigilator');
      try {
        await this.#end('finished', null);
      } catch (error) {
        // Nothing was recorded: the test and its clock go on, and the candidate may try again.
        this.#o.log?.(`journal append failed: ${errorMessage(error)}`);
        return fail(
          'STORAGE_FAILED',
          'la fin du test n’a pas pu être enregistrée : réessayez, puis prévenez le surveillant',
        );
      }
      return ok(this.status());
    });
  }

  returnHome(): Promise<Result<StationStatus>> {
    return this.#serial(() => {
      const moved = this.#tryMove('idle');
      if (moved) return moved;
      this.#test = null;
      this.#announce();
      return ok(this.status());
    });
  }

  // ------------------------------------------------------------------ invigilator commands

  /** Applies a command from the invigilator; idempotent by command id. */
  handleCommand(command: StationCommand): Promise<CommandOutcome> {
    return this.#serial(async (): Promise<CommandOutcome> => {
      if (command.type === 'closeStation') return this.#close(command.testId);
      const t = this.#test;
      if (!t || command.testId !== t.row.testId) {
        // A test this station gave up before it ever resumed it (the candidate cancelled the sign-in
        // here): not acknowledged, such a command follows the test to the station it goes to next,
        // where the server sends what this one left. One whose test is (or was) here is simply over.
        if (this.#o.journal.test(command.testId) === null)
          return AWAIT_RESUMED_RECORDS.has(command.type) ? 'deferred' : 'ignored';
        return this.#appliedToEarlierTest(command) ? 'applied' : 'ignored';
      }
      // Delivered again (its acknowledgment lost in a relaunch): the server is told the truth at once.
      if (commandApplied(t.progress, command)) return 'applied';
      if (this.#awaitingResumedRecords() && AWAIT_RESUMED_RECORDS.has(command.type)) return 'deferred';
      switch (command.type) {
        case 'authorizeStart':
          if (this.#phase === 'waiting') return (await this.#start(command.id)) ? 'applied' : 'pending';
          if (this.#phase === 'signedIn') {
            this.#holdStart(command.id);
            return 'pending';
          }
          return 'ignored';
        case 'withdrawAuthorization':
          // Presence is consumed when the test starts; before that, forget a confirmation not yet used.
          if (this.#pendingStart === null) return 'ignored';
          this.#holdStart(null);
          return 'applied';
        case 'authorizeResume':
          if (this.#phase !== 'resumePending') return 'ignored';
          if (!t.pkg || t.resumeImport)
            return (await this.#resumeFromServer(command.id)) ? 'applied' : 'pending';
          this.#resume(command.id);
          return 'applied';
        case 'pause':
          if (this.#phase !== 'inProgress' && this.#phase !== 'resumePending') return 'ignored';
          this.#pause('invigilator', command.reason, command.id);
          return 'applied';
        case 'unlock':
          if (this.#phase === 'resumePending' && t.progress.pause) {
            // A pause lifted while the test waits for its resume (both sent before a relaunch): recorded
            // only, the resume the invigilator authorizes then lands on the test going on.
            this.#append({ kind: 'unpaused', payload: { authorization: command.id } });
            this.#announce();
            return 'applied';
          }
          if (this.#phase !== 'paused') return 'ignored';
          this.#unlock(t, command.id);
          return 'applied';
        case 'addTime':
          if (!t.progress.started || t.progress.ended) return 'ignored';
          this.#append({
            kind: 'timeAdded',
            payload: { addedMs: command.addedMs, authorization: command.id },
          });
          t.clock?.addTime(command.addedMs);
          this.#announce();
          return 'applied';
        case 'endTest':
          if (!t.progress.started || t.progress.ended) return 'ignored';
          await this.#end('endedByInvigilator', command.id);
          return 'applied';
        case 'alertDecision': {
          // Decided after the end (time up while frozen): the server keeps the decision for scoring.
          if (t.progress.alert?.alertId !== command.alertId || t.progress.ended) return 'ignored';
          // Also while a resume is pending on this station (after a crash): the alert is in the journal,
          // and the candidate comes back to the decided question (or the next one).
          const { challengeId } = t.progress.alert;
          this.#append({
            kind: 'alertDecided',
            payload: {
              alertId: command.alertId,
              challengeId,
              decision: command.decision,
              reasonCode: command.reasonCode,
            },
          });
          this.#emit({ type: 'alertDecided', challengeId, decision: command.decision });
          if (command.decision === 'validated') await this.#afterChallengeDone();
          else this.#announce();
          return 'applied';
        }
      }
    });
  }

  /**
   * Whether this station's journal shows `command` applied (by its id: a held start the test started
   * on since, acknowledged `pending` then). Reads only: nothing is applied, held or started here.
   */
  showsApplied(command: StationCommand): Promise<boolean> {
    return this.#serial(() => {
      const t = this.#test;
      if (t && command.testId === t.row.testId) return commandApplied(t.progress, command);
      return this.#o.journal.test(command.testId) !== null && this.#appliedToEarlierTest(command);
    });
  }

  /**
   * Whether an earlier test's journal here shows `command` applied: an end seals the test at once, so
   * after a relaunch before its acknowledgment the station no longer holds that test as its own.
   */
  #appliedToEarlierTest(command: StationCommand): boolean {
    try {
      return commandApplied(replay(this.#o.journal.records(command.testId)), command);
    } catch (error) {
      this.#o.log?.(`the journal of test ${command.testId} cannot be read: ${errorMessage(error)}`);
      return false;
    }
  }

  /**
   * The invigilator closes this station: obeyed only while no test is under way on it (no one signed
   * in, or the named test not started or over; someone else's sign-in is never cut short). The station
   * then refuses sign-ins and says it is closing; the sync client stops it once it acknowledged.
   */
  #close(testId: string): CommandOutcome {
    const t = this.#test;
    if (t && (t.row.testId !== testId || (t.progress.started && !t.progress.ended))) {
      this.#o.log?.('the invigilator’s close command was ignored: a test is under way on this station');
      return 'ignored';
    }
    this.#closing = true;
    this.#announce();
    this.#emit({ type: 'stationClosing' });
    return 'applied';
  }

  /**
   * A challenge-browser navigation, allowed or blocked, journaled for the jury while a test is under
   * way (between the start and the end). Returns whether it was recorded.
   */
  recordNavigation(navigation: Navigation): Promise<boolean> {
    return this.#serial(() => {
      const t = this.#test;
      if (!t?.progress.started || t.progress.ended) return false;
      // Shortened and budgeted: no amount of browsing may keep the test from being sealed.
      const body: RecordBody & { kind: 'navigation' } = {
        kind: 'navigation',
        payload: {
          url: shortenForJournal(String(navigation.url), MAX_JOURNALED_URL),
          allowed: navigation.allowed === true,
          rule:
            navigation.rule === null ? null : shortenForJournal(String(navigation.rule), MAX_JOURNALED_RULE),
        },
      };
      if (!t.budget.admits(t.usage, body, t.pkg, t.progress.done)) {
        this.#omit(t, 'navigation');
        return false;
      }
      return this.#appendSafely(body).ok;
    });
  }

  /**
   * A lockdown event (from the shell): recorded for the jury; `lock` also pauses the test. Never
   * rejects (the shell fires it and forgets): what cannot be journaled is logged, and a lock that
   * cannot be journaled (full disk) still stops the exam clock.
   */
  reportLockdown(event: RecordBody & { kind: 'lockdown' }, lock: boolean): Promise<void> {
    // The window lost the focus while a focused question was shown: the page cannot always tell (its
    // focus inside a frame, then Alt+Tab fires no blur there), the shell can. The question shown is
    // the one now, not when the job runs: an answer being stored meanwhile moves on to the next one,
    // which the candidate had not left.
    const shownTest = this.#test;
    const shown =
      event.payload.event === 'focusLost' && this.#phase === 'inProgress' ? this.#currentPackaged() : null;
    const report = this.#serial(() => {
      const t = this.#test;
      if (!t) return;
      // Facts of another event are dropped here, once: never journaled (lockdownPayload).
      const {
        event: kind,
        detail,
        facts,
      } = lockdownPayload(event.payload.event, event.payload.detail, event.payload.facts);
      if (t.progress.ended) {
        // The end screen: the test is over and its journal closed (or about to be, sealed).
        this.#o.log?.(
          `lockdown event after the end of test ${t.row.testId}, not journaled: ${kind}: ${detail}`,
        );
        return;
      }
      if (this.#awaitingResumedRecords()) {
        if (t.held.length < MAX_HELD_LOCKDOWNS)
          t.held.push({ ...lockdownPayload(kind, detail, facts), at: this.#o.wallClock() });
        else this.#omit(t, 'lockdown', kind);
        this.#o.log?.(`lockdown event while the resume waits for its records, journaled after them: ${kind}`);
        return;
      }
      // Marked only if still the current challenge (not answered or skipped since).
      const left = shown && t === shownTest && this.#currentPackaged()?.id === shown.id ? shown : null;
      if (lock && this.#phase === 'inProgress') this.#lockdownPause(t, kind, detail, facts);
      else this.#journalLockdown(t, kind, detail, facts);
      if (left?.focused && !t.progress.focusLost.has(left.id)) this.#recordFocusLost(t, left.id);
      this.#announce();
    });
    return report.catch((error: unknown) => {
      this.#o.log?.(`lockdown event not handled: ${errorMessage(error)}`);
    });
  }

  /**
   * Journals a lockdown event that does not pause the test, within the test's budget. A failure is
   * logged, not thrown.
   */
  #journalLockdown(t: ActiveTest, kind: LockdownEvent, detail: string, facts?: LockdownFacts): void {
    const body: RecordBody & { kind: 'lockdown' } = {
      kind: 'lockdown',
      payload: lockdownPayload(kind, shortenForJournal(detail, MAX_LOCKDOWN_DETAIL), facts),
    };
    if (!t.budget.admits(t.usage, body, t.pkg, t.progress.done)) {
      this.#omit(t, 'lockdown', kind);
      return;
    }
    try {
      this.#append(body);
    } catch (error) {
      this.#o.log?.(`lockdown event not journaled (${kind}): ${errorMessage(error)}`);
    }
  }

  /** Marks the question left (outside the budget: once per challenge); a failure is logged, not thrown. */
  #recordFocusLost(t: ActiveTest, challengeId: string): void {
    try {
      this.#append({ kind: 'focusLost', payload: { challengeId } });
    } catch (error) {
      this.#o.log?.(`focus loss on ${challengeId} not journaled: ${errorMessage(error)}`);
    }
  }

  /**
   * Pauses for a lockdown event: its record, then `paused`, always written (outside the budget: each
   * pause waits for the invigilator's unlock). The clock stops first, whatever the journal does: when
   * the records cannot be written (full disk), the station shows the pause all the same, so that the
   * candidate is not charged for time away from the test, and the records wait (#writeUnwrittenPause,
   * retried on tick and before any other record). Lost if the station is relaunched before: the
   * relaunch asks for the invigilator's resume anyway.
   */
  #lockdownPause(t: ActiveTest, kind: LockdownEvent, detail: string, facts?: LockdownFacts): void {
    const reason = shortenForJournal(detail, MAX_LOCKDOWN_DETAIL);
    t.clock?.stop();
    const pending: UnwrittenPause = {
      lockdown: { kind: 'lockdown', payload: lockdownPayload(kind, reason, facts) },
      event: kind,
      reason,
      at: this.#o.wallClock(),
      late: false,
    };
    t.unwrittenPause = pending;
    try {
      this.#writeUnwrittenPause(t);
    } catch (error) {
      this.#o.log?.(
        `the lockdown pause could not be journaled, paused in memory until it is: ${errorMessage(error)}`,
      );
      pending.late = true;
      t.progress.pause = { cause: 'lockdown', reason };
    }
    this.#move('paused');
  }

  /**
   * Writes the records of a lockdown pause not journaled yet, in their order (the lockdown event, then
   * `paused`); throws when the journal still refuses them, keeping what is left to write.
   */
  #writeUnwrittenPause(t: ActiveTest): void {
    const pending = t.unwrittenPause;
    if (!pending) return;
    if (pending.lockdown) {
      const { event, detail, facts } = pending.lockdown.payload;
      const when = new Date(pending.at).toISOString();
      this.#write(
        t,
        pending.late
          ? {
              kind: 'lockdown',
              payload: lockdownPayload(
                event,
                shortenForJournal(`${detail} (journalisé en retard, survenu à ${when})`, MAX_LOCKDOWN_DETAIL),
                facts,
              ),
            }
          : pending.lockdown,
      );
      pending.lockdown = null;
    }
    this.#write(t, { kind: 'paused', payload: { cause: 'lockdown', reason: pending.reason } });
    t.unwrittenPause = null;
  }

  /** Retries the records of a lockdown pause held in memory; logged once they are written. */
  #retryUnwrittenPause(): void {
    const t = this.#test;
    if (!t?.unwrittenPause) return;
    try {
      this.#writeUnwrittenPause(t);
      this.#o.log?.(`the lockdown pause of test ${t.row.testId} is journaled now`);
    } catch {
      // Logged when the pause began; the next tick tries again.
    }
  }

  /**
   * Lifts a pause and restarts the clock. A lockdown pause still held in memory is written first, then
   * its `unpaused` (the jury sees the pause and who lifted it; the server sees the command applied, and
   * a heartbeat from before the unlock is older than these records). If the journal still refuses them,
   * the unlock is obeyed all the same and neither is written: no `unpaused` without its `paused`, and
   * the candidate is not held by a full disk. A pause already journaled is lifted only by a written
   * `unpaused`: a failure throws, and the command is delivered again.
   */
  #unlock(t: ActiveTest, authorization: string): void {
    try {
      this.#append({ kind: 'unpaused', payload: { authorization } });
    } catch (error) {
      if (!t.unwrittenPause) throw error;
      this.#o.log?.(
        `the lockdown pause of test ${t.row.testId} was never journaled; lifted without a record: ${errorMessage(error)}`,
      );
      t.unwrittenPause = null;
      t.progress.pause = null;
    }
    t.clock?.start();
    this.#move('inProgress');
  }

  /** Counts a navigation or lockdown event the budget left out; the first of each kind is logged. */
  #omit(t: ActiveTest, kind: 'navigation' | 'lockdown', event: LockdownEvent | null = null): void {
    const first = kind === 'navigation' ? t.omitted.navigations === 0 : t.omitted.lockdowns.size === 0;
    if (kind === 'navigation') t.omitted.navigations += 1;
    else if (event) t.omitted.lockdowns.set(event, (t.omitted.lockdowns.get(event) ?? 0) + 1);
    t.omittedUnsaved = true;
    if (first)
      this.#o.log?.(
        `test ${t.row.testId}: its journal budget is reached, further ${kind} records are counted, not journaled`,
      );
  }

  /**
   * Keeps the counts of what the budget left out in the journal, at most once a second: a page in a
   * loop must not cost a synced write per address, and a relaunch loses at most the last second's.
   */
  #saveOmissions(): void {
    const t = this.#test;
    if (!t?.omittedUnsaved) return;
    const now = this.#o.monotonic.now();
    if (now - this.#lastOmissionSaveAt < CHECKPOINT_EVERY_MS) return;
    this.#lastOmissionSaveAt = now;
    try {
      this.#o.journal.saveOmittedRecords(t.row.testId, t.omitted);
      t.omittedUnsaved = false;
    } catch (error) {
      this.#o.log?.(`the count of what the journal left out was not saved: ${errorMessage(error)}`);
    }
  }

  /**
   * Says, just before `ended`, how many navigations and lockdown events the budget left out (since the
   * test began: the counts saved before a relaunch included). Each record takes its count with it.
   */
  #journalOmissions(t: ActiveTest): void {
    try {
      if (t.omitted.navigations > 0) {
        this.#append(
          {
            kind: 'navigation',
            payload: { url: '', allowed: false, rule: navigationSummary(t.omitted.navigations) },
          },
          { saysOmitted: 'navigation' },
        );
        t.omitted.navigations = 0;
      }
      for (const [event, count] of t.omitted.lockdowns) {
        this.#append(
          {
            kind: 'lockdown',
            payload: lockdownPayload(event, lockdownSummary(count), {
              type: 'omitted',
              count: Math.min(count, MAX_OMITTED),
            }),
          },
          { saysOmitted: event },
        );
        t.omitted.lockdowns.delete(event);
      }
    } catch (error) {
      this.#o.log?.(`the count of what the journal left out was not journaled: ${errorMessage(error)}`);
    }
  }

  /** A resume from another station waits for the server's records: nothing may be written before them. */
  #awaitingResumedRecords(): boolean {
    const t = this.#test;
    return this.#phase === 'resumePending' && t !== null && (!t.pkg || t.resumeImport !== null);
  }

  /**
   * The server says this test now continues on another station (the candidate resumed there, or
   * signed in there before the start; it refuses this station's records for it). This station stops it
   * without sealing a result that would compete with the other station's, keeps its journal for the
   * jury until the retention ends (a test that never started is simply forgotten), says so on its home
   * and welcomes the next candidate. A result of an earlier candidate still waiting to be sent is kept
   * the same way, never sent. Returns whether anything changed.
   */
  testMovedElsewhere(testId: string): Promise<boolean> {
    return this.#serial(() => {
      const now = this.#o.wallClock();
      const t = this.#test;
      if (t?.row.testId !== testId) {
        const row = this.#o.journal.test(testId);
        if (!row || row.acknowledgedAt !== null || this.#o.journal.movedAt(testId) !== null) return false;
        this.#o.journal.markMovedElsewhere(testId, now, this.#o.retentionMs);
        this.#o.log?.(`test ${testId} continues on another station: its result is kept here, not sent`);
        return true;
      }
      if (this.#phase === 'idle' || this.#phase === 'uploaded') return false;
      t.clock?.stop();
      if (t.progress.started) this.#o.journal.markMovedElsewhere(testId, now, this.#o.retentionMs);
      else this.#o.journal.discardTest(testId);
      this.#o.log?.(`test ${testId} continues on another station: stopped here, its journal kept`);
      this.#test = null;
      this.#pendingStart = null;
      this.#pendingResume = null;
      this.#preparation = 'none';
      this.#timerExpiredFor = null;
      this.#lastTimeLeft = null;
      this.#movedElsewhere = { firstName: t.row.candidate.firstName, lastName: t.row.candidate.lastName };
      // Not a move of the test's own phases (the test left this station): the home, from any of them.
      this.#phase = 'idle';
      this.#announce();
      return true;
    });
  }

  /** The server acknowledged this result. */
  markUploaded(testId: string): Promise<void> {
    return this.#serial(() => {
      this.#o.journal.acknowledge(testId, this.#o.wallClock(), this.#o.retentionMs);
      this.#lastUploaded = testId;
      if (this.#test?.row.testId === testId && this.#phase === 'sealed') this.#move('uploaded');
    });
  }

  // ------------------------------------------------------------------ time

  /** Called a few times a second: time up, warnings, challenge timers, clock checkpoint. */
  tick(): Promise<void> {
    return this.#serial(async () => {
      this.#retryUnwrittenPause();
      await this.#retryWhatWaits();
      this.#saveOmissions();
      const t = this.#test;
      if (!t?.clock || !t.pkg || this.#phase !== 'inProgress') return;
      this.#checkpoint(t.row.testId, t.clock);
      // An end that could not be written after the last answer: retried here (a failure throws, and
      // the ticker logs it once), before time up, which the candidate did not reach.
      if (this.#noChallengeLeft()) {
        await this.#end('finished', null);
        return;
      }
      if (t.clock.isUp()) {
        await this.#end('timeUp', null);
        return;
      }
      this.#checkWarnings();
      const challenge = t.pkg.challenges[this.#currentIndex()];
      if (challenge?.timer && this.#timerExpiredFor !== challenge.id) {
        if (currentTimerLeftMs(t.progress, challenge.timer, t.clock.elapsedMs()) === 0) {
          this.#timerExpiredFor = challenge.id;
          this.#emit({ type: 'challengeTimerExpired', challengeId: challenge.id });
        }
      }
    });
  }

  /**
   * Writes the clock checkpoint once a second of monotonic time (the wall clock may be set back). A
   * failure is logged, not thrown: time up must still be checked on a full disk.
   */
  #checkpoint(testId: string, clock: ExamClock): void {
    const now = this.#o.monotonic.now();
    if (now - this.#lastCheckpointAt < CHECKPOINT_EVERY_MS) return;
    this.#lastCheckpointAt = now;
    try {
      this.#o.journal.checkpointClock(testId, { elapsedMs: clock.elapsedMs(), wallAt: this.#o.wallClock() });
      this.#checkpointFailing = false;
    } catch (error) {
      if (!this.#checkpointFailing) this.#o.log?.(`clock checkpoint failed: ${errorMessage(error)}`);
      this.#checkpointFailing = true;
    }
  }

  /** Downloads a start or a resume waits for, and a seal that failed, are tried again now and then. */
  async #retryWhatWaits(): Promise<void> {
    // Monotonic: a wall clock set back must not hold the retries off.
    const now = this.#o.monotonic.now();
    if (now - this.#lastDownloadAttemptAt >= RETRY_DOWNLOAD_MS) {
      if (this.#pendingStart && this.#phase === 'waiting') await this.#start(this.#pendingStart);
      else if (this.#pendingResume && this.#phase === 'resumePending')
        await this.#resumeFromServer(this.#pendingResume);
    }
    if (this.#phase === 'ended' && now - this.#lastSealAttemptAt >= RETRY_SEAL_MS) await this.#sealSafely();
  }

  /** Emits the 15- and 5-minute warnings once each, when the time left crosses them. */
  #checkWarnings(): void {
    const clock = this.#test?.clock;
    if (!clock) return;
    const left = clock.timeLeftMs();
    if (this.#lastTimeLeft !== null) {
      for (const minutesLeft of ExamClock.warningsCrossed(this.#lastTimeLeft, left))
        this.#emit({ type: 'timeWarning', minutesLeft });
    }
    this.#lastTimeLeft = left;
  }

  /** Starts a timer that ticks the runtime; returns its stop function. */
  startTicking(everyMs = 250): () => void {
    // A fault that lasts (time up on a full disk) fails every tick: logged when it starts or changes,
    // and when it ends, not four times a second.
    let failing: string | null = null;
    const handle = setInterval(() => {
      this.tick().then(
        () => {
          if (failing !== null) this.#o.log?.('tick works again');
          failing = null;
        },
        (error: unknown) => {
          const message = String(error);
          if (message !== failing) this.#o.log?.(`tick failed: ${message}`);
          failing = message;
        },
      );
    }, everyMs);
    handle.unref?.();
    return () => clearInterval(handle);
  }

  // ------------------------------------------------------------------ internals

  #currentIndex(): number {
    const t = this.#test;
    if (!t?.pkg) return 0;
    const index = t.pkg.challenges.findIndex((c) => !t.progress.done.has(c.id));
    return index === -1 ? t.pkg.challenges.length : index;
  }

  /** The challenge shown now, or null when none is left. */
  #currentPackaged(): PackagedChallenge | null {
    return this.#test?.pkg?.challenges[this.#currentIndex()] ?? null;
  }

  /** A started test that is not ended and has no challenge left (its `ended` not written yet). */
  #noChallengeLeft(): boolean {
    const t = this.#test;
    if (!t?.pkg || !t.progress.started || t.progress.ended) return false;
    return this.#currentIndex() >= t.pkg.challenges.length;
  }

  /**
   * `value`: an answer or draft, refused unless it fits the challenge (its kind, fields, choices and
   * options): the schema bounds each field, not how many, and a journal record too big for the result
   * bundle would leave the test unsealable.
   */
  #checkCurrent(
    challengeId: string,
    options: { allowAlert?: boolean; value?: AnswerValue } = {},
  ): Result<{ testId: string; challenge: PackagedChallenge; clock: ExamClock; progress: TestProgress }> {
    const t = this.#test;
    if (!t?.pkg || !t.clock || this.#phase !== 'inProgress') {
      return fail(
        'ILLEGAL_TRANSITION',
        this.#phase === 'paused' ? 'the test is paused' : 'the test is not in progress',
      );
    }
    if (!t.pkg.challenges.some((c) => c.id === challengeId))
      return fail('UNKNOWN_CHALLENGE', `"${challengeId}" is not in this test`);
    if (t.progress.done.has(challengeId))
      return fail('ALREADY_ANSWERED', 'this challenge is already answered');
    const challenge = t.pkg.challenges[this.#currentIndex()];
    if (!challenge || challenge.id !== challengeId)
      return fail('INVALID_REQUEST', `"${challengeId}" is not the current challenge`);
    if (t.progress.alert && !options.allowAlert)
      return fail('ALERT_PENDING', 'a reported problem is waiting for the invigilator');
    const misfit = options.value ? answerMisfit(challenge, options.value) : null;
    if (misfit) return fail('INVALID_REQUEST', `this answer does not fit the challenge: ${misfit}`);
    return ok({ testId: t.row.testId, challenge, clock: t.clock, progress: t.progress });
  }

  /** The candidate moved past a challenge: the next one, or the end when none is left. */
  async #afterChallengeDone(): Promise<Result<MoveOn>> {
    this.#timerExpiredFor = null;
    if (this.#noChallengeLeft()) await this.#endWithNothingLeft();
    else this.#announce();
    return ok({ status: this.status(), next: this.#shownChallenge() });
  }

  /**
   * Ends a test whose challenges are all done. The answer before is committed: a failed `ended` (full
   * disk, power cut between the two) does not refuse it; logged, and the tick (or the relaunch) retries.
   */
  async #endWithNothingLeft(): Promise<void> {
    try {
      await this.#end('finished', null);
    } catch (error) {
      this.#o.log?.(`the end of the test could not be recorded, tried again shortly: ${errorMessage(error)}`);
      this.#announce();
    }
  }

  /**
   * Holds a start authorization until the test starts on it, in the journal too: the station
   * acknowledged it (`pending`), so the server never sends it again, and a relaunch must still start
   * on it. Not left unacknowledged instead: the room would say « not yet received by the station »
   * while the candidate reads the instructions, and each redelivery would bring back a withdrawn one.
   */
  #holdStart(authorization: string | null): void {
    const t = this.#test;
    if (t && authorization !== this.#pendingStart)
      this.#o.journal.holdStartAuthorization(t.row.testId, authorization);
    this.#pendingStart = authorization;
    if (authorization === null) this.#prepare('none');
  }

  /**
   * Starts the test; false when the package could not be downloaded or the start not written (full
   * disk): the authorization stays held until `started` is committed, and the tick tries again.
   */
  async #start(authorization: string): Promise<boolean> {
    const t = this.#test;
    if (!t) return false;
    // Held already: acknowledged `pending` then, never sent by the server again.
    const held = this.#pendingStart === authorization;
    this.#holdStart(authorization);
    this.#lastDownloadAttemptAt = this.#o.monotonic.now();
    if (this.#phase === 'waiting' && this.#preparation !== 'retrying') this.#prepare('downloading');
    if (!t.pkg) {
      const fetched = await this.#o.server.fetchPackage(t.row.testId);
      if (!fetched.ok) {
        this.#o.log?.(`package download failed: ${fetched.message}`);
        this.#prepare('retrying');
        return false;
      }
      try {
        this.#o.journal.storePackage(t.row.testId, fetched.value.package, fetched.value.packageHash);
      } catch (error) {
        // A package that fails its hash check or is not this candidate's is never stored nor started.
        this.#o.log?.(`the downloaded package was refused: ${errorMessage(error)}`);
        this.#prepare('retrying');
        return false;
      }
      t.pkg = fetched.value.package;
      t.row = { ...t.row, packageHash: fetched.value.packageHash };
      t.clock = this.#newClock(t.pkg, t.progress, 0);
      this.#o.onPackageStored?.(t.row.testId, t.pkg);
    }
    try {
      // Also when the package was stored before a relaunch and its record was not (a power cut between).
      this.#recordPackage();
      if (this.#phase === 'signedIn') this.#move('waiting');
      this.#append({ kind: 'started', payload: { authorization } });
    } catch (error) {
      this.#o.log?.(`the start could not be recorded, tried again shortly: ${errorMessage(error)}`);
      this.#prepare('retrying');
      return false;
    }
    this.#pendingStart = null;
    this.#preparation = 'none';
    t.clock?.start();
    this.#lastTimeLeft = t.clock?.timeLeftMs() ?? null;
    this.#move('inProgress');
    if (held) for (const listener of this.#heldStartListeners) listener(authorization);
    return true;
  }

  #resume(authorization: string, downtimeMs?: number): void {
    const t = this.#test;
    if (!t?.clock) return;
    const checkpoint = this.#o.journal.clockCheckpoint(t.row.testId);
    const downtime = downtimeMs ?? (checkpoint ? Math.max(0, this.#o.wallClock() - checkpoint.wallAt) : 0);
    this.#append({ kind: 'resumed', payload: { authorization, downtimeMs: downtime } });
    this.#lastTimeLeft = t.clock.timeLeftMs();
    if (t.progress.pause) {
      this.#move('paused');
    } else {
      t.clock.start();
      this.#move('inProgress');
    }
  }

  /**
   * The candidate's station died and they continue here: download the package and the records the
   * server replicated, check the chain and import it, then extend the same chain (this station signs
   * the candidate in, then the resume). False when a download or a write failed (retried on tick): the
   * authorization is held until the resume is committed, and an import already done is not redone.
   */
  async #resumeFromServer(authorization: string): Promise<boolean> {
    const t = this.#test;
    if (!t) return false;
    const testId = t.row.testId;
    this.#pendingResume = authorization;
    this.#lastDownloadAttemptAt = this.#o.monotonic.now();
    if (this.#preparation !== 'retrying') this.#prepare('downloading');
    if (!t.resumeImport) {
      const fetched = await this.#o.server.fetchPackage(testId);
      if (!fetched.ok) {
        this.#o.log?.(`package download for the resume failed: ${fetched.message}`);
        this.#prepare('retrying');
        return false;
      }
      const remote = await this.#o.server.fetchRecords(testId);
      if (!remote.ok) {
        this.#o.log?.(`records download for the resume failed: ${remote.message}`);
        this.#prepare('retrying');
        return false;
      }
      let records: JournalRecord[];
      try {
        this.#o.journal.storePackage(testId, fetched.value.package, fetched.value.packageHash);
        // None: the old station applied the start and died before any record of it reached the server.
        // The chain begins here (this station's `testOpened`, then the start on the resume's authority).
        if (remote.value.records.length > 0) {
          // What the server said with them is kept with them: a relaunch before `testOpened` needs it.
          this.#o.journal.importRecords(testId, remote.value.records, {
            timeLeftMs: remote.value.lastTimeLeftMs,
            receivedAt: this.#o.wallClock(),
          });
        }
        records = this.#o.journal.records(testId);
      } catch (error) {
        // A chain that does not verify is never continued: the invigilator sees the resume waiting.
        this.#o.log?.(`the server's records cannot be continued: ${errorMessage(error)}`);
        this.#prepare('retrying');
        return false;
      }
      t.pkg = fetched.value.package;
      t.row = { ...t.row, packageHash: fetched.value.packageHash };
      t.progress = replay(records);
      t.usage = usageOf(records);
      t.resumeImport = this.#handOver(t, t.pkg, records, remote.value.lastTimeLeftMs);
      this.#o.onPackageStored?.(testId, t.pkg);
    }
    try {
      await this.#continueResumed(t, t.resumeImport, authorization);
    } catch (error) {
      this.#o.log?.(`the resume could not be recorded, tried again shortly: ${errorMessage(error)}`);
      this.#prepare('retrying');
      return false;
    }
    this.#pendingResume = null;
    this.#preparation = 'none';
    return true;
  }

  /**
   * The clock of a test handed over by the server, and what this station has left to write: `imported`,
   * the records as the server replicated them, `timeLeftMs` what the old station's last heartbeat
   * reported at the last of them. The records mark answers and events; that heartbeat may have seen the
   * clock run on since (minutes on one question): that time was the candidate's, and is not given back.
   */
  #handOver(
    t: ActiveTest,
    pkg: TestPackage,
    imported: readonly JournalRecord[],
    timeLeftMs: number | null,
  ): NonNullable<ActiveTest['resumeImport']> {
    const atHandover = imported.length === t.progress.lastSeq ? t.progress : replay(imported);
    const sinceLastRecordMs = this.#timeSpentAfterRecords(pkg, atHandover, timeLeftMs);
    const elapsedMs = Math.max(
      t.progress.lastElapsedMs,
      atHandover.lastElapsedMs + sinceLastRecordMs,
      this.#timeRunBeforeStartArrived(pkg, atHandover, timeLeftMs),
    );
    t.clock = this.#newClock(pkg, t.progress, elapsedMs);
    return { sinceLastRecordMs, lastWallAt: imported.at(-1)?.wallAt ?? null, opened: false };
  }

  /** After the import: this station's own records, each written once even when a retry comes back here. */
  async #continueResumed(
    t: ActiveTest,
    imported: NonNullable<ActiveTest['resumeImport']>,
    authorization: string,
  ): Promise<void> {
    if (!imported.opened) {
      const station = this.#o.station();
      this.#append({
        kind: 'testOpened',
        payload: { sessionId: t.row.sessionId, candidateId: t.row.candidateId, stationId: station.stationId },
      });
      imported.opened = true;
    }
    this.#journalHeldLockdowns(t);
    // The server may never have got it (the old station died first, its start known from a heartbeat).
    this.#recordPackage();
    if (t.progress.ended) {
      // It ended over there but was never sealed: seal it here.
      t.resumeImport = null;
      this.#move('ended');
      await this.#sealSafely();
    } else if (!t.progress.started) {
      // Its start never reached the server (the old station died first): the test starts here on the
      // resume's authority, its clock where the old station's heartbeats left it (#handOver; from zero
      // when none said). Nothing the candidate did there is here: every question is answered again.
      this.#append({ kind: 'started', payload: { authorization } });
      t.resumeImport = null;
      t.clock?.start();
      this.#lastTimeLeft = t.clock?.timeLeftMs() ?? null;
      this.#move('inProgress');
    } else {
      // Time between the old station's last heartbeat and now was not the candidate's: recorded, not
      // charged (from the last record, less what the heartbeat showed was spent after it).
      const downtime =
        imported.lastWallAt === null
          ? 0
          : this.#o.wallClock() - imported.lastWallAt - imported.sinceLastRecordMs;
      this.#resume(authorization, Math.max(0, downtime));
      t.resumeImport = null;
    }
  }

  /** The lockdown events held while the resume waited, journaled after this station's `testOpened`. */
  #journalHeldLockdowns(t: ActiveTest): void {
    while (t.held.length > 0) {
      const held = t.held[0];
      if (!held) break;
      const when = new Date(held.at).toISOString();
      const detail = `${held.detail} (pendant l’attente de la reprise, ${when})`;
      const body: RecordBody & { kind: 'lockdown' } = {
        kind: 'lockdown',
        payload: lockdownPayload(held.event, shortenForJournal(detail, MAX_LOCKDOWN_DETAIL), held.facts),
      };
      if (t.budget.admits(t.usage, body, t.pkg, t.progress.done)) this.#append(body);
      else this.#omit(t, 'lockdown', held.event);
      t.held.shift();
    }
  }

  /** Exam time the old station's last heartbeat shows was spent after the last replicated record. */
  #timeSpentAfterRecords(pkg: TestPackage, progress: TestProgress, lastTimeLeftMs: number | null): number {
    if (lastTimeLeftMs === null || !progress.started || progress.ended) return 0;
    const atLastRecord = this.#newClock(pkg, progress, progress.lastElapsedMs).timeLeftMs();
    return Math.max(0, atLastRecord - lastTimeLeftMs);
  }

  /**
   * Exam time the old station's heartbeats show it ran when none of the records handed over is the
   * start (it died before the start arrived): the test starts again here, at the first question, with
   * the time left the server knows. Never the whole time again; the downtime is not charged.
   */
  #timeRunBeforeStartArrived(
    pkg: TestPackage,
    progress: TestProgress,
    lastTimeLeftMs: number | null,
  ): number {
    if (lastTimeLeftMs === null || progress.started) return 0;
    return Math.max(0, this.#newClock(pkg, progress, 0).timeLeftMs() - lastTimeLeftMs);
  }

  /**
   * Writes `packageStored` when the journal lacks it and the package is stored: the sealer's verifier
   * (core/bundle/verify-bundle.ts) refuses a journal without it, so the test could never be sealed.
   * Written before `started`, its place; the package and its record are two commits, and a resume
   * elsewhere may import records that stop before it.
   */
  #recordPackage(): void {
    const t = this.#test;
    if (!t?.pkg || !t.row.packageHash || t.progress.packageStored) return;
    this.#append({
      kind: 'packageStored',
      payload: {
        packageId: t.pkg.packageId,
        packageHash: t.row.packageHash,
        challengeCount: t.pkg.challenges.length,
        allowedMs: packageAllowedMs(t.pkg),
      },
    });
  }

  /** `authorization`: the invigilator's command, recorded so that a second delivery is not applied twice. */
  #pause(cause: 'invigilator' | 'lockdown', reason: string, authorization?: string): void {
    this.#appendStoppingClock({
      kind: 'paused',
      payload: authorization === undefined ? { cause, reason } : { cause, reason, authorization },
    });
    // A test waiting for its resume (after a relaunch) still waits: after a crash only the invigilator's
    // « autoriser la reprise » lets the candidate go on, and that resume lands on the pause (#resume).
    // Moved to `paused` here, an unlock would resume the test without it, and record no downtime.
    if (this.#phase === 'resumePending') this.#announce();
    else this.#move('paused');
  }

  async #end(reason: EndReason, authorization: string | null): Promise<void> {
    if (!this.#test) return;
    this.#journalOmissions(this.#test);
    this.#appendStoppingClock({ kind: 'ended', payload: { reason, authorization } });
    this.#move('ended');
    await this.#sealSafely();
  }

  /** Seals; a failure leaves the test ended (its journal complete) and is tried again on tick. */
  async #sealSafely(): Promise<void> {
    this.#lastSealAttemptAt = this.#o.monotonic.now();
    try {
      await this.#seal();
    } catch (error) {
      this.#o.log?.(`sealing failed: ${errorMessage(error)}`);
    }
  }

  async #seal(): Promise<void> {
    const t = this.#test;
    if (!t?.pkg || !t.row.packageHash || !t.progress.ended) return;
    // A journal an earlier version left without it (started, then a relaunch): late, but the test
    // seals instead of being refused at every attempt, holding the station for ever.
    this.#recordPackage();
    const clock = t.clock;
    const sealed = await this.#o.seal({
      test: {
        testId: t.row.testId,
        sessionId: t.row.sessionId,
        candidateId: t.row.candidateId,
        packageId: t.pkg.packageId,
        packageHash: t.row.packageHash,
        endReason: t.progress.ended,
      },
      records: this.#o.journal.records(t.row.testId),
      clock: {
        allowedMs: clock?.allowedMs() ?? packageAllowedMs(t.pkg),
        elapsedMs: clock?.elapsedMs() ?? t.progress.lastElapsedMs,
        downtimeMs: t.progress.downtimeMs,
        addedMs: t.progress.addedMs,
      },
      sealedAt: new Date(this.#o.wallClock()),
    });
    this.#o.journal.storeBundle(t.row.testId, sealed.jws, sealed.bundleHash);
    this.#move('sealed');
    if (this.#lastUploaded === t.row.testId) this.#move('uploaded');
    this.#o.onSealed?.(t.row.testId);
  }

  /**
   * Appends a record and applies it; the caller has checked it is legal. A lockdown pause held in
   * memory is written first: the chain says the pause before anything that happened during it.
   */
  #append(body: RecordBody, options?: AppendOptions): void {
    const t = this.#test;
    if (!t) throw new Error('no test');
    this.#writeUnwrittenPause(t);
    this.#write(t, body, options);
  }

  #write(t: ActiveTest, body: RecordBody, options?: AppendOptions): void {
    const elapsedMs = t.clock?.elapsedMs() ?? t.progress.lastElapsedMs;
    const record = this.#o.journal.append(
      t.row.testId,
      body,
      { wallAt: this.#o.wallClock(), elapsedMs },
      options,
    );
    applyRecord(t.progress, record);
    addToUsage(t.usage, record);
    this.#o.onRecord?.();
  }

  /**
   * Appends a record that stops the exam clock, stopped first so the record holds the time it froze at.
   * A failed append restarts it and throws: the test goes on as before, and time up can still fire.
   */
  #appendStoppingClock(body: RecordBody): void {
    const clock = this.#test?.clock;
    const wasRunning = clock?.running === true;
    clock?.stop();
    try {
      this.#append(body);
    } catch (error) {
      if (wasRunning) clock?.start();
      throw error;
    }
  }

  /** Like #append, but a storage failure becomes a result the candidate sees (nothing was recorded). */
  #appendSafely(body: RecordBody): Result<true> {
    try {
      this.#append(body);
      return ok(true);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ALREADY_ANSWERED') return fail('ALREADY_ANSWERED', 'this challenge is already answered');
      if (code === 'UNKNOWN_CHALLENGE') return fail('UNKNOWN_CHALLENGE', 'this challenge is not in the test');
      this.#o.log?.(`journal append failed: ${errorMessage(error)}`);
      return fail(
        'STORAGE_FAILED',
        'la réponse n’a pas pu être enregistrée : réessayez, puis prévenez le surveillant',
      );
    }
  }

  #move(to: ExamPhase): void {
    assertMove(this.#phase, to);
    this.#phase = to;
    this.#announce();
  }

  #tryMove(to: ExamPhase): { ok: false; error: StationError } | null {
    try {
      this.#move(to);
      return null;
    } catch (error) {
      return fail('ILLEGAL_TRANSITION', error instanceof Error ? error.message : 'illegal transition');
    }
  }
}

/** Why `value` cannot answer `challenge`, or null when it fits (a field left empty is a draft's right). */
function answerMisfit(challenge: PackagedChallenge, value: AnswerValue): string | null {
  const kind = challenge.type === 'QCU' ? 'choice' : challenge.type === 'QCM' ? 'choices' : 'fields';
  if (value.type !== kind) return `a ${challenge.type} takes "${kind}", not "${value.type}"`;
  const choiceIds = new Set((challenge.choices ?? []).map((c) => c.id));
  if (value.type === 'choice' && !choiceIds.has(value.choice)) return 'the choice is not one of its choices';
  if (value.type === 'choices') {
    if (value.choices.some((id) => !choiceIds.has(id))) return 'a choice is not one of its choices';
    if (new Set(value.choices).size !== value.choices.length) return 'a choice is given twice';
  }
  if (value.type === 'fields') {
    const fields = new Map((challenge.fields ?? []).map((f) => [f.name, f]));
    // Stops at the first stranger: a value with thousands of names costs no more than that.
    for (const [name, text] of Object.entries(value.fields)) {
      const field = fields.get(name);
      if (!field) return `"${name}" is not one of its fields`;
      if (field.kind === 'select' && text !== '' && !field.options.includes(text))
        return `the value of "${name}" is not one of its options`;
    }
  }
  return null;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
