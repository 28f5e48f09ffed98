// Every documented route, with bad input: malformed JSON, a wrong type, unknown ids. Each answer is a
// clear 4xx with { error: { code, message } } and no stack trace, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolledStation, invigilator, join, type Invigilator } from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
  json: boolean;
}

describe('bad input on every route', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  let operations: Operation[];
  let ids: Record<string, string>;
  let countsBefore: string;

  async function counts(): Promise<string> {
    const store = server.app.pix.store;
    const sessions = await store.sessions.listByCentre(day.centreId);
    return JSON.stringify({
      sessions: sessions.map((s) => [s.id, s.state, s.counts]),
      candidates: (await store.candidates.listBySession(day.session.id)).map((c) => [c.id, c.updatedAt]),
      bundles: await store.bundles.count(),
      stations: (await store.stations.listByCentre(day.centreId)).map((s) => [s.id, s.revokedAt]),
    });
  }

  beforeAll(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 2 });
    station = await enrolledStation(server, day);
    inv = await invigilator(server, day);
    const joined = await join(server, day, station, day.candidates[0] as SeededDay['candidates'][number]);
    const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        hasBody: op.requestBody !== undefined,
        json: op.requestBody?.content['application/json'] !== undefined,
      })),
    );
    ids = {
      centreId: day.centreId,
      sessionId: day.session.id,
      candidateId: day.candidates[0]?.id ?? '',
      stationId: station.id,
      testId: joined.testId,
      hash: 'a'.repeat(64),
      commandId: 'cmd_unknown',
      alertId: 'alert_unknown',
      incidentId: 'inc_unknown',
      code: 'P-BCDFGHJK',
    };
    countsBefore = await counts();
  });
  afterAll(() => server.close());

  function headersFor(op: Operation, url: string, body: string): Record<string, string> {
    if (op.path.startsWith('/api/centre/') && op.path !== '/api/centre/login')
      return { authorization: `Bearer ${day.adminToken}` };
    if (op.path.startsWith('/api/invigilator/sessions/')) return { authorization: `Bearer ${inv.token}` };
    if (op.path.startsWith('/api/station/')) return station.sign(op.method, url, body);
    return {};
  }

  const fill = (path: string, values: Record<string, string>) =>
    path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? `unknown_${name}`);

  it('lists the routes it sweeps (a route added without documentation would be missed)', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((o) => o.hasBody && o.json).length).toBeGreaterThan(25);
  });

  it('answers malformed JSON with 400 INVALID_JSON on every route that takes JSON', async () => {
    const problems: string[] = [];
    for (const op of operations.filter((o) => o.json)) {
      const url = fill(op.path, ids);
      const body = '{"oops": ';
      const r = await server.app.inject({
        method: op.method as 'POST',
        url,
        headers: { ...headersFor(op, url, body), 'content-type': 'application/json' },
        payload: body,
      });
      const error = errorOf(r);
      if (r.statusCode !== 400 || error.code !== 'INVALID_JSON')
        problems.push(`${op.method} ${op.path}: ${r.statusCode} ${r.body}`);
    }
    expect(problems).toEqual([]);
  });

  it('answers a body of the wrong type with 400 naming the problem', async () => {
    const problems: string[] = [];
    for (const op of operations.filter((o) => o.json)) {
      const url = fill(op.path, ids);
      const body = '"a string, not an object"';
      const r = await server.app.inject({
        method: op.method as 'POST',
        url,
        headers: { ...headersFor(op, url, body), 'content-type': 'application/json' },
        payload: body,
      });
      const error = errorOf(r);
      if (r.statusCode !== 400 || error.code !== 'INVALID_REQUEST' || !/body/.test(error.message)) {
        problems.push(`${op.method} ${op.path}: ${r.statusCode} ${r.body}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers unknown ids with 404 (or 403 for another session’s invigilator routes), never 5xx', async () => {
    const problems: string[] = [];
    for (const op of operations.filter((o) => /\{\w+Id\}|\{hash\}|\{code\}/.test(o.path))) {
      const url = fill(op.path, { hash: 'b'.repeat(64), code: 'P-BCDFGHJK' });
      const body = op.hasBody ? '{}' : '';
      const r = await server.app.inject({
        method: op.method as 'GET',
        url,
        headers: {
          ...headersFor(op, url, body),
          ...(op.hasBody ? { 'content-type': 'application/json' } : {}),
        },
        ...(op.hasBody ? { payload: body } : {}),
      });
      errorOf(r);
      const expected = op.path.startsWith('/api/invigilator/sessions/') ? [403] : [404, 400];
      if (!expected.includes(r.statusCode)) problems.push(`${op.method} ${url}: ${r.statusCode} ${r.body}`);
    }
    expect(problems).toEqual([]);
  });

  it('changed nothing', async () => {
    expect(await counts()).toBe(countsBefore);
  });
});
