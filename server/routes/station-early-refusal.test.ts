// Station routes refuse a sender that cannot be a station before reading its body (onRequest), over a
// real socket: a body announced as megabytes, of which only a few bytes are ever sent, must not keep the
// answer waiting. And the unsigned result upload marks its station seen only once its bundle checks out.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import type { Challenge } from '../../core/challenge/challenge.ts';
import { enrolledStation, invigilator, startedJournal } from '../testing/exam-helpers.ts';
import { bundlePayload, signBundle } from '../testing/journal-builder.ts';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import { TestStation } from '../testing/station-client.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

const ANNOUNCED = 5_000_000;
/** The test's own wait for an answer: generous, this is not a measure of speed. */
const ANSWER_WAIT_MS = 5000;

interface EarlyAnswer {
  status: number;
  code: string;
  message: string;
  /** Whether the server closed the connection after answering, rather than wait for the rest. */
  closed: boolean;
}

/** The answer's status and body, once all of it is in. */
function parseAnswer(raw: Buffer): { status: number; body: string } | null {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const head = raw.subarray(0, end).toString('latin1');
  const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
  const body = raw.subarray(end + 4);
  if (!(body.length >= length)) return null;
  return { status: Number(head.split(' ')[1]), body: body.subarray(0, length).toString('utf8') };
}

/**
 * POSTs headers announcing a large JSON body over a raw socket, sends its first bytes only, and waits
 * for the answer and for the server to close the connection.
 */
function postPartially(port: number, path: string, headers: Record<string, string>): Promise<EarlyAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let answer: { status: number; body: string } | null = null;
    const settle = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      if (!answer) {
        reject(new Error(`no answer (closed: ${closed}): the server waits for the body`));
        return;
      }
      const { error } = JSON.parse(answer.body) as { error: { code: string; message: string } };
      resolve({ status: answer.status, code: error.code, message: error.message, closed });
    };
    const timer = setTimeout(() => settle(false), ANSWER_WAIT_MS);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      answer = parseAnswer(Buffer.concat(chunks));
    });
    // A reset after the answer is a close too.
    socket.on('error', () => settle(true));
    socket.on('end', () => settle(true));
    const lines = Object.entries({
      host: `127.0.0.1:${port}`,
      'content-type': 'application/json',
      'content-length': String(ANNOUNCED),
      ...headers,
    }).map(([name, value]) => `${name}: ${value}`);
    socket.write(`POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n{"records":[`);
  });
}

describe('station routes: a sender that cannot be a station is refused before its body', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let port: number;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 1 });
    station = await enrolledStation(server, day);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    port = (server.app.server.address() as AddressInfo).port;
  });
  afterEach(() => server.close());

  const records = STATION_API_PATHS.records('x');
  const result = STATION_API_PATHS.result('x');
  const signedBy = (who: TestStation, path: string) => who.sign('POST', path, '{}');

  it('answers a request without station headers', async () => {
    for (const path of [records, result, STATION_API_PATHS.selfCheck]) {
      const answer = await postPartially(port, path, {});
      expect([answer.status, answer.code, answer.closed]).toEqual([401, 'BAD_SIGNATURE', true]);
    }
  });

  it('answers a request from an unknown station', async () => {
    const stranger = new TestStation('Inconnu');
    stranger.now = () => server.clock.now;
    for (const path of [records, result]) {
      const answer = await postPartially(port, path, signedBy(stranger, path));
      expect([answer.status, answer.code, answer.closed]).toEqual([401, 'STATION_NOT_READY', true]);
    }
    const fake = await postPartially(port, result, { 'x-station-id': 'st_fake' });
    expect([fake.status, fake.code, fake.closed]).toEqual([401, 'STATION_NOT_READY', true]);
  });

  it('answers a request from a revoked station', async () => {
    const revoked = await day.api({ method: 'POST', url: `/api/centre/stations/${station.id}/revoke` });
    expect(revoked.statusCode).toBe(200);
    for (const path of [records, result]) {
      const answer = await postPartially(port, path, signedBy(station, path));
      expect([answer.status, answer.code, answer.closed]).toEqual([403, 'STATION_NOT_READY', true]);
      expect(answer.message).toMatch(/revoked/);
    }
  });
});

describe('result upload: the station is seen once its bundle checks out', () => {
  let server: TestServer;
  let day: SeededDay;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 1 });
  });
  afterEach(() => server.close());

  async function lastSeenAt(stationId: string): Promise<string | null> {
    const list = await day.api({ method: 'GET', url: `/api/centre/centres/${day.centreId}/stations` });
    const stations = (list.json() as { stations: { id: string; lastSeenAt: string | null }[] }).stations;
    return stations.find((s) => s.id === stationId)?.lastSeenAt ?? null;
  }

  it('does not mark the station seen for an upload that is refused, and does for one accepted', async () => {
    const station = await enrolledStation(server, day);
    const inv = await invigilator(server, day);
    const lea = day.candidates[0] as SeededDay['candidates'][number];
    const { journal, testId, pkg } = await startedJournal(server, day, inv, station, lea);
    const bank = new Map(day.bank.map((c) => [c.id, c] as [string, Challenge]));
    pkg.package.challenges.forEach((c) => journal.answer(bank.get(c.id) as Challenge, true));
    journal.end('finished');
    const payload = bundlePayload({
      journal,
      sessionId: day.session.id,
      candidateId: lea.id,
      stationId: station.id,
      pkg: pkg.package,
      packageHash: pkg.packageHash,
    });
    const before = await lastSeenAt(station.id);
    expect(before).not.toBeNull();

    server.clock.advance(60_000);
    const url = STATION_API_PATHS.result(testId);
    const headers = { 'x-station-id': station.id, 'content-type': 'application/json' };
    const garbage = await server.app.inject({ method: 'POST', url, headers, payload: '{"bundle":"x.y.z"}' });
    expect([garbage.statusCode, errorOf(garbage).code]).toEqual([422, 'BUNDLE_MALFORMED']);
    const forged = await signBundle(payload, new TestStation('Faux').privateKey);
    const refused = await server.app.inject({
      method: 'POST',
      url,
      headers,
      payload: JSON.stringify({ bundle: forged }),
    });
    expect([refused.statusCode, errorOf(refused).code]).toEqual([422, 'BUNDLE_BAD_SIGNATURE']);
    expect(await lastSeenAt(station.id)).toBe(before);

    const jws = await signBundle(payload, station.privateKey);
    const accepted = await server.app.inject({
      method: 'POST',
      url,
      headers,
      payload: JSON.stringify({ bundle: jws }),
    });
    expect(accepted.statusCode).toBe(200);
    expect(await lastSeenAt(station.id)).toBe(new Date(server.clock.now).toISOString());
  });
});
