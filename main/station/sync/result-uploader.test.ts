// The result uploader against a flaky local server: refused connections, 500s, a timeout, Retry-After,
// an acknowledgment lost after the server stored the result, a slow answer, duplicate acknowledgments.
// Exactly one result is stored, the station shows it uploaded, and nothing is lost across a restart.
// Backoff delays are recorded by fake timers: nothing sleeps for real. A result the server refuses is
// set aside for good and the others go on; an unknown or revoked station stops them all.
import { afterEach, describe, expect, it } from 'vitest';
import { bundleHash } from '../../../core/bundle/bundle-hash.ts';
import type { ResultUploadResponse } from '../../../core/contracts/station-server.ts';
import { sha256Hex } from '../../../core/hashing/canonical-hash.ts';
import { MemoryKeyStore } from '../identity/key-store.ts';
import { loadOrCreateStationKeys, type StationKeys } from '../identity/station-keys.ts';
import { AnswerJournal } from '../journal/answer-journal.ts';
import { opened, removeTempJournals, tempJournalFile, testWithPackage } from '../journal/journal-fixtures.ts';
import { ExamRuntime } from '../runtime/exam-runtime.ts';
import type { ServerResult } from '../runtime/ports.ts';
import { FakeServer, choice, fakeMonotonic, signIn, testPackage } from '../runtime/runtime-fixtures.ts';
import { createResultSealer } from '../sealing/result-sealer.ts';
import { FakeStationServer, type Fault } from './fake-station-server.ts';
import { ResultUploader } from './result-uploader.ts';
import { UPLOAD_BACKOFF, backoffDelayMs, retryDelayMs } from './retry-timing.ts';
import { ServerConnection } from './server-connection.ts';
import { serverOrigin } from './server-origin.ts';
import { StationAccess } from './station-access.ts';
import { StationServerClient } from './station-server-client.ts';
import { InstantTimers, until } from './sync-fixtures.ts';

let server: FakeStationServer;
const journals: AnswerJournal[] = [];
const uploaders: ResultUploader[] = [];

afterEach(async () => {
  for (const uploader of uploaders.splice(0)) await uploader.stop();
  await server?.close();
  for (const journal of journals.splice(0)) journal.close();
  removeTempJournals();
});

/** A station whose candidate has finished: the result is sealed with the real sealer and stored. */
async function stationWithSealedResult(file = tempJournalFile('upload-')) {
  const keys = (await loadOrCreateStationKeys(new MemoryKeyStore())).keys;
  const journal = AnswerJournal.open({ file });
  journals.push(journal);
  const runtime = stationRuntime(journal, keys);
  await runtime.signIn(signIn);
  await runtime.acceptInstructions();
  await runtime.handleCommand({ type: 'authorizeStart', id: 'start', testId: 'test-1' });
  for (const id of ['rec1', 'rec2', 'rec3']) await runtime.submitAnswer(id, choice('1'));
  if (runtime.phase !== 'sealed') throw new Error(`not sealed: ${runtime.phase}`);
  return { keys, journal, runtime, file };
}

function stationRuntime(journal: AnswerJournal, keys: StationKeys): ExamRuntime {
  return new ExamRuntime({
    journal,
    server: new FakeServer(testPackage({ count: 3 })),
    seal: createResultSealer({ keys, serverClockOffsetMs: () => 250 }),
    station: () => ({ stationId: keys.stationId, name: 'Poste 07', centreName: null, enrolled: true }),
    monotonic: fakeMonotonic(),
  });
}

function uploaderFor(
  keys: StationKeys,
  journal: AnswerJournal,
  runtime: ExamRuntime,
  timers: InstantTimers,
  wrap: (upload: StationServerClient['uploadResult']) => StationServerClient['uploadResult'] = (u) => u,
) {
  const client = new StationServerClient(
    new ServerConnection({ serverUrl: server.url, keys, timeoutMs: 1000 }),
    {
      uploadTimeoutMs: 1000,
    },
  );
  const upload = wrap((testId, bundle, hash) => client.uploadResult(testId, bundle, hash));
  const uploader = new ResultUploader({
    journal,
    upload,
    markUploaded: (testId) => runtime.markUploaded(testId),
    timers,
  });
  uploaders.push(uploader);
  return { uploader, client };
}

