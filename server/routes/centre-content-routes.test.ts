import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BankImportRefusalSchema } from '../../core/contracts/centre-api.ts';
import { syntheticProfile } from '../../core/testing/synthetic-bank.ts';
import { UNCITED_CONTENT_KEPT_MS, contentHash } from '../content/bank-service.ts';
import { SEED_ATTACHMENT, client, seedBank, seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import { ADMIN, errorOf, loginAs, startTestServer, type TestServer } from '../testing/test-server.ts';
import { REQUEST_TIMEOUT_MS } from '../config.ts';
import { bankUploadAllowedMs } from './centre-content-routes.ts';

describe('centre API: bank, content and profiles', () => {
  let server: TestServer;
  let day: SeededDay;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 2 });
  });
  afterEach(() => server.close());

  it('imports the bank with its attachments and summarizes it', async () => {
    const summary = await day.api({ method: 'GET', url: `/api/centre/centres/${day.centreId}/bank` });
    expect(summary.statusCode).toBe(200);
    const body = summary.json() as { challenges: number; attachments: number; byCompetence: unknown[] };
    expect(body.challenges).toBe(day.bank.length);
    expect(body.attachments).toBeGreaterThan(0);
    expect(body.byCompetence).toHaveLength(16);
    // An administrator names the centre whose file it reads.
    const file = await day.api({
      method: 'GET',
      url: `/api/centre/content/${contentHash(SEED_ATTACHMENT)}?centreId=${day.centreId}`,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/csv/);
    expect(file.rawPayload.equals(SEED_ATTACHMENT)).toBe(true);
  });

  it('refuses a bank with an invalid challenge, saying which and why, and stores nothing', async () => {
    const centre = await day.api({ method: 'POST', url: '/api/centre/centres', payload: { name: 'Autre' } });
    const centreId = (centre.json() as { id: string }).id;
    const bank = seedBank(20, 3);
    const broken = [...bank.slice(0, 5), { ...bank[5], type: 'QCU', choices: undefined }];
    const response = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${centreId}/bank/import`,
      payload: {
        challenges: broken,
        content: [{ mediaType: 'text/csv', base64: SEED_ATTACHMENT.toString('base64') }],
      },
    });
    expect(response.statusCode).toBe(422);
    const error = errorOf(response);
    expect(error.code).toBe('INVALID_BANK');
    expect(error.message).toContain(`challenge 5 (${bank[5]?.id})`);
    const summary = await day.api({ method: 'GET', url: `/api/centre/centres/${centreId}/bank` });
    expect((summary.json() as { challenges: number }).challenges).toBe(0);
  });

  it('refuses a bank whose attachments are missing, or whose skill sits in two competences', async () => {
    const centre = await day.api({ method: 'POST', url: '/api/centre/centres', payload: { name: 'Autre' } });
    const centreId = (centre.json() as { id: string }).id;
    const bank = seedBank(20, 3).map((c) => ({ ...c, illustration: undefined }));
    const missing = bank.map((c) => ({ ...c, attachments: [{ ...c.attachments[0], hash: 'a'.repeat(64) }] }));
    const noFile = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${centreId}/bank/import`,
      payload: missing,
    });
    expect(noFile.statusCode).toBe(422);
    expect(errorOf(noFile).message).toMatch(/notes\.csv .* is neither in the file nor stored/);
    // Each problem also comes as data, for the back office to say it in the referent's language.
    expect(noFile.json()).toMatchObject({
      error: {
        code: 'INVALID_BANK',
        problems: expect.arrayContaining([
          expect.objectContaining({ kind: 'missingContent', fileName: 'notes.csv' }),
        ]) as unknown,
      },
    });
    const twoCompetences = [
      bank[0],
      { ...bank[1], skill: bank[0]?.skill, competence: bank[0]?.competence === '1.1' ? '1.2' : '1.1' },
    ];
    // The centre brings its own files: another centre's stored bytes are not its to cite.
    const inconsistent = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${centreId}/bank/import`,
      payload: {
        challenges: twoCompetences,
        content: [{ mediaType: 'text/csv', base64: SEED_ATTACHMENT.toString('base64') }],
      },
    });
    expect(inconsistent.statusCode).toBe(422);
    expect(errorOf(inconsistent).message).toMatch(/inconsistent/);
    expect(BankImportRefusalSchema.parse(inconsistent.json()).error.problems).toEqual([
      {
        kind: 'skillInTwoCompetences',
        challengeId: bank[1]?.id,
        skill: bank[0]?.skill,
        competence: bank[0]?.competence,
        otherCompetence: twoCompetences[1]?.competence,
      },
    ]);
  });

  it('stores content by hash only when the bytes match it', async () => {
    const bytes = Buffer.from('%PDF-1.4 test', 'utf8');
    const wrong = await day.api({
      method: 'PUT',
      url: `/api/centre/content/${'b'.repeat(64)}?centreId=${day.centreId}`,
      headers: { 'content-type': 'application/pdf' },
      payload: bytes,
    });
    expect(wrong.statusCode).toBe(422);
    expect(errorOf(wrong).code).toBe('HASH_MISMATCH');
    const right = await day.api({
      method: 'PUT',
      url: `/api/centre/content/${contentHash(bytes)}?centreId=${day.centreId}`,
      headers: { 'content-type': 'application/pdf' },
      payload: bytes,
    });
    expect(right.statusCode).toBe(201);
    expect(right.json()).toEqual({
      hash: contentHash(bytes),
      mediaType: 'application/pdf',
      size: bytes.length,
    });
    const unknown = `/api/centre/content/${'c'.repeat(64)}?centreId=${day.centreId}`;
    expect((await day.api({ method: 'GET', url: unknown })).statusCode).toBe(404);
    // An administrator stores a file for a centre it names, not for every centre.
    const unnamed = await day.api({
      method: 'PUT',
      url: `/api/centre/content/${contentHash(bytes)}`,
      headers: { 'content-type': 'application/pdf' },
      payload: bytes,
    });
    expect(unnamed.statusCode).toBe(400);
  });

  it('imports profiles matched by names and birthdate, and reports the ones that match no one', async () => {
    const [lea] = day.candidates;
    if (!lea) throw new Error('no candidate');
    const list = await day.api({ method: 'GET', url: `/api/centre/sessions/${day.session.id}/candidates` });
    const candidates = (
      list.json() as { candidates: { id: string; certifiable: boolean; profile: unknown }[] }
    ).candidates;
    expect(candidates.every((c) => c.certifiable && c.profile !== null)).toBe(true);
    const profile = syntheticProfile(day.bank, { seed: 9, competences: 4 });
    const report = await day.api({
      method: 'POST',
      url: `/api/centre/sessions/${day.session.id}/profiles/import`,
      payload: {
        profiles: [
          {
            lastName: lea.lastName.toUpperCase(),
            firstName: lea.firstName,
            birthdate: lea.birthdate,
            profile,
          },
          { lastName: 'Inconnu', firstName: 'Personne', birthdate: '2011-01-01', profile },
          { externalId: 'nope', profile },
        ],
      },
    });
    expect(report.statusCode).toBe(200);
    // Léa's profile was imported with the day's: this one replaces it.
    expect(report.json()).toMatchObject({
      imported: 0,
      replaced: 1,
      rejected: 2,
      entries: [
        { index: 0, status: 'replaced', candidateId: lea.id },
        { index: 1, status: 'rejected', message: 'no candidate of the session matches' },
        { index: 2, status: 'rejected' },
      ],
    });
    const after = await day.api({ method: 'GET', url: `/api/centre/candidates/${lea.id}` });
    expect(after.json()).toMatchObject({
      certifiable: false,
      notCertifiableReason: '4 competence(s) at level 1 or more; at least 5 are needed',
    });
  });

  it('refuses an oversized body with 413 and nothing stored', async () => {
    const response = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${day.centreId}/sessions`,
      payload: {
        address: 'x'.repeat(300 * 1024),
        room: 'r',
        date: '2026-12-08',
        time: '09:00',
        examiner: 'e',
      },
    });
    expect(response.statusCode).toBe(413);
    expect(errorOf(response).code).toBe('PAYLOAD_TOO_LARGE');
    const sessions = await day.api({ method: 'GET', url: `/api/centre/centres/${day.centreId}/sessions` });
    expect((sessions.json() as { sessions: unknown[] }).sessions).toHaveLength(1);
  });
});

