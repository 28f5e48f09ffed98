// `--enroll CODE` and `--check` in the Electron main process, built as `npm run build` builds it and run
// in plain Node against the recording Electron stand-in, with the real certification server: no window
// opens, the report goes to stdout (and a copy to the data folder), and the exit code is the one IT
// scripts test. The referent's screen reaches the same self-check over IPC (runSelfCheck).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SelfCheckReportSchema } from '../../core/contracts/station-self-check.ts';
import { seedBank, seedCertificationDay, type SeededDay } from '../../server/testing/seed.ts';
import { startTestServer, type TestServer } from '../../server/testing/test-server.ts';
import { until } from '../station/sync/sync-fixtures.ts';
import { createFakeElectron, type FakeElectron } from './testing/fake-electron.ts';

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };
const realLoad = moduleInternals._load;

let workDir = '';
let bundle = '';
let current: FakeElectron | null = null;
let server: TestServer;
let day: SeededDay;
let serverUrl = '';
let userData = '';

beforeAll(async () => {
  const cache = path.join(process.cwd(), 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  workDir = mkdtempSync(path.join(cache, 'pix-commands-'));
  bundle = path.join(workDir, 'main', 'main.cjs');
  await build({
    entryPoints: ['main/electron/main.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    external: ['electron', 'better-sqlite3'],
    define: { 'process.env.PIX_BUILD_FLAVOUR': '"exam"' },
    logLevel: 'silent',
  });
  moduleInternals._load = function (request, parent, isMain) {
    if (request === 'electron' && current) return current.electron;
    return realLoad.call(this, request, parent, isMain);
  };
}, 60_000);

afterAll(() => {
  moduleInternals._load = realLoad;
  rmSync(workDir, { recursive: true, force: true });
});

beforeEach(async () => {
  server = await startTestServer({ now: () => Date.now() });
  day = await seedCertificationDay(server.app, { count: 1, bank: seedBank(40) });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  serverUrl = `http://127.0.0.1:${address.port}`;
  userData = mkdtempSync(path.join(tmpdir(), 'pix-userdata-'));
  // The user layer (electron-store's file): the server address, as a developer's machine has it.
  writeFileSync(
    path.join(userData, 'station-settings.json'),
    JSON.stringify({ serverUrl, stationName: 'Salle B - poste 07' }),
  );
});

afterEach(async () => {
  vi.restoreAllMocks();
  await server.close();
  rmSync(userData, { recursive: true, force: true });
});

/** Launches the built main process with these arguments; resolves with its exit code and stdout. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; fake: FakeElectron }> {
  const fake = createFakeElectron({ userData, argv });
  current = fake;
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const saved = process.argv;
  process.argv = [saved[0] ?? 'electron', '.', ...argv];
  try {
    const require = Module.createRequire(bundle);
    delete require.cache[bundle];
    require(bundle);
  } finally {
    process.argv = saved;
  }
  await until(() => fake.calls.some((c) => c.name === 'app.exit'), 20_000, 'the command to exit');
  const exit = fake.calls.find((c) => c.name === 'app.exit');
  vi.restoreAllMocks();
  return { code: Number(exit?.args[0]), stdout, fake };
}

async function enrollmentCode(): Promise<string> {
  const r = await day.api({
    method: 'POST',
    url: `/api/centre/centres/${day.centreId}/enrollment-codes`,
    payload: { validForMinutes: 60 },
  });
  return (r.json() as { code: string }).code;
}

describe('the Electron station’s commands for IT', () => {
  it('--enroll CODE enrolls without opening a window and prints the station id; a used code exits 2', async () => {
    const code = await enrollmentCode();
    const enrolled = await run(['--enroll', code]);
    expect(enrolled.code).toBe(0);
    expect(enrolled.fake.windows).toHaveLength(0);
    const stationId = /Identifiant du poste : (\S+)/.exec(enrolled.stdout)?.[1];
    expect(stationId).toBeTruthy();
    const dataDir = path.join(userData, 'station');
    // The key is sealed by the OS key store (safeStorage), as the kiosk keeps it.
    expect(existsSync(path.join(dataDir, 'station-key.sealed'))).toBe(true);
    expect(readFileSync(path.join(dataDir, 'enrollment.txt'), 'utf8')).toContain(String(stationId));

    rmSync(dataDir, { recursive: true, force: true });
    const again = await run([`--enroll=${code}`]);
    expect(again.code).toBe(2);
    expect(again.stdout).toMatch(/déjà servi/);
  });

  it('--check prints one line per check and exits 1 when only warnings remain; --json is the report', async () => {
    expect((await run(['--enroll', await enrollmentCode()])).code).toBe(0);
    const checked = await run(['--check']);
    expect(checked.fake.windows).toHaveLength(0);
    expect(checked.stdout).toMatch(/OK +Inscription du poste auprès du centre : « Salle B - poste 07 »/);
    expect(checked.stdout).toMatch(/OK +Écrans branchés : 1 écran/);
    // No managed settings on this machine and plain HTTP: warnings, so exit code 1.
    expect(checked.stdout).toMatch(/ATTENTION +Connexion sécurisée/);
    expect(checked.code).toBe(1);
    expect(readFileSync(path.join(userData, 'station', 'self-check.txt'), 'utf8')).toBe(checked.stdout);

    const json = await run(['--check', '--json']);
    const report = SelfCheckReportSchema.parse(JSON.parse(json.stdout));
    expect(report.recorded?.ok).toBe(true);
    expect(report.lines.map((l) => l.id)).toEqual([
      'settings',
      'server',
      'tls',
      'clock',
      'version',
      'enrollment',
      'displays',
      'disk',
      'journal',
      'browser',
    ]);
  });

  it('--enroll without a code explains itself and exits 3', async () => {
    const bad = await run(['--enroll']);
    expect(bad.code).toBe(3);
  });
});
