import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STATION_API_PATHS } from '../../core/contracts/station-server.ts';
import { enrolledStation, joinRequest } from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';

describe('joining: wrong names or birthdates count against the station', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 2 });
    station = await enrolledStation(server, day);
  });
  afterEach(() => server.close());

  const candidate = (i: number) => day.candidates[i] as SeededDay['candidates'][number];
  const joinAs = (i: number, changes: Record<string, unknown> = {}, by = station) =>
    by.inject(server.app, 'POST', STATION_API_PATHS.join, { ...joinRequest(day, candidate(i)), ...changes });
  const guess = (date: number) => joinAs(1, { birthdate: `2010-01-${String(date).padStart(2, '0')}` });

  it('answers 429 past 20 wrong birthdates in 10 minutes, even if the station joined in between', async () => {
    for (let d = 1; d <= 10; d++) expect((await guess(d)).statusCode).toBe(404);
    expect((await joinAs(0)).statusCode).toBe(200);
    for (let d = 11; d <= 20; d++) expect((await guess(d)).statusCode).toBe(404);
    const blocked = await guess(21);
    expect([blocked.statusCode, errorOf(blocked).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    // Another station of the room is not held back, and the station is free again 10 minutes later.
    expect((await joinAs(1, {}, await enrolledStation(server, day, 'Poste 02'))).statusCode).toBe(200);
    server.clock.advance(10 * 60_000 + 1);
    expect((await joinAs(0)).statusCode).toBe(200);
  });
});

describe('joining: wrong access codes count against the station', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 2 });
    station = await enrolledStation(server, day);
  });
  afterEach(() => server.close());

  const candidate = (i: number) => day.candidates[i] as SeededDay['candidates'][number];
  const joinAs = (i: number, changes: Record<string, unknown> = {}) =>
    station.inject(server.app, 'POST', STATION_API_PATHS.join, {
      ...joinRequest(day, candidate(i)),
      ...changes,
    });

  it('keeps counting them across a join that succeeds', async () => {
    // Guessing another session's code, joining one's own candidate now and then to start afresh.
    const wrongCode = () => joinAs(1, { accessCode: 'BBBB22' });
    for (let i = 1; i <= 19; i++) expect((await wrongCode()).statusCode).toBe(403);
    expect((await joinAs(0)).statusCode).toBe(200);
    expect((await wrongCode()).statusCode).toBe(403);
    const blocked = await wrongCode();
    expect([blocked.statusCode, errorOf(blocked).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    server.clock.advance(10 * 60_000 + 1);
    expect((await wrongCode()).statusCode).toBe(403);
  });
});
