// The station services against the real certification server (server/app.ts buildServer on a temporary
// SQLite file, listening on a local port): enrollment, a candidate joining, the invigilator's start
// over the command stream, every answer replicated, the signed result stored once and seen by the
// invigilator as received; a result the server refuses is reported by the station, and the invigilator
// sees it refused.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../core/challenge/answer.ts';
import type { PackagedChallenge } from '../../core/challenge/challenge.ts';
import { RESULT_IDEMPOTENCY_HEADER } from '../../core/contracts/station-server.ts';
/* eslint-disable no-restricted-imports -- the one station test that starts the real server (a test,
   never shipped): the station's own code still imports nothing from server/. */
import { invigilator } from '../../server/testing/exam-helpers.ts';
import { seedCertificationDay } from '../../server/testing/seed.ts';
import { startTestServer, type TestServer } from '../../server/testing/test-server.ts';
/* eslint-enable no-restricted-imports */
import { createStationServices, type StationServices } from './station-services.ts';
import type { FetchLike } from './sync/server-connection.ts';
import { idleBrowser, scaledTimers, tempDataDir, until } from './sync/sync-fixtures.ts';

let server: TestServer | null = null;
let station: StationServices | null = null;

afterEach(async () => {
  await station?.close();
  await server?.close();
  station = null;
  server = null;
});

/** Any well-formed answer: the station does not check answers, the server does. */
function someAnswer(challenge: PackagedChallenge): AnswerValue {
  const first = challenge.choices?.[0]?.id ?? '1';
  if (challenge.type === 'QCU') return { type: 'choice', choice: first };
  if (challenge.type === 'QCM') return { type: 'choices', choices: [first] };
  return {
    type: 'fields',
    fields: Object.fromEntries((challenge.fields ?? []).map((f) => [f.name, 'Lyon'])),
  };
}

/**
 * A station enrolled on a real server, whose candidate sits a whole test started by the invigilator:
 * returns once every question is answered. `fetch` stands between the station and the server.
 */
async function sitTest(fetch?: FetchLike) {
  server = await startTestServer();
  const day = await seedCertificationDay(server.app, { count: 2, competences: 5 });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as AddressInfo;
  const clock = server.clock;

  const services = await createStationServices({
    dataDir: tempDataDir('station-real-'),
    serverUrl: `http://127.0.0.1:${port}`,
    stationName: 'Poste 01',
    // No forbidden software, whatever else runs on the test machine.
    processWatch: { list: () => Promise.resolve([]) },
    machineId: 'lab-image-2026',
    browser: idleBrowser,
    attachmentUrl: (file) => `file://${file}`,
    // The station's wall clock is the server's test clock: signatures and timestamps agree.
    clocks: { wall: () => clock.now, timers: scaledTimers(0.02) },
    heartbeatEveryMs: 50,
    tickEveryMs: 50,
    ...(fetch ? { fetch } : {}),
  });
  station = services;
  const code = await day.api({
    method: 'POST',
    url: `/api/centre/centres/${day.centreId}/enrollment-codes`,
    payload: {},
  });
  const enrolled = await services.enroll((code.json() as { code: string }).code);
  expect(enrolled).toMatchObject({ ok: true, value: { centre: { id: day.centreId } } });
  await services.start();
  await until(() => services.syncState().online, 10_000, 'the first heartbeat');

  const candidate = day.candidates[0]!;
  const signedIn = await services.dispatch('signIn', {
    sessionNumber: day.session.number,
    accessCode: day.session.accessCode,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    birthdate: candidate.birthdate,
  });
  expect(signedIn.ok).toBe(true);
  expect((await services.dispatch('acceptInstructions', {})).ok).toBe(true);

  const inv = await invigilator(server, day);
  await inv.command(candidate.id, { type: 'authorizeStart' });
  await until(() => services.runtime.phase === 'inProgress', 10_000, 'the start');
  const testId = services.runtime.testId;

  while (services.runtime.phase === 'inProgress') {
    const current = services.runtime.currentChallenge();
    if (!current.ok) throw new Error(current.error.message);
    const answered = await services.dispatch('submitAnswer', {
      challengeId: current.value.challenge.id,
      value: someAnswer(current.value.challenge),
    });
    expect(answered.ok).toBe(true);
  }
  return { services, inv, candidate, testId };
}

/** Another character in the middle of the JWS signature: the bundle no longer verifies. */
function spoilSignature(jws: string): string {
  const at = jws.lastIndexOf('.') + 20;
  return `${jws.slice(0, at)}${jws[at] === 'A' ? 'B' : 'A'}${jws.slice(at + 1)}`;
}

describe('the station against the real server', () => {
  it('enrolls, runs a test started by the invigilator, and the server receives the signed result', async () => {
    const { services, inv, candidate, testId } = await sitTest();
    await until(() => services.runtime.phase === 'uploaded', 15_000, 'the acknowledged upload');
    expect(services.syncState().upload).toMatchObject({ pending: 0, failures: 0 });

    const card = await inv.card(candidate.id);
    expect(card.state).toBe('resultReceived');
    expect(testId).not.toBeNull();
  });

  it('a result the server refuses without knowing whose it is: the station reports it, the room shows it', async () => {
    // Something between the station and the server spoils the bundle's signature: the server refuses
    // it (BUNDLE_BAD_SIGNATURE) but cannot pin that on the test's station, since anyone can send it.
    const spoiling: FetchLike = (input, init) => {
      if (!/\/result$/.test(input) || typeof init.body !== 'string') return globalThis.fetch(input, init);
      const { bundle } = JSON.parse(init.body) as { bundle: string };
      const headers = { ...(init.headers as Record<string, string>) };
      delete headers[RESULT_IDEMPOTENCY_HEADER];
      return globalThis.fetch(input, {
        ...init,
        headers,
        body: JSON.stringify({ bundle: spoilSignature(bundle) }),
      });
    };
    const { services, inv, candidate, testId } = await sitTest(spoiling);
    await until(
      () => services.runtime.status().exam.upload === 'refused',
      15_000,
      'the refusal on the station',
    );
    await until(
      async () => (await inv.card(candidate.id)).upload === 'refused',
      15_000,
      'the refusal in the room',
    );
    expect(await inv.card(candidate.id)).toMatchObject({
      state: 'ended',
      upload: 'refused',
      uploadRefusal: { code: 'BUNDLE_BAD_SIGNATURE' },
    });
    expect(await server?.app.pix.store.bundles.count()).toBe(0);
    expect(testId).not.toBeNull();
  });
});
