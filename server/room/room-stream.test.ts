import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { secretHash } from '../auth/secrets.ts';
import { type Invigilator, invigilator, readEvents } from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import { watchStream } from '../testing/stream-watcher.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const IDLE_MS = 30 * 60_000;
const MAX_MS = 20 * 60_000;

describe('the room stream ends with its login', () => {
  let server: TestServer;
  let day: SeededDay;
  let inv: Invigilator;
  let base: string;
  beforeEach(async () => {
    // A login that lasts at most 20 min, within one idle period: its absolute expiry comes first.
    server = await startTestServer({ config: { invigilatorIdleMs: IDLE_MS, invigilatorMaxMs: MAX_MS } });
    day = await seedCertificationDay(server.app, { count: 2 });
    inv = await invigilator(server, day);
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await server.close();
  });

  const eventsUrl = () => `${base}/api/invigilator/sessions/${day.session.id}/events`;
  const open = (who: Invigilator) => watchStream(eventsUrl(), { authorization: `Bearer ${who.token}` });
  const reportIncident = (who: Invigilator) =>
    who.post('/incidents', {
      candidateId: day.candidates[0]?.id,
      code: 'C7',
      description: 'souris changée',
    });

  it('ends at logout, and no later event reaches it', async () => {
    const stream = await open(inv);
    const other = await invigilator(server, day);
    const watching = await readEvents(eventsUrl(), { authorization: `Bearer ${other.token}` });

    expect((await inv.post('/logout')).statusCode).toBe(204);
    expect(await stream.endsWithin(1000)).toBe(true);
    expect((await inv.get('')).statusCode).toBe(401);

    expect((await reportIncident(other)).statusCode).toBe(201);
    await watching.next((e) => e.event === 'incidents');
    expect(stream.events.filter((e) => e.event === 'incidents')).toEqual([]);
    watching.close();
  });

  it('ends when the login reaches its absolute expiry', async () => {
    server.clock.advance(MAX_MS - 300);
    const stream = await open(inv);
    expect(stream.ended).toBe(false);
    server.clock.advance(300);
    expect(await stream.endsWithin(2000)).toBe(true);
  });

  it('ends on the keep-alive after the login expired or vanished without a logout here', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const expired = await open(inv);
    const other = await invigilator(server, day);
    const gone = await open(other);

    // Only the keep-alive can notice: a login past its idle period, one removed by another process.
    server.clock.advance(IDLE_MS + 1000);
    const again = await invigilator(server, day);
    await server.app.pix.store.tokens.delete(secretHash(other.token));
    const kept = await open(again);
    vi.advanceTimersByTime(15_000);

    expect(await expired.endsWithin(2000)).toBe(true);
    expect(await gone.endsWithin(2000)).toBe(true);
    expect(kept.ended).toBe(false);
    kept.close();
  });
});
