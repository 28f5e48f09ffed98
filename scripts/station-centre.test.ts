import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrollStation } from '../main/station/self-check/enroll-station.ts';
import { nodeSelfCheck } from '../main/station/self-check/node-self-check.ts';
import { seedBank, seedCertificationDay, type SeededDay } from '../server/testing/seed.ts';
import { ADMIN, startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { centreClient, stationsTable } from './station-centre.ts';

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

  it('says why a login is refused', async () => {
    await expect(
      centreClient({ serverUrl, email: ADMIN.email, password: 'wrong password!!' }),
    ).rejects.toThrow(/\/api\/centre\/login/);
  });
});
