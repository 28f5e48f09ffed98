// Only JSON (or no body) reaches the routes, but for the routes that take files: a form, which can post
// text/plain, urlencoded or multipart from a sibling subdomain with the SameSite cookie, is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CENTRE_TOKEN_COOKIE } from '../../core/contracts/centre-api.ts';
import { contentHash } from '../content/bank-service.ts';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('body media types', () => {
  let server: TestServer;
  let day: SeededDay;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 1 });
  });
  afterEach(() => server.close());

  const storedPassword = async () =>
    (await server.app.pix.store.sessions.get(day.session.id))?.invigilatorPassword;

  /** What the browser sends with the back office's cookie: no Authorization header. */
  const withCookie = (method: 'POST' | 'PUT', url: string, contentType: string | null, payload = '') =>
    server.app.inject({
      method,
      url,
      cookies: { [CENTRE_TOKEN_COOKIE]: day.adminToken },
      headers: contentType === null ? {} : { 'content-type': contentType },
      ...(payload === '' ? {} : { payload }),
    });

  it('refuses a form posted to a route that takes no body: 415, and nothing changes', async () => {
    const url = `/api/centre/sessions/${day.session.id}/invigilator-password`;
    const before = await storedPassword();
    for (const contentType of [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const forged = await withCookie('POST', url, contentType, 'a=b');
      expect([contentType, forged.statusCode, errorOf(forged).code]).toEqual([
        contentType,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ]);
    }
    expect(await storedPassword()).toBe(before);

    // The back office's own request: no body, no content type.
    const changed = await withCookie('POST', url, null);
    expect(changed.statusCode).toBe(200);
    expect(await storedPassword()).not.toBe(before);
  });

  it('refuses a change asked with the cookie by a page of another origin, even without a body', async () => {
    const url = `/api/centre/sessions/${day.session.id}/invigilator-password`;
    const before = await storedPassword();
    for (const site of ['same-site', 'cross-site']) {
      const forged = await server.app.inject({
        method: 'POST',
        url,
        cookies: { [CENTRE_TOKEN_COOKIE]: day.adminToken },
        headers: { 'sec-fetch-site': site },
      });
      expect([site, forged.statusCode, errorOf(forged).code]).toEqual([site, 403, 'CROSS_SITE_REQUEST']);
    }
    // A browser without Sec-Fetch-Site: its Origin says it.
    for (const origin of ['https://autre.lycee.fr', 'null']) {
      const forged = await server.app.inject({
        method: 'POST',
        url,
        cookies: { [CENTRE_TOKEN_COOKIE]: day.adminToken },
        headers: { host: 'certif.lycee.fr', origin },
      });
      expect([origin, forged.statusCode, errorOf(forged).code]).toEqual([origin, 403, 'CROSS_SITE_REQUEST']);
    }
    expect(await storedPassword()).toBe(before);
    const sameOrigin = await server.app.inject({
      method: 'POST',
      url,
      cookies: { [CENTRE_TOKEN_COOKIE]: day.adminToken },
      headers: { host: 'certif.lycee.fr', origin: 'https://certif.lycee.fr' },
    });
    expect(sameOrigin.statusCode).toBe(200);
    // Reading is not refused; the screen's own page changes it; a Bearer token is not a cookie.
    const read = await server.app.inject({
      method: 'GET',
      url: `/api/centre/sessions/${day.session.id}`,
      cookies: { [CENTRE_TOKEN_COOKIE]: day.adminToken },
      headers: { 'sec-fetch-site': 'same-site' },
    });
    expect(read.statusCode).toBe(200);
    const own = await server.app.inject({
      method: 'POST',
      url,
      cookies: { [CENTRE_TOKEN_COOKIE]: day.adminToken },
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(own.statusCode).toBe(200);
    const bearer = await server.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${day.adminToken}`, 'sec-fetch-site': 'cross-site' },
    });
    expect(bearer.statusCode).toBe(200);
  });

  it('still takes JSON on JSON routes, and files on the routes that take them', async () => {
    const centre = await withCookie('POST', '/api/centre/centres', 'application/json', '{"name":"Autre"}');
    expect(centre.statusCode).toBe(201);

    const csv = 'Nom;Prénom;Sexe;Date de naissance;Code INSEE\nRoux;Tom;M;01/01/2011;69123\n';
    const importUrl = `/api/centre/sessions/${day.session.id}/candidates/import?dryRun=true`;
    for (const contentType of ['text/csv', 'text/csv; charset=utf-8', 'application/vnd.ms-excel']) {
      const preview = await withCookie('POST', importUrl, contentType, csv);
      expect([contentType, preview.statusCode]).toEqual([contentType, 200]);
      expect((preview.json() as { lines: { status: string }[] }).lines).toEqual([
        expect.objectContaining({ status: 'valid' }),
      ]);
    }
    // The CSV import is a POST: a form's text/plain is refused there too.
    expect((await withCookie('POST', importUrl, 'text/plain', csv)).statusCode).toBe(415);

    // Attachments keep their own media type, text/plain included (a PUT: no form sends one).
    for (const [mediaType, text] of [
      ['application/pdf', '%PDF-1.4 sujet'],
      ['text/plain', 'consignes'],
      ['image/svg+xml', '<svg/>'],
    ] as const) {
      const bytes = Buffer.from(text, 'utf8');
      const stored = await server.app.inject({
        method: 'PUT',
        url: `/api/centre/content/${contentHash(bytes)}?centreId=${day.centreId}`,
        cookies: { [CENTRE_TOKEN_COOKIE]: day.adminToken },
        headers: { 'content-type': mediaType },
        payload: bytes,
      });
      expect([mediaType, stored.statusCode, stored.json()]).toEqual([
        mediaType,
        201,
        { hash: contentHash(bytes), mediaType, size: bytes.length },
      ]);
    }
  });
});
