// The bytes no centre references and no test package cites are deleted, on real SQLite files: by the
// repository's sweep, after a bank import that forgot stale files, and once at start, where a failing
// store is logged and the server goes on serving.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import type { Store, StoredContent } from '../storage/repositories.ts';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.ts';
import { enrolledStation, invigilator, startedTest } from '../testing/exam-helpers.ts';
import {
  SEED_ATTACHMENT,
  SEED_ILLUSTRATION,
  client,
  seedCertificationDay,
  type SeededDay,
} from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { ADMIN, loginAs, startTestServer, type TestServer } from '../testing/test-server.ts';
import { UNCITED_CONTENT_KEPT_MS, contentHash } from './bank-service.ts';
import { START_SWEEP_TASK, sweepUncitedContent } from './content-sweep.ts';
import type { ServerContext } from '../context.ts';

const file = (text: string, mediaType = 'text/plain'): StoredContent => {
  const bytes = Buffer.from(text, 'utf8');
  return { hash: contentHash(bytes), mediaType, size: bytes.length, bytes };
};

describe('ContentRepository.sweepUncited (SQLite)', () => {
  let store: Store;
  const at = Date.parse('2026-12-08T08:00:00Z');
  beforeEach(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pix-sweep-'));
    store = openSqliteStore(path.join(dir, 'server.sqlite'), () => at);
    for (const id of ['c1', 'c2']) await store.centres.create({ id, name: id, createdAt: at });
  });
  afterEach(() => store.close());

  it('deletes the bytes nothing cites any more, and counts the files and bytes it freed', async () => {
    const old = file('Nom;Note\nLéa;15\n', 'text/csv');
    const kept = file('%PDF-1.7 sujet', 'application/pdf');
    await store.content.put('c1', old, at);
    await store.content.put('c1', kept, at);
    await store.content.forget('c1', [old.hash]);

    expect(await store.content.sweepUncited()).toEqual({ files: 1, bytes: old.size });
    expect(await store.content.get(old.hash)).toBeNull();
    expect((await store.content.getForCentre('c1', kept.hash))?.bytes.equals(kept.bytes)).toBe(true);
    // Nothing left to free: a second sweep frees nothing.
    expect(await store.content.sweepUncited()).toEqual({ files: 0, bytes: 0 });
  });

  it("keeps the bytes another centre still references, under that centre's type", async () => {
    const shared = file('Même fichier, deux centres');
    await store.content.put('c1', shared, at);
    await store.content.put('c2', { ...shared, mediaType: 'text/csv' }, at);
    await store.content.forget('c1', [shared.hash]);

    expect(await store.content.sweepUncited()).toEqual({ files: 0, bytes: 0 });
    expect(await store.content.getForCentre('c1', shared.hash)).toBeNull();
    expect(await store.content.getForCentre('c2', shared.hash)).toMatchObject({
      mediaType: 'text/csv',
      size: shared.size,
    });
  });

  it('never sweeps a file just put for a centre, even one no bank cites yet', async () => {
    const awaiting = file('envoyé pour un import à venir');
    const other = file("envoyé par l'autre centre");
    // Puts and sweeps asked for in the same turn, in both orders: each put lands whole, with its reference.
    const [, before, , after] = await Promise.all([
      store.content.put('c1', awaiting, at),
      store.content.sweepUncited(),
      store.content.put('c2', other, at),
      store.content.sweepUncited(),
    ]);
    expect([before, after]).toEqual([
      { files: 0, bytes: 0 },
      { files: 0, bytes: 0 },
    ]);
    expect(await store.content.sweepUncited()).toEqual({ files: 0, bytes: 0 });
    expect(await store.content.getForCentre('c1', awaiting.hash)).not.toBeNull();
    expect(await store.content.getForCentre('c2', other.hash)).not.toBeNull();

    // The bytes and their reference are one transaction: a reference refused leaves no bytes behind.
    const orphan = file('pour un centre qui n’existe pas');
    await expect(store.content.put('no-such-centre', orphan, at)).rejects.toThrow(/FOREIGN KEY/);
    expect(await store.content.get(orphan.hash)).toBeNull();
  });
});

