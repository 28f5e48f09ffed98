// A room of simulated stations for the invigilator's browser tests and benchmark: the real server
// (the harness's CertificationServer, serving the built invigilator screen), the demo session's
// candidates, and one signed station per candidate speaking the real station protocol over HTTP
// (enrollment, join, heartbeats every 2 s, replicated journal records, signed result bundles). Each
// station is put in the state a scenario asks for, exactly as a real station would get there.
import { bundleHash } from '../../core/bundle/bundle-hash.ts';
import type { Challenge } from '../../core/challenge/challenge.ts';
import type { RoomCandidate } from '../../core/contracts/invigilator-api.ts';
import type { EndReason, ExamPhase } from '../../core/contracts/station-api.ts';
import {
  RESULT_IDEMPOTENCY_HEADER,
  STATION_API_PATHS,
  type JoinResponse,
  type PackageResponse,
} from '../../core/contracts/station-server.ts';
import type { JournalRecord } from '../../core/journal/journal-record.ts';
import type { LockdownFacts } from '../../core/journal/lockdown-facts.ts';
import { packageAllowedMs } from '../../core/package/test-package.ts';
import { TestJournal, answerFor, bundlePayload, signBundle } from '../../server/testing/journal-builder.ts';
import { TestStation } from '../../server/testing/station-client.ts';
import { CertificationServer } from '../harness/certification-server.ts';
import { WEB_ROOT } from './invigilator-build.ts';
import { demoContent } from '../harness/demo-content.ts';
import { api, seedSession, type SeededSession, type SessionContent } from '../harness/seed-session.ts';

const HEARTBEAT_EVERY_MS = 2000;

type LockdownEventName = Extract<JournalRecord, { kind: 'lockdown' }>['payload']['event'];

export class SimulatedStation {
  readonly room: SimulatedRoom;
  readonly key: string;
  readonly station: TestStation;
  testId: string | null = null;
  pkg: PackageResponse | null = null;
  journal: TestJournal | null = null;
  phase: ExamPhase = 'idle';
  current = 0;
  timeLeftMs: number | null = null;
  alertPending = false;
  /** False: the station stopped answering (crashed, unplugged). */
  beating = true;
  #stored = 0;

  constructor(room: SimulatedRoom, key: string, name: string) {
    this.room = room;
    this.key = key;
    this.station = new TestStation(name);
  }

  get candidateId(): string {
    return this.room.candidateId(this.key);
  }

