// The exam day through the API, for tests: stations enrolled, the invigilator logged in, candidates
// joined and started, packages fetched, and an event-stream reader over real HTTP.
import type { LightMyRequestResponse } from 'fastify';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { Challenge } from '../../core/challenge/challenge.ts';
import type { RoomCandidate } from '../../core/contracts/invigilator-api.ts';
import {
  STATION_API_PATHS,
  type JoinResponse,
  type PackageResponse,
} from '../../core/contracts/station-server.ts';
import type { EndReason } from '../../core/contracts/station-api.ts';
import { TestJournal, bundlePayload, signBundle, type BundleInput } from './journal-builder.ts';
import { seedCertificationDay, type SeededCandidate, type SeededDay } from './seed.ts';
import { TestStation } from './station-client.ts';
import { startTestServer, type TestServer } from './test-server.ts';

export async function enrolledStation(
  server: TestServer,
  day: SeededDay,
  name = 'Poste 01',
): Promise<TestStation> {
  const code = await day.api({
    method: 'POST',
    url: `/api/centre/centres/${day.centreId}/enrollment-codes`,
    payload: {},
  });
  const station = new TestStation(name);
  station.now = () => server.clock.now;
  const enrolled = await station.enroll(server.app, (code.json() as { code: string }).code);
  if (enrolled.statusCode !== 200) throw new Error(`enroll: ${enrolled.body}`);
  return station;
}

export interface Invigilator {
  token: string;
  get(path: string): Promise<LightMyRequestResponse>;
  post(path: string, payload?: unknown): Promise<LightMyRequestResponse>;
  command(
    candidateId: string,
    payload: unknown,
  ): Promise<{ candidate: RoomCandidate; command: { id: string }; eventId: number }>;
  room(): Promise<{ candidates: RoomCandidate[]; lastEventId: number }>;
  card(candidateId: string): Promise<RoomCandidate>;
}

/** A test server and a certification day seeded with `count` candidates, its invigilator logged in. */
export async function invigilatedDay(
  count: number,
): Promise<{ server: TestServer; day: SeededDay; inv: Invigilator }> {
  const server = await startTestServer();
  const day = await seedCertificationDay(server.app, { count });
  return { server, day, inv: await invigilator(server, day) };
}

/** The same with a station of the centre enrolled (before the invigilator logs in). */
export async function examRoom(
  count: number,
): Promise<{ server: TestServer; day: SeededDay; station: TestStation; inv: Invigilator }> {
  const server = await startTestServer();
  const day = await seedCertificationDay(server.app, { count });
  const station = await enrolledStation(server, day);
  return { server, day, station, inv: await invigilator(server, day) };
}

