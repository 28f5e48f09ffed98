// The forbidden-process watch for real on Linux: the station services (real journal, fake certification
// server over HTTP) run a test while a real program called "anydesk" starts, keeps running, stops and
// starts again. Node 24 names its main thread "MainThread", so /proc/<pid>/comm says MainThread: the
// program is recognized by the name it was started under (its command line), as a renamed launcher
// would be. Reported once while it runs, once more after it came back; replicated to the server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../core/journal/chain.ts';
import { MemoryKeyStore } from '../identity/key-store.ts';
import { AnswerJournal } from '../journal/answer-journal.ts';
import { testPackage } from '../runtime/runtime-fixtures.ts';
import { createStationServices, type StationServices } from '../station-services.ts';
import { FakeStationServer } from '../sync/fake-station-server.ts';
import { idleBrowser, scaledTimers, tempDataDir, until } from '../sync/sync-fixtures.ts';
import { listLinuxProcesses } from './process-listing.ts';

const signIn = {
  sessionNumber: 1001,
  accessCode: 'BCDF23',
  firstName: 'Léa',
  lastName: 'Martin',
  birthdate: '2011-04-02',
};

let server: FakeStationServer | null = null;
let station: StationServices | null = null;
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill();
  await station?.close();
  station = null;
  await server?.close();
  server = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts Node under the file name `anydesk` (a symlink), running until killed. */
async function startAnydesk(dir: string): Promise<ChildProcess> {
  const child = spawn(path.join(dir, 'anydesk'), ['-e', 'setInterval(() => {}, 60_000)'], {
    stdio: 'ignore',
  });
  children.push(child);
  const pid = child.pid;
  if (pid === undefined) throw new Error('anydesk did not start');
  // Until the program runs Node (before exec, /proc shows the test runner's copy).
  await until(
    () => readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith(path.join(dir, 'anydesk')),
    5000,
    'the exec',
  );
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await exited;
}

describe.runIf(process.platform === 'linux')('forbidden software during a real test', () => {
  it('is journaled once while it runs, again after a restart, and reaches the server', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'forbidden-'));
    dirs.push(dir);
    symlinkSync(realpathSync(process.execPath), path.join(dir, 'anydesk'));
    server = await new FakeStationServer().listen();
    const pkg = testPackage({ count: 3 });
    const logs: string[] = [];
    // The station's own Linux listing, numbered as it starts and kept as it ends: the test can wait
    // for the watch's rounds instead of guessing how long they take.
    let listingsStarted = 0;
    const listings: { n: number; pids: ReadonlySet<number> }[] = [];
    const list = async () => {
      const n = ++listingsStarted;
      const processes = await listLinuxProcesses();
      listings.push({ n, pids: new Set(processes.map((p) => p.pid)) });
      return processes;
    };
    station = await createStationServices({
      dataDir: tempDataDir(),
      serverUrl: server.url,
      stationName: 'Poste 07',
      machineId: 'machine-abc',
      keyStore: new MemoryKeyStore(),
      browser: idleBrowser,
      attachmentUrl: (file) => `file://${file}`,
      heartbeatEveryMs: 20,
      tickEveryMs: 20,
      clocks: { timers: scaledTimers(0.01) },
      processWatch: { everyMs: 100, list },
      log: (m) => logs.push(m),
    });
    const services = station;
    server.registerStation(services.identity.publicKey);
    await services.enroll('ENROLL-2026');
    await services.start();
    server.joinAnswer = { testId: 'test-1', session: pkg.session, candidate: pkg.candidate, resuming: false };
    server.packages.set('test-1', pkg);

    // Running before the test: nothing is journaled until the test starts.
    const first = await startAnydesk(dir);
    expect((await services.dispatch('signIn', signIn)).ok).toBe(true);
    expect((await services.dispatch('acceptInstructions', {})).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Only AnyDesk's reports: the machine running the tests may run other deny-listed software.
    const isAnydesk = (r: { kind: string; payload: Record<string, unknown> }) =>
      r.kind === 'lockdown' &&
      r.payload.event === 'forbiddenProcess' &&
      String(r.payload.detail).includes('AnyDesk');
    const serverView = () => (server?.records.get('test-1') ?? []).filter(isAnydesk);
    // On a timeout, what the station said tells why (a failed listing, a refused report).
    const waitFor = (check: () => boolean, what: string) =>
      until(check, 15_000, what).catch((error: unknown) => {
        throw new Error(`${String(error)}; station log: ${logs.join(' | ')}`);
      });
    expect(serverView()).toEqual([]);
    await waitFor(() => (server?.openStreams ?? 0) > 0, 'the command stream');
    server.sendCommand({ type: 'authorizeStart', id: 'cmd-start', testId: 'test-1' });
    await waitFor(() => services.runtime.phase === 'inProgress', 'the start');

    await waitFor(() => serverView().length === 1, 'the first report, replicated');
    // Still running through several more rounds: no second report.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(serverView()).toHaveLength(1);

    const stoppedPid = first.pid;
    await stop(first);
    // A listing begun after the exit no longer shows it: the watch saw it gone, so a restart is new.
    const stoppedAt = listingsStarted;
    await waitFor(
      () => listings.some((l) => l.n > stoppedAt && !l.pids.has(stoppedPid ?? -1)),
      'a listing without the stopped program',
    );
    expect(serverView()).toHaveLength(1);
    await startAnydesk(dir);
    await waitFor(() => serverView().length === 2, 'the report after the restart');
    // The default is "report": the test went on.
    expect(services.runtime.phase).toBe('inProgress');
    for (const record of serverView()) {
      expect(record.payload).toMatchObject({
        event: 'forbiddenProcess',
        detail: 'Logiciel interdit en cours d’exécution : AnyDesk (anydesk, prise de main à distance).',
        facts: { type: 'program', name: 'AnyDesk', category: 'remoteControl', executables: ['anydesk'] },
      });
    }

    // The station's own journal holds the same two records, in an unbroken chain.
    const journalFile = services.journalFile;
    await services.close();
    station = null;
    const journal = AnswerJournal.open({ file: journalFile });
    try {
      const records = journal.records('test-1');
      expect(verifyChain('test-1', records).ok).toBe(true);
      const reports = records.filter(isAnydesk);
      expect(reports.map((r) => r.seq)).toEqual(serverView().map((r) => r.seq));
    } finally {
      journal.close();
    }
  }, 60_000);
});
