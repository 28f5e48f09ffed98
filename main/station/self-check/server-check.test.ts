// The server, clock and version lines from one compatibility request: each says in French what it
// found, and carries the code and parameters the screens word in their own language.
import { describe, expect, it } from 'vitest';
import { SelfCheckLineSchema, type SelfCheckLine } from '../../../core/contracts/station-self-check.ts';
import type { FetchLike } from '../sync/server-connection.ts';
import { probeServer, serverLines } from './server-check.ts';

const URL = 'https://certif.lycee.fr';
const SENT_AT = 1_700_000_000_000;

/** The station's clock: the request leaves at SENT_AT and its answer comes 40 ms later. */
function clock(): () => number {
  const times = [SENT_AT, SENT_AT + 40];
  return () => times.shift() ?? SENT_AT + 40;
}

function answering(body: unknown, status = 200, headers: Record<string, string> = {}): FetchLike {
  return () =>
    Promise.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      }),
    );
}

function failing(error: Error): FetchLike {
  return () => Promise.reject(error);
}

/** A fetch failure as undici reports it: the system's code on `cause`. */
function networkError(code: string): Error {
  return Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
}

async function lines(fetch: FetchLike, version = '1.4.0'): Promise<Record<string, SelfCheckLine>> {
  const probe = await probeServer({ serverUrl: URL, version, fetch, now: clock() });
  const result = serverLines(URL, probe, version);
  for (const line of result) SelfCheckLineSchema.parse(line);
  return Object.fromEntries(result.map((line) => [line.id, line]));
}

/** The server's compatibility answer, its clock `offsetMs` ahead of the station's. */
function compatibility(
  offsetMs: number,
  minimumStationVersion: string | null = '1.2.0',
  versionAllowed = true,
  serverVersion = '2.0.1',
) {
  return {
    serverVersion,
    serverTime: SENT_AT + 20 + offsetMs,
    minimumStationVersion,
    versionAllowed,
  };
}

describe('the server check', () => {
  it('says how fast the server answered, how far the clock is, and that the version is accepted', async () => {
    const found = await lines(answering(compatibility(12_500)));
    expect(found.server).toMatchObject({
      status: 'ok',
      detail: `${URL} répond en 40 ms (serveur 2.0.1)`,
      code: 'server.ok',
      params: { url: URL, ms: 40, serverVersion: '2.0.1' },
    });
    expect(found.clock).toMatchObject({
      status: 'warning',
      detail: '12,5 s en retard sur le serveur',
      code: 'clock.behind',
      params: { seconds: 12.5 },
    });
    expect(found.version).toMatchObject({
      status: 'ok',
      code: 'version.accepted',
      params: { version: '1.4.0', minimum: '1.2.0' },
    });
  });

  it('says a clock ahead, a clock on time, and a clock too far off to sign requests', async () => {
    expect((await lines(answering(compatibility(-12_000)))).clock).toMatchObject({
      status: 'warning',
      code: 'clock.ahead',
      params: { seconds: 12 },
    });
    expect((await lines(answering(compatibility(300)))).clock).toMatchObject({
      status: 'ok',
      code: 'clock.inSync',
      params: {},
    });
    expect((await lines(answering(compatibility(6 * 60_000)))).clock).toMatchObject({
      status: 'failure',
      code: 'clock.behind',
      params: { seconds: 360 },
    });
  });

  it('says a refused version with the minimum, and a server that accepts every version', async () => {
    const refused = await lines(answering(compatibility(0, '9.0.0', false)));
    expect(refused.version).toMatchObject({
      status: 'failure',
      code: 'version.refused',
      params: { version: '1.4.0', minimum: '9.0.0' },
    });
    expect(refused.version?.action).toMatch(/9\.0\.0/);
    expect((await lines(answering(compatibility(0, null)))).version).toMatchObject({
      status: 'ok',
      code: 'version.acceptedAny',
      params: { version: '1.4.0' },
    });
  });

  it('warns that a server older than the station may refuse its results, and not for the same version', async () => {
    const older = await lines(answering(compatibility(0, null, true, '1.3.9')));
    expect(older.version).toMatchObject({
      status: 'warning',
      code: 'version.serverOlder',
      params: { version: '1.4.0', serverVersion: '1.3.9' },
    });
    expect(older.version?.action).toMatch(/avant les postes/);
    for (const same of ['1.4.0', '1.4.1', 'dev build'])
      expect((await lines(answering(compatibility(0, null, true, same)))).version).toMatchObject({
        status: 'ok',
        code: 'version.acceptedAny',
      });
  });

  it('reads a server older than the self-check: reachable, version unknown, clock from its Date header', async () => {
    const older = await lines(answering('', 404, { date: new Date(SENT_AT + 40).toUTCString() }));
    expect(older.server).toMatchObject({ status: 'ok', code: 'server.ok', params: { url: URL, ms: 40 } });
    expect(older.server?.params).not.toHaveProperty('serverVersion');
    expect(older.clock).toMatchObject({ code: 'clock.inSync' });
    expect(older.version).toMatchObject({
      status: 'warning',
      code: 'version.serverTooOld',
      params: { version: '1.4.0' },
    });
    expect((await lines(answering('', 404))).clock).toMatchObject({
      status: 'skipped',
      code: 'clock.noServerTime',
    });
  });

  it('says why the server could not be used, and skips what needs it', async () => {
    const notFound = await lines(failing(networkError('ENOTFOUND')));
    expect(notFound.server).toMatchObject({
      status: 'failure',
      code: 'server.notFound',
      params: { url: URL },
    });
    expect(notFound.server?.action).toMatch(/DNS/);
    expect(notFound.clock).toMatchObject({ status: 'skipped', code: 'skipped.serverUnreachable' });
    expect(notFound.version).toMatchObject({ status: 'skipped', code: 'skipped.serverUnreachable' });

    expect((await lines(failing(networkError('ECONNREFUSED')))).server).toMatchObject({
      code: 'server.unreachable',
      params: { url: URL, error: 'ECONNREFUSED' },
    });
    expect((await lines(failing(new TypeError('fetch failed')))).server).toMatchObject({
      code: 'server.unreachable',
      params: { url: URL },
    });
    expect((await lines(failing(networkError('DEPTH_ZERO_SELF_SIGNED_CERT')))).server).toMatchObject({
      detail: `${URL} : le certificat du serveur est auto-signé`,
      code: 'server.tlsRefused',
      params: { url: URL, tlsError: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    });
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    expect((await lines(failing(timeout))).server).toMatchObject({
      code: 'server.timeout',
      params: { url: URL, seconds: 10 },
    });
    expect((await lines(answering('<html>proxy</html>', 200))).server).toMatchObject({
      code: 'server.notPix',
      params: { url: URL, status: 200 },
    });
  });
});