describe('the result uploader against a flaky server', () => {
  it('stores exactly one result, and the station shows it uploaded', async () => {
    server = await new FakeStationServer().listen();
    const { keys, journal, runtime } = await stationWithSealedResult();
    server.registerStation(keys.publicJwk);
    const sealed = journal.test('test-1');
    expect(sealed?.bundleHash).toBe(bundleHash(sealed?.bundle ?? ''));

    // The server's answers to the upload, in order (it is down for the first two tries).
    const script: Fault[] = [
      { kind: 'status', status: 503, retryAfter: '7' },
      { kind: 'status', status: 500 },
      { kind: 'hang' },
      { kind: 'workThenDestroy' },
      { kind: 'delay', ms: 100 },
    ];
    let served = 0;
    server.fault = (route) => (route === 'result' ? script[served++] : undefined);
    await server.goDown();
    let tries = 0;
    const timers = new InstantTimers();
    const { uploader, client } = uploaderFor(keys, journal, runtime, timers, (upload) => async (...args) => {
      tries += 1;
      const result = await upload(...args);
      if (tries === 2) await server.comeBack();
      return result;
    });

    uploader.start();
    await until(() => runtime.phase === 'uploaded', 15_000, 'the upload');

    expect(tries).toBe(7); // 2 refused, 503, 500, timeout, lost acknowledgment, slow success
    expect(server.resultStores).toBe(1);
    expect(server.results.get('test-1')?.bundleHash).toBe(sealed?.bundleHash);
    expect(runtime.status().exam.upload).toBe('uploaded');
    const acknowledged = journal.test('test-1');
    expect(acknowledged?.acknowledgedAt).not.toBeNull();
    expect(journal.pendingBundles()).toEqual([]);
    // Nothing was deleted: the bundle stays until the retention delay passes.
    expect(acknowledged?.bundle).toBe(sealed?.bundle);
    expect(journal.records('test-1').length).toBeGreaterThan(0);

    // Backoff: full jitter under 1 s × 2^n (60 s cap), never shorter than the server's Retry-After.
    const retries = timers.sleeps.slice(0, 6);
    expect(retries).toEqual([500, 1000, 7000, 4000, 8000, 16_000]);
    expect(Math.max(...timers.sleeps.filter((ms) => ms !== 30_000))).toBeLessThanOrEqual(60_000);

    // A duplicate acknowledgment (the same bundle sent again) changes nothing, on either side.
    const again = await client.uploadResult('test-1', sealed?.bundle ?? '', sealed?.bundleHash ?? '');
    expect(again).toMatchObject({ ok: true, value: { bundleHash: sealed?.bundleHash } });
    await runtime.markUploaded('test-1');
    expect(server.resultStores).toBe(1);
    expect(journal.test('test-1')?.acknowledgedAt).toBe(acknowledged?.acknowledgedAt);
    expect(runtime.phase).toBe('uploaded');
  });

  it('never sends the same result twice at once', async () => {
    server = await new FakeStationServer().listen();
    const { keys, journal, runtime } = await stationWithSealedResult();
    server.registerStation(keys.publicJwk);
    server.fault = (route) => (route === 'result' ? { kind: 'delay', ms: 50 } : undefined);
    const { uploader } = uploaderFor(keys, journal, runtime, new InstantTimers());
    const [a, b, c] = await Promise.all([
      uploader.uploadPending(),
      uploader.uploadPending(),
      uploader.uploadPending(),
    ]);
    expect(a).toEqual({ uploaded: ['test-1'], refused: [], failure: null });
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(server.requests.filter((r) => r.route === 'result')).toHaveLength(1);
  });

  it('carries on after a restart: the pending result is read from the journal', async () => {
    server = await new FakeStationServer().listen();
    const first = await stationWithSealedResult();
    server.registerStation(first.keys.publicJwk);
    server.fault = (route) => (route === 'result' ? { kind: 'status', status: 500 } : undefined);
    const firstUploader = uploaderFor(first.keys, first.journal, first.runtime, new InstantTimers()).uploader;
    firstUploader.start();
    await until(() => server.requests.filter((r) => r.route === 'result').length >= 3, 5000, 'a few tries');
    // The station is switched off.
    await firstUploader.stop();
    first.journal.close();
    journals.splice(journals.indexOf(first.journal), 1);

    server.fault = () => undefined;
    const journal = AnswerJournal.open({ file: first.file });
    journals.push(journal);
    const runtime = stationRuntime(journal, first.keys);
    await runtime.restore();
    expect(runtime.phase).toBe('idle'); // the candidate's test is over; the result still waits
    expect(journal.pendingBundles().map((t) => t.testId)).toEqual(['test-1']);
    const { uploader } = uploaderFor(first.keys, journal, runtime, new InstantTimers());
    uploader.start();
    await until(() => journal.pendingBundles().length === 0, 5000, 'the upload after the restart');
    expect(server.resultStores).toBe(1);
    expect(journal.test('test-1')?.acknowledgedAt).not.toBeNull();
  });

  it('keeps trying until the server acknowledges this very bundle', async () => {
    server = await new FakeStationServer().listen();
    const { keys, journal, runtime } = await stationWithSealedResult();
    server.registerStation(keys.publicJwk);
    let calls = 0;
    const timers = new InstantTimers();
    const { uploader } = uploaderFor(keys, journal, runtime, timers, (upload) => async (...args) => {
      calls += 1;
      if (calls <= 2)
        return { ok: true, value: { bundleHash: 'e'.repeat(64), receivedAt: '2026-11-22T10:00:00Z' } };
      return upload(...args);
    });
    const round = await uploader.uploadPending();
    expect(round.failure).toMatchObject({ code: 'ACKNOWLEDGED_ANOTHER_BUNDLE' });
    expect(runtime.phase).toBe('sealed');
    expect(uploader.state()).toMatchObject({ pending: 1, failures: 1 });
    uploader.start();
    await until(() => runtime.phase === 'uploaded', 5000, 'the right acknowledgment');
    expect(calls).toBe(3);
    expect(uploader.state()).toMatchObject({ pending: 0, failures: 0, lastProblem: null });
  });

  it('a result the server refuses is kept, not asked again, and still refused after a restart', async () => {
    server = await new FakeStationServer().listen();
    const { keys, journal, runtime, file } = await stationWithSealedResult();
    server.registerStation(keys.publicJwk);
    server.fault = (route) =>
      route === 'result' ? { kind: 'status', status: 409, code: 'BUNDLE_CONFLICT' } : undefined;
    const timers = new InstantTimers();
    const { uploader } = uploaderFor(keys, journal, runtime, timers);
    uploader.start();
    await until(() => journal.serverRefusal('test-1', 'result') !== null, 5000, 'the refusal');
    await until(() => timers.sleeps.length >= 10, 5000, 'ten more rounds');
    await uploader.stop();
    expect(server.requests.filter((r) => r.route === 'result')).toHaveLength(1);
    expect(journal.serverRefusal('test-1', 'result')).toMatchObject({
      status: 409,
      code: 'BUNDLE_CONFLICT',
      message: 'injected fault',
    });
    // The candidate is not told « being sent » forever.
    expect(runtime.status().exam.upload).toBe('refused');
    expect(uploader.state()).toMatchObject({ pending: 0, failures: 0 });

    // Switched off and on: still refused, still not sent, nothing deleted.
    journal.close();
    journals.splice(journals.indexOf(journal), 1);
    const again = AnswerJournal.open({ file });
    journals.push(again);
    expect(again.serverRefusal('test-1', 'result')).toMatchObject({ code: 'BUNDLE_CONFLICT' });
    expect(again.pendingBundles()).toEqual([]);
    expect(again.test('test-1')?.bundle).not.toBeNull();
    const next = uploaderFor(keys, again, stationRuntime(again, keys), new InstantTimers()).uploader;
    expect(await next.uploadPending()).toEqual({ uploaded: [], refused: [], failure: null });
    expect(server.requests.filter((r) => r.route === 'result')).toHaveLength(1);
  });
});