  async #signed<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await this.station.fetch(this.room.server.url, method, path, body);
    if (response.status !== 200) throw new Error(`${method} ${path}: ${response.status} ${response.body}`);
    return response.json<T>();
  }

  async enroll(): Promise<void> {
    const { code } = await this.room.admin<{ code: string }>(
      'POST',
      `/api/centre/centres/${this.room.seeded.centreId}/enrollment-codes`,
      { validForMinutes: 60 },
    );
    await api(this.room.server, 'POST', STATION_API_PATHS.enroll, { body: this.station.enrollBody(code) });
  }

  async join(phase: ExamPhase = 'waiting'): Promise<JoinResponse> {
    const candidate = this.room.person(this.key);
    const joined = await this.#signed<JoinResponse>('POST', STATION_API_PATHS.join, {
      sessionNumber: this.room.seeded.session.number,
      accessCode: this.room.seeded.session.accessCode,
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      birthdate: candidate.birthdate,
    });
    this.testId = joined.testId;
    this.phase = phase;
    await this.heartbeat();
    return joined;
  }

  /** Joined, started by the invigilator, package opened and `answered` questions answered. */
  async startTest(options: { answered: number; startedMinutesAgo: number }): Promise<void> {
    await this.join('waiting');
    const command = await this.room.command(this.key, { type: 'authorizeStart' });
    await this.acknowledge(command);
    const testId = this.#test();
    this.pkg = await this.#signed<PackageResponse>('GET', STATION_API_PATHS.package(testId));
    const journal = new TestJournal(testId, Date.now() - options.startedMinutesAgo * 60_000);
    journal.open(
      { sessionId: this.room.seeded.session.id, candidateId: this.candidateId, stationId: this.station.id },
      this.pkg.package,
      this.pkg.packageHash,
      command,
    );
    this.journal = journal;
    // Always a question left to be on (short tests: profiles with few certifiable competences).
    const answered = Math.min(options.answered, this.pkg.package.challenges.length - 2);
    const stepMs = Math.floor((options.startedMinutesAgo * 60_000) / Math.max(1, answered + 1));
    const challenges = this.pkg.package.challenges.slice(0, answered);
    challenges.forEach((c, i) =>
      journal.append(answerRecord(this.room.challenge(c.id), i % 4 !== 3), stepMs),
    );
    this.current = answered;
    this.phase = 'inProgress';
    this.timeLeftMs = packageAllowedMs(this.pkg.package) - options.startedMinutesAgo * 60_000;
    await this.replicate();
    await this.heartbeat();
  }

  async acknowledge(commandId: string): Promise<void> {
    await this.#signed('POST', STATION_API_PATHS.commandAck(commandId), {});
  }

  /** Sends the journal records the server does not have yet. */
  async replicate(): Promise<void> {
    const journal = this.#journal();
    const records = journal.since(this.#stored);
    if (records.length === 0) return;
    const { storedThrough } = await this.#signed<{ storedThrough: number }>(
      'POST',
      STATION_API_PATHS.records(this.#test()),
      { records },
    );
    this.#stored = storedThrough;
  }

  async heartbeat(): Promise<void> {
    if (!this.beating) return;
    await this.#signed('POST', STATION_API_PATHS.heartbeat, {
      testId: this.testId,
      phase: this.phase,
      current: this.pkg ? this.current : null,
      answered: this.pkg ? this.current : null,
      total: this.pkg ? this.pkg.package.challenges.length : null,
      timeLeftMs: this.timeLeftMs,
      alertPending: this.alertPending,
      lastSeq: this.journal?.records.length ?? 0,
      stationTime: Date.now(),
    });
  }

  /** The challenge (by position) whose content matches `want`, else the current one. */
  questionWith(want: (c: Challenge) => boolean): number {
    const challenges = this.#pkg().package.challenges;
    const index = challenges.findIndex((c, i) => i >= this.current && want(this.room.challenge(c.id)));
    return index >= 0 ? index : this.current;
  }

  /**
   * The candidate reports a problem on question `index` (0-based), which becomes the current one.
   * `replicated: false`: its record does not reach the server (a network that lets heartbeats through
   * but not the record yet): the heartbeat says an alert is pending, `replicate()` sends it later.
   */
  async raiseAlert(
    index = this.current,
    alertId = `alert-${this.key}-${Date.now()}`,
    { replicated = true } = {},
  ): Promise<string> {
    const challenge = this.#pkg().package.challenges[index];
    if (!challenge) throw new Error(`no question ${index + 1}`);
    this.current = index;
    this.alertPending = true;
    this.#journal().append({ kind: 'alertRaised', payload: { alertId, challengeId: challenge.id } }, 1000);
    if (replicated) await this.replicate();
    await this.heartbeat();
    return alertId;
  }

  /** A lockdown event as the station's watch reports it: its sentence, and its facts when it has some. */
  async lockdown(
    report: { event: LockdownEventName; detail: string; facts?: LockdownFacts },
    pause: boolean,
  ): Promise<void> {
    const { event, detail, facts } = report;
    this.#journal().append(
      { kind: 'lockdown', payload: { event, detail, ...(facts ? { facts } : {}) } },
      1000,
    );
    if (pause) {
      this.#journal().append({ kind: 'paused', payload: { cause: 'lockdown', reason: detail } }, 10);
      this.phase = 'paused';
    }
    await this.replicate();
    await this.heartbeat();
  }

  async pausedByInvigilator(reason: string): Promise<void> {
    const command = await this.room.command(this.key, { type: 'pause', reason });
    await this.acknowledge(command);
    this.#journal().append({ kind: 'paused', payload: { cause: 'invigilator', reason } }, 1000);
    this.phase = 'paused';
    await this.replicate();
    await this.heartbeat();
  }

  /** Ends the test; with `upload`, seals and sends the signed result as the station would. */
  async end(reason: EndReason, options: { upload: boolean }): Promise<void> {
    const journal = this.#journal();
    const pkg = this.#pkg();
    if (reason === 'finished') {
      pkg.package.challenges
        .slice(this.current)
        .forEach((c, i) => journal.append(answerRecord(this.room.challenge(c.id), i % 5 !== 4), 60_000));
      this.current = pkg.package.challenges.length;
    }
    journal.end(reason);
    this.phase = 'ended';
    this.timeLeftMs = null;
    await this.replicate();
    await this.heartbeat();
    if (!options.upload) return;
    const jws = await signBundle(
      bundlePayload({
        journal,
        sessionId: this.room.seeded.session.id,
        candidateId: this.candidateId,
        stationId: this.station.id,
        pkg: pkg.package,
        packageHash: pkg.packageHash,
        endReason: reason,
      }),
      this.station.privateKey,
    );
    const path = STATION_API_PATHS.result(this.#test());
    const text = JSON.stringify({ bundle: jws });
    const response = await fetch(`${this.room.server.url}${path}`, {
      method: 'POST',
      headers: {
        ...this.station.sign('POST', path, text),
        'content-type': 'application/json',
        [RESULT_IDEMPOTENCY_HEADER]: `${this.#test()}:${bundleHash(jws)}`,
      },
      body: text,
    });
    if (response.status !== 200) throw new Error(`result: ${response.status} ${await response.text()}`);
    this.phase = 'uploaded';
    await this.heartbeat();
  }

  #test(): string {
    if (!this.testId) throw new Error(`${this.key} has not joined`);
    return this.testId;
  }

  #pkg(): PackageResponse {
    if (!this.pkg) throw new Error(`${this.key} has no package`);
    return this.pkg;
  }

  #journal(): TestJournal {
    if (!this.journal) throw new Error(`${this.key} has no journal`);
    return this.journal;
  }
}

