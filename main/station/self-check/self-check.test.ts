// The self-check and enrollment against a real certification server listening on a local port: a
// ready station passes, a misconfigured one fails with the reason and what to do, and enrollment is
// accepted once per code, refused when used or expired, with the exit codes IT scripts rely on.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StationSchema } from '../../../core/contracts/centre-api.ts';
import {
  SELF_CHECK_EXIT_CODES,
  SelfCheckReportSchema,
  type SelfCheckReport,
} from '../../../core/contracts/station-self-check.ts';
/* eslint-disable no-restricted-imports -- a test against the real server (never shipped): the
   self-check's own code imports nothing from server/. */
import { seedBank, seedCertificationDay, type SeededDay } from '../../../server/testing/seed.ts';
import { startTestServer, type TestServer } from '../../../server/testing/test-server.ts';
/* eslint-enable no-restricted-imports */
import type { RawLayer } from '../settings/resolve-settings.ts';
import { startTestProxy } from '../network/testing/test-proxy.ts';
import { ENROLL_EXIT_CODES, enrollStation } from './enroll-station.ts';
import { nodeSelfCheck, type NodeSelfCheckOptions } from './node-self-check.ts';
import { formatSelfCheck } from './self-check-text.ts';

const DEMO_SITES = path.resolve(import.meta.dirname, '../../../resources/demo/sites');
const GB = 1024 ** 3;
const MANAGED = '/etc/pix-certification/managed.json';

let server: TestServer;
let day: SeededDay;
let serverUrl: string;
let dataDir: string;
/** Shifts the server's clock (expired codes) while keeping it close to real time (signatures). */
let serverShiftMs = 0;

