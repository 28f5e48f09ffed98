// A result refused for good (issues 4 and 6): the station keeps it and never sends it again, so the
// server marks the refusal on the test (code and time, not the bundle) and the room says so, live. Only
// a refusal of a bundle the test's own station signed is marked: anyone can send a bad signature.
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Results } from '../../core/contracts/invigilator-api.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import {
  enrolledStation,
  invigilator,
  readEvents,
  finishedTest,
  type Invigilator,
} from '../testing/exam-helpers.ts';
import { bundlePayload, signBundle, type BundleInput } from '../testing/journal-builder.ts';
import {
  backOfficeSession,
  seedCertificationDay,
  type SeededCandidate,
  type SeededDay,
} from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';
import { IntakeGate } from './intake-gate.ts';

describe('a result refused for good', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  let input: BundleInput;
  let testId: string;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 2 });
    station = await enrolledStation(server, day);
    inv = await invigilator(server, day);
    ({ testId, input } = await finishedTest(server, day, inv, station, day.candidates[0] as SeededCandidate));
  });
  afterEach(() => server.close());

  const upload = (jws: string, headers: Record<string, string> = {}) =>
    station.inject(server.app, 'POST', STATION_API_PATHS.result(testId), { bundle: jws }, headers);
  const card = () => inv.card(input.candidateId);
  const stored = () => server.app.pix.store.bundles.count();
  const refusalEvents = async () =>
    (await server.app.pix.store.events.after(day.session.id, 0, 10_000)).filter(
      (e) => (e.data as { cause?: string }).cause === 'resultRefused',
    );

  const tamperedChain = () => {
    const records = input.journal.records.map((r) =>
      r.kind === 'answered' && r.seq === 5 ? { ...r, payload: { ...r.payload, timedOut: true } } : r,
    );
    return signBundle(bundlePayload({ ...input, override: { records } }), station.privateKey);
  };
  const otherPackage = () =>
    signBundle(bundlePayload({ ...input, override: { packageHash: 'f'.repeat(64) } }), station.privateKey);

  it.each([
    ['a tampered chain', tamperedChain, 'CHAIN_BROKEN'],
    ['another package', otherPackage, 'PACKAGE_MISMATCH'],
  ])(
    'marks %s signed by the test’s own station as refused, and the room says so live',
    async (_what, make, code) => {
      const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
      const stream = await readEvents(
        `${base}/api/invigilator/sessions/${day.session.id}/events?after=${(await inv.room()).lastEventId}`,
        { authorization: `Bearer ${inv.token}` },
      );
      try {
        expect((await card()).upload).toBe('none');
        server.clock.advance(60_000);
        const r = await upload(await make());
        expect([r.statusCode, errorOf(r).code]).toEqual([422, code]);
        expect(errorOf(r).message).toMatch(/the result was not stored/);

        const refusal = { code, at: new Date(server.clock.now).toISOString() };
        const event = await stream.next((e) => e.event === 'candidate' && e.data.includes('resultRefused'));
        expect(JSON.parse(event.data)).toMatchObject({
          cause: 'resultRefused',
          candidate: { candidateId: input.candidateId, upload: 'refused', uploadRefusal: refusal },
        });
        expect(await card()).toMatchObject({ state: 'ended', upload: 'refused', uploadRefusal: refusal });
        // The mark, not the bundle.
        expect(await stored()).toBe(0);
        expect((await server.app.pix.store.tests.get(testId))?.uploadRefusal).toEqual({
          code,
          at: server.clock.now,
        });

        // The same bundle again (a replay) changes nothing and tells the room nothing new.
        server.clock.advance(5000);
        expect((await upload(await make())).statusCode).toBe(422);
        expect((await card()).uploadRefusal).toEqual(refusal);
        expect(await refusalEvents()).toHaveLength(1);
      } finally {
        stream.close();
      }
    },
  );

  it.each([
    [
      'a bundle signed by another key',
      async () => upload(await signBundle(bundlePayload(input), otherKey())),
      422,
      'BUNDLE_BAD_SIGNATURE',
    ],
    [
      'a tampered chain signed by another key',
      async () => {
        const records = input.journal.records.filter((r) => r.seq !== 6);
        return upload(await signBundle(bundlePayload({ ...input, override: { records } }), otherKey()));
      },
      422,
      'BUNDLE_BAD_SIGNATURE',
    ],
    ['something that is not a JWS', () => upload('not.a-jws'), 422, 'BUNDLE_MALFORMED'],
    [
      'a bundle of the station for another test (a copy sent to this test’s address)',
      async () =>
        upload(
          await signBundle(
            bundlePayload({ ...input, override: { testId: 'tst_another_test' } }),
            station.privateKey,
          ),
        ),
      422,
      'BUNDLE_MISMATCH',
    ],
    [
      'a tampered chain with a wrong idempotency key',
      async () => upload(await tamperedChain(), { 'idempotency-key': `${testId}:${'0'.repeat(64)}` }),
      400,
      'INVALID_REQUEST',
    ],
    [
      'a body that is not an upload',
      () =>
        station.inject(server.app, 'POST', STATION_API_PATHS.result(testId), { bundle: 'a.b.c', more: 1 }),
      400,
      'INVALID_REQUEST',
    ],
  ])('marks nothing for %s', async (_what, send, status, code) => {
    const r = await send();
    expect([r.statusCode, errorOf(r).code]).toEqual([status, code]);
    expect(await card()).toMatchObject({ upload: 'none', uploadRefusal: null });
    expect((await server.app.pix.store.tests.get(testId))?.uploadRefusal).toBeNull();
    expect(await refusalEvents()).toEqual([]);
    expect(await stored()).toBe(0);
  });

  it('marks nothing when the server is too busy to check the upload', async () => {
    server.app.pix.intakeGate = new IntakeGate(0, server.app.log);
    const busy = await upload(await tamperedChain());
    expect([busy.statusCode, errorOf(busy).code]).toEqual([503, 'SERVER_BUSY']);
    expect((await card()).uploadRefusal).toBeNull();
    expect(await refusalEvents()).toEqual([]);
  });

  it('lets a later accepted result stand over the refusal', async () => {
    expect((await upload(await tamperedChain())).statusCode).toBe(422);
    expect((await card()).upload).toBe('refused');
    server.clock.advance(1000);
    const accepted = await upload(await signBundle(bundlePayload(input), station.privateKey));
    expect(accepted.statusCode).toBe(200);
    expect(await card()).toMatchObject({ state: 'resultReceived', upload: 'received', uploadRefusal: null });
    expect((await server.app.pix.store.tests.get(testId))?.uploadRefusal).toBeNull();
    // Once a result is stored, no refusal marks the test again (a conflicting bundle gets 409).
    const conflict = await upload(await otherPackage());
    expect([conflict.statusCode, errorOf(conflict).code]).toEqual([409, 'BUNDLE_CONFLICT']);
    expect(
      await server.app.pix.store.tests.recordUploadRefusal(testId, { code: 'CHAIN_BROKEN', at: 1 }),
    ).toBe(false);
    expect(await card()).toMatchObject({ upload: 'received', uploadRefusal: null });
  });

  it('shows the refusal in the back office: the candidate’s progress and the session’s counts', async () => {
    expect((await upload(await tamperedChain())).statusCode).toBe(422);
    const { progress, counts } = await backOfficeSession(day);
    expect(progress.get(input.candidateId)).toBe('resultRefused');
    expect({ counts }).toMatchObject({ counts: { started: 1, resultsReceived: 0, resultsRefused: 1 } });
    const list = await day.api({ method: 'GET', url: `/api/centre/centres/${day.centreId}/sessions` });
    expect(
      (list.json() as { sessions: { id: string; counts: unknown }[] }).sessions.find(
        (x) => x.id === day.session.id,
      ),
    ).toMatchObject({
      counts: { resultsRefused: 1 },
    });
  });

  it('counts a refused test as sat, even when nothing of it reached the server: unfinished, not absent', async () => {
    expect((await upload(await tamperedChain())).statusCode).toBe(422);
    const finalize = (abortReasons: { candidateId: string; reason: string }[]) =>
      inv.post('/finalization', {
        abortReasons,
        globalComment: 'Résultat du poste 01 refusé par le serveur.',
        hadIncident: true,
        candidateCouldNotJoin: false,
      });
    const withoutReason = await finalize([]);
    expect([withoutReason.statusCode, errorOf(withoutReason).code]).toEqual([422, 'ABORT_REASON_REQUIRED']);
    expect((await finalize([{ candidateId: input.candidateId, reason: 'technical' }])).statusCode).toBe(200);
    const results = (await inv.get('/results')).json() as Results;
    expect(results.results.map((r) => [r.candidateId, r.source])).toEqual([[input.candidateId, 'records']]);
    expect(results.absent.map((a) => a.candidateId)).not.toContain(input.candidateId);
  });

  it('does not hold finalization back: its station sealed the test', async () => {
    // The opening records replicated and a heartbeat of a test under way, as just before sealing.
    const opened = input.journal.records.slice(0, 3);
    expect(
      (await station.inject(server.app, 'POST', STATION_API_PATHS.records(testId), { records: opened }))
        .statusCode,
    ).toBe(200);
    const beat = await station.inject(server.app, 'POST', STATION_API_PATHS.heartbeat, {
      testId,
      phase: 'inProgress',
      current: 0,
      answered: 0,
      total: input.pkg.challenges.length,
      timeLeftMs: 60 * 60_000,
      alertPending: false,
      lastSeq: opened.length,
      stationTime: server.clock.now,
    });
    expect(beat.statusCode).toBe(200);
    expect((await card()).state).toBe('inProgress');

    expect((await upload(await tamperedChain())).statusCode).toBe(422);
    expect(await card()).toMatchObject({ state: 'ended', upload: 'refused' });
    const finalized = await inv.post('/finalization', {
      abortReasons: [{ candidateId: input.candidateId, reason: 'technical' }],
      globalComment: 'Résultat du poste 01 refusé par le serveur : journal à examiner.',
      hadIncident: true,
      candidateCouldNotJoin: false,
    });
    expect(finalized.statusCode).toBe(200);
  });
});

function otherKey() {
  return generateKeyPairSync('ed25519').privateKey;
}
