// The station as the shell, the harness and the demo use it: createStationServices against a fake
// certification server, from enrollment to the uploaded result.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyResultBundle } from '../../core/bundle/verify-bundle.ts';
import type { StationEvent, StationStatus } from '../../core/contracts/station-api.ts';
import { canonicalHash } from '../../core/hashing/canonical-hash.ts';
import { verifyChain } from '../../core/journal/chain.ts';
import { MemoryKeyStore } from './identity/key-store.ts';
import { StationKeyError, StationKeyMissingError } from './identity/station-keys.ts';
import { AnswerJournal } from './journal/answer-journal.ts';
import { opened, testInfo } from './journal/journal-fixtures.ts';
import { JournalCorruptedError } from './journal/journal-errors.ts';
import { testPackage } from './runtime/runtime-fixtures.ts';
import {
  createStationServices,
  type StationServices,
  type StationServicesOptions,
} from './station-services.ts';
import { FakeStationServer } from './sync/fake-station-server.ts';
import { idleBrowser, scaledTimers, tempDataDir, until } from './sync/sync-fixtures.ts';

const signIn = {
  sessionNumber: 1001,
  accessCode: 'BCDF23',
  firstName: 'Léa',
  lastName: 'Martin',
  birthdate: '2011-04-02',
};

let server: FakeStationServer;
const stations: StationServices[] = [];

afterEach(async () => {
  for (const station of stations.splice(0)) await station.close();
  await server?.close();
});

async function station(options: Partial<StationServicesOptions> = {}): Promise<StationServices> {
  const services = await createStationServices({
    dataDir: tempDataDir(),
    serverUrl: server.url,
    stationName: 'Poste 07',
    // No forbidden software, whatever else runs on the test machine.
    processWatch: { list: () => Promise.resolve([]) },
    machineId: 'machine-abc',
    browser: idleBrowser,
    attachmentUrl: (file) => `file://${file}`,
    heartbeatEveryMs: 20,
    tickEveryMs: 20,
    requestTimeoutMs: 2000,
    clocks: { timers: scaledTimers(0.01) },
    ...options,
  });
  stations.push(services);
  return services;
}

