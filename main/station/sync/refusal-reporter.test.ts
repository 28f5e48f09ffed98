// The report of refused results against a local server: a result the server refuses is reported once
// over a signed request; failures that may pass are tried again with the uploader's backoff; the report
// carries on after a restart and is never sent again once answered; an older server without the route
// (404 NOT_FOUND) ends it for good. Backoff delays are recorded by fake timers: nothing sleeps for real.
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/hashing/canonical-hash.ts';
import { MemoryKeyStore } from '../identity/key-store.ts';
import { loadOrCreateStationKeys, type StationKeys } from '../identity/station-keys.ts';
import { AnswerJournal, type ServerRefusal } from '../journal/answer-journal.ts';
import { opened, removeTempJournals, tempJournalFile, testWithPackage } from '../journal/journal-fixtures.ts';
import { FakeStationServer, type Fault } from './fake-station-server.ts';
import { RefusalReporter } from './refusal-reporter.ts';
import { ResultUploader } from './result-uploader.ts';
import { ServerConnection } from './server-connection.ts';
import { StationAccess } from './station-access.ts';
import { StationServerClient } from './station-server-client.ts';
import { InstantTimers, until } from './sync-fixtures.ts';

let server: FakeStationServer;
const journals: AnswerJournal[] = [];
const loops: { stop(): Promise<void> }[] = [];

afterEach(async () => {
  for (const loop of loops.splice(0)) await loop.stop();
  await server?.close();
  for (const journal of journals.splice(0)) journal.close();
  removeTempJournals();
});

const REFUSAL: ServerRefusal = {
  status: 422,
  code: 'BUNDLE_BAD_SIGNATURE',
  message: 'the signature does not verify',
  refusedAt: 1_700_000_100_000,
};

/** A journal holding sealed results of `testIds`, oldest first. */
function sealedTests(file: string, ...testIds: string[]): AnswerJournal {
  const journal = openJournal(file);
  testIds.forEach((testId, i) => {
    testWithPackage(journal, testId, 4, 1_700_000_000_000 + i);
    journal.append(testId, opened, { wallAt: 1, elapsedMs: 0 });
    // Not a JWS: the server refuses it (BUNDLE_MALFORMED), a refusal it cannot pin on this station.
    const bundle = `bundle-of-${testId}`;
    journal.storeBundle(testId, bundle, sha256Hex(bundle));
  });
  return journal;
}

function openJournal(file: string): AnswerJournal {
  const journal = AnswerJournal.open({ file });
  journals.push(journal);
  return journal;
}

function closeJournal(journal: AnswerJournal): void {
  journal.close();
  journals.splice(journals.indexOf(journal), 1);
}

async function station() {
  server = await new FakeStationServer().listen();
  const keys = (await loadOrCreateStationKeys(new MemoryKeyStore())).keys;
  server.registerStation(keys.publicJwk);
  return keys;
}

function clientOf(keys: StationKeys): StationServerClient {
  return new StationServerClient(new ServerConnection({ serverUrl: server.url, keys, timeoutMs: 1000 }), {
    uploadTimeoutMs: 1000,
  });
}

function reporterFor(
  keys: StationKeys,
  journal: AnswerJournal,
  timers = new InstantTimers(),
  access?: StationAccess,
) {
  const client = clientOf(keys);
  const reporter = new RefusalReporter({
    journal,
    report: (testId, report) => client.reportResultRefusal(testId, report),
    timers,
    wallClock: () => 1_700_000_200_000,
    ...(access ? { access } : {}),
  });
  loops.push(reporter);
  return { reporter, timers };
}

const reports = (route: 'resultRefusal' | 'result' = 'resultRefusal') =>
  server.requests.filter((r) => r.route === route);

