// The catch-all answer for an address no route serves: its own code, so that a station behind a wrong
// address or proxy does not take it for the server's "no such test" and set its result aside for good.
import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enrolledStation, invigilator, sitTest } from '../testing/exam-helpers.ts';
import { client, seedCertificationDay, type SeededCandidate } from '../testing/seed.ts';
import {
  ADMIN,
  createAdministrator,
  errorOf,
  loginAs,
  startTestServer,
  type TestServer,
} from '../testing/test-server.ts';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('an address no route serves', () => {
  it('is answered 404 NO_ROUTE, naming the address, not NOT_FOUND', async () => {
    server = await startTestServer();
    // A station whose server address carries a path prefix the server does not have.
    const upload = await server.app.inject({
      method: 'POST',
      url: '/certif/api/station/tests/test-1/result?x=1',
      payload: { bundle: 'x' },
    });
    expect(upload.statusCode).toBe(404);
    expect(errorOf(upload)).toEqual({
      code: 'NO_ROUTE',
      message: 'no route POST /certif/api/station/tests/test-1/result: check the server address',
    });
    expect(errorOf(await server.app.inject({ method: 'GET', url: '/api/no-such-thing' })).code).toBe(
      'NO_ROUTE',
    );
  });
});

// The disk's and the database file's failures, met by real requests on the server's real SQLite file:
// a 503 with its own code and Retry-After, nothing stored, reads still answered, one log line for IT.
describe('storage faults', () => {
  /** The server's log, as JSON lines. */
  function logLines() {
    const lines: Record<string, unknown>[] = [];
    const stream = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
    return { lines, stream };
  }
  const faultLines = (lines: Record<string, unknown>[]) =>
    lines.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('storage fault'));

  /**
   * A test server and its own SQLite connections (main and fast), caught as it opens them: limits like
   * max_page_count and busy_timeout belong to a connection, not to the file.
   */
  async function serverWithConnections(options: Parameters<typeof startTestServer>[0] = {}) {
    const opened = new Set<SqliteDatabase>();
    const proto = (Database as unknown as { prototype: SqliteDatabase }).prototype;
    const pragma = proto.pragma;
    const spy = vi.spyOn(proto, 'pragma').mockImplementation(function (
      this: SqliteDatabase,
      source: string,
      options?: { simple?: boolean },
    ) {
      opened.add(this);
      return pragma.call(this, source, options);
    });
    try {
      server = await startTestServer(options);
    } finally {
      spy.mockRestore();
    }
    const own = server;
    const connections = [...opened].filter((db) => db.open && db.name === own.dbFile);
    expect(connections).toHaveLength(2);
    return { server: own, connections };
  }

  async function centreSession(app: FastifyInstance) {
    await createAdministrator(app);
    const api = client(app, await loginAs(app, ADMIN.email, ADMIN.password));
    const centre = (
      await api({ method: 'POST', url: '/api/centre/centres', payload: { name: 'Collège Jean Moulin' } })
    ).json() as { id: string };
    const createSession = () =>
      api({
        method: 'POST',
        url: `/api/centre/centres/${centre.id}/sessions`,
        payload: {
          address: '1 rue A, Lyon',
          room: 'B12',
          date: '2026-12-08',
          time: '09:00',
          examiner: 'Mme L',
        },
      });
    const session = (await createSession()).json() as { id: string };
    return { api, centreId: centre.id, sessionId: session.id, createSession };
  }

  /** A CSV of `count` candidates: more rows than the database's free room holds. */
  const candidatesCsv = (count: number) =>
    Buffer.from(
      'Nom;Prénom;Sexe;Date de naissance;Code INSEE;Temps majoré (%)\r\n' +
        Array.from({ length: count }, (_, i) => `Secretname${i};Léa${i};F;01/02/2011;69123;0`).join('\r\n'),
      'utf8',
    );

  it('answers a full disk 503 STORAGE_FULL, stores nothing, still answers reads, and stores once there is room', async () => {
    const { lines, stream } = logLines();
    const { server: s, connections } = await serverWithConnections({ logger: { level: 'info', stream } });
    const { api, sessionId } = await centreSession(s.app);
    const importCsv = () =>
      api({
        method: 'POST',
        url: `/api/centre/sessions/${sessionId}/candidates/import`,
        headers: { 'content-type': 'text/csv' },
        payload: candidatesCsv(300),
      });
    const listCandidates = () => api({ method: 'GET', url: `/api/centre/sessions/${sessionId}/candidates` });
    // The disk is full, as SQLite sees it: not one page more than the file has now.
    for (const db of connections)
      db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);

    const full = await importCsv();
    expect(full.statusCode).toBe(503);
    expect(full.headers['retry-after']).toBe('60');
    expect(errorOf(full)).toEqual({
      code: 'STORAGE_FULL',
      message:
        "the server's disk is full: nothing was stored. Try again later; the server's IT staff must free space on its disk",
    });
    // Nothing stored, and reads are still answered.
    const after = await listCandidates();
    expect(after.statusCode).toBe(200);
    expect((after.json() as { candidates: unknown[] }).candidates).toEqual([]);
    // IT is told once, with the database's folder, never the request's body.
    expect((await importCsv()).statusCode).toBe(503);
    const told = faultLines(lines);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      level: 50,
      storageFault: 'full',
      sqliteCode: 'SQLITE_FULL',
      databaseFolder: s.dir,
      during: 'POST /api/centre/sessions/:sessionId/candidates/import',
      refusedMeanwhile: 0,
    });
    expect(String(told[0]?.msg)).toContain(`the disk holding the database (${s.dir}) is full`);
    expect(JSON.stringify(lines)).not.toContain('Secretname');
    // No 500 logged for it.
    expect(lines.filter((l) => l.msg === 'request failed')).toEqual([]);

    // Room again (IT freed space): the same request is stored.
    for (const db of connections) db.pragma('max_page_count = 1073741823');
    const stored = await importCsv();
    expect(stored.statusCode).toBe(200);
    expect((stored.json() as { imported: number }).imported).toBe(300);
    expect(((await listCandidates()).json() as { candidates: unknown[] }).candidates).toHaveLength(300);
  });

  it('answers a result upload on a full disk 503 STORAGE_FULL through the group commit, and stores it once there is room', async () => {
    const { server: s, connections } = await serverWithConnections();
    const day = await seedCertificationDay(s.app, { count: 1 });
    const station = await enrolledStation(s, day);
    const inv = await invigilator(s, day);
    const sat = await sitTest(s, day, inv, station, day.candidates[0] as SeededCandidate);
    for (const db of connections)
      db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    // SQLite rolls back the whole batch's transaction on SQLITE_FULL: the writer is told so (not
    // "no transaction is active", a 500), and nothing of the bundle is stored.
    const full = await sat.upload();
    expect([full.statusCode, errorOf(full).code, full.headers['retry-after']]).toEqual([
      503,
      'STORAGE_FULL',
      '60',
    ]);
    expect(await s.app.pix.store.bundles.count()).toBe(0);
    for (const db of connections) db.pragma('max_page_count = 1073741823');
    expect((await sat.upload()).statusCode).toBe(200);
    expect(await s.app.pix.store.bundles.count()).toBe(1);
  });

  it('answers a database locked by another program past the busy timeout 503 STORAGE_BUSY, then stores', async () => {
    const { server: s, connections } = await serverWithConnections();
    const { api, centreId, createSession } = await centreSession(s.app);
    const createCentre = () =>
      api({ method: 'POST', url: '/api/centre/centres', payload: { name: 'Lycée Victor Hugo' } });
    const centres = async () =>
      ((await api({ method: 'GET', url: '/api/centre/centres' })).json() as { centres: unknown[] }).centres;
    // Another program (a backup, an sqlite3 shell) holds the write lock. A lone statement waits for it
    // as long as the busy timeout: 20 ms here, not the server's 5 s.
    for (const db of connections) db.pragma('busy_timeout = 20');
    const other = new Database(s.dbFile);
    try {
      other.exec('BEGIN IMMEDIATE');
      const busy = await createCentre();
      expect(busy.statusCode).toBe(503);
      expect(busy.headers['retry-after']).toBe('5');
      expect(errorOf(busy)).toEqual({
        code: 'STORAGE_BUSY',
        message: "the server's database is busy: nothing was stored. Try again in a few seconds",
      });
      // A transaction that read first gets SQLite's BUSY at once, without waiting: the same answer.
      expect(errorOf(await createSession()).code).toBe('STORAGE_BUSY');
      // Readers do not wait for the writer (WAL): the lists are answered, without the refused ones.
      expect(await centres()).toHaveLength(1);
      const listed = await api({ method: 'GET', url: `/api/centre/centres/${centreId}/sessions` });
      expect((listed.json() as { sessions: unknown[] }).sessions).toHaveLength(1);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect((await createCentre()).statusCode).toBe(201);
    expect((await createSession()).statusCode).toBe(201);
    expect(await centres()).toHaveLength(2);
  });

  it('answers an I/O error 503 STORAGE_UNAVAILABLE; a read error does not stop the server, a failed write does', async () => {
    const { lines, stream } = logLines();
    const stopped: Error[] = [];
    const { server: s } = await serverWithConnections({
      logger: { level: 'info', stream },
      onDurabilityLost: (error) => stopped.push(error),
    });
    const { createSession } = await centreSession(s.app);
    const create = vi.spyOn(s.app.pix.store.sessions, 'create');

    create.mockRejectedValueOnce(new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_READ'));
    const readError = await createSession();
    expect(readError.statusCode).toBe(503);
    expect(readError.headers['retry-after']).toBe('30');
    expect(errorOf(readError).code).toBe('STORAGE_UNAVAILABLE');
    expect(stopped).toEqual([]);
    expect(faultLines(lines)).toMatchObject([
      { level: 50, storageFault: 'ioError', sqliteCode: 'SQLITE_IOERR_READ' },
    ]);

    // The disk refused written data: the server stops (server/main.ts exits), saying why first.
    const lost = new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_FSYNC');
    create.mockRejectedValueOnce(lost);
    const writeError = await createSession();
    expect([writeError.statusCode, errorOf(writeError).code]).toEqual([503, 'STORAGE_UNAVAILABLE']);
    expect(stopped).toEqual([lost]);
    expect(faultLines(lines)[1]).toMatchObject({ level: 60, sqliteCode: 'SQLITE_IOERR_FSYNC' });

    // Not a storage fault (a constraint, a bug): still a 500 INTERNAL.
    create.mockRejectedValueOnce(
      new Database.SqliteError('CHECK constraint failed', 'SQLITE_CONSTRAINT_CHECK'),
    );
    const internal = await createSession();
    expect([internal.statusCode, errorOf(internal).code]).toEqual([500, 'INTERNAL']);
    expect(stopped).toHaveLength(1);
  });
});
