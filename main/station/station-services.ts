// The station's composition root: the one place that wires the plain-Node station services together
// (answer journal, station identity, exam runtime, sealer, sync client, result uploader and refusal
// reporter, attachment store). The Electron main process, the browser harness and the demo all call createStationServices
// and talk to the station through `dispatch` (the StationApi) and `onEvent`; none re-wires it.
//
//   const station = await createStationServices({ dataDir, serverUrl, stationName, machineId,
//     keyStore, browser, attachmentUrl });
//   await station.start();                 // restores an interrupted test, starts the sync loops
//   const result = await station.dispatch('getStatus', {});
//   const stop = station.onEvent((event) => …);
//   await station.enroll('ABCD-1234');     // once per station, with the code the referent gives
//   await station.close();                 // stops every loop, closes the journal
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Attachment } from '../../core/challenge/challenge.ts';
import type { ExamPhase, StationEvent, StationStatus } from '../../core/contracts/station-api.ts';
import { CLOSE_STATION_FRESH_MS, STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import type { StationId, StationPublicJwk } from '../../core/identity/station-id.ts';
import {
  defaultProcessDenyListSetting,
  type ListedProcess,
  type ProcessDenyListSetting,
} from '../../core/lockdown/process-deny-list.ts';
import { AttachmentStore, contentsOf } from './attachments/attachment-store.ts';
import { createAttachmentViewer } from './attachments/attachment-viewer.ts';
import type { MonotonicClock } from './clock/exam-clock.ts';
import { AutoEnrollment, type AutoEnrollmentState } from './identity/auto-enrollment.ts';
import { readEnrollment, sameServer, writeEnrollment, type Enrollment } from './identity/enrollment.ts';
import { FileKeyStore, type KeyStore } from './identity/key-store.ts';
import { loadOrCreateStationKeys } from './identity/station-keys.ts';
import { activityChange } from './lockdown/exam-activity.ts';
import type { LockdownWatch } from './lockdown/lockdown-watch.ts';
import { createProcessLister, processOs } from './lockdown/process-listing.ts';
import { ProcessWatch } from './lockdown/process-watch.ts';
import { runtimeLockdownWatch } from './lockdown/runtime-lockdown.ts';
import type { Platform } from './lockdown/shortcuts.ts';
import { AnswerJournal, type ResultsOfServer } from './journal/answer-journal.ts';
import { DEFAULT_RETENTION_MS, PURGE_EVERY_MS, purgeExpired } from './retention.ts';
import { ExamRuntime } from './runtime/exam-runtime.ts';
import type { Navigation, ServerResult } from './runtime/ports.ts';
import { createResultSealer } from './sealing/result-sealer.ts';
import { createStationDispatcher, type StationDispatch } from './station-dispatcher.ts';
import { createStationHandlers, type ChallengeBrowser, type SelfCheckPort } from './station-handlers.ts';
import { CommandStream } from './sync/command-stream.ts';
import { Heartbeat, HEARTBEAT_EVERY_MS } from './sync/heartbeat.ts';
import { OutboxReplicator } from './sync/outbox-replicator.ts';
import { RefusalReporter } from './sync/refusal-reporter.ts';
import { ResultUploader, type UploadState } from './sync/result-uploader.ts';
import { BackgroundLoop, realSyncTimers, type SyncTimers } from './sync/retry-timing.ts';
import { ServerConnection, type FetchLike } from './sync/server-connection.ts';
import { serverOrigin } from './sync/server-origin.ts';
import { StationAccess, type StationRejection } from './sync/station-access.ts';
import { StationServerClient } from './sync/station-server-client.ts';

export interface StationServicesOptions {
  /** The station's data folder: journal.sqlite, station.json (enrollment), sandbox/ (candidates' files). */
  dataDir: string;
  /** The certification server's base URL, e.g. https://certif.example.org. */
  serverUrl: string;
  /** The name to enroll under ("Poste 07"); once enrolled, the enrolled name is shown. */
  stationName: string;
  /**
   * The settings' enrollment code: from start() until the station is enrolled, it enrolls itself,
   * trying again while the server cannot be reached (identity/auto-enrollment.ts).
   */
  enrollmentCode?: string | null;
  /** Where the private key lives. Default: a 0600 file `<dataDir>/station-key.der` (FileKeyStore). */
  keyStore?: KeyStore;
  /** node-machine-id's value, recorded for IT and never trusted (cloned lab images share it). */
  machineId: string;
  /** The challenge browser (Electron WebContentsView, or the harness's Playwright page). */
  browser: ChallengeBrowser;
  /** Turns a stored attachment file into a URL the renderer can load (app://…, or a harness route). */
  attachmentUrl: (file: string, attachment: Attachment) => string;
  /** Clocks and timers, for tests: wall clock (ms since epoch), monotonic exam clock, sync timers. */
  clocks?: { wall?: () => number; monotonic?: MonotonicClock; timers?: SyncTimers };
  /** HTTP client (default: Node's fetch). */
  fetch?: FetchLike;
  /** How long an acknowledged result stays on the station before it is purged (default 7 days). */
  retentionMs?: number;
  /** Timeout of one ordinary request to the server (default 10 s). */
  requestTimeoutMs?: number;
  /** Heartbeat period (default 2 s). */
  heartbeatEveryMs?: number;
  /** How often the exam runtime ticks (time up, warnings, clock checkpoints; default 250 ms). */
  tickEveryMs?: number;
  /** Where the station reports problems (never secrets, never answers). */
  log?: (message: string) => void;
  /** The host's self-check, for the StationApi's runSelfCheck (issue 8); without it the call is refused. */
  selfCheck?: SelfCheckPort;
  /**
   * The invigilator closed this station from the invigilator screen (no test was under way): the shell
   * quits the app, which closes these services. Without it (plain Node, the browser harness) the
   * services simply stop.
   */
  onCloseRequested?: (reason: string) => void;
  /**
   * The forbidden-process watch, on by default: every 2 s while a test is under way, deny-listed
   * programs are journaled (`lockdown` / `forbiddenProcess`) and shown to the invigilator. `setting`
   * is the centre's `processDenyList` (default: the shipped list, report only); the rest is for tests.
   * `false` turns it off.
   */
  /**
   * The station's lockdown watch, when the shell made it (runtimeLockdownWatch, reporting to these
   * services' runtime); otherwise the services make their own. Forbidden programs are reported through it.
   */
  lockdown?: LockdownWatch;
  processWatch?:
    | false
    | {
        setting?: () => ProcessDenyListSetting;
        platform?: Platform;
        list?: () => Promise<ListedProcess[]>;
        timers?: SyncTimers;
        everyMs?: number;
      };
}

/** Who this station is. */
export interface StationIdentityView {
  stationId: StationId;
  publicKey: StationPublicJwk;
  machineId: string;
  /** The enrolled name, or the configured one before enrollment. */
  name: string;
  /** True when enrolled with this key on this server. */
  enrolled: boolean;
  enrollment: Enrollment | null;
}

export interface SyncState {
  /** The last heartbeat was answered. */
  online: boolean;
  /** Server time minus station time (ms), last measured; null if never measured. */
  serverClockOffsetMs: number | null;
  upload: UploadState;
  /** The server does not know this station or revoked it: nothing is sent until that changes. */
  stationRejection: StationRejection | null;
  /** The last command event applied (the stream resumes after it). */
  lastCommandEventId: string | null;
  /**
   * Tests taken on another server than the one this station points to, whose results wait here: they
   * are sent only once the station points back to `serverUrl` (normalized).
   */
  resultsOfOtherServers: { serverUrl: string; testIds: string[] }[];
}

export interface StationServices {
  /** The exam runtime (state machine); prefer `dispatch` for anything the screens do. */
  readonly runtime: ExamRuntime;
  /** Every StationApi call, validated: `dispatch(method, request)` → StationResult. */
  readonly dispatch: StationDispatch;
  /** Subscribes to StationApi events; returns the unsubscribe function. */
  onEvent(listener: (event: StationEvent) => void): () => void;
  /** Who this station is (changes when it enrolls). */
  readonly identity: StationIdentityView;
  /**
   * Enrolls the station with the code a referent created for the centre: the server learns the
   * station's public key, the station remembers its centre. Safe to call again (re-enrollment).
   * Refused (RESULTS_OF_ANOTHER_SERVER, the server not asked) while results taken on another server
   * than this one wait on the station.
   */
  enroll(enrollmentCode: string): Promise<ServerResult<Enrollment>>;
  /** The enrollment with the settings' code: off (no code), trying, enrolled, refused or stopped. */
  readonly autoEnrollment: AutoEnrollmentState;
  /** Journals a challenge-browser navigation (allowed or blocked) while a test is under way. */
  recordNavigation(navigation: Navigation): Promise<boolean>;
  /** The connection, clock offset, uploads in course. */
  syncState(): SyncState;
  /**
   * The stored file of an attachment or illustration of the current test, by its hash (downloaded
   * again if missing), for the shell's or harness's file route; null when the hash is not one of the
   * test's files or the file cannot be had.
   */
  contentFile(hash: string): Promise<string | null>;
  /** The candidates' files (sandbox folders under `attachments.root`). */
  readonly attachments: AttachmentStore;
  /** The journal file (for support: it is the evidence of every test taken here). */
  readonly journalFile: string;
  /** Restores an interrupted test, then starts ticking and (when enrolled) the sync loops. */
  start(): Promise<StationStatus>;
  /** Stops every loop and closes the journal. The services cannot be started again. */
  close(): Promise<void>;
}

export const JOURNAL_FILE_NAME = 'journal.sqlite';
/** enroll's refusal while results taken on another server wait on the station (the server not asked). */
export const RESULTS_OF_ANOTHER_SERVER = 'RESULTS_OF_ANOTHER_SERVER';
export const ENROLLMENT_FILE_NAME = 'station.json';
export const KEY_FILE_NAME = 'station-key.der';

/**
 * Builds the station. Throws only when the station cannot work at all: its key cannot be read
 * (StationKeyError, KeyStoreLockedError), is missing while results still need it
 * (StationKeyMissingError), or its journal is damaged (JournalCorruptedError, left in place as evidence).
 */
export async function createStationServices(options: StationServicesOptions): Promise<StationServices> {
  const log = options.log ?? (() => {});
  const wall = options.clocks?.wall ?? (() => Date.now());
  const timers = options.clocks?.timers ?? realSyncTimers;
  const dataDir = path.resolve(options.dataDir);
  const enrollmentFile = path.join(dataDir, ENROLLMENT_FILE_NAME);
  const keyStore = options.keyStore ?? new FileKeyStore(path.join(dataDir, KEY_FILE_NAME));

  // The journal first: an empty key store with results still to send is a lost key, not a first run.
  // The data folder is the owner's only (the key store made it so when it came first).
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const journalFile = path.join(dataDir, JOURNAL_FILE_NAME);
  // The tests created from now on belong to this server: their results go nowhere else.
  const origin = serverOrigin(options.serverUrl);
  const journal = AnswerJournal.open({ file: journalFile, serverOrigin: origin });
  let loaded: Awaited<ReturnType<typeof loadOrCreateStationKeys>>;
  try {
    loaded = await loadOrCreateStationKeys(keyStore, {
      unsentTests: () => journal.testsAwaitingResult().length,
    });
  } catch (error) {
    journal.close();
    throw error;
  }
  const { keys, created } = loaded;
  if (created) log(`station key created: this station is ${keys.stationId}`);
  let enrollment = await loadEnrollment(enrollmentFile, log);
  try {
    // Tests from before the journal recorded their server were taken on the one the station is
    // enrolled on (sign-in needs it): they carry on there, wherever the station is pointed later.
    const bound = journal.bindTestsToServer(
      serverOrigin(enrollment?.stationId === keys.stationId ? enrollment.serverUrl : options.serverUrl),
    );
    if (bound > 0) log(`${bound} earlier test(s) bound to the server they were taken on`);
  } catch (error) {
    journal.close();
    throw error;
  }
  const resultsOfOtherServers = () => journal.resultsOfOtherServers(origin);
  // Said at every start, so that IT points the station back to the server those results wait for.
  const waitingAtStart = resultsOfOtherServers();
  if (waitingAtStart.length > 0) log(`station: ${resultsElsewhere(waitingAtStart)}`);
  const isEnrolled = () =>
    enrollment !== null &&
    enrollment.stationId === keys.stationId &&
    sameServer(enrollment.serverUrl, options.serverUrl);

  const connection = new ServerConnection({
    serverUrl: options.serverUrl,
    keys,
    fetch: options.fetch,
    wallClock: wall,
    ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
  });
  const client = new StationServerClient(connection);
  const attachments = new AttachmentStore({
    dataDir,
    download: (hash) => client.downloadAttachment(hash, Number.MAX_SAFE_INTEGER),
    log,
  });
  const inBackground = (work: Promise<unknown>) => {
    work.catch((error: unknown) => log(`station: ${errorMessage(error)}`));
  };

  // The server says a test continues on another station (heartbeat, refused records or result).
  const testElsewhere = (testId: string) => inBackground(runtime.testMovedElsewhere(testId));
  // Late-bound: the runtime's hooks wake loops created after it.
  let replicator: OutboxReplicator | null = null;
  let uploader: ResultUploader | null = null;
  let reporter: RefusalReporter | null = null;
  // Unknown or revoked station: the screens say so, and the loops start again at once when it is lifted.
  const access = new StationAccess({
    now: wall,
    onChange: (rejection) => {
      log(
        rejection
          ? `the server refuses this station: ${rejection.message}`
          : 'the server accepts this station',
      );
      runtime.stationChanged();
      if (rejection) return;
      replicator?.kick();
      uploader?.kick();
      reporter?.kick();
    },
  });
  // Set below, once the runtime it tells of its changes exists; read by the station's status meanwhile.
  let autoEnrollment: AutoEnrollment | null = null;
  const runtime = new ExamRuntime({
    journal,
    server: client,
    seal: createResultSealer({ keys, serverClockOffsetMs: () => connection.clock.offsetMs }),
    station: () => ({
      stationId: keys.stationId,
      name: enrollment && isEnrolled() ? enrollment.name : options.stationName,
      centreName: enrollment && isEnrolled() ? enrollment.centre.name : null,
      enrolled: isEnrolled(),
      enrolling: autoEnrollment?.state.state === 'trying',
      refusedByServer: access.rejection !== null,
    }),
    ...(options.clocks?.monotonic ? { monotonic: options.clocks.monotonic } : {}),
    wallClock: wall,
    retentionMs: options.retentionMs ?? DEFAULT_RETENTION_MS,
    // Right after the answer's reply has left: the candidate's screen waits for it, the server can wait
    // a moment (building, signing and sending the request would otherwise run before the reply).
    onRecord: () => setImmediate(() => replicator?.kick()),
    onSealed: () => uploader?.kick(),
    onPackageStored: (testId, pkg) => inBackground(attachments.downloadAll(testId, pkg)),
    log,
  });
  replicator = new OutboxReplicator({
    journal,
    post: (testId, records) => client.postRecords(testId, records),
    server: origin,
    timers,
    // A pending alert that waited offline is now on the invigilator's screen: the candidate's says so.
    onStored: (testId) => runtime.recordsReplicated(testId),
    onNotYourTest: testElsewhere,
    access,
    wallClock: wall,
    log,
  });
  uploader = new ResultUploader({
    journal,
    upload: (testId, bundle, hash) => client.uploadResult(testId, bundle, hash),
    markUploaded: (testId) => runtime.markUploaded(testId),
    server: origin,
    timers,
    onNotYourTest: testElsewhere,
    // The end screen no longer says « being sent »: it tells the candidate to warn the invigilator,
    // and the server is told, for the invigilator's room.
    onRefused: () => {
      runtime.stationChanged();
      reporter?.kick();
    },
    access,
    wallClock: wall,
    log,
  });
  reporter = new RefusalReporter({
    journal,
    report: (testId, report) => client.reportResultRefusal(testId, report),
    server: origin,
    timers,
    access,
    wallClock: wall,
    log,
  });
  const heartbeat = new Heartbeat({
    send: async (request, timeoutMs) => {
      const result = await client.heartbeat(request, timeoutMs);
      access.observe(result);
      return result;
    },
    runtime,
    clock: connection.clock,
    timers,
    wallClock: wall,
    ...(options.clocks?.monotonic ? { monotonic: options.clocks.monotonic } : {}),
    everyMs: options.heartbeatEveryMs ?? HEARTBEAT_EVERY_MS,
    onOnlineChange: (online) => {
      if (!online) return;
      replicator?.kick();
      uploader?.kick();
      reporter?.kick();
    },
    onTestElsewhere: testElsewhere,
    log,
  });
  const commands = new CommandStream({
    open: async (headers, signal) => {
      const result = await connection.openStream(STATION_API_PATHS.commands, { headers, signal });
      access.observe(result);
      return result;
    },
    acknowledge: (commandId, outcome) => client.acknowledgeCommand(commandId, outcome),
    apply: async (command) => {
      // A close command that waited while the station was off is not obeyed when it starts again.
      if (
        command.type === 'closeStation' &&
        connection.clock.serverNow(wall()) - command.issuedAt > CLOSE_STATION_FRESH_MS
      ) {
        log('an old close command from the invigilator was ignored');
        return 'ignored';
      }
      return runtime.handleCommand(command);
    },
    appliedSince: (command) => runtime.showsApplied(command),
    // Closing waits for the acknowledgment: the server must not send the command again at next start.
    onAcknowledged: (command, outcome) => {
      if (command.type !== 'closeStation' || outcome !== 'applied') return;
      log('the invigilator closed this station');
      if (options.onCloseRequested) options.onCloseRequested('invigilator command');
      else inBackground(services.close());
    },
    timers,
    log,
  });
  // A start held while the candidate read the instructions, now begun: the server is told at once.
  runtime.onHeldStartApplied((commandId) => commands.appliedLater(commandId));
  // A resume that completed on its own retry applies at once what the invigilator decided meanwhile
  // (time added, the end…), without waiting for the server to send it again.
  let phase = runtime.phase;
  runtime.onEvent((event) => {
    if (event.type !== 'status' || runtime.phase === phase) return;
    const wasResuming = phase === 'resumePending';
    phase = runtime.phase;
    if (wasResuming) inBackground(commands.retryDeferred());
  });
  const purger = new BackgroundLoop();
  const processWatch = createProcessWatch(options, runtime, wall, log);
  const viewer = createAttachmentViewer({ store: attachments, attachmentUrl: options.attachmentUrl });
  autoEnrollment = options.enrollmentCode
    ? new AutoEnrollment({
        code: options.enrollmentCode,
        enrolled: isEnrolled,
        enroll: (code) => services.enroll(code),
        timers,
        log,
        onChange: () => runtime.stationChanged(),
      })
    : null;
  const dispatch = createStationDispatcher(
    createStationHandlers(runtime, options.browser, viewer, options.selfCheck),
    (method, error) => log(`station: unexpected failure in ${method}: ${errorMessage(error)}`),
  );

  let started = false;
  let syncing = false;
  let closed = false;
  let stopTicking: (() => void) | null = null;
  const startSync = () => {
    if (syncing || closed || !isEnrolled()) return;
    syncing = true;
    heartbeat.start();
    commands.start();
    replicator?.start();
    uploader?.start();
    reporter?.start();
  };

  const identity = (): StationIdentityView => ({
    stationId: keys.stationId,
    publicKey: keys.publicJwk,
    machineId: options.machineId,
    name: enrollment && isEnrolled() ? enrollment.name : options.stationName,
    enrolled: isEnrolled(),
    enrollment,
  });

  const services: StationServices = {
    runtime,
    dispatch,
    onEvent: (listener) => runtime.onEvent(listener),
    get identity() {
      return identity();
    },
    get autoEnrollment() {
      return autoEnrollment?.state ?? { state: 'off' };
    },
    attachments,
    journalFile,

    async enroll(enrollmentCode) {
      // Enrolled here, the station would no longer be enrolled on the server those results were taken
      // on, and could not be again (a server refuses a second enrollment of an active key): pointed
      // back there, it would send nothing. So not before they are sent. The same server (a revoked
      // station enrolled again with the code issued for it) is not concerned.
      const waiting = resultsOfOtherServers();
      if (waiting.length > 0) {
        return {
          ok: false,
          kind: 'http',
          code: RESULTS_OF_ANOTHER_SERVER,
          message: resultsElsewhere(waiting),
        };
      }
      const answer = await client.enroll({
        enrollmentCode,
        publicKey: keys.publicJwk,
        name: options.stationName,
        machineId: options.machineId,
      });
      if (!answer.ok) return answer;
      if (answer.value.stationId !== keys.stationId) {
        return {
          ok: false,
          kind: 'http',
          code: 'STATION_ID_MISMATCH',
          message: `the server enrolled ${answer.value.stationId}, but this station's key is ${keys.stationId}`,
        };
      }
      const next: Enrollment = {
        formatVersion: 1,
        stationId: keys.stationId,
        name: options.stationName,
        centre: answer.value.centre,
        serverUrl: connection.serverUrl,
        machineId: options.machineId.slice(0, 200),
        enrolledAt: new Date(wall()).toISOString(),
      };
      await writeEnrollment(enrollmentFile, next);
      enrollment = next;
      access.clear();
      log(`station enrolled in ${next.centre.name} as ${next.name}`);
      if (started) startSync();
      runtime.stationChanged();
      return { ok: true, value: next };
    },

    recordNavigation: (navigation) => runtime.recordNavigation(navigation),

    async contentFile(hash) {
      const testId = runtime.testId;
      const pkg = testId ? journal.package(testId) : null;
      const content = pkg ? contentsOf(pkg).find((c) => c.hash === hash) : undefined;
      if (!testId || !content) return null;
      const stored = await attachments.ensure(testId, content).catch(() => null);
      return stored?.ok ? stored.value : null;
    },

    syncState: () => ({
      online: heartbeat.online,
      serverClockOffsetMs: connection.clock.offsetMs,
      upload: uploader?.state() ?? { pending: 0, failures: 0, lastProblem: null, nextDelayMs: null },
      stationRejection: access.rejection,
      lastCommandEventId: commands.lastEventId,
      resultsOfOtherServers: resultsOfOtherServers().map((r) => ({
        serverUrl: r.serverOrigin,
        testIds: r.testIds,
      })),
    }),

    async start() {
      if (closed) throw new Error('the station services are closed');
      if (started) return runtime.status();
      started = true;
      const status = await runtime.restore();
      processWatch?.follow();
      stopTicking = runtime.startTicking(options.tickEveryMs ?? 250);
      purger.start(
        async (stop) => {
          while (!stop.aborted) {
            try {
              const purged = await purgeExpired(journal, attachments, wall());
              if (purged.tests > 0) log(`retention: ${purged.tests} acknowledged test(s) purged`);
            } catch (error) {
              log(`retention purge failed: ${errorMessage(error)}`);
            }
            await timers.sleep(PURGE_EVERY_MS, stop);
          }
        },
        log,
        timers,
      );
      startSync();
      autoEnrollment?.start();
      // Enrolling by itself from now on: the status said so (its first attempt is under way).
      return autoEnrollment ? runtime.status() : status;
    },

    async close() {
      if (closed) return;
      closed = true;
      stopTicking?.();
      await Promise.all([
        autoEnrollment?.stop(),
        processWatch?.close(),
        heartbeat.stop(),
        commands.stop(),
        replicator?.stop(),
        uploader?.stop(),
        reporter?.stop(),
        purger.stop(),
      ]);
      // Attachment downloads in course are not waited for: they only write sandbox files, and a
      // missing file is fetched again when the candidate opens it.
      // Let a state change in course (an answer being committed) finish before the journal closes.
      await runtime.settle();
      journal.close();
    },
  };
  return services;
}

/**
 * The forbidden-process watch follows the test under way (from its start to its end, paused
 * included); its reports go through a lockdown watch into the runtime, which journals them.
 */
function createProcessWatch(
  options: StationServicesOptions,
  runtime: ExamRuntime,
  wall: () => number,
  log: (message: string) => void,
): { follow(): void; close(): Promise<void> } | null {
  if (options.processWatch === false) return null;
  const o = options.processWatch ?? {};
  const platform = o.platform ?? (process.platform as Platform);
  const lister = o.list ? null : createProcessLister(platform);
  const list = o.list ?? (() => lister?.list() ?? Promise.resolve([]));
  const defaults = defaultProcessDenyListSetting();
  const lockdown = options.lockdown ?? runtimeLockdownWatch(() => runtime, log, wall);
  const watch = new ProcessWatch({
    list,
    os: processOs(platform),
    setting: o.setting ?? (() => defaults),
    report: (found) => lockdown.forbiddenProcess(found),
    // Its own clock: the sync loops' test timers are scaled down, a listing every few ms would not be.
    timers: o.timers ?? realSyncTimers,
    ...(o.everyMs === undefined ? {} : { everyMs: o.everyMs }),
    log,
  });
  let last: { phase: ExamPhase; testId: string | null } | null = null;
  let closed = false;
  const follow = () => {
    if (closed) return;
    const now = { phase: runtime.phase, testId: runtime.testId };
    const change = activityChange(last, now);
    last = now;
    if (change.ended && !change.started) void watch.stop();
    if (change.started && now.testId) watch.watch(now.testId);
  };
  const unsubscribe = runtime.onEvent((event) => {
    if (event.type === 'status') follow();
  });
  return {
    follow,
    async close() {
      closed = true;
      unsubscribe();
      await watch.stop();
      lister?.close();
    },
  };
}

async function loadEnrollment(file: string, log: (message: string) => void): Promise<Enrollment | null> {
  const read = await readEnrollment(file);
  if (read.state === 'enrolled') return read.enrollment;
  if (read.state === 'unreadable') log(`station enrollment file unreadable (${read.problem}): enroll again`);
  return null;
}

/** What IT must do about results waiting for another server than the station's. */
function resultsElsewhere(waiting: ResultsOfServer[]): string {
  const servers = waiting.map((w) => `${w.serverOrigin} (${w.testIds.length} test(s))`).join(', ');
  return (
    `results not sent yet to ${servers}, the server they were taken on: point this station back ` +
    'there (serverUrl) until they are sent; only then enroll it on another server'
  );
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
