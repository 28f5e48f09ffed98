// The result uploader against a flaky local server: refused connections, 500s, a timeout, Retry-After,
// an acknowledgment lost after the server stored the result, a slow answer, duplicate acknowledgments.
// Exactly one result is stored, the station shows it uploaded, and nothing is lost across a restart.
// Backoff delays are recorded by fake timers: nothing sleeps for real.
import { afterEach, describe, expect, it } from 'vitest';
import { bundleHash } from '../../../core/bundle/bundle-hash.ts';
import { MemoryKeyStore } from '../identity/key-store.ts';
import { loadOrCreateStationKeys, type StationKeys } from '../identity/station-keys.ts';
import { AnswerJournal } from '../journal/answer-journal.ts';
import { removeTempJournals, tempJournalFile } from '../journal/journal-fixtures.ts';
import { ExamRuntime } from '../runtime/exam-runtime.ts';
import { FakeServer, choice, fakeMonotonic, signIn, testPackage } from '../runtime/runtime-fixtures.ts';
import { createResultSealer } from '../sealing/result-sealer.ts';
import { FakeStationServer, type Fault } from './fake-station-server.ts';
import { ResultUploader } from './result-uploader.ts';
import { UPLOAD_BACKOFF, backoffDelayMs, retryDelayMs } from './retry-timing.ts';
import { ServerConnection } from './server-connection.ts';
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
    expect(a).toEqual({ uploaded: ['test-1'], failure: null });
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

  it('a server that refuses the bundle is asked again later, at most every minute; nothing is deleted', async () => {
    server = await new FakeStationServer().listen();
    const { keys, journal, runtime } = await stationWithSealedResult();
    server.registerStation(keys.publicJwk);
    server.fault = (route) =>
      route === 'result' ? { kind: 'status', status: 409, code: 'BUNDLE_CONFLICT' } : undefined;
    const timers = new InstantTimers();
    timers.randomValue = 0.9999;
    const { uploader } = uploaderFor(keys, journal, runtime, timers);
    uploader.start();
    await until(() => timers.sleeps.length >= 10, 5000, 'ten tries');
    await uploader.stop();
    const expected = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) =>
      Math.floor(0.9999 * Math.min(60_000, 1000 * 2 ** n)),
    );
    expect(timers.sleeps.slice(0, 10)).toEqual(expected);
    expect(expected.slice(6)).toEqual([59_994, 59_994, 59_994, 59_994]);
    expect(journal.test('test-1')?.bundle).not.toBeNull();
    expect(journal.test('test-1')?.acknowledgedAt).toBeNull();
    expect(uploader.state().lastProblem).toBe('injected fault');
  });
});

describe('retry timing', () => {
  it('full jitter: uniform below min(cap, base × 2^attempt)', () => {
    expect([0, 1, 2, 5, 6, 7, 100].map((n) => backoffDelayMs(n, UPLOAD_BACKOFF, () => 0.5))).toEqual([
      500, 1000, 2000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(backoffDelayMs(3, UPLOAD_BACKOFF, () => 0)).toBe(0);
  });

  it('Retry-After is a floor, not a replacement', () => {
    expect(retryDelayMs(0, { retryAfterMs: 7000 }, UPLOAD_BACKOFF, () => 0.5)).toBe(7000);
    expect(retryDelayMs(6, { retryAfterMs: 7000 }, UPLOAD_BACKOFF, () => 0.9)).toBe(54_000);
    expect(retryDelayMs(0, {}, UPLOAD_BACKOFF, () => 0.5)).toBe(500);
  });
});
