// A refusal the result route cannot pin on the test's station (a bad signature, an unreadable JWS, a
// conflict…: that route has no request signature) is reported by the station over a signed request:
// the server marks it on the test, so that the room says the result is kept on the station instead of
// « being sent » for ever. Only the test's own station is believed, and an accepted result stands.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import {
  enrolledStation,
  invigilator,
  readEvents,
  finishedTest,
  type Invigilator,
} from '../testing/exam-helpers.ts';
import { bundlePayload, signBundle, type BundleInput } from '../testing/journal-builder.ts';
import {
  backOfficeSession,
  seedCertificationDay,
  type SeededCandidate,
  type SeededDay,
} from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

const REPORT = { code: 'BUNDLE_BAD_SIGNATURE', message: 'the signature does not verify' };

describe('the station reports a result refused for good', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  let input: BundleInput;
  let testId: string;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 2 });
    station = await enrolledStation(server, day);
    inv = await invigilator(server, day);
    ({ testId, input } = await finishedTest(server, day, inv, station, day.candidates[0] as SeededCandidate));
  });
  afterEach(() => server.close());

  const report = (body: unknown = REPORT, by: TestStation = station, id = testId) =>
    by.inject(server.app, 'POST', STATION_API_PATHS.resultRefusal(id), body);
  const card = () => inv.card(input.candidateId);
  const mark = async () => (await server.app.pix.store.tests.get(testId))?.uploadRefusal ?? null;
  const refusalEvents = async () =>
    (await server.app.pix.store.events.after(day.session.id, 0, 10_000)).filter(
      (e) => (e.data as { cause?: string }).cause === 'resultRefused',
    );
  const expectNothingMarked = async () => {
    expect(await mark()).toBeNull();
    expect(await card()).toMatchObject({ upload: 'none', uploadRefusal: null });
    expect(await refusalEvents()).toEqual([]);
  };

  it('marks the refusal on the test, and the room says so live; the same report again changes nothing', async () => {
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await readEvents(
      `${base}/api/invigilator/sessions/${day.session.id}/events?after=${(await inv.room()).lastEventId}`,
      { authorization: `Bearer ${inv.token}` },
    );
    try {
      server.clock.advance(60_000);
      const r = await report();
      expect([r.statusCode, r.json()]).toEqual([200, { marked: true }]);

      const refusal = { code: REPORT.code, at: new Date(server.clock.now).toISOString() };
      const event = await stream.next((e) => e.event === 'candidate' && e.data.includes('resultRefused'));
      expect(JSON.parse(event.data)).toMatchObject({
        cause: 'resultRefused',
        candidate: { candidateId: input.candidateId, upload: 'refused', uploadRefusal: refusal },
      });
      expect(await card()).toMatchObject({ state: 'ended', upload: 'refused', uploadRefusal: refusal });
      expect(await mark()).toEqual({ code: REPORT.code, at: server.clock.now });
      expect(await server.app.pix.store.bundles.count()).toBe(0);

      // Sent again (its answer was lost): the same answer, the first mark kept, nothing new in the room.
      server.clock.advance(5000);
      const again = await report();
      expect([again.statusCode, again.json()]).toEqual([200, { marked: true }]);
      expect((await card()).uploadRefusal).toEqual(refusal);
      expect(await refusalEvents()).toHaveLength(1);
    } finally {
      stream.close();
    }
  });

  it('shows the refusal in the back office: the candidate’s progress and the session’s counts', async () => {
    expect((await report()).statusCode).toBe(200);
    const { progress, counts } = await backOfficeSession(day);
    expect(progress.get(input.candidateId)).toBe('resultRefused');
    expect({ counts }).toMatchObject({ counts: { resultsReceived: 0, resultsRefused: 1 } });
  });

  it('changes nothing when intake already marked the same refusal', async () => {
    const records = input.journal.records.map((r) =>
      r.kind === 'answered' && r.seq === 5 ? { ...r, payload: { ...r.payload, timedOut: true } } : r,
    );
    const tampered = await signBundle(bundlePayload({ ...input, override: { records } }), station.privateKey);
    const upload = await station.inject(server.app, 'POST', STATION_API_PATHS.result(testId), {
      bundle: tampered,
    });
    expect([upload.statusCode, errorOf(upload).code]).toEqual([422, 'CHAIN_BROKEN']);
    const marked = await mark();
    server.clock.advance(1000);
    const r = await report({ code: 'CHAIN_BROKEN', message: errorOf(upload).message });
    expect([r.statusCode, r.json()]).toEqual([200, { marked: true }]);
    expect(await mark()).toEqual(marked);
    expect(await refusalEvents()).toHaveLength(1);
  });

  it('marks nothing once a result of the test was accepted: it stands', async () => {
    const accepted = await station.inject(server.app, 'POST', STATION_API_PATHS.result(testId), {
      bundle: await signBundle(bundlePayload(input), station.privateKey),
    });
    expect(accepted.statusCode).toBe(200);
    const r = await report({ code: 'BUNDLE_CONFLICT', message: 'another result was already accepted' });
    expect([r.statusCode, r.json()]).toEqual([200, { marked: false }]);
    expect(await mark()).toBeNull();
    expect(await card()).toMatchObject({ state: 'resultReceived', upload: 'received', uploadRefusal: null });
    expect(await refusalEvents()).toEqual([]);
  });

  it('believes only the test’s own station', async () => {
    const other = await enrolledStation(server, day, 'Poste 02');
    const r = await report(REPORT, other);
    expect([r.statusCode, errorOf(r).code]).toEqual([403, 'NOT_YOUR_TEST']);
    const unknown = await report(REPORT, station, 'tst_no_such_test');
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([404, 'NOT_FOUND']);
    await expectNothingMarked();

    // Confirmed: the station's test awaits its signed result (a revocation otherwise refused,
    // STATION_IN_USE).
    const revoked = await day.api({
      method: 'POST',
      url: `/api/centre/stations/${station.id}/revoke`,
      payload: { confirmTestIds: [testId] },
    });
    expect(revoked.statusCode).toBe(200);
    const refused = await report();
    expect([refused.statusCode, errorOf(refused).code]).toEqual([403, 'STATION_NOT_READY']);
    expect(await mark()).toBeNull();
  });

  it('refuses an unsigned, misdirected or replayed request', async () => {
    const path = STATION_API_PATHS.resultRefusal(testId);
    const body = JSON.stringify(REPORT);
    const send = (headers: Record<string, string>, url = path) =>
      server.app.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'content-type': 'application/json' },
        payload: body,
      });

    // The station id alone, as on the result route: anyone can write it.
    const unsigned = await send({ 'x-station-id': station.id });
    expect([unsigned.statusCode, errorOf(unsigned).code]).toEqual([401, 'BAD_SIGNATURE']);
    // Signed for another path (another test of the station's, say).
    const elsewhere = await send(
      station.sign('POST', STATION_API_PATHS.resultRefusal('tst_another'), body),
      path,
    );
    expect([elsewhere.statusCode, errorOf(elsewhere).code]).toEqual([401, 'BAD_SIGNATURE']);
    await expectNothingMarked();

    const headers = station.sign('POST', path, body);
    expect((await send(headers)).statusCode).toBe(200);
    const replay = await send(headers);
    expect([replay.statusCode, errorOf(replay).code]).toEqual([401, 'REPLAYED_REQUEST']);
    expect(await refusalEvents()).toHaveLength(1);
  });

  it.each([
    ['an unknown code', { ...REPORT, code: 'SOMETHING_ELSE' }, /code/],
    ['a code that does not refuse a result', { ...REPORT, code: 'RECORD_CONFLICT' }, /code/],
    ['a message over 2,000 characters', { ...REPORT, message: 'x'.repeat(2001) }, /message/],
    ['an extra field', { ...REPORT, testId: 'tst_other' }, /testId|unrecognized/i],
    ['no message', { code: REPORT.code }, /message/],
    ['no body at all', undefined, /body/],
  ])('refuses %s with 400, marking nothing', async (_what, body, names) => {
    const r = await station.inject(server.app, 'POST', STATION_API_PATHS.resultRefusal(testId), body);
    expect([r.statusCode, errorOf(r).code]).toEqual([400, 'INVALID_REQUEST']);
    expect(errorOf(r).message).toMatch(names);
    await expectNothingMarked();
  });

  it('accepts a message of exactly 2,000 characters', async () => {
    const r = await report({ ...REPORT, message: 'é'.repeat(2000) });
    expect([r.statusCode, r.json()]).toEqual([200, { marked: true }]);
  });
});