/** A journal holding sealed results of `testIds`, oldest first, for an uploader with a scripted server. */
function sealedTests(...testIds: string[]): AnswerJournal {
  const journal = AnswerJournal.open({ file: tempJournalFile('refusal-') });
  journals.push(journal);
  testIds.forEach((testId, i) => {
    testWithPackage(journal, testId, 4, 1_700_000_000_000 + i);
    journal.append(testId, opened, { wallAt: 1, elapsedMs: 0 });
    const bundle = `bundle-of-${testId}`;
    journal.storeBundle(testId, bundle, sha256Hex(bundle));
  });
  return journal;
}

type Answer = ServerResult<ResultUploadResponse>;
const stored = (bundle: string): Answer => ({
  ok: true,
  value: { bundleHash: sha256Hex(bundle), receivedAt: '2026-11-22T10:00:00Z' },
});
const refusedWith = (status: number, code: string): Answer => ({
  ok: false,
  kind: 'http',
  status,
  code,
  message: `refused: ${code}`,
});

function scriptedUploader(
  journal: AnswerJournal,
  answer: (testId: string, bundle: string) => Answer,
  timers: InstantTimers,
  access?: StationAccess,
) {
  const tries: string[] = [];
  const uploader = new ResultUploader({
    journal,
    upload: async (testId, bundle) => {
      tries.push(testId);
      return answer(testId, bundle);
    },
    markUploaded: async (testId) => journal.acknowledge(testId, 5000, 1000),
    timers,
    ...(access ? { access } : {}),
  });
  uploaders.push(uploader);
  return { uploader, tries };
}

