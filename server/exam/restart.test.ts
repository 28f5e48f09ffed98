// Killing the server during uploads (issue 4): after a restart on the same file, every bundle that was
// acknowledged is there exactly once, with the same acknowledgment, and the stations' retries complete.
import { afterEach, describe, expect, it } from 'vitest';
import type { Challenge } from '../../core/challenge/challenge.ts';
import { bundleHash } from '../../core/bundle/bundle-hash.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.ts';
import { startChildServer, type ChildServer } from '../testing/child-server.ts';
import { enrolledStation, invigilator, startedJournal } from '../testing/exam-helpers.ts';
import { bundlePayload, signBundle } from '../testing/journal-builder.ts';
import { seedCertificationDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { startTestServer } from '../testing/test-server.ts';

const CANDIDATES = 40;
const STATIONS = 8;

interface Upload {
  station: TestStation;
  testId: string;
  jws: string;
  acknowledged: { bundleHash: string; receivedAt: string } | null;
  attempts: number;
}

describe('server restart during result uploads', () => {
  let child: ChildServer | null = null;
  afterEach(async () => {
    await child?.stop();
    child = null;
  });

  it('keeps every acknowledged bundle exactly once, and the retries complete', async () => {
    // The day, prepared on a server in this process: joined, started, every bundle sealed.
    const server = await startTestServer();
    const day = await seedCertificationDay(server.app, { count: CANDIDATES, competences: 16 });
    const inv = await invigilator(server, day);
    const bank = new Map(day.bank.map((c) => [c.id, c] as [string, Challenge]));
    const stations: TestStation[] = [];
    for (let i = 0; i < STATIONS; i++) stations.push(await enrolledStation(server, day, `Poste ${i + 1}`));
    const uploads: Upload[] = [];
    for (const [i, candidate] of day.candidates.entries()) {
      // Each station seats several candidates in turn (a morning of sessions).
      const station = stations[i % STATIONS] as TestStation;
      station.now = () => server.clock.now;
      const { journal, ...started } = await startedJournal(server, day, inv, station, candidate);
      for (const c of started.pkg.package.challenges) journal.answer(bank.get(c.id) as Challenge, true);
      journal.end('finished');
      const payload = bundlePayload({
        journal,
        sessionId: day.session.id,
        candidateId: candidate.id,
        stationId: station.id,
        pkg: started.pkg.package,
        packageHash: started.pkg.packageHash,
      });
      station.now = () => Date.now();
      uploads.push({
        station,
        testId: started.testId,
        jws: await signBundle(payload, station.privateKey),
        acknowledged: null,
        attempts: 0,
      });
    }
    expect(uploads[0]?.jws.length).toBeGreaterThan(20_000);
    await server.close();

    // The real server in its own process; stations upload and retry until acknowledged.
    let current = await startChildServer(server.dbFile);
    child = current;
    const before: Map<string, { bundleHash: string; receivedAt: string }> = new Map();
    let killed = false;
    const queue = [...uploads];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const upload = next;
        for (;;) {
          upload.attempts += 1;
          try {
            const r = await upload.station.fetch(
              current.url,
              'POST',
              STATION_API_PATHS.result(upload.testId),
              { bundle: upload.jws },
            );
            if (r.status === 200) {
              upload.acknowledged = r.json();
              if (!killed) before.set(upload.testId, r.json());
              break;
            }
            throw new Error(`${r.status} ${r.body}`);
          } catch (error) {
            if (error instanceof Error && /^\d{3} /.test(error.message)) throw error;
            await new Promise((resolve) => setTimeout(resolve, 50)); // unreachable: try again
          }
        }
      }
    };
    const workers = Array.from({ length: STATIONS }, worker);
    // Kill it once a third of the results are in, with uploads in flight.
    while (before.size < CANDIDATES / 3) await new Promise((resolve) => setTimeout(resolve, 2));
    killed = true;
    await current.kill();
    // Sent at least once and not acknowledged: cut off by the kill (or about to be sent again).
    const inFlight = uploads.filter((u) => u.attempts > 0 && u.acknowledged === null).length;
    current = await startChildServer(server.dbFile);
    child = current;
    await Promise.all(workers);

    expect(inFlight).toBeGreaterThan(0);
    expect(uploads.every((u) => u.acknowledged !== null)).toBe(true);
    // Acknowledged before the kill: the same acknowledgment after it (stored, not re-received).
    for (const [testId, ack] of before) {
      const upload = uploads.find((u) => u.testId === testId);
      const again = await upload?.station.fetch(current.url, 'POST', STATION_API_PATHS.result(testId), {
        bundle: upload.jws,
      });
      expect(again?.json()).toEqual(ack);
    }
    await current.stop();
    child = null;
    const store = openSqliteStore(server.dbFile);
    try {
      expect(await store.bundles.count()).toBe(CANDIDATES);
      for (const upload of uploads) {
        const stored = await store.bundles.get(upload.testId);
        expect(stored?.bundleHash).toBe(bundleHash(upload.jws));
        expect(stored?.jws).toBe(upload.jws);
      }
    } finally {
      await store.close();
    }
  }, 120_000);
});
