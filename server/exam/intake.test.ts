import { generateKeyPairSync } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleHash } from '../../core/bundle/bundle-hash.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { enrolledStation, invigilator, type Invigilator, finishedTest } from '../testing/exam-helpers.ts';
import { TestJournal, bundlePayload, signBundle, type BundleInput } from '../testing/journal-builder.ts';
import { seedCertificationDay, type SeededCandidate, type SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';
import { IntakeGate } from './intake-gate.ts';

describe.each([
  ['on the main thread', 0],
  ['on a worker thread', 1],
])('result intake (bundles checked %s)', (_where, threads) => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  let input: BundleInput;
  let testId: string;
  beforeEach(async () => {
    server = await startTestServer({ config: { bundleVerifierThreads: threads } });
    day = await seedCertificationDay(server.app, { count: 2 });
    station = await enrolledStation(server, day);
    inv = await invigilator(server, day);
    ({ testId, input } = await finishedTest(server, day, inv, station, day.candidates[0] as SeededCandidate));
  });
  afterEach(() => server.close());

  const upload = (jws: string, headers: Record<string, string> = {}, by = station, id = testId) =>
    by.inject(server.app, 'POST', STATION_API_PATHS.result(id), { bundle: jws }, headers);
  const stored = () => server.app.pix.store.bundles.count();

  it('stores a valid bundle once; the same again gets the same answer; another gets 409', async () => {
    const jws = await signBundle(bundlePayload(input), station.privateKey);
    const first = await upload(jws, { 'idempotency-key': `${testId}:${bundleHash(jws)}` });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      bundleHash: bundleHash(jws),
      receivedAt: new Date(server.clock.now).toISOString(),
    });
    server.clock.advance(5000);
    const again = await upload(jws);
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    expect(await inv.card(input.candidateId)).toMatchObject({
      state: 'resultReceived',
      upload: 'received',
      endReason: 'finished',
    });

    const other = await signBundle(
      bundlePayload({ ...input, override: { sealedAt: new Date(server.clock.now).toISOString() } }),
      station.privateKey,
    );
    const conflict = await upload(other);
    expect([conflict.statusCode, errorOf(conflict).code]).toEqual([409, 'BUNDLE_CONFLICT']);
    expect(await stored()).toBe(1);
  });

  it('answers a bundle already stored without checking it again', async () => {
    const jws = await signBundle(bundlePayload(input), station.privateKey);
    const first = await upload(jws);
    expect(first.statusCode).toBe(200);
    const verifier = server.app.pix.bundleVerifier;
    let checks = 0;
    server.app.pix.bundleVerifier = {
      check: (job) => {
        checks += 1;
        return verifier.check(job);
      },
      close: () => verifier.close(),
    };
    const again = await upload(jws, { 'idempotency-key': `${testId}:${bundleHash(jws)}` });
    expect([again.statusCode, again.body]).toEqual([200, first.body]);
    const wrongKey = await upload(jws, { 'idempotency-key': `${testId}:${'0'.repeat(64)}` });
    expect([wrongKey.statusCode, errorOf(wrongKey).code]).toEqual([400, 'INVALID_REQUEST']);
    expect(checks).toBe(0);
    server.app.pix.bundleVerifier = verifier;
  });

  it('gives the receipt of a stored result even when what follows its storage fails', async () => {
    const jws = await signBundle(bundlePayload(input), station.privateKey);
    const ctx = server.app.pix;
    const follow = ctx.onResultReceived;
    const errors: unknown[] = [];
    const log = ctx.log.error.bind(ctx.log);
    ctx.log.error = ((...args: Parameters<typeof log>) => {
      errors.push(args[0]);
      log(...args);
    }) as typeof ctx.log.error;
    // A disk that fills up between the bundle's commit and the late re-scoring or the room's event.
    ctx.onResultReceived = () =>
      Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    const first = await upload(jws);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      bundleHash: bundleHash(jws),
      receivedAt: new Date(server.clock.now).toISOString(),
    });
    expect(await stored()).toBe(1);
    expect(errors).toEqual([expect.objectContaining({ testId, candidateId: input.candidateId })]);
    ctx.onResultReceived = follow;
    ctx.log.error = log;
  });

  it('answers 503 with Retry-After past its limit of uploads in course, and takes the upload sent again', async () => {
    const jws = await signBundle(bundlePayload(input), station.privateKey);
    const verifier = server.app.pix.bundleVerifier;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    server.app.pix.bundleVerifier = {
      check: async (job) => {
        await held;
        return verifier.check(job);
      },
      close: () => verifier.close(),
    };
    const gate = new IntakeGate(1, server.app.log);
    server.app.pix.intakeGate = gate;
    const first = upload(jws);
    for (let turn = 0; turn < 1000 && gate.inFlight === 0; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(gate.inFlight).toBe(1);

    const busy = await upload(jws);
    expect([busy.statusCode, errorOf(busy).code, busy.headers['retry-after']]).toEqual([
      503,
      'SERVER_BUSY',
      '2',
    ]);
    expect(await stored()).toBe(0);

    release();
    expect((await first).statusCode).toBe(200);
    expect(gate.inFlight).toBe(0);
    const sentAgain = await upload(jws);
    expect([sentAgain.statusCode, await stored()]).toEqual([200, 1]);
    server.app.pix.bundleVerifier = verifier;
  });

  it('gives an upload’s place back when its bundle is refused', async () => {
    const gate = new IntakeGate(1, server.app.log);
    server.app.pix.intakeGate = gate;
    const refused = await upload('not.a-jws');
    expect([refused.statusCode, gate.inFlight]).toEqual([422, 0]);
    const valid = await upload(await signBundle(bundlePayload(input), station.privateKey));
    expect(valid.statusCode).toBe(200);
  });

  it('refuses a body that is not JSON or not an upload, and stores nothing', async () => {
    const path = STATION_API_PATHS.result(testId);
    const text = '{"bundle": "a.b.c"';
    const notJson = await server.app.inject({
      method: 'POST',
      url: path,
      headers: { ...station.sign('POST', path, text), 'content-type': 'application/json' },
      payload: text,
    });
    expect([notJson.statusCode, errorOf(notJson).code]).toEqual([400, 'INVALID_JSON']);
    const extra = await station.inject(server.app, 'POST', path, { bundle: 'a.b.c', more: 1 });
    expect([extra.statusCode, errorOf(extra).code]).toEqual([400, 'INVALID_REQUEST']);
    expect(errorOf(extra).message).toMatch(/^body/);
    expect(await stored()).toBe(0);
  });

  it('refuses a wrong idempotency key', async () => {
    const jws = await signBundle(bundlePayload(input), station.privateKey);
    const r = await upload(jws, { 'idempotency-key': `${testId}:${'0'.repeat(64)}` });
    expect([r.statusCode, errorOf(r).code]).toEqual([400, 'INVALID_REQUEST']);
    expect(await stored()).toBe(0);
  });

  it.each([
    [
      'signed by another key',
      async () => signBundle(bundlePayload(input), generateKeyPairSync('ed25519').privateKey),
      'BUNDLE_BAD_SIGNATURE',
    ],
    ['not a JWS', async () => 'not.a-jws', 'BUNDLE_MALFORMED'],
    [
      'a payload that is not a bundle',
      async () => signBundle({ hello: 'world' }, station.privateKey),
      'BUNDLE_INVALID_PAYLOAD',
    ],
    [
      'a tampered chain (a record edited, signature redone)',
      async () => {
        const records = input.journal.records.map((r) =>
          r.kind === 'answered' && r.seq === 5 ? { ...r, payload: { ...r.payload, timedOut: true } } : r,
        );
        return signBundle(bundlePayload({ ...input, override: { records } }), station.privateKey);
      },
      'CHAIN_BROKEN',
    ],
    [
      'a record removed',
      async () => {
        const records = input.journal.records.filter((r) => r.seq !== 6);
        return signBundle(bundlePayload({ ...input, override: { records } }), station.privateKey);
      },
      'CHAIN_BROKEN',
    ],
    [
      'an end reason the journal does not record',
      async () => signBundle(bundlePayload({ ...input, endReason: 'timeUp' }), station.privateKey),
      'BUNDLE_INVALID_PAYLOAD',
    ],
    [
      'another package hash',
      async () =>
        signBundle(
          bundlePayload({ ...input, override: { packageHash: 'f'.repeat(64) } }),
          station.privateKey,
        ),
      'PACKAGE_MISMATCH',
    ],
    [
      'another station named inside',
      async () =>
        signBundle(
          bundlePayload({ ...input, override: { stationId: 'st-00000000000000000000' } }),
          station.privateKey,
        ),
      'BUNDLE_MISMATCH',
    ],
  ])('refuses %s with 422 and stores nothing', async (_what, make, code) => {
    const r = await upload(await make());
    expect([r.statusCode, errorOf(r).code]).toEqual([422, code]);
    expect(errorOf(r).message).toMatch(/the result was not stored/);
    expect(await stored()).toBe(0);
    expect((await inv.card(input.candidateId)).upload).not.toBe('received');
  });

  it('refuses a bundle naming a candidate of another session', async () => {
    const session = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${day.centreId}/sessions`,
      payload: { address: 'a', room: 'b', date: '2026-12-09', time: '10:00', examiner: 'c' },
    });
    const other = session.json() as { id: string };
    const stranger = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${other.id}/candidates`,
      payload: {
        lastName: 'Autre',
        firstName: 'Session',
        sex: 'F',
        birthdate: '2011-02-02',
        birthCountry: 'France',
        birthInseeCode: '69123',
      },
    });
    const strangerId = (stranger.json() as { id: string }).id;
    const r = await upload(
      await signBundle(
        bundlePayload({ ...input, sessionId: other.id, candidateId: strangerId }),
        station.privateKey,
      ),
    );
    expect([r.statusCode, errorOf(r).code]).toEqual([422, 'BUNDLE_MISMATCH']);
    expect(await stored()).toBe(0);
  });

  it('refuses a bundle whose journal contradicts the records replicated during the test', async () => {
    await station.inject(server.app, 'POST', STATION_API_PATHS.records(testId), {
      records: input.journal.records.slice(0, 4),
    });
    const forked = new TestJournal(testId, server.clock.now + 99);
    forked.open(
      { sessionId: input.sessionId, candidateId: input.candidateId, stationId: station.id },
      input.pkg,
      input.packageHash,
    );
    forked.append({
      kind: 'skipped',
      payload: { challengeId: input.pkg.challenges[0]?.id ?? '', timeSpentMs: 1 },
    });
    forked.end();
    const r = await upload(
      await signBundle(bundlePayload({ ...input, journal: forked }), station.privateKey),
    );
    expect([r.statusCode, errorOf(r).code]).toEqual([422, 'CHAIN_BROKEN']);
    expect(errorOf(r).message).toMatch(/replicated/);
    expect(await stored()).toBe(0);
  });

  it('takes the bundle as the station’s signature: x-station-id alone, no request signature', async () => {
    const jws = await signBundle(bundlePayload(input), station.privateKey);
    const text = JSON.stringify({ bundle: jws });
    const send = (headers: Record<string, string>) =>
      server.app.inject({
        method: 'POST',
        url: STATION_API_PATHS.result(testId),
        headers: { ...headers, 'content-type': 'application/json' },
        payload: text,
      });
    const anonymous = await send({});
    expect([anonymous.statusCode, errorOf(anonymous).code]).toEqual([401, 'BAD_SIGNATURE']);
    const stranger = await send({ 'x-station-id': 'st-00000000000000000000' });
    expect([stranger.statusCode, errorOf(stranger).code]).toEqual([401, 'STATION_NOT_READY']);
    // Another enrolled station cannot pass this bundle off as its own, nor its own bundle as this one's.
    const other = await enrolledStation(server, day, 'Poste 02');
    const claimed = await send({ 'x-station-id': other.id });
    expect([claimed.statusCode, errorOf(claimed).code]).toEqual([403, 'NOT_YOUR_TEST']);
    const forged = await server.app.inject({
      method: 'POST',
      url: STATION_API_PATHS.result(testId),
      headers: { 'x-station-id': station.id, 'content-type': 'application/json' },
      payload: JSON.stringify({ bundle: await signBundle(bundlePayload(input), other.privateKey) }),
    });
    expect([forged.statusCode, errorOf(forged).code]).toEqual([422, 'BUNDLE_BAD_SIGNATURE']);
    expect(await stored()).toBe(0);
    // The station's own upload, then the same bytes again (a replay): one result, the same receipt.
    const first = await send({ 'x-station-id': station.id });
    expect(first.statusCode).toBe(200);
    const again = await send({ 'x-station-id': station.id });
    expect([again.statusCode, again.json()]).toEqual([200, first.json()]);
    expect(await stored()).toBe(1);
  });

  it('refuses unknown tests, other stations, revoked stations, wrong types and oversized bodies', async () => {
    const jws = await signBundle(bundlePayload(input), station.privateKey);
    expect((await upload(jws, {}, station, 'tst_unknown')).statusCode).toBe(404);
    const other = await enrolledStation(server, day, 'Poste 02');
    const foreign = await upload(jws, {}, other);
    expect([foreign.statusCode, errorOf(foreign).code]).toEqual([403, 'NOT_YOUR_TEST']);
    const wrongType = await station.inject(server.app, 'POST', STATION_API_PATHS.result(testId), {
      bundle: 42,
    });
    expect(wrongType.statusCode).toBe(400);
    const huge = await station.inject(server.app, 'POST', STATION_API_PATHS.result(testId), {
      bundle: 'x'.repeat(9 * 1024 * 1024),
    });
    expect([huge.statusCode, errorOf(huge).code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    // Confirmed: the station's test awaits its signed result (a revocation otherwise refused,
    // STATION_IN_USE).
    await day.api({
      method: 'POST',
      url: `/api/centre/stations/${station.id}/revoke`,
      payload: { confirmTestIds: [testId] },
    });
    const revoked = await upload(jws);
    expect([revoked.statusCode, errorOf(revoked).code]).toEqual([403, 'STATION_NOT_READY']);
    expect(await stored()).toBe(0);
  });
});

describe('after a result is stored', () => {
  it('gives the receipt, and stops the server when what follows finds the disk lost written data', async () => {
    const stopped: unknown[] = [];
    const server = await startTestServer({ onDurabilityLost: (error) => stopped.push(error) });
    try {
      const day = await seedCertificationDay(server.app, { count: 1 });
      const station = await enrolledStation(server, day);
      const inv = await invigilator(server, day);
      const { testId, input } = await finishedTest(
        server,
        day,
        inv,
        station,
        day.candidates[0] as SeededCandidate,
      );
      // The room's event after the commit meets a disk that failed to keep what was written.
      const lost = new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_FSYNC');
      const feed = server.app.pix.feed;
      feed.candidateChanged = () => Promise.reject(lost);
      const jws = await signBundle(bundlePayload(input), station.privateKey);
      const r = await station.inject(server.app, 'POST', STATION_API_PATHS.result(testId), { bundle: jws });
      expect([r.statusCode, r.json()]).toEqual([
        200,
        { bundleHash: bundleHash(jws), receivedAt: new Date(server.clock.now).toISOString() },
      ]);
      expect(stopped).toEqual([lost]);
    } finally {
      await server.close();
    }
  });
});