describe('centre API: each centre’s attachments within its quota', () => {
  const QUOTA = 1024 * 1024;
  let server: TestServer;
  let day: SeededDay;
  beforeEach(async () => {
    server = await startTestServer({ config: { contentQuotaBytes: QUOTA } });
    day = await seedCertificationDay(server.app, { count: 1 });
  });
  afterEach(() => server.close());

  const file = (fill: number) => Buffer.alloc(600 * 1024, fill);
  const put = (bytes: Buffer, centreId = day.centreId) =>
    day.api({
      method: 'PUT',
      url: `/api/centre/content/${contentHash(bytes)}?centreId=${centreId}`,
      headers: { 'content-type': 'application/pdf' },
      payload: bytes,
    });

  it('refuses an upload past the quota, stores nothing, and counts a centre’s own file once', async () => {
    expect((await put(file(1))).statusCode).toBe(201);
    const over = await put(file(2));
    expect([over.statusCode, errorOf(over).code]).toEqual([422, 'CONTENT_QUOTA_EXCEEDED']);
    const read = await day.api({
      method: 'GET',
      url: `/api/centre/content/${contentHash(file(2))}?centreId=${day.centreId}`,
    });
    expect(read.statusCode).toBe(404);
    // The same file again takes no more room.
    expect((await put(file(1))).statusCode).toBe(201);
    // Another centre has its own quota.
    const centre = await day.api({ method: 'POST', url: '/api/centre/centres', payload: { name: 'Autre' } });
    expect((await put(file(2), (centre.json() as { id: string }).id)).statusCode).toBe(201);
  });

  it('lets one of two uploads sent at the same instant through when together they pass the quota', async () => {
    // The repository's contract is asynchronous (a PostgreSQL store would wait on the network): its
    // reads are made to wait a turn here, as they would there.
    const content = server.app.pix.store.content;
    const read = content.centreFiles.bind(content);
    content.centreFiles = async (centreId) => {
      const files = await read(centreId);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return files;
    };
    const [first, second] = await Promise.all([put(file(1)), put(file(2))]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 422]);
    const stored = await server.app.pix.store.content.centreFiles(day.centreId);
    expect(stored.reduce((sum, f) => sum + f.size, 0)).toBeLessThanOrEqual(QUOTA);
  });

  it('stops counting a file the bank does not cite a day after its upload, so the quota frees itself', async () => {
    expect((await put(file(1))).statusCode).toBe(201);
    expect((await put(file(2))).statusCode).toBe(422);
    server.clock.advance(UNCITED_CONTENT_KEPT_MS + 1000);
    // A day later: the referent signs in again.
    day.api = client(server.app, await loginAs(server.app, ADMIN.email, ADMIN.password));
    expect((await put(file(2))).statusCode).toBe(201);
    // A bank import forgets such files: they no longer count, nor can the centre read them.
    const bank = seedBank(20, 3);
    const imported = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${day.centreId}/bank/import`,
      payload: {
        challenges: bank,
        content: [{ mediaType: 'text/csv', base64: SEED_ATTACHMENT.toString('base64') }],
      },
    });
    expect(imported.statusCode).toBe(200);
    const hashes = (await server.app.pix.store.content.centreFiles(day.centreId)).map((f) => f.hash);
    expect(hashes).not.toContain(contentHash(file(1)));
    expect(hashes).toContain(contentHash(file(2)));
  });

  it('refuses a bank import whose new files pass the quota, and imports nothing', async () => {
    const centre = await day.api({ method: 'POST', url: '/api/centre/centres', payload: { name: 'Autre' } });
    const centreId = (centre.json() as { id: string }).id;
    const big = Buffer.alloc(QUOTA + 1, 7);
    const bank = seedBank(20, 3).map((c) => ({
      ...c,
      illustration: undefined,
      attachments: [{ ...c.attachments[0], hash: contentHash(big), size: big.length }],
    }));
    const refused = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${centreId}/bank/import`,
      payload: { challenges: bank, content: [{ mediaType: 'text/csv', base64: big.toString('base64') }] },
    });
    expect([refused.statusCode, errorOf(refused).code]).toEqual([422, 'CONTENT_QUOTA_EXCEEDED']);
    const summary = await day.api({ method: 'GET', url: `/api/centre/centres/${centreId}/bank` });
    expect((summary.json() as { challenges: number }).challenges).toBe(0);
    expect(await server.app.pix.store.content.centreFiles(centreId)).toEqual([]);
  });
});