describe('a large backlog', () => {
  let store: Store;
  const at = Date.parse('2026-12-08T08:00:00Z');
  const files = ['premier fichier', 'deuxième fichier', 'troisième fichier'].map((text) => file(text));
  const byHash = [...files].sort((a, b) => (a.hash < b.hash ? -1 : 1));
  beforeEach(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pix-sweep-'));
    store = openSqliteStore(path.join(dir, 'server.sqlite'), () => at);
    await store.centres.create({ id: 'c1', name: 'c1', createdAt: at });
    for (const f of files) await store.content.put('c1', f, at);
    await store.content.forget(
      'c1',
      files.map((f) => f.hash),
    );
  });
  afterEach(() => store.close());

  it('is deleted a batch at a time: files in hash order while those before them take less than the batch', async () => {
    const [first, second, third] = byHash as [StoredContent, StoredContent, StoredContent];
    // One byte more than the first file: the second starts within the batch, the third does not.
    expect(await store.content.sweepUncited(first.size + 1)).toEqual({
      files: 2,
      bytes: first.size + second.size,
    });
    expect(await store.content.get(first.hash)).toBeNull();
    expect(await store.content.get(third.hash)).not.toBeNull();
    // At least one file, however small the batch.
    expect(await store.content.sweepUncited(1)).toEqual({ files: 1, bytes: third.size });
  });

  it('is freed by the sweep one batch per turn of the event loop, logged once with the total', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = { info: (fields: Record<string, unknown>) => void lines.push(fields) };
    const sweep = store.content.sweepUncited.bind(store.content);
    const batches: number[] = [];
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    vi.spyOn(store.content, 'sweepUncited').mockImplementation(async () => {
      batches.push(turns);
      return sweep(1);
    });
    try {
      const swept = await sweepUncitedContent(
        { store, log: log as unknown as ServerContext['log'] },
        'at start',
      );
      expect(swept).toEqual({ files: 3, bytes: files.reduce((sum, f) => sum + f.size, 0) });
    } finally {
      clearInterval(ticking);
    }
    // Three batches of one file, then one that finds nothing; never two in the same turn.
    expect(batches).toHaveLength(4);
    expect(lines).toEqual([{ filesFreed: 3, bytesFreed: files.reduce((sum, f) => sum + f.size, 0) }]);
  });

  it('stops between batches once the server is closing, and logs what it freed', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = { info: (fields: Record<string, unknown>) => void lines.push(fields) };
    const sweep = store.content.sweepUncited.bind(store.content);
    vi.spyOn(store.content, 'sweepUncited').mockImplementation(async () => sweep(1));
    const swept = await sweepUncitedContent(
      { store, log: log as unknown as ServerContext['log'] },
      'at start',
      () => true,
    );
    expect(swept).toEqual({ files: 1, bytes: byHash[0]?.size });
    expect(lines).toEqual([{ filesFreed: 1, bytesFreed: byHash[0]?.size }]);
    expect(await store.content.get(byHash[2]?.hash ?? '')).not.toBeNull();
  });
});

/** pino's JSON lines, as the server writes them. */
function logLines() {
  const lines: Record<string, unknown>[] = [];
  const stream = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
  return { lines, stream };
}

const NEW_ATTACHMENT = Buffer.from('Nom;Note\nInès;17\n', 'utf8');
const oldHash = contentHash(SEED_ATTACHMENT);
const illustrationHash = contentHash(SEED_ILLUSTRATION);

/** The administrator, signed in now (the seed's sign-in expires before a day has passed). */
const signedIn = async (server: TestServer) =>
  client(server.app, await loginAs(server.app, ADMIN.email, ADMIN.password));

/**
 * Every challenge now cites another file, and no illustration: the seed's files leave the bank.
 */
async function importNewBank(server: TestServer, day: SeededDay) {
  const api = await signedIn(server);
  const attachment = {
    hash: contentHash(NEW_ATTACHMENT),
    fileName: 'notes-2.csv',
    mediaType: 'text/csv',
    size: NEW_ATTACHMENT.length,
  };
  const r = await api({
    method: 'POST',
    url: `/api/centre/centres/${day.centreId}/bank/import`,
    payload: {
      challenges: day.bank.map(({ illustration: _illustration, ...c }) => ({
        ...c,
        attachments: [attachment],
      })),
      content: [{ mediaType: 'text/csv', base64: NEW_ATTACHMENT.toString('base64') }],
    },
  });
  expect(r.statusCode).toBe(200);
  // Counts only: no file's hash in the answer.
  expect(r.body).not.toContain(oldHash);
  return r;
}

