// Test fixture: a certification day on the real server, listening on loopback, and the real station
// services run against it (enrolled on first start, the server's test clock as their wall clock).
// Shared by the station's integration tests that kill and relaunch stations.
import type { AddressInfo } from 'node:net';
import type { AnswerValue } from '../../core/challenge/answer.ts';
import type { PackagedChallenge } from '../../core/challenge/challenge.ts';
import type { StationStatus } from '../../core/contracts/station-api.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
/* eslint-disable no-restricted-imports -- tests against the real server (never shipped): the station's
   own code still imports nothing from server/. */
import { invigilator, type Invigilator } from '../../server/testing/exam-helpers.ts';
import { seedCertificationDay, type SeededDay } from '../../server/testing/seed.ts';
import { startTestServer, type TestServer } from '../../server/testing/test-server.ts';
/* eslint-enable no-restricted-imports */
import { createStationServices, type StationServices } from './station-services.ts';
import type { FetchLike } from './sync/server-connection.ts';
import { idleBrowser, scaledTimers, until } from './sync/sync-fixtures.ts';

export interface Room {
  server: TestServer;
  day: SeededDay;
  inv: Invigilator;
  url: string;
}

/** The room and the stations started in it, closed together by `closeRoom` (in `afterEach`). */
let open: { server: TestServer; stations: StationServices[] } | null = null;

/** A day of one candidate and its invigilator; the server listens on a port of the system's choosing. */
export async function openRoom(): Promise<Room> {
  const server = await startTestServer();
  open = { server, stations: [] };
  const day = await seedCertificationDay(server.app, { count: 1, competences: 5 });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as AddressInfo;
  return { server, day, inv: await invigilator(server, day), url: `http://127.0.0.1:${port}` };
}

/** Closes the stations still running, then the server (which waits for their connections). */
export async function closeRoom(): Promise<void> {
  const closing = open;
  open = null;
  if (!closing) return;
  for (const station of closing.stations.splice(0)) await station.close();
  await closing.server.close();
}

/**
 * A station on `dataDir`, enrolled the first time and started, online. `fetch` stands between the
 * station and the server.
 */
export async function startStation(
  r: Room,
  dataDir: string,
  options: { name?: string; fetch?: FetchLike } = {},
): Promise<StationServices> {
  const name = options.name ?? 'Poste 01';
  const clock = r.server.clock;
  const services = await createStationServices({
    dataDir,
    serverUrl: r.url,
    stationName: name,
    // No forbidden software, whatever else runs on the test machine.
    processWatch: { list: () => Promise.resolve([]) },
    machineId: 'lab-image-2026',
    browser: idleBrowser,
    attachmentUrl: (file) => `file://${file}`,
    clocks: { wall: () => clock.now, timers: scaledTimers(0.02) },
    heartbeatEveryMs: 50,
    tickEveryMs: 50,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  open?.stations.push(services);
  if (!services.identity.enrolled) {
    const code = await r.day.api({
      method: 'POST',
      url: `/api/centre/centres/${r.day.centreId}/enrollment-codes`,
      payload: {},
    });
    const enrolled = await services.enroll((code.json() as { code: string }).code);
    if (!enrolled.ok) throw new Error(enrolled.message);
  }
  await services.start();
  await until(() => services.syncState().online, 10_000, `${name} online`);
  return services;
}

/** The station dies (closed here, so that `closeRoom` does not close it again). */
export async function stopStation(services: StationServices): Promise<void> {
  const stations = open?.stations ?? [];
  if (stations.includes(services)) stations.splice(stations.indexOf(services), 1);
  await services.close();
}

/** The day's candidate signs in at `services`. */
export function signIn(r: Room, services: StationServices) {
  const candidate = r.day.candidates[0]!;
  return services.dispatch('signIn', {
    sessionNumber: r.day.session.number,
    accessCode: r.day.session.accessCode,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    birthdate: candidate.birthdate,
  });
}

/** An answer of the right shape for the challenge (right or wrong does not matter here). */
export function someAnswer(challenge: PackagedChallenge): AnswerValue {
  const first = challenge.choices?.[0]?.id ?? '1';
  if (challenge.type === 'QCU') return { type: 'choice', choice: first };
  if (challenge.type === 'QCM') return { type: 'choices', choices: [first] };
  return {
    type: 'fields',
    fields: Object.fromEntries((challenge.fields ?? []).map((f) => [f.name, 'Lyon'])),
  };
}

/** Answers the question the station shows now. */
export async function answerCurrent(services: StationServices) {
  const current = services.runtime.currentChallenge();
  if (!current.ok) throw new Error(current.error.message);
  return services.dispatch('submitAnswer', {
    challengeId: current.value.challenge.id,
    value: someAnswer(current.value.challenge),
  });
}

/** The station's status, as its screens read it. */
export const statusOf = async (services: StationServices) =>
  ((await services.dispatch('getStatus', {})) as { ok: true; value: StationStatus }).value;

/**
 * A station's network the test cuts: its replicated records and its heartbeats get through only while
 * allowed; the packages the server refuses it are counted.
 */
export function cuttableNetwork() {
  const net = { records: true, heartbeats: true, packagesRefused: 0 };
  const [recordsBefore = '', recordsAfter = ''] = STATION_API_PATHS.records('X').split('X');
  const [packageBefore = '', packageAfter = ''] = STATION_API_PATHS.package('X').split('X');
  const fetch: FetchLike = async (input, init) => {
    const { pathname } = new URL(input);
    const records = pathname.startsWith(recordsBefore) && pathname.endsWith(recordsAfter);
    if (init.method === 'POST' && records && !net.records) throw new TypeError('fetch failed');
    if (pathname === STATION_API_PATHS.heartbeat && !net.heartbeats) throw new TypeError('fetch failed');
    const response = await globalThis.fetch(input, init);
    if (pathname.startsWith(packageBefore) && pathname.endsWith(packageAfter) && response.status === 403)
      net.packagesRefused += 1;
    return response;
  };
  return { net, fetch };
}