describe('bankUploadAllowedMs', () => {
  it('gives a large bank the time it takes at 2 Mbit/s, between the minimum and the request timeout', () => {
    expect(bankUploadAllowedMs(120_000, undefined)).toBe(120_000);
    expect(bankUploadAllowedMs(120_000, '1000000')).toBe(120_000);
    // 40 MiB (a bank with base64 attachments) at 256 KiB/s: 160 s, where a fixed 120 s cut it.
    expect(bankUploadAllowedMs(120_000, String(40 * 1024 * 1024))).toBe(160_000);
    expect(bankUploadAllowedMs(120_000, String(100 * 1024 * 1024))).toBe(400_000);
    // Never past the request timeout, which cuts the body anyway.
    expect(bankUploadAllowedMs(120_000, String(1024 * 1024 * 1024))).toBe(REQUEST_TIMEOUT_MS);
    expect(bankUploadAllowedMs(120_000, 'not a number')).toBe(120_000);
  });
});

describe('centre API: a bank upload that does not arrive', () => {
  /** Short for the test (the default is 2 minutes), long enough that a pause of the machine cannot pass it. */
  const BANK_UPLOAD_MS = 3000;
  let server: TestServer;
  let day: SeededDay;
  let socket: Socket | null;
  beforeEach(async () => {
    socket = null;
    server = await startTestServer({
      config: { bankUploadMs: BANK_UPLOAD_MS },
    });
    day = await seedCertificationDay(server.app, { count: 1 });
  });
  afterEach(async () => {
    socket?.destroy();
    await server.close();
  });

  /**
   * Sends the headers of a 100 KB import and its first byte, then nothing: a stalled or trickled upload
   * (small enough that the minimum deadline applies: bankUploadAllowedMs).
   */
  function stalledImport(port: number, centreId: string): { socket: Socket; answer: Promise<string> } {
    const stalled = connect(port, '127.0.0.1');
    stalled.write(
      `POST /api/centre/centres/${centreId}/bank/import HTTP/1.1\r\nhost: 127.0.0.1\r\n` +
        `authorization: Bearer ${day.adminToken}\r\ncontent-type: application/json\r\n` +
        `content-length: ${100 * 1024}\r\n\r\n[`,
    );
    let received = '';
    stalled.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    // What the server said before closing the connection.
    const answer = new Promise<string>((resolve) => stalled.once('close', () => resolve(received)));
    stalled.on('error', () => undefined);
    return { socket: stalled, answer };
  }

  it('frees the import for other centres once the deadline passes, and tells the slow uploader', async () => {
    const other = await day.api({ method: 'POST', url: '/api/centre/centres', payload: { name: 'Autre' } });
    const centreB = (other.json() as { id: string }).id;
    // A challenge without files: B has none stored.
    const plain = { ...day.bank[1], attachments: [], illustration: undefined };
    const importB = () =>
      day.api({ method: 'POST', url: `/api/centre/centres/${centreB}/bank/import`, payload: [plain] });
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    // The server reads the upload deadline in the same synchronous step as it claims the slot
    // (claimForUpload): seeing that read tells that A holds the slot, with no guess at how long it takes.
    let claimed!: () => void;
    const slotClaimed = new Promise<void>((resolve) => (claimed = resolve));
    Object.defineProperty(server.app.pix.config, 'bankUploadMs', {
      get: () => {
        claimed();
        return BANK_UPLOAD_MS;
      },
    });
    const stalled = stalledImport(Number(new URL(base).port), day.centreId);
    socket = stalled.socket;
    await slotClaimed;

    const busy = await importB();
    expect([busy.statusCode, errorOf(busy).code]).toEqual([409, 'BANK_IMPORT_BUSY']);

    // Past the deadline A is answered and cut; before the fix it kept the slot for the 5-minute request
    // timeout (and again on each reconnection). Bounded wait, so the old code fails here, not by timeout.
    const answer = await Promise.race([
      stalled.answer,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), BANK_UPLOAD_MS + 5000)),
    ]);
    const said = answer ?? '(no answer: A still holds the slot)';
    expect(said).toMatch(/^HTTP\/1\.1 408 /);
    expect(said).toMatch(/connection: close/i);
    expect(said).toContain('"code":"BANK_UPLOAD_TOO_SLOW"');
    expect(said).toMatch(/did not arrive within 3 s: nothing was imported/);

    const imported = await importB();
    expect(imported.statusCode).toBe(200);
    const bankA = await day.api({ method: 'GET', url: `/api/centre/centres/${day.centreId}/bank` });
    expect((bankA.json() as { challenges: number }).challenges).toBe(day.bank.length);
  });

  it('lets an import whose body arrived run past the deadline, holding the slot until it answers', async () => {
    const list = server.app.pix.store.bank.list.bind(server.app.pix.store.bank);
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    // The import in course goes on only once the test has asked again: it cannot end before that ask.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const spy = vi.spyOn(server.app.pix.store.bank, 'list').mockImplementationOnce(async (centreId) => {
      entered();
      await released;
      return list(centreId);
    });
    const url = `/api/centre/centres/${day.centreId}/bank/import`;
    const slow = day.api({ method: 'POST', url, payload: [day.bank[0]] });
    await inside;
    // Past the deadline (counted from the claim, before `inside`), the import in course still holds the slot.
    await new Promise((resolve) => setTimeout(resolve, BANK_UPLOAD_MS + 200));
    const busy = await day.api({ method: 'POST', url, payload: [day.bank[0]] });
    release();
    expect([busy.statusCode, errorOf(busy).code]).toEqual([409, 'BANK_IMPORT_BUSY']);
    expect((await slow).statusCode).toBe(200);
    spy.mockRestore();
  });
});
