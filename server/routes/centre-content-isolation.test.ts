// Attachments are stored once by hash for every centre, but each centre reads only its own (uploaded or
// cited by its bank) under its own media type; bank imports run one at a time and store only cited files.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Challenge } from '../../core/challenge/challenge.ts';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { contentHash } from '../content/bank-service.ts';
import { enrolledStation } from '../testing/exam-helpers.ts';
import {
  SEED_ATTACHMENT,
  client,
  seedCertificationDay,
  type Inject,
  type SeededDay,
} from '../testing/seed.ts';
import { errorOf, loginAs, startTestServer, type TestServer } from '../testing/test-server.ts';

const REFERENT_B = {
  email: 'referent@autre-college.test',
  password: 'une autre phrase de passe assez longue',
};
const PDF = Buffer.from('%PDF-1.4 sujet du centre A', 'utf8');

describe('centre content: each centre its own files', () => {
  let server: TestServer;
  let day: SeededDay;
  let centreB: string;
  let referentB: Inject;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 1 });
    const centre = await day.api({ method: 'POST', url: '/api/centre/centres', payload: { name: 'Autre' } });
    centreB = (centre.json() as { id: string }).id;
    const account = await day.api({
      method: 'POST',
      url: '/api/centre/accounts',
      payload: { ...REFERENT_B, displayName: 'M. Martin', role: 'referent', centreId: centreB },
    });
    expect(account.statusCode).toBe(201);
    referentB = client(server.app, await loginAs(server.app, REFERENT_B.email, REFERENT_B.password));
  });
  afterEach(() => server.close());

  const put = (api: Inject, bytes: Buffer, mediaType: string, centreId?: string) =>
    api({
      method: 'PUT',
      url: `/api/centre/content/${contentHash(bytes)}${centreId ? `?centreId=${centreId}` : ''}`,
      headers: { 'content-type': mediaType },
      payload: bytes,
    });
  const get = (api: Inject, hash: string, centreId?: string) =>
    api({ method: 'GET', url: `/api/centre/content/${hash}${centreId ? `?centreId=${centreId}` : ''}` });
  /** The first challenge of the seeded bank, citing `bytes` as its one file. */
  const citing = (bytes: Buffer, mediaType: string): Challenge => ({
    ...(day.bank[0] as Challenge),
    illustration: undefined,
    attachments: [{ hash: contentHash(bytes), fileName: 'sujet.pdf', mediaType, size: bytes.length }],
  });

  it("answers another centre's file as it answers an unknown hash: 404, nothing revealed", async () => {
    const unknown = await get(referentB, 'e'.repeat(64));
    expect(unknown.statusCode).toBe(404);
    const other = await get(referentB, contentHash(SEED_ATTACHMENT));
    expect([other.statusCode, other.body]).toEqual([404, unknown.body]);
    // Naming centre A does not help a referent of B either.
    const named = await get(referentB, contentHash(SEED_ATTACHMENT), day.centreId);
    expect([named.statusCode, named.body]).toEqual([404, unknown.body]);
    // Nor citing A's file in B's bank without its bytes: B must bring them.
    const borrowed = await referentB({
      method: 'POST',
      url: `/api/centre/centres/${centreB}/bank/import`,
      payload: [day.bank[0]],
    });
    expect(borrowed.statusCode).toBe(422);
    expect(errorOf(borrowed).message).toMatch(/is neither in the file nor stored/);
    expect((await get(referentB, contentHash(SEED_ATTACHMENT))).statusCode).toBe(404);
    // Centre A still reads it, and so does B once it uploaded the same bytes itself.
    expect((await get(day.api, contentHash(SEED_ATTACHMENT), day.centreId)).statusCode).toBe(200);
    expect((await put(referentB, SEED_ATTACHMENT, 'application/octet-stream')).statusCode).toBe(201);
    const own = await get(referentB, contentHash(SEED_ATTACHMENT));
    expect([own.statusCode, own.headers['content-type']]).toEqual([200, 'application/octet-stream']);
  });

  it('serves each centre the media type it gave: uploading the same bytes first does not retype them', async () => {
    expect((await put(referentB, PDF, 'text/html')).statusCode).toBe(201);
    const stored = await put(day.api, PDF, 'application/pdf', day.centreId);
    expect(stored.json()).toMatchObject({ mediaType: 'application/pdf' });
    const imported = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${day.centreId}/bank/import`,
      payload: [citing(PDF, 'application/pdf')],
    });
    expect(imported.statusCode).toBe(200);

    const preview = await get(day.api, contentHash(PDF), day.centreId);
    expect([preview.statusCode, preview.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(preview.rawPayload.equals(PDF)).toBe(true);
    // A's station takes the type from its package; the download itself carries no centre's type.
    const station = await enrolledStation(server, day);
    const download = await station.inject(server.app, 'GET', STATION_API_PATHS.attachment(contentHash(PDF)));
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    // B keeps its own type, for itself alone (sandboxed, never sniffed).
    const b = await get(referentB, contentHash(PDF));
    expect(b.headers['content-type']).toBe('text/html');
    expect(b.headers['content-security-policy']).toMatch(/sandbox/);
  });

  it('refuses a second bank import while one is in progress, then takes the next one', async () => {
    const list = server.app.pix.store.bank.list.bind(server.app.pix.store.bank);
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const spy = vi.spyOn(server.app.pix.store.bank, 'list').mockImplementationOnce(async (centreId) => {
      entered();
      await held;
      return list(centreId);
    });
    const url = `/api/centre/centres/${day.centreId}/bank/import`;
    const first = day.api({ method: 'POST', url, payload: [day.bank[0]] });
    await inside;

    // Any centre's: the gate guards the server's memory.
    const second = await referentB({
      method: 'POST',
      url: `/api/centre/centres/${centreB}/bank/import`,
      payload: {
        challenges: [citing(PDF, 'application/pdf')],
        content: [{ mediaType: 'application/pdf', base64: PDF.toString('base64') }],
      },
    });
    expect(second.statusCode).toBe(409);
    expect(errorOf(second).code).toBe('BANK_IMPORT_BUSY');

    release();
    expect((await first).statusCode).toBe(200);
    spy.mockRestore();
    const third = await day.api({ method: 'POST', url, payload: [day.bank[0]] });
    expect(third.statusCode).toBe(200);
  });

  it('stores only the inline files a challenge of the import cites', async () => {
    const stray = Buffer.from('not cited by any challenge', 'utf8');
    const response = await referentB({
      method: 'POST',
      url: `/api/centre/centres/${centreB}/bank/import`,
      payload: {
        challenges: [citing(PDF, 'application/pdf')],
        content: [
          { mediaType: 'application/pdf', base64: PDF.toString('base64') },
          { mediaType: 'text/plain', base64: stray.toString('base64') },
        ],
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ imported: 1, contentStored: 1 });
    expect(await server.app.pix.store.content.get(contentHash(stray))).toBeNull();
    expect((await get(referentB, contentHash(stray))).statusCode).toBe(404);
    expect((await get(referentB, contentHash(PDF))).headers['content-type']).toBe('application/pdf');
  });
});