function answerRecord(challenge: Challenge, right: boolean) {
  return {
    kind: 'answered' as const,
    payload: {
      challengeId: challenge.id,
      value: answerFor(challenge, right),
      timeSpentMs: 45_000,
      timedOut: false,
      focusedOut: false,
    },
  };
}

/** The demo session (French names, the demo bank) cut to its first `count` candidates. */
export function demoRoomContent(count: number): SessionContent {
  const demo = demoContent();
  return { ...demo, candidates: demo.candidates.slice(0, count) };
}

export class SimulatedRoom {
  readonly server: CertificationServer;
  readonly seeded: SeededSession;
  readonly content: SessionContent;
  readonly stations = new Map<string, SimulatedStation>();
  readonly #bank: Map<string, Challenge>;
  readonly #invigilatorToken: string;
  #beat: ReturnType<typeof setInterval> | null = null;
  readonly #inFlight = new Set<Promise<unknown>>();
  ownsServer = false;

  private constructor(
    server: CertificationServer,
    seeded: SeededSession,
    content: SessionContent,
    token: string,
  ) {
    this.server = server;
    this.seeded = seeded;
    this.content = content;
    this.#invigilatorToken = token;
    this.#bank = new Map((content.bank as Challenge[]).map((c) => [c.id, c]));
  }

  /** The real server with the demo session's first `count` candidates, and the invigilator logged in. */
  static async open(count = 30): Promise<SimulatedRoom> {
    const server = await CertificationServer.start({ webRoot: WEB_ROOT });
    const content = demoRoomContent(count);
    const room = await SimulatedRoom.attach(server, await seedSession(server, content), content);
    room.ownsServer = true;
    return room;
  }

  /** Simulated stations for a session already seeded on a running server (e.g. a CertificationDay's). */
  static async attach(
    server: CertificationServer,
    seeded: SeededSession,
    content: SessionContent,
  ): Promise<SimulatedRoom> {
    const { token } = await api<{ token: string }>(server, 'POST', '/api/invigilator/login', {
      body: { sessionNumber: seeded.session.number, password: seeded.session.invigilatorPassword },
    });
    return new SimulatedRoom(server, seeded, content, token);
  }

  get keys(): string[] {
    return this.content.candidates.map((c) => c.key);
  }

  person(key: string) {
    const person = this.content.candidates.find((c) => c.key === key);
    if (!person) throw new Error(`no candidate ${key}`);
    return person;
  }

  candidateId(key: string): string {
    const id = this.seeded.candidateIds.get(key);
    if (!id) throw new Error(`no candidate ${key}`);
    return id;
  }

  challenge(id: string): Challenge {
    const challenge = this.#bank.get(id);
    if (!challenge) throw new Error(`challenge ${id} is not in the bank`);
    return challenge;
  }

  admin<T>(method: string, url: string, body?: unknown): Promise<T> {
    return api<T>(this.server, method, url, { token: this.seeded.adminToken, body });
  }

  /** An invigilator command through the API; returns its id (for the station's acknowledgment). */
  async command(key: string, body: unknown): Promise<string> {
    const issued = await api<{ command: { id: string } }>(
      this.server,
      'POST',
      `/api/invigilator/sessions/${this.seeded.session.id}/candidates/${this.candidateId(key)}/commands`,
      { token: this.#invigilatorToken, body },
    );
    return issued.command.id;
  }

  async decideAlert(alertId: string, decision: 'dismissed' | 'validated', reasonCode: string | null = null) {
    await api(
      this.server,
      'POST',
      `/api/invigilator/sessions/${this.seeded.session.id}/alerts/${encodeURIComponent(alertId)}/decision`,
      { token: this.#invigilatorToken, body: { decision, reasonCode } },
    );
  }

  async room(): Promise<RoomCandidate[]> {
    const room = await api<{ candidates: RoomCandidate[] }>(
      this.server,
      'GET',
      `/api/invigilator/sessions/${this.seeded.session.id}`,
      { token: this.#invigilatorToken },
    );
    return room.candidates;
  }

  /** A station for this candidate, enrolled. */
  async station(key: string, name: string): Promise<SimulatedStation> {
    const station = new SimulatedStation(this, key, name);
    await station.enroll();
    this.stations.set(key, station);
    return station;
  }

  /** Every station that is `beating` sends a heartbeat every 2 s, as real ones do. */
  startHeartbeats(): void {
    this.#beat ??= setInterval(() => {
      for (const station of this.stations.values()) {
        if (!station.beating || !station.testId) continue;
        const beat = station.heartbeat().catch(() => undefined);
        this.#inFlight.add(beat);
        void beat.finally(() => this.#inFlight.delete(beat));
      }
    }, HEARTBEAT_EVERY_MS);
  }

  /**
   * No heartbeat is sent any more, and those already sent have been answered: a busy machine (CI) may
   * answer them a second or more later, and the server counts silence from when it heard them.
   */
  async stopHeartbeats(): Promise<void> {
    if (this.#beat) clearInterval(this.#beat);
    this.#beat = null;
    await Promise.all([...this.#inFlight]);
  }

  /** Stops the stations, and the server if this room started it. */
  async close(): Promise<void> {
    this.stopHeartbeats();
    if (this.ownsServer) await this.server.close();
  }
}