describe('what the uploader does with each kind of failure', () => {
  it('an older result the server refused no longer holds back a newer one', async () => {
    const journal = sealedTests('morning', 'afternoon');
    const timers = new InstantTimers();
    const { uploader, tries } = scriptedUploader(
      journal,
      (testId, bundle) => (testId === 'morning' ? refusedWith(422, 'CHAIN_BROKEN') : stored(bundle)),
      timers,
    );
    uploader.start();
    await until(() => journal.test('afternoon')?.acknowledgedAt !== null, 5000, 'the newer result');
    await until(() => timers.sleeps.length >= 20, 5000, 'more rounds');
    await uploader.stop();
    expect(tries).toEqual(['morning', 'afternoon']);
    expect(journal.serverRefusal('morning', 'result')).toMatchObject({ status: 422, code: 'CHAIN_BROKEN' });
    // Nothing left to do: the loop only waits for new results (no retry delays).
    expect(new Set(timers.sleeps)).toEqual(new Set([30_000]));
  });

  it('failures that may pass are tried again, each after a real delay, and are not taken as refusals', async () => {
    const journal = sealedTests('test-1');
    const timers = new InstantTimers();
    timers.randomValue = 0; // the draw that used to mean « at once »
    const script: Answer[] = [
      { ok: false, kind: 'network', message: 'the server cannot be reached' },
      { ok: false, kind: 'timeout', message: 'the server did not answer in time' },
      { ok: false, kind: 'http', status: 500, code: 'HTTP_500', message: 'boom' },
      { ok: false, kind: 'http', status: 503, code: 'HTTP_503', message: 'later', retryAfterMs: 7000 },
      { ok: false, kind: 'http', status: 408, code: 'HTTP_408', message: 'slow' },
      refusedWith(429, 'RATE_LIMITED'),
      // A proxy's own page: a setting someone can fix, not the server's verdict.
      { ok: false, kind: 'http', status: 413, code: 'HTTP_413', message: 'the server answered 413' },
    ];
    const { uploader, tries } = scriptedUploader(
      journal,
      (_testId, bundle) => script[tries.length - 1] ?? stored(bundle),
      timers,
    );
    uploader.start();
    await until(() => journal.pendingBundles().length === 0, 5000, 'the upload');
    await uploader.stop();
    expect(tries).toHaveLength(8);
    expect(journal.serverRefusal('test-1', 'result')).toBeNull();
    expect(timers.sleeps.slice(0, 7)).toEqual([100, 100, 100, 7000, 100, 100, 100]);
  });

  it('an unknown or revoked station stops every upload, says so, and carries on once accepted', async () => {
    const journal = sealedTests('test-1', 'test-2');
    const timers = new InstantTimers();
    const changes: (string | null)[] = [];
    const access = new StationAccess({ onChange: (r) => changes.push(r?.code ?? null) });
    let revoked = true;
    const { uploader, tries } = scriptedUploader(
      journal,
      (_testId, bundle) => (revoked ? refusedWith(403, 'STATION_NOT_READY') : stored(bundle)),
      timers,
      access,
    );
    uploader.start();
    await until(() => timers.sleeps.length >= 4, 5000, 'a few rounds');
    // One probe per round, with a growing backoff; test-2 is not even tried, nothing is refused.
    expect(new Set(tries)).toEqual(new Set(['test-1']));
    expect(timers.sleeps.slice(0, 4)).toEqual([500, 1000, 2000, 4000]);
    expect(access.rejection).toMatchObject({ status: 403, code: 'STATION_NOT_READY' });
    expect(journal.serverRefusal('test-1', 'result')).toBeNull();
    expect(journal.pendingBundles()).toHaveLength(2);

    revoked = false;
    await until(() => journal.pendingBundles().length === 0, 5000, 'the uploads once accepted');
    await uploader.stop();
    expect(access.rejection).toBeNull();
    expect(changes).toEqual(['STATION_NOT_READY', null]);
  });
});

