import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';
import { webScreensStatus } from './web-screens.ts';

function logLines() {
  const lines: { level: number; msg: string; missing?: string[] }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: { level: 'info', stream } };
}

describe('web screens and demo sites', () => {
  let server: TestServer | null = null;
  afterEach(() => server?.close());

  it('serves the built screens as single-page apps, and the demo sites', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pix-web-'));
    mkdirSync(path.join(dir, 'web', 'invigilator', 'assets'), { recursive: true });
    writeFileSync(
      path.join(dir, 'web', 'invigilator', 'index.html'),
      '<!doctype html><title>Surveillant</title>',
    );
    writeFileSync(path.join(dir, 'web', 'invigilator', 'assets', 'app.js'), 'console.log(1)');
    mkdirSync(path.join(dir, 'sites', 'encyclopedie'), { recursive: true });
    writeFileSync(path.join(dir, 'sites', 'encyclopedie', 'index.html'), '<h1>Mont Blanc</h1>');
    server = await startTestServer({ webRoot: path.join(dir, 'web'), demoSitesDir: path.join(dir, 'sites') });
    const get = (url: string) => (server as TestServer).app.inject({ method: 'GET', url });

    const index = await get('/invigilator/');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('Surveillant');
    expect(index.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect((await get('/invigilator/sessions/ses_1/room')).body).toContain('Surveillant');
    const asset = await get('/invigilator/assets/app.js');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect((await get('/invigilator')).statusCode).toBe(302);
    // Not built: not served.
    expect(errorOf(await get('/centre/')).code).toBe('NO_ROUTE');

    expect((await get('/demo-sites/encyclopedie/')).body).toContain('Mont Blanc');
    expect((await get('/demo-sites/encyclopedie/../../web/invigilator/index.html')).statusCode).toBe(404);
    expect((await get('/api/health')).json()).toMatchObject({ status: 'ok' });
  });

  it('serves the public certificate check at /verification/, the address certificates print', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pix-web-'));
    mkdirSync(path.join(dir, 'verification'), { recursive: true });
    writeFileSync(path.join(dir, 'verification', 'index.html'), '<!doctype html><title>Vérifier</title>');
    server = await startTestServer({ webRoot: dir });
    const get = (url: string) => (server as TestServer).app.inject({ method: 'GET', url });
    expect((await get('/verification')).headers.location).toBe('/verification/');
    // A code in the address (a link or a QR code) lands on the same page.
    const deep = await get('/verification/P-BCDF2346');
    expect([deep.statusCode, deep.body]).toEqual([200, '<!doctype html><title>Vérifier</title>']);
    expect(deep.headers['content-security-policy']).toMatch(/connect-src 'self'/);
  });

  it('says at start which screens are not built, and to run npm run build', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pix-web-'));
    mkdirSync(path.join(dir, 'invigilator'), { recursive: true });
    writeFileSync(path.join(dir, 'invigilator', 'index.html'), '<!doctype html><title>Surveillant</title>');
    expect(webScreensStatus(dir)).toEqual({ served: ['invigilator'], missing: ['centre', 'verification'] });
    const log = logLines();
    server = await startTestServer({
      webRoot: dir,
      demoSitesDir: path.join(dir, 'no-sites'),
      logger: log.logger,
    });
    const warnings = log.lines.filter((line) => line.level === 40);
    expect(warnings.map((line) => line.msg)).toEqual([
      expect.stringMatching(
        /^web screens not built, answered 404: \/centre\/, \/verification\/ .*run npm run build/,
      ),
      expect.stringMatching(/^demo sites not served: .*no-sites does not exist/),
    ]);
    expect(warnings[0]?.missing).toEqual(['centre', 'verification']);

    // Nothing built at all (dist/web never built): every screen named.
    await server.close();
    const empty = logLines();
    server = await startTestServer({ webRoot: path.join(dir, 'dist-web-never-built'), logger: empty.logger });
    expect(empty.lines.find((line) => line.level === 40)?.msg).toMatch(
      /^web screens not built, answered 404: \/invigilator\/, \/centre\/, \/verification\/ /,
    );
    expect(errorOf(await server.app.inject({ method: 'GET', url: '/centre/' })).code).toBe('NO_ROUTE');
  });
});
