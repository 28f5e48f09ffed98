import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrollStation } from '../main/station/self-check/enroll-station.ts';
import { nodeSelfCheck } from '../main/station/self-check/node-self-check.ts';
import { seedBank, seedCertificationDay, type SeededDay } from '../server/testing/seed.ts';
import { ADMIN, loginAs, startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { centreClient, parseServerUrl, stationsTable, unreachableMessage } from './station-centre.ts';

let server: TestServer;
let day: SeededDay;
let serverUrl: string;
let dataDir: string;

beforeEach(async () => {
  server = await startTestServer({ now: () => Date.now() });
  day = await seedCertificationDay(server.app, { count: 1, bank: seedBank(40) });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  serverUrl = `http://127.0.0.1:${address.port}`;
  dataDir = mkdtempSync(path.join(tmpdir(), 'pix-centre-cli-'));
});
afterEach(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('station:centre (IT’s side of the centre API)', () => {
  it('issues distinct one-time codes in bulk, and lists the stations with version, last contact and self-check', async () => {
    const client = await centreClient({ serverUrl, email: ADMIN.email, password: ADMIN.password });
    expect((await client.centres()).map((c) => c.id)).toEqual([day.centreId]);
    const codes = await Promise.all([1, 2, 3].map(() => client.issueCode(day.centreId, 60)));
    expect(new Set(codes.map((c) => c.code)).size).toBe(3);
    expect(
      stationsTable(await client.stations(day.centreId))
        .trim()
        .split('\n'),
    ).toHaveLength(1);

    const enrolled = await enrollStation({
      dataDir,
      serverUrl,
      stationName: 'B12-07',
      machineId: 'm',
      code: codes[1]?.code ?? '',
    });
    expect(enrolled.exitCode).toBe(0);
    const before = stationsTable(await client.stations(day.centreId));
    expect(before).toContain(`B12-07\t${enrolled.stationId}\t?\tjamais\tjamais vérifié`);

    await nodeSelfCheck({
      dataDir,
      version: '0.1.0',
      overrides: { serverUrl },
      systemLayers: () => Promise.resolve({ managed: { status: 'absent' }, machine: { status: 'absent' } }),
    });
    const after = stationsTable(await client.stations(day.centreId));
    expect(after).toMatch(new RegExp(`B12-07\\t${enrolled.stationId}\\t0\\.1\\.0\\t\\d{4}-.*\\t.*attention`));
  });

  it('issues the code that enrolls a revoked station again, and refuses it for a station not revoked', async () => {
    const client = await centreClient({ serverUrl, email: ADMIN.email, password: ADMIN.password });
    const first = await client.issueCode(day.centreId, 60);
    const enroll = (code: string) =>
      enrollStation({ dataDir, serverUrl, stationName: 'B12-07', machineId: 'm', code });
    const enrolled = await enroll(first.code);
    expect(enrolled.exitCode).toBe(0);
    const stationId = enrolled.stationId ?? '';
    await expect(client.issueCode(day.centreId, 60, stationId)).rejects.toThrow(/not revoked/);

    const admin = await loginAs(server.app, ADMIN.email, ADMIN.password);
    const revoked = await server.app.inject({
      method: 'POST',
      url: `/api/centre/stations/${stationId}/revoke`,
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(revoked.statusCode).toBe(200);
    const again = await client.issueCode(day.centreId, 60, stationId);
    expect(again.stationId).toBe(stationId);
    // The same station (its key, in dataDir) is enrolled again with it, under the same id.
    const reenrolled = await enroll(again.code);
    expect([reenrolled.exitCode, reenrolled.stationId]).toEqual([0, stationId]);
    expect(stationsTable(await client.stations(day.centreId))).toContain(`B12-07\t${stationId}`);
    expect(stationsTable(await client.stations(day.centreId))).not.toContain('(révoqué)');
  });

  it('says why a login is refused', async () => {
    await expect(
      centreClient({ serverUrl, email: ADMIN.email, password: 'wrong password!!' }),
    ).rejects.toThrow(/\/api\/centre\/login/);
  });

  it('refuses an address that is not a complete http(s) one, in French, before any request', async () => {
    expect(parseServerUrl('https://certif.lycee-exemple.fr/')).toBe('https://certif.lycee-exemple.fr');
    expect(parseServerUrl(' http://10.0.0.5:8080/pix/ ')).toBe('http://10.0.0.5:8080/pix');
    for (const bad of ['certif.example.fr', 'localhost:8080', 'ftp://certif.example.fr', '']) {
      expect(() => parseServerUrl(bad), bad).toThrow(
        /^Adresse du serveur invalide : « .* »\. Écrivez l’adresse complète, avec https:\/\//,
      );
    }
    let asked = false;
    await expect(
      centreClient({
        serverUrl: 'certif.example.fr',
        email: ADMIN.email,
        password: ADMIN.password,
        fetch: () => {
          asked = true;
          return Promise.reject(new Error('no'));
        },
      }),
    ).rejects.toThrow(/Adresse du serveur invalide : « certif\.example\.fr »/);
    expect(asked).toBe(false);
  });

  it('says which server it could not reach and what to check, never a bare “fetch failed”', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const closed = `http://127.0.0.1:${port}`;
    const refused = centreClient({ serverUrl: closed, email: ADMIN.email, password: ADMIN.password });
    await expect(refused).rejects.toThrow(
      `Le serveur ${closed} refuse la connexion (ECONNREFUSED) : vérifiez l’adresse et le port donnés avec --server, que le serveur est démarré`,
    );
    await expect(
      centreClient({ serverUrl: 'http://127.0.0.1:1', email: ADMIN.email, password: ADMIN.password }),
    ).rejects.toThrow(/^Le port de http:\/\/127\.0\.0\.1:1 fait partie de ceux que les clients web refusent/);

    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), {
      name: 'TimeoutError',
    });
    expect(unreachableMessage('https://certif.example.fr', timeout)).toMatch(
      /^Le serveur https:\/\/certif\.example\.fr ne répond pas en 15 s : vérifiez qu’il est démarré/,
    );
    const dns = new TypeError('fetch failed', {
      cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }),
    });
    expect(unreachableMessage('https://certif.example.fr', dns)).toMatch(
      /introuvable \(ENOTFOUND\).*--server/,
    );
    const tls = new TypeError('fetch failed', {
      cause: Object.assign(new Error('expired'), { code: 'CERT_HAS_EXPIRED' }),
    });
    expect(unreachableMessage('https://certif.example.fr', tls)).toMatch(
      /^Connexion sécurisée au serveur https:\/\/certif\.example\.fr impossible : le certificat du serveur a expiré\./,
    );
  });

  it('says when something else than a Pix server answers', async () => {
    const page = () => Promise.resolve(new Response('<html>Bienvenue</html>', { status: 200 }));
    await expect(
      centreClient({
        serverUrl: 'https://intranet.example.fr',
        email: ADMIN.email,
        password: 'x',
        fetch: page,
      }),
    ).rejects.toThrow(
      /le serveur https:\/\/intranet\.example\.fr répond 200, mais pas comme un serveur de certification Pix/,
    );
  });
});