async function status(services: StationServices): Promise<StationStatus> {
  const result = await services.dispatch('getStatus', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as StationStatus;
}

/**
 * A test started on station A (a fake server, a 4-question package) with `answers` questions answered
 * and every record on the server: the first half of a resume on another station.
 */
async function startedOnStationA(answers: number) {
  server = await new FakeStationServer().listen();
  const pkg = testPackage({ count: 4 });
  server.joinAnswer = { testId: 'test-1', session: pkg.session, candidate: pkg.candidate, resuming: false };
  server.packages.set('test-1', pkg);
  const a = await station();
  await a.enroll('ENROLL-2026');
  await a.start();
  await a.dispatch('signIn', signIn);
  await a.dispatch('acceptInstructions', {});
  await until(() => server.openStreams > 0, 5000, 'A’s command stream');
  server.sendCommand({ type: 'authorizeStart', id: 'cmd-start', testId: 'test-1' });
  await until(() => a.runtime.phase === 'inProgress', 5000, 'the start on A');
  for (const challenge of pkg.challenges.slice(0, answers)) {
    await a.dispatch('submitAnswer', { challengeId: challenge.id, value: { type: 'choice', choice: '1' } });
  }
  const written = a.runtime.heartbeat().lastSeq;
  await until(
    () => (server.records.get('test-1')?.length ?? 0) === written,
    5000,
    'A’s records on the server',
  );
  return { pkg, a };
}

describe('createStationServices', () => {
  it('creates the station key on first run, in a file only its owner can read, and keeps it', async () => {
    server = await new FakeStationServer().listen();
    const dataDir = tempDataDir();
    const first = await station({ dataDir });
    const id = first.identity.stationId;
    expect(id).toMatch(/^st-[0-9a-f]{20}$/);
    if (process.platform !== 'win32') {
      expect(statSync(path.join(dataDir, 'station-key.der')).mode & 0o777).toBe(0o600);
    }
    await first.close();
    const again = await station({ dataDir });
    expect(again.identity.stationId).toBe(id);
    expect(again.identity.machineId).toBe('machine-abc');
  });

  it('is not ready before enrollment, and says why; enrollment is remembered across launches', async () => {
    server = await new FakeStationServer().listen();
    const dataDir = tempDataDir();
    const keyStore = new MemoryKeyStore();
    const services = await station({ dataDir, keyStore });
    await services.start();
    const before = await status(services);
    expect(before.station.enrolled).toBe(false);
    expect(before.station.ready).toBe(false);
    expect(before.station.notReadyReason).toMatch(/inscrit/);
    const refused = await services.dispatch('signIn', signIn);
    expect(refused.ok).toBe(false);

    const wrong = await services.enroll('NOT-A-CODE');
    expect(wrong).toMatchObject({ ok: false, code: 'ENROLLMENT_CODE_INVALID' });
    const enrolled = await services.enroll('ENROLL-2026');
    expect(enrolled.ok).toBe(true);
    expect(services.identity.enrolled).toBe(true);
    const after = await status(services);
    expect(after.station).toMatchObject({ enrolled: true, centreName: 'Collège Jean Moulin' });
    await until(() => services.syncState().online, 5000, 'the first heartbeat');
    expect(server.heartbeats.length).toBeGreaterThan(0);
    await services.close();

    const relaunched = await station({ dataDir, keyStore });
    expect(relaunched.identity.enrolled).toBe(true);
    expect(relaunched.identity.enrollment?.centre.name).toBe('Collège Jean Moulin');
  });

  it('runs a whole test: sign-in, start by the invigilator, answers replicated, result sealed, uploaded once', async () => {
    server = await new FakeStationServer().listen();
    const pkg = testPackage({ count: 3 });
    const services = await station();
    server.registerStation(services.identity.publicKey);
    await services.enroll('ENROLL-2026');
    const events: StationEvent[] = [];
    services.onEvent((event) => events.push(event));
    await services.start();
    server.joinAnswer = { testId: 'test-1', session: pkg.session, candidate: pkg.candidate, resuming: false };
    server.packages.set('test-1', pkg);

    expect((await services.dispatch('signIn', signIn)).ok).toBe(true);
    expect((await services.dispatch('acceptInstructions', {})).ok).toBe(true);
    await until(() => server.openStreams > 0, 5000, 'the command stream');
    server.sendCommand({ type: 'authorizeStart', id: 'cmd-start', testId: 'test-1' });
    await until(() => services.runtime.phase === 'inProgress', 5000, 'the start');
    await until(() => server.acknowledged.includes('cmd-start'), 5000, 'the acknowledgment');
    // The heartbeat tells the server where the candidate stands.
    await until(
      () => server.heartbeats.some((h) => h.testId === 'test-1' && h.phase === 'inProgress' && h.total === 3),
      5000,
      'a heartbeat from the test',
    );

    for (const challenge of pkg.challenges) {
      const answered = await services.dispatch('submitAnswer', {
        challengeId: challenge.id,
        value: { type: 'choice', choice: '1' },
      });
      expect(answered.ok).toBe(true);
    }
    await until(() => services.runtime.phase === 'uploaded', 5000, 'the upload');
    expect(server.resultStores).toBe(1);
    const stored = server.results.get('test-1');
    const check = await verifyResultBundle(stored!.bundle, {
      stationKey: services.identity.publicKey,
      testId: 'test-1',
      packageHash: canonicalHash(pkg),
    });
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.payload.records.filter((r) => r.kind === 'answered')).toHaveLength(3);
      expect(check.payload.serverClockOffsetMs).not.toBeNull();
    }
    // Every record reached the server, in one unbroken chain.
    await until(
      () => (server.records.get('test-1')?.length ?? 0) === services.runtime.heartbeat().lastSeq,
      5000,
      'replication',
    );
    expect(verifyChain('test-1', server.records.get('test-1') ?? []).ok).toBe(true);
    expect(events.some((e) => e.type === 'status' && e.status.exam.upload === 'uploaded')).toBe(true);
  });

  it('says so when the server no longer accepts the station (revoked), until it is enrolled again', async () => {
    server = await new FakeStationServer().listen();
    const services = await station();
    await services.enroll('ENROLL-2026');
    await services.start();
    await until(async () => (await status(services)).station.ready, 5000, 'ready');
    server.fault = (route) =>
      route === 'enroll' ? undefined : { kind: 'status', status: 403, code: 'STATION_NOT_READY' };
    await until(async () => !(await status(services)).station.ready, 5000, 'the revocation seen');
    expect((await status(services)).station).toMatchObject({ ready: false, notReadyCode: 'stationRevoked' });
    expect(services.syncState().stationRejection).toMatchObject({ status: 403, code: 'STATION_NOT_READY' });

    server.fault = () => undefined;
    server.enrollmentCodes.add('ENROLL-AGAIN');
    expect((await services.enroll('ENROLL-AGAIN')).ok).toBe(true);
    expect((await status(services)).station).toMatchObject({ ready: true, notReadyCode: null });
    expect(services.syncState().stationRejection).toBeNull();
  });

  it('keeps a result for the server it was taken on: no enrollment elsewhere until that server has it', async () => {
    server = await new FakeStationServer().listen();
    const pkg = testPackage({ count: 2 });
    server.joinAnswer = { testId: 'test-1', session: pkg.session, candidate: pkg.candidate, resuming: false };
    server.packages.set('test-1', pkg);
    // The server takes no result for now.
    server.fault = (route) => (route === 'result' ? { kind: 'status', status: 503 } : undefined);
    const dataDir = tempDataDir();
    const keyStore = new MemoryKeyStore();
    const a = await station({ dataDir, keyStore });
    await a.enroll('ENROLL-2026');
    await a.start();
    await a.dispatch('signIn', signIn);
    await a.dispatch('acceptInstructions', {});
    await until(() => server.openStreams > 0, 5000, 'the command stream');
    server.sendCommand({ type: 'authorizeStart', id: 'cmd-start', testId: 'test-1' });
    await until(() => a.runtime.phase === 'inProgress', 5000, 'the start');
    for (const challenge of pkg.challenges) {
      await a.dispatch('submitAnswer', { challengeId: challenge.id, value: { type: 'choice', choice: '1' } });
    }
    await until(() => server.requests.some((r) => r.route === 'result'), 5000, 'an upload tried');
    // Enrolled again on the same server (a revoked station, with the code issued for it): allowed.
    server.enrollmentCodes.add('ENROLL-AGAIN');
    expect((await a.enroll('ENROLL-AGAIN')).ok).toBe(true);
    await a.close();

    // IT points the station to another server, and enrolls it there: refused, that server not asked.
    const other = await new FakeStationServer().listen();
    try {
      const b = await station({ dataDir, keyStore, serverUrl: other.url });
      expect(b.syncState().resultsOfOtherServers).toEqual([{ serverUrl: server.url, testIds: ['test-1'] }]);
      const refused = await b.enroll('ENROLL-2026');
      expect(refused).toMatchObject({
        ok: false,
        code: 'RESULTS_OF_ANOTHER_SERVER',
        message: expect.stringContaining(`${server.url} (1 test(s))`),
      });
      expect(b.identity.enrollment?.serverUrl).toBe(server.url);
      await b.start();
      await b.close();
      expect(other.requests).toEqual([]);
    } finally {
      await other.close();
    }

    // Pointed back to its server (still enrolled there), the station sends it.
    server.fault = () => undefined;
    const c = await station({ dataDir, keyStore });
    await c.start();
    await until(() => server.results.has('test-1'), 5000, 'the result on its server');
    expect(server.resultStores).toBe(1);
    expect(c.syncState().resultsOfOtherServers).toEqual([]);
  });

  it('carries on when the network goes away, and catches up when it is back', async () => {
    server = await new FakeStationServer().listen();
    const pkg = testPackage({ count: 4 });
    const services = await station();
    await services.enroll('ENROLL-2026');
    await services.start();
    server.joinAnswer = { testId: 'test-1', session: pkg.session, candidate: pkg.candidate, resuming: false };
    server.packages.set('test-1', pkg);
    await services.dispatch('signIn', signIn);
    await services.dispatch('acceptInstructions', {});
    await until(() => server.openStreams > 0, 5000, 'the command stream');
    server.sendCommand({ type: 'authorizeStart', id: 'cmd-start', testId: 'test-1' });
    await until(() => services.runtime.phase === 'inProgress', 5000, 'the start');

    await server.goDown();
    await until(async () => !(await status(services)).station.online, 5000, 'offline');
    for (const challenge of pkg.challenges.slice(0, 2)) {
      const answered = await services.dispatch('submitAnswer', {
        challengeId: challenge.id,
        value: { type: 'choice', choice: '1' },
      });
      expect(answered.ok).toBe(true);
    }
    expect(services.runtime.status().exam.progress).toMatchObject({ answered: 2 });

    await server.comeBack();
    await until(async () => (await status(services)).station.online, 5000, 'online again');
    await until(
      () => (server.records.get('test-1')?.length ?? 0) === services.runtime.heartbeat().lastSeq,
      5000,
      'the answers given offline',
    );
    expect(server.records.get('test-1')?.filter((r) => r.kind === 'answered')).toHaveLength(2);
  });

  it('downloads the attachments when the package is stored, and opens them for the candidate', async () => {
    server = await new FakeStationServer().listen();
    const content = new TextEncoder().encode('ville;habitants\nLyon;522000\n');
    const { sha256Of } = await import('./attachments/attachment-store.ts');
    const attachment = {
      hash: sha256Of(content),
      fileName: 'villes.csv',
      mediaType: 'text/csv',
      size: content.length,
    };
    const base = testPackage({ count: 2 });
    const pkg = {
      ...base,
      challenges: base.challenges.map((c, i) => (i === 0 ? { ...c, attachments: [attachment] } : c)),
    };
    server.attachments.set(attachment.hash, content);
    const services = await station({
      attachmentUrl: (file) => `app://station/sandbox/${path.basename(file)}`,
    });
    await services.enroll('ENROLL-2026');
    await services.start();
    server.joinAnswer = { testId: 'test-1', session: pkg.session, candidate: pkg.candidate, resuming: false };
    server.packages.set('test-1', pkg);
    await services.dispatch('signIn', signIn);
    await services.dispatch('acceptInstructions', {});
    await until(() => server.openStreams > 0, 5000, 'the command stream');
    server.sendCommand({ type: 'authorizeStart', id: 'cmd-start', testId: 'test-1' });
    await until(() => services.runtime.phase === 'inProgress', 5000, 'the start');
    await until(() => server.requests.some((r) => r.route === 'attachment'), 5000, 'the download');

    const opened = await services.dispatch('openAttachment', { challengeId: 'rec1', hash: attachment.hash });
    expect(opened).toEqual({
      ok: true,
      value: { attachment, viewer: 'csv', url: 'app://station/sandbox/villes.csv' },
    });
    expect(server.requests.filter((r) => r.route === 'attachment')).toHaveLength(1);
    expect(await services.contentFile(attachment.hash)).toMatch(/villes\.csv$/);
    expect(await services.contentFile('0'.repeat(64))).toBeNull();
    const other = await services.dispatch('openAttachment', { challengeId: 'rec2', hash: attachment.hash });
    expect(other).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ATTACHMENT' } });

    expect(
      await services.recordNavigation({ url: 'https://fr.wikipedia.org/', allowed: true, rule: null }),
    ).toBe(true);
    await until(
      () => (server.records.get('test-1') ?? []).some((r) => r.kind === 'navigation'),
      5000,
      'the navigation record on the server',
    );
  });

  it('lets the candidate resume on another station from the server’s copy of the journal', async () => {
    // Station A: the candidate answers two questions, then the station dies.
    const { pkg, a } = await startedOnStationA(2);
    await a.close();

    // Station B: the server says the candidate resumes; the invigilator authorizes it.
    const b = await station();
    await b.enroll('ENROLL-2026');
    await b.start();
    server.joinAnswer = { testId: 'test-1', session: pkg.session, candidate: pkg.candidate, resuming: true };
    await until(() => server.openStreams > 0, 5000, 'B’s command stream');
    const signed = await b.dispatch('signIn', signIn);
    expect(signed.ok).toBe(true);
    expect(b.runtime.phase).toBe('resumePending');
    server.sendCommand({ type: 'authorizeResume', id: 'cmd-resume', testId: 'test-1' });
    await until(() => b.runtime.phase === 'inProgress', 5000, 'the resume on B');
    expect(b.runtime.status().exam.progress).toMatchObject({ current: 2, answered: 2 });
    for (const challenge of pkg.challenges.slice(2)) {
      const answered = await b.dispatch('submitAnswer', {
        challengeId: challenge.id,
        value: { type: 'choice', choice: '1' },
      });
      expect(answered.ok).toBe(true);
    }
    await until(() => b.runtime.phase === 'uploaded', 5000, 'B’s upload');

    expect(server.resultStores).toBe(1);
    const check = await verifyResultBundle(server.results.get('test-1')?.bundle ?? '', {
      stationKey: b.identity.publicKey,
      testId: 'test-1',
      packageHash: canonicalHash(pkg),
    });
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.payload.stationId).toBe(b.identity.stationId);
      expect(check.payload.records.filter((r) => r.kind === 'answered')).toHaveLength(4);
      const opened = check.payload.records.filter((r) => r.kind === 'testOpened').map((r) => r.payload);
      expect(opened.map((p) => p.stationId)).toEqual([a.identity.stationId, b.identity.stationId]);
    }
    // One chain on the server too: A's records then B's.
    await until(
      () => (server.records.get('test-1')?.length ?? 0) === b.runtime.heartbeat().lastSeq,
      5000,
      'B’s records',
    );
    expect(verifyChain('test-1', server.records.get('test-1') ?? []).ok).toBe(true);
  });

  it('applies time added during a resume download as soon as the resume completes on its own retry', async () => {
    const { pkg, a } = await startedOnStationA(0);
    const allowed = (await status(a)).exam.allowedMs ?? 0;
    await a.close();

    // Station B: its first download of the records fails; meanwhile the invigilator adds 10 minutes.
    const b = await station();
    await b.enroll('ENROLL-2026');
    await b.start();
    server.joinAnswer = { testId: 'test-1', session: pkg.session, candidate: pkg.candidate, resuming: true };
    await until(() => server.openStreams > 0, 5000, 'B’s command stream');
    expect((await b.dispatch('signIn', signIn)).ok).toBe(true);
    let downloadFails = true;
    server.fault = (route) =>
      route === 'getRecords' && downloadFails ? { kind: 'status', status: 503 } : undefined;
    server.sendCommand({ type: 'authorizeResume', id: 'cmd-resume', testId: 'test-1' });
    await until(() => server.acknowledged.includes('cmd-resume'), 5000, 'the resume, pending');
    server.sendCommand({ type: 'addTime', id: 'cmd-time', testId: 'test-1', addedMs: 600_000 });
    await until(() => b.runtime.phase === 'resumePending', 5000, 'B waiting for its records');
    expect(server.acknowledged).not.toContain('cmd-time');
    // The download passes on B's own retry: the time is applied then, not when the server sends it again
    // (this fake server never does).
    downloadFails = false;
    await until(() => b.runtime.phase === 'inProgress', 10_000, 'the resume on B');
    await until(() => server.acknowledged.includes('cmd-time'), 5000, 'the time added, applied');
    expect((await status(b)).exam.allowedMs).toBe(allowed + 600_000);
  }, 30_000);

  it('closes when the invigilator says so, after acknowledging it; an old command is not obeyed', async () => {
    server = await new FakeStationServer().listen();
    const requested: string[] = [];
    const shell = await station({ onCloseRequested: (reason) => requested.push(reason) });
    await shell.enroll('ENROLL-2026');
    await shell.start();
    await until(() => server.openStreams > 0, 5000, 'the command stream');
    // Issued a while ago (the station was off): ignored, acknowledged, nothing closes.
    server.sendCommand({
      type: 'closeStation',
      id: 'old',
      testId: 't0',
      issuedAt: server.now() - 5 * 60_000,
    });
    await until(() => server.acknowledged.includes('old'), 5000, 'the old command acknowledged');
    expect(requested).toEqual([]);
    server.sendCommand({ type: 'closeStation', id: 'now', testId: 't0', issuedAt: server.now() });
    await until(() => requested.length === 1, 5000, 'the close request');
    expect(requested).toEqual(['invigilator command']);
    expect(server.acknowledged).toContain('now');
    expect((await shell.dispatch('signIn', signIn)).ok).toBe(false);
    await shell.close();

    // Without a shell (plain Node, the harness), the services stop by themselves.
    const plain = await station();
    await plain.enroll('ENROLL-2026');
    const events: StationEvent[] = [];
    plain.onEvent((event) => events.push(event));
    await plain.start();
    await until(() => server.openStreams > 0, 5000, 'the command stream');
    const beats = () => server.heartbeats.length;
    server.sendCommand({ type: 'closeStation', id: 'now-2', testId: 't0', issuedAt: server.now() });
    await until(() => server.openStreams === 0, 5000, 'the stream closed');
    expect(events).toContainEqual({ type: 'stationClosing' });
    const after = beats();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(beats()).toBe(after);
  });

  it('refuses to start on a damaged journal, and leaves the file as it is (it is evidence)', async () => {
    server = await new FakeStationServer().listen();
    const dataDir = tempDataDir();
    const file = path.join(dataDir, 'journal.sqlite');
    writeFileSync(file, 'SQLite format 3\0 but not really a database at all, just damaged bytes'.repeat(40));
    const before = readFileSync(file);
    await expect(station({ dataDir })).rejects.toThrow(JournalCorruptedError);
    expect(readFileSync(file)).toEqual(before);
  });

  it('refuses to make a new key while the journal holds a result the old one must sign, and says what to do', async () => {
    server = await new FakeStationServer().listen();
    const dataDir = tempDataDir();
    // A test under way when the key store was lost (reinstalled profile, keyring reset…).
    const journal = AnswerJournal.open({ file: path.join(dataDir, 'journal.sqlite') });
    journal.createTest(testInfo('test-1'));
    journal.append('test-1', opened, { wallAt: 1, elapsedMs: 0 });
    journal.append(
      'test-1',
      { kind: 'started', payload: { authorization: 'c1' } },
      { wallAt: 2, elapsedMs: 0 },
    );
    journal.close();
    const keyStore = new MemoryKeyStore();
    const refused = station({ dataDir, keyStore });
    await expect(refused).rejects.toThrow(StationKeyMissingError);
    await expect(refused).rejects.toMatchObject({
      code: 'STATION_KEY_MISSING',
      message: expect.stringMatching(
        /restore the station key .* from a backup.*move the whole data folder aside/,
      ),
    });
    expect(keyStore.writes).toBe(0);
    // The journal is left as it was, and closed (it opens again).
    const reopened = AnswerJournal.open({ file: path.join(dataDir, 'journal.sqlite') });
    expect(reopened.testsAwaitingResult()).toEqual(['test-1']);
    reopened.close();
  });

  it('makes its first key when the journal holds only tests that need none', async () => {
    server = await new FakeStationServer().listen();
    const dataDir = tempDataDir();
    const journal = AnswerJournal.open({ file: path.join(dataDir, 'journal.sqlite') });
    // Signed in, never started (nothing to seal), and a test that went on at another station.
    journal.createTest(testInfo('test-1'));
    journal.append('test-1', opened, { wallAt: 1, elapsedMs: 0 });
    journal.createTest(testInfo('test-2'));
    journal.append('test-2', opened, { wallAt: 1, elapsedMs: 0 });
    journal.append(
      'test-2',
      { kind: 'started', payload: { authorization: 'c1' } },
      { wallAt: 2, elapsedMs: 0 },
    );
    journal.markMovedElsewhere('test-2', 3, 1000);
    expect(journal.testsAwaitingResult()).toEqual([]);
    journal.close();
    const keyStore = new MemoryKeyStore();
    await station({ dataDir, keyStore });
    expect(keyStore.writes).toBe(1);
  });

  it('refuses to start with a key store that holds something else than its key, and replaces nothing', async () => {
    server = await new FakeStationServer().listen();
    const keyStore = new MemoryKeyStore();
    await keyStore.write(new Uint8Array([1, 2, 3]));
    await expect(station({ keyStore })).rejects.toThrow(StationKeyError);
    expect(await keyStore.read()).toEqual(new Uint8Array([1, 2, 3]));
  });
});