describe('the report of a refused result', () => {
  it('a refused upload leads to one report, which the server marks, and nothing more is sent', async () => {
    const keys = await station();
    const journal = sealedTests(tempJournalFile('report-'), 'test-1');
    const timers = new InstantTimers();
    const { reporter } = reporterFor(keys, journal, timers);
    const client = clientOf(keys);
    const uploader = new ResultUploader({
      journal,
      upload: (testId, bundle, hash) => client.uploadResult(testId, bundle, hash),
      markUploaded: () => Promise.reject(new Error('not expected: the server refuses the result')),
      timers,
      // As the station services wire it: a refusal wakes the reporter.
      onRefused: () => reporter.kick(),
    });
    loops.push(uploader);
    uploader.start();
    reporter.start();
    await until(() => journal.refusalReport('test-1') !== null, 5000, 'the report');
    await until(() => timers.sleeps.length >= 20, 5000, 'more rounds');

    expect(journal.serverRefusal('test-1', 'result')).toMatchObject({
      status: 422,
      code: 'BUNDLE_MALFORMED',
    });
    expect(server.refusalReports).toEqual([
      {
        testId: 'test-1',
        code: 'BUNDLE_MALFORMED',
        message: journal.serverRefusal('test-1', 'result')?.message,
      },
    ]);
    expect(reports()).toHaveLength(1);
    expect(reports('result')).toHaveLength(1);
    expect(journal.refusalReport('test-1')).toEqual({
      reportedAt: 1_700_000_200_000,
      outcome: expect.stringMatching(/^marked/),
    });
    expect(journal.unreportedRefusals()).toEqual([]);
    // Nothing left to do: the loops only wait for new work (no retry delays).
    expect(new Set(timers.sleeps)).toEqual(new Set([30_000, 60_000]));
  });

  it('tries failures that may pass again, after the backoff, then reports once', async () => {
    const keys = await station();
    const journal = sealedTests(tempJournalFile('report-'), 'test-1');
    journal.recordServerRefusal('test-1', 'result', REFUSAL);
    const script: Fault[] = [
      { kind: 'status', status: 503, retryAfter: '3' },
      { kind: 'destroy' },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 429, code: 'RATE_LIMITED' },
      // A proxy's own page, not the server's answer: a setting someone can fix.
      { kind: 'status', status: 404 },
      // A clock too far off: signed again at once with the server's time (server-connection.ts).
      { kind: 'status', status: 401, code: 'STALE_REQUEST' },
      { kind: 'status', status: 401, code: 'STALE_REQUEST' },
    ];
    let served = 0;
    server.fault = (route) => (route === 'resultRefusal' ? script[served++] : undefined);
    const { reporter, timers } = reporterFor(keys, journal);
    reporter.start();
    await until(() => journal.refusalReport('test-1') !== null, 5000, 'the report');
    await reporter.stop();

    expect(reports()).toHaveLength(8);
    expect(server.refusalReports).toEqual([
      { testId: 'test-1', code: REFUSAL.code, message: REFUSAL.message },
    ]);
    // Full jitter under 1 s × 2^n, never shorter than the server's Retry-After.
    expect(timers.sleeps.slice(0, 6)).toEqual([3000, 1000, 2000, 4000, 8000, 16_000]);
    expect(journal.refusalReport('test-1')?.outcome).toMatch(/^marked/);
  });

  it('carries on after a restart, and a report once answered is not sent again', async () => {
    const keys = await station();
    const file = tempJournalFile('report-');
    const first = sealedTests(file, 'test-1', 'test-2');
    first.recordServerRefusal('test-1', 'result', REFUSAL);
    await server.goDown();
    const { reporter: before } = reporterFor(keys, first);
    before.start();
    await until(async () => (await before.reportPending()).failure?.kind === 'network', 5000, 'a try');
    // The station is switched off while the server cannot be reached.
    await before.stop();
    closeJournal(first);

    await server.comeBack();
    const second = openJournal(file);
    expect(second.unreportedRefusals().map((r) => r.testId)).toEqual(['test-1']);
    const { reporter: after } = reporterFor(keys, second);
    after.start();
    await until(() => second.refusalReport('test-1') !== null, 5000, 'the report after the restart');
    await after.stop();
    expect(server.refusalReports.map((r) => r.testId)).toEqual(['test-1']);
    closeJournal(second);

    // Switched off and on again: nothing more to report.
    const third = openJournal(file);
    expect(third.refusalReport('test-1')?.outcome).toMatch(/^marked/);
    const { reporter: later } = reporterFor(keys, third);
    expect(await later.reportPending()).toEqual({ settled: [], failure: null });
    expect(reports()).toHaveLength(1);
  });

  it('stops for good when an older server does not know the route (404 NOT_FOUND)', async () => {
    const keys = await station();
    const journal = sealedTests(tempJournalFile('report-'), 'test-1');
    journal.recordServerRefusal('test-1', 'result', REFUSAL);
    server.fault = (route) =>
      route === 'resultRefusal' ? { kind: 'status', status: 404, code: 'NOT_FOUND' } : undefined;
    const { reporter, timers } = reporterFor(keys, journal);
    reporter.start();
    await until(() => timers.sleeps.length >= 10, 5000, 'ten rounds');
    await reporter.stop();

    expect(reports()).toHaveLength(1);
    expect(journal.refusalReport('test-1')?.outcome).toMatch(/refused by the server: NOT_FOUND/);
    expect(journal.unreportedRefusals()).toEqual([]);
    expect(new Set(timers.sleeps)).toEqual(new Set([60_000]));
  });

  it('an unknown or revoked station stops the reports, says so, and they go once it is accepted', async () => {
    const keys = await station();
    const journal = sealedTests(tempJournalFile('report-'), 'test-1', 'test-2');
    journal.recordServerRefusal('test-1', 'result', REFUSAL);
    journal.recordServerRefusal('test-2', 'result', { ...REFUSAL, refusedAt: REFUSAL.refusedAt + 1 });
    let revoked = true;
    server.fault = (route) =>
      route === 'resultRefusal' && revoked
        ? { kind: 'status', status: 403, code: 'STATION_NOT_READY' }
        : undefined;
    const access = new StationAccess();
    const { reporter, timers } = reporterFor(keys, journal, new InstantTimers(), access);
    reporter.start();
    await until(() => timers.sleeps.length >= 3, 5000, 'a few rounds');
    // One probe per round, with a growing backoff; test-2 is not even tried, nothing is settled.
    expect(new Set(reports().map((r) => r.path))).toEqual(
      new Set(['/api/station/tests/test-1/result-refusal']),
    );
    expect(timers.sleeps.slice(0, 3)).toEqual([500, 1000, 2000]);
    expect(access.rejection).toMatchObject({ status: 403, code: 'STATION_NOT_READY' });
    expect(journal.unreportedRefusals()).toHaveLength(2);

    revoked = false;
    await until(() => journal.unreportedRefusals().length === 0, 5000, 'the reports once accepted');
    await reporter.stop();
    expect(access.rejection).toBeNull();
    expect(server.refusalReports.map((r) => r.testId)).toEqual(['test-1', 'test-2']);
  });

  it('does not send a refusal whose code the server would not take, and says why in the journal', async () => {
    const keys = await station();
    const journal = sealedTests(tempJournalFile('report-'), 'test-1');
    journal.recordServerRefusal('test-1', 'result', { ...REFUSAL, code: 'RECORD_CONFLICT' });
    const { reporter } = reporterFor(keys, journal);
    expect(await reporter.reportPending()).toEqual({ settled: ['test-1'], failure: null });
    expect(reports()).toEqual([]);
    expect(journal.refusalReport('test-1')?.outcome).toMatch(/not sent: RECORD_CONFLICT/);
  });
});

describe('where reports go', () => {
  it('the refused result of a test taken on another server is not reported here', async () => {
    const keys = await station();
    const journal = sealedTests(tempJournalFile('servers-'), 'test-1');
    journal.recordServerRefusal('test-1', 'result', REFUSAL);
    journal.bindTestsToServer('https://certif.example.org');
    const client = clientOf(keys);
    const reporter = new RefusalReporter({
      journal,
      report: (testId, report) => client.reportResultRefusal(testId, report),
      server: 'https://other.example.org',
      timers: new InstantTimers(),
    });
    expect(await reporter.reportPending()).toEqual({ settled: [], failure: null });
    expect(server.refusalReports).toEqual([]);
    expect(journal.unreportedRefusals().map((r) => r.testId)).toEqual(['test-1']);
  });
});
