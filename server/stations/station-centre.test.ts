// A station belongs to the centre that enrolled it, for good: a revoked station is not enrolled again
// with another centre's code (its row would move there, with its tests, packages and results in use),
// and a station whose row says another centre (moved by an older server) reaches none of its former
// centre's tests, packages or files.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnrollmentCodeSchema, StationSchema } from '../../core/contracts/centre-api.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { contentHash } from '../content/bank-service.ts';
import { enrolledStation, invigilator, startedJournal, type Invigilator } from '../testing/exam-helpers.ts';
import { bundlePayload, signBundle } from '../testing/journal-builder.ts';
import {
  SEED_ATTACHMENT,
  seedCertificationDay,
  type SeededCandidate,
  type SeededDay,
} from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

describe("a station and its centre's tests", () => {
  let server: TestServer;
  let day: SeededDay;
  let inv: Invigilator;
  let station: TestStation;
  let centreB: string;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 1 });
    station = await enrolledStation(server, day);
    inv = await invigilator(server, day);
    const centre = await day.api({ method: 'POST', url: '/api/centre/centres', payload: { name: 'Autre' } });
    expect(centre.statusCode).toBe(201);
    centreB = (centre.json() as { id: string }).id;
  });
  afterEach(() => server.close());

  const lea = () => day.candidates[0] as SeededCandidate;

  async function code(centreId: string, payload: object = {}) {
    return day.api({ method: 'POST', url: `/api/centre/centres/${centreId}/enrollment-codes`, payload });
  }

  async function stationsOf(centreId: string) {
    const r = await day.api({ method: 'GET', url: `/api/centre/centres/${centreId}/stations` });
    expect(r.statusCode).toBe(200);
    return (r.json() as { stations: unknown[] }).stations.map((s) => StationSchema.parse(s));
  }

  it("refuses to enroll a revoked station again with another centre's code: it stays in its centre", async () => {
    const { testId } = await startedJournal(server, day, inv, station, lea());
    const revoked = await day.api({
      method: 'POST',
      url: `/api/centre/stations/${station.id}/revoke`,
      payload: { confirmTestIds: [testId] },
    });
    expect(revoked.statusCode).toBe(200);

    const codeB = EnrollmentCodeSchema.parse((await code(centreB)).json()).code;
    const moved = await station.enroll(server.app, codeB);
    expect([moved.statusCode, errorOf(moved).code]).toEqual([409, 'STATION_OF_ANOTHER_CENTRE']);
    expect(errorOf(moved).message).toMatch(/never changes centre/);
    // Still centre A's (revoked), nothing in centre B; the code of B is kept for B's own stations.
    expect((await stationsOf(day.centreId)).map((s) => [s.id, s.revokedAt !== null])).toEqual([
      [station.id, true],
    ]);
    expect(await stationsOf(centreB)).toEqual([]);
    const stillA = await day.api({ method: 'POST', url: `/api/centre/stations/${station.id}/revoke` });
    expect(stillA.statusCode).toBe(200);
    // And the package of A's candidate stays out of reach.
    const pkg = await station.inject(server.app, 'GET', STATION_API_PATHS.package(testId));
    expect(pkg.statusCode).toBe(403);

    // Centre B cannot issue a code for A's station either.
    const foreign = await code(centreB, { stationId: station.id });
    expect([foreign.statusCode, errorOf(foreign).code]).toEqual([404, 'NOT_FOUND']);
  });

  it("gives a station whose row says another centre none of its former centre's tests or files", async () => {
    const { testId, pkg: issued, journal } = await startedJournal(server, day, inv, station, lea());
    journal.end('finished');
    // What an older server did when a revoked station was enrolled with centre B's code: the row moved.
    const db = new Database(server.dbFile);
    try {
      db.prepare('UPDATE stations SET centre_id = ? WHERE id = ?').run(centreB, station.id);
    } finally {
      db.close();
    }

    const pkg = await station.inject(server.app, 'GET', STATION_API_PATHS.package(testId));
    expect([pkg.statusCode, errorOf(pkg).code]).toEqual([404, 'NOT_FOUND']);
    const records = await station.inject(server.app, 'POST', STATION_API_PATHS.records(testId), {
      records: journal.records,
    });
    expect([records.statusCode, errorOf(records).code]).toEqual([404, 'NOT_FOUND']);
    const resume = await station.inject(server.app, 'GET', STATION_API_PATHS.records(testId));
    expect([resume.statusCode, errorOf(resume).code]).toEqual([404, 'NOT_FOUND']);
    const bundle = await signBundle(
      bundlePayload({
        journal,
        sessionId: day.session.id,
        candidateId: lea().id,
        stationId: station.id,
        pkg: issued.package,
        packageHash: issued.packageHash,
      }),
      station.privateKey,
    );
    const result = await station.inject(server.app, 'POST', STATION_API_PATHS.result(testId), { bundle });
    expect([result.statusCode, errorOf(result).code]).toEqual([404, 'NOT_FOUND']);
    expect(await server.app.pix.store.bundles.count()).toBe(0);
    // The file A's package cites is in no bank of B: only A's package cited it.
    const file = await station.inject(
      server.app,
      'GET',
      STATION_API_PATHS.attachment(contentHash(SEED_ATTACHMENT)),
    );
    expect([file.statusCode, errorOf(file).code]).toEqual([404, 'NOT_FOUND']);
  });
});