const sweepLines = (lines: Record<string, unknown>[]) => lines.filter((l) => 'filesFreed' in l);

describe('the sweep after a bank import', () => {
  let server: TestServer;
  let day: SeededDay;
  let lines: Record<string, unknown>[];
  let stopped: Error[];
  beforeEach(async () => {
    const log = logLines();
    lines = log.lines;
    stopped = [];
    server = await startTestServer({
      logger: { level: 'info', stream: log.stream },
      onDurabilityLost: (error) => stopped.push(error),
    });
    day = await seedCertificationDay(server.app, { count: 2 });
  });
  afterEach(() => server.close());
  const stored = (hash: string) => server.app.pix.store.content.get(hash);

  it('leaves the bank imported when the sweep fails: logged, the bytes wait for the next sweep; a disk that lost data still stops the server', async () => {
    const content = server.app.pix.store.content;
    const sweep = vi.spyOn(content, 'sweepUncited');
    sweep.mockRejectedValueOnce(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'));
    server.clock.advance(UNCITED_CONTENT_KEPT_MS + 1);
    await importNewBank(server, day);
    expect(lines.filter((l) => l.sqliteCode !== undefined)).toMatchObject([
      { level: 50, sqliteCode: 'SQLITE_FULL', msg: expect.stringContaining('the bank is imported') },
    ]);
    expect(stopped).toEqual([]);
    expect(await stored(oldHash)).not.toBeNull();
    sweep.mockRestore();
    expect(await content.sweepUncited()).toEqual({
      files: 2,
      bytes: SEED_ATTACHMENT.length + SEED_ILLUSTRATION.length,
    });

    // The next import forgets the one it replaces: its sweep meets a disk that failed to keep data.
    const lost = new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_FSYNC');
    vi.spyOn(content, 'sweepUncited').mockRejectedValueOnce(lost);
    server.clock.advance(UNCITED_CONTENT_KEPT_MS + 1);
    const api = await signedIn(server);
    const again = await api({
      method: 'POST',
      url: `/api/centre/centres/${day.centreId}/bank/import`,
      payload: {
        challenges: day.bank.map(({ illustration: _illustration, ...c }) => ({ ...c, attachments: [] })),
      },
    });
    expect(again.statusCode).toBe(503);
    expect(stopped).toEqual([lost]);
  });

  it("frees the bytes of the replaced bank's files once they are stale, not the files sent for an import to come", async () => {
    // Within the quota's day the replaced files keep their reference, and their bytes.
    server.clock.advance(3600_000);
    await importNewBank(server, day);
    expect(await stored(oldHash)).not.toBeNull();
    expect(await stored(illustrationHash)).not.toBeNull();
    expect(sweepLines(lines)).toEqual([]);

    // A file uploaded for the next import, cited by no bank yet.
    const awaiting = Buffer.from('%PDF-1.7 pour le prochain import', 'utf8');
    const upload = await day.api({
      method: 'PUT',
      url: `/api/centre/content/${contentHash(awaiting)}?centreId=${day.centreId}`,
      headers: { 'content-type': 'application/pdf' },
      payload: awaiting,
    });
    expect(upload.statusCode).toBe(201);

    server.clock.advance(UNCITED_CONTENT_KEPT_MS);
    await importNewBank(server, day);
    expect(await stored(oldHash)).toBeNull();
    expect(await stored(illustrationHash)).toBeNull();
    expect((await stored(contentHash(NEW_ATTACHMENT)))?.bytes.equals(NEW_ATTACHMENT)).toBe(true);
    expect((await stored(contentHash(awaiting)))?.bytes.equals(awaiting)).toBe(true);
    const [line, ...more] = sweepLines(lines);
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 30,
      filesFreed: 2,
      bytesFreed: SEED_ATTACHMENT.length + SEED_ILLUSTRATION.length,
    });
    expect(JSON.stringify(line)).not.toContain(oldHash);
  });

  it('keeps the files a test package cites: its station still downloads them, and they stay once the session is processed', async () => {
    const station: TestStation = await enrolledStation(server, day);
    const inv = await invigilator(server, day);
    const lea = day.candidates[0];
    if (!lea) throw new Error('no candidate');
    const { pkg } = await startedTest(server, day, inv, station, lea);
    const cited = pkg.package.challenges.flatMap((c) => [
      ...c.attachments.map((a) => a.hash),
      ...(c.illustration ? [c.illustration.hash] : []),
    ]);
    expect(cited).toContain(oldHash);

    server.clock.advance(UNCITED_CONTENT_KEPT_MS + 1);
    await importNewBank(server, day);
    // The illustration goes unless the package cites it too.
    const illustrationCited = cited.includes(illustrationHash);
    expect(sweepLines(lines)).toEqual(
      illustrationCited
        ? []
        : [expect.objectContaining({ filesFreed: 1, bytesFreed: SEED_ILLUSTRATION.length })],
    );
    expect((await stored(illustrationHash)) !== null).toBe(illustrationCited);
    const download = await station.inject(server.app, 'GET', STATION_API_PATHS.attachment(oldHash));
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(SEED_ATTACHMENT)).toBe(true);

    const finalized = await (
      await signedIn(server)
    )({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/finalization`,
      payload: {
        hadIncident: false,
        candidateCouldNotJoin: false,
        abortReasons: [{ candidateId: lea.id, reason: 'technical' }],
      },
    });
    expect(finalized.statusCode).toBe(200);
    // Processed: its station no longer downloads it, but the bytes stay (the jury's record cites them).
    expect(await server.app.pix.store.content.sweepUncited()).toEqual({ files: 0, bytes: 0 });
    expect((await stored(oldHash))?.bytes.equals(SEED_ATTACHMENT)).toBe(true);
  });
});

describe('the sweep at start', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  /**
   * A server on `dbFile`, listening, whose startup sweep is watched (and made to fail with `failure`):
   * resolves with the sweep's outcome once the server has dealt with it.
   */
  async function listening(options: { dbFile?: string; failure?: Error } = {}) {
    const log = logLines();
    const stopped: Error[] = [];
    server = await startTestServer({
      ...(options.dbFile ? { dbFile: options.dbFile } : {}),
      logger: { level: 'info', stream: log.stream },
      onDurabilityLost: (error) => stopped.push(error),
    });
    const content = server.app.pix.store.content;
    const sweep = content.sweepUncited.bind(content);
    let called!: (outcome: unknown) => void;
    const swept = new Promise((resolve) => (called = resolve));
    vi.spyOn(content, 'sweepUncited').mockImplementation(async () => {
      const outcome = options.failure ? Promise.reject(options.failure) : sweep();
      // The last batch is the one that finds nothing left (or the failure).
      void outcome.then((batch) => batch.files === 0 && called(batch), called);
      return outcome;
    });
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const outcome = await swept;
    // The server's handling of it (its log line) follows in the same turn.
    await new Promise((resolve) => setImmediate(resolve));
    return { base, outcome, lines: log.lines, stopped, server };
  }

  it('frees, once listening, the bytes an earlier server left uncited', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pix-sweep-start-'));
    const dbFile = path.join(dir, 'server.sqlite');
    const left = file('Ancien fichier');
    const earlier = openSqliteStore(dbFile);
    await earlier.centres.create({ id: 'c1', name: 'Collège', createdAt: 0 });
    await earlier.content.put('c1', left, 0);
    await earlier.content.forget('c1', [left.hash]);
    await earlier.close();

    const { outcome, lines, server: s } = await listening({ dbFile });
    // The last batch finds nothing left: the one before freed the file.
    expect(outcome).toEqual({ files: 0, bytes: 0 });
    expect(await s.app.pix.store.content.get(left.hash)).toBeNull();
    expect(sweepLines(lines)).toMatchObject([{ level: 30, filesFreed: 1, bytesFreed: left.size }]);
  });

  it('logs a storage fault there as a background task’s, and the server keeps serving', async () => {
    const full = new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
    const { base, outcome, lines, stopped } = await listening({ failure: full });
    expect(outcome).toBe(full);
    expect(lines.filter((l) => l.storageFault !== undefined)).toMatchObject([
      { level: 50, storageFault: 'full', sqliteCode: 'SQLITE_FULL', during: START_SWEEP_TASK },
    ]);
    expect(stopped).toEqual([]);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
  });

  it('logs any other failure there as an error, and the server keeps serving', async () => {
    const bug = new TypeError('not a storage fault');
    const { base, lines } = await listening({ failure: bug });
    expect(lines.filter((l) => l.msg === `${START_SWEEP_TASK} failed`)).toMatchObject([
      { level: 50, err: { message: 'not a storage fault' } },
    ]);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });
});