describe('retry timing', () => {
  it('full jitter: uniform below min(cap, base × 2^attempt)', () => {
    expect([0, 1, 2, 5, 6, 7, 100].map((n) => backoffDelayMs(n, UPLOAD_BACKOFF, () => 0.5))).toEqual([
      500, 1000, 2000, 16_000, 30_000, 30_000, 30_000,
    ]);
    // Never at once: at least a tenth of the base.
    expect(backoffDelayMs(3, UPLOAD_BACKOFF, () => 0)).toBe(100);
  });

  it('Retry-After is a floor, not a replacement', () => {
    expect(retryDelayMs(0, { retryAfterMs: 7000 }, UPLOAD_BACKOFF, () => 0.5)).toBe(7000);
    expect(retryDelayMs(6, { retryAfterMs: 7000 }, UPLOAD_BACKOFF, () => 0.9)).toBe(54_000);
    expect(retryDelayMs(0, {}, UPLOAD_BACKOFF, () => 0.5)).toBe(500);
  });
});

describe('where a result goes', () => {
  it('an address no route serves (a wrong path, a proxy) is tried again, never taken as a refusal', async () => {
    server = await new FakeStationServer().listen();
    const { keys, journal, runtime } = await stationWithSealedResult();
    server.registerStation(keys.publicJwk);
    const client = new StationServerClient(
      new ServerConnection({ serverUrl: `${server.url}/certif`, keys, timeoutMs: 1000 }),
    );
    const uploader = new ResultUploader({
      journal,
      upload: (testId, bundle, hash) => client.uploadResult(testId, bundle, hash),
      markUploaded: (testId) => runtime.markUploaded(testId),
      timers: new InstantTimers(),
    });
    const round = await uploader.uploadPending();
    expect(round.failure).toMatchObject({ status: 404, code: 'NO_ROUTE' });
    expect(round.refused).toEqual([]);
    expect(journal.serverRefusal('test-1', 'result')).toBeNull();
    expect(uploader.state()).toMatchObject({
      pending: 1,
      failures: 1,
      lastProblem: expect.stringMatching(/^no route POST \/certif\/api\/station\/tests\/test-1\/result/),
    });
  });

  it('the result of a test taken on another server is neither sent here nor refused: it waits', async () => {
    server = await new FakeStationServer().listen();
    const { keys, journal, runtime } = await stationWithSealedResult();
    server.registerStation(keys.publicJwk);
    journal.bindTestsToServer('https://certif.example.org');
    const client = new StationServerClient(
      new ServerConnection({ serverUrl: server.url, keys, timeoutMs: 1000 }),
    );
    const uploaderTo = (serverUrl: string) =>
      new ResultUploader({
        journal,
        upload: (testId, bundle, hash) => client.uploadResult(testId, bundle, hash),
        markUploaded: (testId) => runtime.markUploaded(testId),
        server: serverOrigin(serverUrl),
        timers: new InstantTimers(),
      });
    const elsewhere = uploaderTo(server.url);
    expect(await elsewhere.uploadPending()).toEqual({ uploaded: [], refused: [], failure: null });
    expect(server.requests.filter((r) => r.route === 'result')).toEqual([]);
    expect(elsewhere.state().pending).toBe(0);
    expect(journal.serverRefusal('test-1', 'result')).toBeNull();
    expect(journal.pendingBundles().map((t) => t.testId)).toEqual(['test-1']);

    // Pointed back to its server (the same address, written otherwise), the station sends it.
    const back = uploaderTo('https://CERTIF.example.org:443/');
    expect((await back.uploadPending()).uploaded).toEqual(['test-1']);
  });
});
