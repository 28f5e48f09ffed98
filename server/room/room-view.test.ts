// The room's cards carry what the invigilator screen shows (additions made for issue 6).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invigilator } from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededDay } from '../testing/seed.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

describe('room cards', () => {
  let server: TestServer;
  let day: SeededDay;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 2 });
  });
  afterEach(() => server.close());

  it('give each candidate’s birthdate, for the attendance sheet (namesakes told apart)', async () => {
    const room = await (await invigilator(server, day)).room();
    const birthdates = new Map(room.candidates.map((c) => [c.candidateId, c.birthdate]));
    for (const candidate of day.candidates) expect(birthdates.get(candidate.id)).toBe(candidate.birthdate);
  });
});
