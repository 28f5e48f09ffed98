// `node scripts/station-smoke.ts --app <installed station executable>`: the installers' smoke test on the
// packaging CI (.github/workflows/installers.yml), on Windows, macOS and Linux. It starts a real
// certification server on this machine, writes the station's machine settings where IT would (owned by
// the administrators, so the station's trust checks accept them), then runs the *installed* station:
// `--enroll CODE` must enroll it and print its id, `--check` must find nothing failing (exit code 0 or 1:
// plain HTTP on the runner is a warning), and the server must list the station with its version and
// self-check. Needs administrator rights (sudo on Linux and macOS) to write the machine settings.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer } from '../server/app.ts';
import { createAdministrator, loginAs } from '../server/testing/test-server.ts';
import { ROOT } from './station-cli-options.ts';

const { values } = parseArgs({ options: { app: { type: 'string' } } });
const app = values.app;
if (!app) {
  console.error('usage: node scripts/station-smoke.ts --app "<path to the installed station executable>"');
  process.exit(2);
}

function fail(message: string): never {
  console.error(`smoke test failed: ${message}`);
  process.exit(1);
}

/** Where the station reads its machine settings on this OS (main/station/settings/managed-sources.ts). */
function machineSettingsFile(): string {
  switch (process.platform) {
    case 'win32':
      return path.join(
        process.env.ProgramData ?? 'C:\\ProgramData',
        'Pix',
        'CertificationStation',
        'station.json',
      );
    case 'darwin':
      return '/Library/Application Support/Pix Certification Station/station.json';
    default:
      return '/etc/pix-certification/station.json';
  }
}

/** Writes the settings as IT would: only administrators may change them. */
function writeMachineSettings(settings: Record<string, unknown>): void {
  const target = machineSettingsFile();
  const text = `${JSON.stringify(settings, null, 2)}\n`;
  if (process.platform === 'win32') {
    const dir = path.dirname(target);
    mkdirSync(dir, { recursive: true });
    // SYSTEM and Administrators full control, Users read; nothing inherited from ProgramData.
    execFileSync('icacls', [
      dir,
      '/inheritance:r',
      '/grant:r',
      '*S-1-5-18:(OI)(CI)F',
      '*S-1-5-32-544:(OI)(CI)F',
      '*S-1-5-32-545:(OI)(CI)RX',
    ]);
    writeFileSync(target, text);
    execFileSync('icacls', [target, '/setowner', '*S-1-5-32-544']);
    return;
  }
  const staged = path.join(mkdtempSync(path.join(tmpdir(), 'pix-smoke-')), 'station.json');
  writeFileSync(staged, text);
  // As root already (containers), or through sudo (the hosted runners' user).
  const asRoot = (args: string[]) =>
    process.getuid?.() === 0
      ? execFileSync(args[0] ?? 'true', args.slice(1), { stdio: 'inherit' })
      : execFileSync('sudo', args, { stdio: 'inherit' });
  asRoot(['mkdir', '-p', path.dirname(target)]);
  asRoot(['install', '-o', 'root', '-m', '0644', staged, target]);
}

/** Runs the installed station; resolves with its exit code and standard output. */
function station(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(app as string, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      process.stdout.write(chunk);
    });
    const timer = setTimeout(() => child.kill(), 120_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout });
    });
  });
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'pix-smoke-server-'));
const server = await buildServer({ dataDir, demoSitesDir: path.join(ROOT, 'resources', 'demo', 'sites') });
try {
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  if (!address || typeof address === 'string') fail('the server has no port');
  const serverUrl = `http://127.0.0.1:${address.port}`;
  await createAdministrator(server);
  const token = await loginAs(server, 'admin@pix.test', 'correct horse battery staple');
  const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
    server.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
  const centre = (
    await api('POST', '/api/centre/centres', { name: 'Lycée du test d’installation' })
  ).json() as { id: string };
  const issued = await api('POST', `/api/centre/centres/${centre.id}/enrollment-codes`, {
    validForMinutes: 30,
  });
  const { code } = issued.json() as { code: string };

  writeMachineSettings({
    serverUrl,
    stationName: `CI ${process.platform}`,
    demoMode: true,
    browserHomeUrl: 'https://college.pix-demo.test/',
  });

  console.log(`\n== ${app} --enroll ${code}`);
  const enrolled = await station(['--enroll', code]);
  if (enrolled.code !== 0) fail(`--enroll exited with ${enrolled.code}`);
  const stationId = /Identifiant du poste : (\S+)/.exec(enrolled.stdout)?.[1];
  if (!stationId) fail('--enroll did not print the station id');

  console.log(`\n== ${app} --check`);
  const checked = await station(['--check']);
  if (checked.code > 1) fail(`--check exited with ${checked.code} (a check failed)`);
  if (/ÉCHEC/.test(checked.stdout)) fail('--check reported a failure');

  const listed = (await api('GET', `/api/centre/centres/${centre.id}/stations`)).json() as {
    stations: { id: string; version: string | null; selfCheck: { ok: boolean } | null }[];
  };
  const seen = listed.stations.find((s) => s.id === stationId);
  if (!seen?.version || !seen.selfCheck?.ok) fail('the server does not list the station with its self-check');
  console.log(
    `\nsmoke test passed: station ${stationId} (${seen.version}) enrolled and checked on ${process.platform}`,
  );
} finally {
  await server.close();
}