beforeEach(async () => {
  serverShiftMs = 0;
  dataDir = mkdtempSync(path.join(tmpdir(), 'pix-station-check-'));
  server = await startTestServer({ now: () => Date.now() + serverShiftMs, demoSitesDir: DEMO_SITES });
  day = await seedCertificationDay(server.app, { count: 1, bank: seedBank(40) });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  serverUrl = `http://127.0.0.1:${address.port}`;
});
afterEach(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function enrollmentCode(validForMinutes = 60): Promise<string> {
  const r = await day.api({
    method: 'POST',
    url: `/api/centre/centres/${day.centreId}/enrollment-codes`,
    payload: { validForMinutes },
  });
  expect(r.statusCode).toBe(201);
  return (r.json() as { code: string }).code;
}

function enroll(code: string, dir = dataDir, name = 'Salle B - poste 07') {
  return enrollStation({ dataDir: dir, serverUrl, stationName: name, machineId: 'test-machine', code });
}

/** IT's managed file, as the station reads it once its ownership checks passed. */
function managed(values: Record<string, unknown>): () => Promise<{ managed: RawLayer; machine: RawLayer }> {
  return () =>
    Promise.resolve({
      managed: { status: 'present', origin: MANAGED, values },
      machine: { status: 'absent' },
    });
}

function check(options: Partial<NodeSelfCheckOptions>): Promise<SelfCheckReport> {
  return nodeSelfCheck({
    dataDir,
    version: '0.1.0',
    measureDisk: () => Promise.resolve(40 * GB),
    ...options,
  });
}

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const byId = (report: SelfCheckReport) => Object.fromEntries(report.lines.map((l) => [l.id, l]));

describe('enrollment with the centre’s one-time code', () => {
  it('a valid code enrolls the station and prints its id; the same code is refused to another station', async () => {
    const code = await enrollmentCode();
    const first = await enroll(code);
    expect(first.exitCode).toBe(ENROLL_EXIT_CODES.enrolled);
    expect(first.stationId).toMatch(/\S/);
    expect(first.text).toContain(`Identifiant du poste : ${first.stationId}`);
    expect(first.text).toContain('Collège Jean Moulin');
    const stored = JSON.parse(readFileSync(path.join(dataDir, 'station.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(stored).toMatchObject({ stationId: first.stationId, serverUrl, name: 'Salle B - poste 07' });

    const otherDir = mkdtempSync(path.join(tmpdir(), 'pix-station-other-'));
    try {
      const used = await enroll(code, otherDir, 'Salle B - poste 08');
      expect(used.exitCode).toBe(ENROLL_EXIT_CODES.refused);
      expect(used.text).toMatch(/déjà servi/);
      expect(used.stationId).not.toBe(first.stationId);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
    const listed = await day.api({ method: 'GET', url: `/api/centre/centres/${day.centreId}/stations` });
    expect((listed.json() as { stations: { id: string }[] }).stations.map((s) => s.id)).toEqual([
      first.stationId,
    ]);
  });

  it('an expired or unknown code is refused, saying which; an unreachable server is exit code 1', async () => {
    const code = await enrollmentCode(5);
    serverShiftMs = 6 * 60_000;
    const expired = await enroll(code);
    expect(expired.exitCode).toBe(ENROLL_EXIT_CODES.refused);
    expect(expired.text).toMatch(/expiré/);
    const unknown = await enroll('BCDF-GHJK-MPQR');
    expect(unknown.exitCode).toBe(ENROLL_EXIT_CODES.refused);
    expect(unknown.text).toMatch(/n’existe pas/);
    await server.app.close();
    const offline = await enroll(await Promise.resolve('BCDF-GHJK-MPQR'));
    expect(offline.exitCode).toBe(ENROLL_EXIT_CODES.unreachable);
    expect(offline.text).toMatch(/ne répond pas/);
  });
});

describe('self-check', () => {
  it('a ready station passes every check it can make, and the centre sees the result', async () => {
    const { stationId } = await enroll(await enrollmentCode());
    const report = await check({
      systemLayers: managed({
        serverUrl,
        demoMode: true,
        extraDisplays: 'refuse',
        browserHomeUrl: 'https://college.pix-demo.test/',
      }),
      displays: () =>
        Promise.resolve({
          primaryId: 1,
          displays: [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }],
        }),
    });
    SelfCheckReportSchema.parse(report);
    const lines = byId(report);
    expect(lines.settings?.status).toBe('ok');
    expect(lines.settings?.detail).toContain(MANAGED);
    expect(lines.server?.status).toBe('ok');
    // Plain HTTP works on a closed network, but is worth a warning.
    expect(lines.tls?.status).toBe('warning');
    expect(lines.clock?.status).toBe('ok');
    expect(lines.version?.status).toBe('ok');
    expect(lines.enrollment).toMatchObject({ status: 'ok', action: null });
    expect(lines.enrollment?.detail).toContain(String(stationId));
    expect(lines.displays?.status).toBe('ok');
    expect(lines.disk?.status).toBe('ok');
    expect(lines.journal?.status).toBe('ok');
    expect(lines.journal?.detail).toMatch(/médiane de 20/);
    expect(lines.browser).toMatchObject({ status: 'ok' });
    expect(lines.browser?.detail).toContain('https://college.pix-demo.test/ (200)');
    expect(report.overall).toBe('warning');
    expect(report.recorded).toMatchObject({ ok: true, reason: null });
    expect(Date.parse(report.recorded?.recordedAt ?? '')).not.toBeNaN();
    expect(formatSelfCheck(report)).toContain(`code de sortie ${SELF_CHECK_EXIT_CODES.warning}`);
    // Each line says what it found as a code too, for the screens to word in their language.
    expect(Object.fromEntries(report.lines.map((l) => [l.id, l.code]))).toEqual({
      settings: 'settings.ok',
      server: 'server.ok',
      tls: 'tls.plainHttp',
      clock: 'clock.inSync',
      version: 'version.acceptedAny',
      enrollment: 'enrollment.confirmed',
      displays: 'displays.ok',
      disk: 'disk.ok',
      journal: 'journal.ok',
      browser: 'browser.ok',
    });
    expect(lines.enrollment?.params).toMatchObject({ stationId, name: 'Salle B - poste 07' });

    const listed = await day.api({ method: 'GET', url: `/api/centre/centres/${day.centreId}/stations` });
    const [station] = (listed.json() as { stations: unknown[] }).stations.map((s) => StationSchema.parse(s));
    expect(station?.version).toBe('0.1.0');
    expect(station?.lastSeenAt).not.toBeNull();
    expect(station?.selfCheck?.ok).toBe(true);
    expect(station?.selfCheck?.checks.find((c) => c.name === 'tls')).toMatchObject({
      ok: true,
      status: 'warning',
      code: 'tls.plainHttp',
      params: { origin: serverUrl },
    });
  });

  it('a station that is not ready fails, each line saying what is wrong and what to do', async () => {
    await server.close();
    // On real time (the test server's default clock is a fixed exam day: from that day on the station
    // would read ahead of it, not 10 minutes behind).
    server = await startTestServer({ now: () => Date.now(), config: { minimumStationVersion: '9.0.0' } });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    serverUrl = `http://127.0.0.1:${address.port}`;
    const report = await check({
      // No managed file: the address only comes from the command line.
      systemLayers: () => Promise.resolve({ managed: { status: 'absent' }, machine: { status: 'absent' } }),
      overrides: { serverUrl },
      // The station's clock is 10 minutes slow; the disk is nearly full; the disk is slow.
      now: () => Date.now() - 10 * 60_000,
      measureDisk: () => Promise.resolve(50 * 1024 * 1024),
      probeJournal: () => Promise.resolve({ medianMs: 800, maxMs: 1200 }),
      displays: () =>
        Promise.resolve({
          primaryId: 1,
          displays: [
            { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
            { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 1024 } },
          ],
        }),
    });
    const lines = byId(report);
    expect(lines.settings?.status).toBe('warning');
    expect(lines.server?.status).toBe('ok');
    expect(lines.clock).toMatchObject({ status: 'failure', code: 'clock.behind' });
    expect(lines.clock?.params?.seconds).toBeGreaterThan(590);
    expect(lines.clock?.detail).toMatch(/en retard/);
    expect(lines.clock?.action).toMatch(/w32tm/);
    expect(lines.version).toMatchObject({ status: 'failure' });
    expect(lines.version?.detail).toMatch(/9\.0\.0/);
    expect(lines.enrollment).toMatchObject({ status: 'failure' });
    expect(lines.enrollment?.action).toMatch(/--enroll CODE/);
    expect(lines.displays?.status).toBe('warning');
    expect(lines.disk?.status).toBe('failure');
    expect(lines.journal?.status).toBe('failure');
    expect(lines.browser?.status).toBe('skipped');
    expect(report.overall).toBe('failure');
    expect(report.recorded).toBeNull();
    SelfCheckReportSchema.parse(report);
    for (const line of report.lines.filter((l) => l.status === 'failure' || l.status === 'warning')) {
      expect(line.action, line.id).toMatch(/\S/);
    }
    expect(formatSelfCheck(report)).toMatch(/PAS PRÊT.*code de sortie 2/);
  });

  it('a station not enrolled with a code in its settings: --check says it enrolls itself, and what a refusal means', async () => {
    const report = await check({ systemLayers: managed({ serverUrl, enrollmentCode: 'BCDF-GHJK-MPQR' }) });
    const { enrollment } = byId(report);
    expect(enrollment).toMatchObject({ status: 'failure', code: 'enrollment.noKey' });
    expect(enrollment?.detail).toMatch(/un code d’inscription est dans les réglages \(enrollmentCode\)/);
    expect(enrollment?.action).toMatch(/s’inscrit toute seule avec ce code, en réessayant/);
    // The code itself is never written in the report (it goes to a file and to the server).
    expect(formatSelfCheck(report)).not.toContain('BCDF-GHJK-MPQR');
  });

  it('a revoked station and a blocked test address are failures; an unreachable server skips what needs it', async () => {
    const { stationId } = await enroll(await enrollmentCode());
    const revoked = await day.api({ method: 'POST', url: `/api/centre/stations/${stationId}/revoke` });
    expect(revoked.statusCode).toBe(200);
    const report = await check({
      systemLayers: managed({
        serverUrl,
        browserHomeUrl: 'https://www.qwant.com/',
        urlPolicy: { rules: [{ action: 'block', expression: 'qwant.com' }] },
      }),
    });
    const lines = byId(report);
    expect(lines.enrollment?.status).toBe('failure');
    expect(lines.enrollment?.detail).toMatch(/refusé par le serveur/);
    expect(lines.browser?.status).toBe('failure');
    expect(lines.browser?.detail).toMatch(/bloquée par le filtrage/);
    expect(lines.browser?.action).toMatch(/allow/);
    expect(lines.enrollment?.code).toBe('enrollment.refused');
    expect(lines.browser?.code).toBe('browser.blocked');
    expect(report.recorded).toMatchObject({ ok: false, recordedAt: null, reason: 'stationRefused' });
    SelfCheckReportSchema.parse(report);

    await server.app.close();
    const offline = await check({ systemLayers: managed({ serverUrl }) });
    const off = byId(offline);
    expect(off.server?.status).toBe('failure');
    expect(off.server?.detail).toMatch(/injoignable/);
    expect(off.server).toMatchObject({ code: 'server.unreachable', params: { url: serverUrl } });
    expect(off.clock?.code).toBe('skipped.serverUnreachable');
    expect(off.enrollment?.code).toBe('enrollment.unconfirmed');
    expect(off.clock?.status).toBe('skipped');
    expect(off.version?.status).toBe('skipped');
    expect(off.enrollment?.status).toBe('warning');
    expect(offline.recorded).toBeNull();
  });

  it('through the school’s proxy: the server is reached and the report sent by it, and the lines say so', async () => {
    await enroll(await enrollmentCode());
    const proxy = await startTestProxy();
    try {
      const report = await check({ systemLayers: managed({ serverUrl, serverProxy: proxy.url }) });
      const lines = byId(report);
      expect(lines.server).toMatchObject({
        status: 'ok',
        code: 'server.ok',
        params: { url: serverUrl, via: proxy.url },
      });
      expect(lines.server?.detail).toMatch(new RegExp(`— par le proxy ${proxy.url.replace(/\./g, '\\.')}$`));
      expect(report.recorded).toMatchObject({ ok: true });
      // The probe and the signed report both went through the proxy (an http server: its own requests).
      expect(
        proxy.carried.some((line) => line.startsWith(`GET ${serverUrl}/api/stations/compatibility`)),
      ).toBe(true);
      expect(proxy.carried.some((line) => line.startsWith(`POST ${serverUrl}/api/station/self-check`))).toBe(
        true,
      );

      // The system's settings (serverProxy "system", the default) are followed as well.
      proxy.carried.length = 0;
      const bySystem = await check({
        systemLayers: managed({ serverUrl }),
        systemProxy: () => Promise.resolve(`PROXY 127.0.0.1:${proxy.port}; DIRECT`),
      });
      expect(byId(bySystem).server?.params).toMatchObject({ via: proxy.url });
      expect(proxy.carried.length).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
    // The proxy named by IT is down: the server line names it, with no way around it.
    const down = await check({ systemLayers: managed({ serverUrl, serverProxy: proxy.url }) });
    expect(byId(down).server).toMatchObject({
      status: 'failure',
      code: 'server.unreachable',
      params: { url: serverUrl, error: 'ECONNREFUSED', via: proxy.url },
    });
    expect(byId(down).server?.detail).toContain(`injoignable (ECONNREFUSED) — par le proxy ${proxy.url}`);
    expect(down.recorded).toBeNull();
  });

  // openssl makes the throw-away certificate (present on Debian with ca-certificates).
  it.skipIf(!hasOpenssl())('says why a self-signed certificate is refused', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pix-tls-'));
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '30',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
      ],
      { stdio: 'ignore' },
    );
    const https = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => {
      res.end('{}');
    });
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    const address = https.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    try {
      const report = await check({
        systemLayers: managed({ serverUrl: `https://localhost:${address.port}` }),
      });
      const lines = byId(report);
      expect(lines.tls).toMatchObject({
        status: 'failure',
        detail: 'le certificat du serveur est auto-signé',
      });
      expect(lines.server?.status).toBe('failure');
      expect(lines.server?.detail).toMatch(/auto-signé/);
    } finally {
      https.closeAllConnections();
      await new Promise((resolve) => https.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