export async function invigilator(server: TestServer, day: SeededDay): Promise<Invigilator> {
  const login = await server.app.inject({
    method: 'POST',
    url: '/api/invigilator/login',
    payload: { sessionNumber: day.session.number, password: day.session.invigilatorPassword },
  });
  if (login.statusCode !== 200) throw new Error(`invigilator login: ${login.body}`);
  const token = (login.json() as { token: string }).token;
  const base = `/api/invigilator/sessions/${day.session.id}`;
  const headers = { authorization: `Bearer ${token}` };
  const inv: Invigilator = {
    token,
    get: (path) => server.app.inject({ method: 'GET', url: `${base}${path}`, headers }),
    post: (path, payload) =>
      server.app.inject({
        method: 'POST',
        url: `${base}${path}`,
        headers,
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
    async command(candidateId, payload) {
      const r = await inv.post(`/candidates/${candidateId}/commands`, payload);
      if (r.statusCode !== 200)
        throw new Error(`command ${JSON.stringify(payload)}: ${r.statusCode} ${r.body}`);
      return r.json();
    },
    async room() {
      const r = await inv.get('');
      if (r.statusCode !== 200) throw new Error(`room: ${r.body}`);
      return r.json();
    },
    async card(candidateId) {
      const card = (await inv.room()).candidates.find((c) => c.candidateId === candidateId);
      if (!card) throw new Error('no such card');
      return card;
    },
  };
  return inv;
}

export function joinRequest(day: SeededDay, candidate: SeededCandidate) {
  return {
    sessionNumber: day.session.number,
    accessCode: day.session.accessCode,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    birthdate: candidate.birthdate,
  };
}

export async function join(
  server: TestServer,
  day: SeededDay,
  station: TestStation,
  candidate: SeededCandidate,
): Promise<JoinResponse> {
  const r = await station.inject(server.app, 'POST', STATION_API_PATHS.join, joinRequest(day, candidate));
  if (r.statusCode !== 200) throw new Error(`join: ${r.statusCode} ${r.body}`);
  return r.json();
}

export async function fetchPackage(
  server: TestServer,
  station: TestStation,
  testId: string,
): Promise<PackageResponse> {
  const r = await station.inject(server.app, 'GET', STATION_API_PATHS.package(testId));
  if (r.statusCode !== 200) throw new Error(`package: ${r.statusCode} ${r.body}`);
  return r.json();
}

/** Joined, started by the invigilator, package fetched: ready to write the journal. */
export async function startedTest(
  server: TestServer,
  day: SeededDay,
  inv: Invigilator,
  station: TestStation,
  candidate: SeededCandidate,
): Promise<{ testId: string; pkg: PackageResponse; startCommandId: string }> {
  const joined = await join(server, day, station, candidate);
  const start = await inv.command(candidate.id, { type: 'authorizeStart' });
  return {
    testId: joined.testId,
    pkg: await fetchPackage(server, station, joined.testId),
    startCommandId: start.command.id,
  };
}

/**
 * A started test and the station's journal of it, opened as the station opens it (testOpened,
 * packageStored, started): the tests append answers, alerts or the end, then replicate or seal it.
 */
export async function startedJournal(
  server: TestServer,
  day: SeededDay,
  inv: Invigilator,
  station: TestStation,
  candidate: SeededCandidate,
): Promise<{ testId: string; pkg: PackageResponse; startCommandId: string; journal: TestJournal }> {
  const started = await startedTest(server, day, inv, station, candidate);
  const journal = new TestJournal(started.testId, server.clock.now);
  journal.open(
    { sessionId: day.session.id, candidateId: candidate.id, stationId: station.id },
    started.pkg.package,
    started.pkg.packageHash,
    started.startCommandId,
  );
  return { ...started, journal };
}

/**
 * A test the candidate finished at `station`: every question answered (two in three right), the end
 * recorded, and what the journal builder needs to seal its bundle.
 */
export async function finishedTest(
  server: TestServer,
  day: SeededDay,
  inv: Invigilator,
  station: TestStation,
  candidate: SeededCandidate,
): Promise<{ testId: string; input: BundleInput }> {
  const { journal, ...started } = await startedJournal(server, day, inv, station, candidate);
  const bank = new Map(day.bank.map((c) => [c.id, c] as [string, Challenge]));
  started.pkg.package.challenges.forEach((c, i) => journal.answer(bank.get(c.id) as Challenge, i % 3 !== 0));
  journal.end('finished');
  return {
    testId: started.testId,
    input: {
      journal,
      sessionId: day.session.id,
      candidateId: candidate.id,
      stationId: station.id,
      pkg: started.pkg.package,
      packageHash: started.pkg.packageHash,
    },
  };
}

/** How a test is sat (sitTest): each question's answer, the end, what reached the server during it. */
export interface Sitting {
  /** Right (the default), wrong, or left unanswered. */
  answers?: (index: number) => 'right' | 'wrong' | 'none';
  /** How the journal ends: 'finished' by default; null leaves the test running. */
  end?: EndReason | null;
  /** The records replicated during the test stop before this answer (all of them, the end too, by default). */
  replicatedAnswers?: number;
}

/**
 * A test sat at `station`: answered as `sitting` says, its records replicated, and the signed result
 * ready to send (`upload` sends it and gives the server's answer; `input` seals other bundles).
 */
export async function sitTest(
  server: TestServer,
  day: SeededDay,
  inv: Invigilator,
  station: TestStation,
  candidate: SeededCandidate,
  sitting: Sitting = {},
): Promise<
  Awaited<ReturnType<typeof startedJournal>> & {
    input: BundleInput;
    upload: () => Promise<LightMyRequestResponse>;
  }
> {
  const bank = new Map(day.bank.map((c) => [c.id, c] as [string, Challenge]));
  const started = await startedJournal(server, day, inv, station, candidate);
  const { journal } = started;
  started.pkg.package.challenges.forEach((c, i) => {
    const answer = sitting.answers?.(i) ?? 'right';
    if (answer !== 'none') journal.answer(bank.get(c.id) as Challenge, answer === 'right');
  });
  const end = sitting.end === undefined ? 'finished' : sitting.end;
  if (end !== null) journal.end(end);
  const cut = journal.records.filter((r) => r.kind === 'answered')[sitting.replicatedAnswers ?? Infinity];
  const replicated = await station.inject(server.app, 'POST', STATION_API_PATHS.records(started.testId), {
    records: cut ? journal.records.filter((r) => r.seq < cut.seq) : journal.records,
  });
  if (replicated.statusCode !== 200) throw new Error(`records: ${replicated.body}`);
  const input: BundleInput = {
    journal,
    sessionId: day.session.id,
    candidateId: candidate.id,
    stationId: station.id,
    pkg: started.pkg.package,
    packageHash: started.pkg.packageHash,
    ...(end !== null ? { endReason: end } : {}),
  };
  const upload = async () => {
    // A station seals its result once the test has ended (the journal may have ended since it was sat):
    // a running test has none to send.
    const ended = journal.records.findLast((r) => r.kind === 'ended');
    if (ended?.kind !== 'ended') throw new Error('the test has not ended: no signed result to send');
    const payload = bundlePayload({ ...input, endReason: ended.payload.reason });
    return station.inject(server.app, 'POST', STATION_API_PATHS.result(started.testId), {
      bundle: await signBundle(payload, station.privateKey),
    });
  };
  return { ...started, input, upload };
}

/**
 * A heartbeat with nothing to report yet (no question, no time left, no record): a station waiting for
 * a resume, or idle when `testId` is null.
 */
export function bareHeartbeat(
  server: TestServer,
  station: TestStation,
  testId: string | null,
  phase: string,
): Promise<LightMyRequestResponse> {
  return station.inject(server.app, 'POST', STATION_API_PATHS.heartbeat, {
    testId,
    phase,
    current: null,
    answered: null,
    total: null,
    timeLeftMs: null,
    alertPending: false,
    lastSeq: 0,
    stationTime: server.clock.now,
  });
}

export interface EventReader {
  events: EventSourceMessage[];
  /** Resolves with the first event (already received or to come) that matches. */
  next(match: (e: EventSourceMessage) => boolean, timeoutMs?: number): Promise<EventSourceMessage>;
  close(): void;
}

/** Opens an event stream over real HTTP and collects its events. */
export async function readEvents(url: string, headers: Record<string, string>): Promise<EventReader> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  if (response.status !== 200 || !response.body)
    throw new Error(`stream: ${response.status} ${await response.text()}`);
  const events: EventSourceMessage[] = [];
  const waiters = new Set<() => void>();
  const parser = createParser({
    onEvent(event) {
      events.push(event);
      for (const wake of [...waiters]) wake();
    },
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    next(match, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const check = () => {
          for (; seen < events.length; seen++) {
            const event = events[seen];
            if (event && match(event)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(event);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching event within ${timeoutMs} ms (got ${events.map((e) => e.event).join(', ')})`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
