// The certification server stops in the middle of the test and comes back: the candidate sees a
// small, calm "offline" note and goes on answering (every answer stored on the station); once the
// server is back, the note goes away and the result is uploaded later, exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEA } from './fixtures/e2e-candidates.ts';
import { CertificationDay } from './harness/certification-day.ts';
import { answerRight, nextChallengeOrEnd, signInAndStart, waitForSent } from './harness/scenario-steps.ts';

let day: CertificationDay;

beforeAll(async () => {
  day = await CertificationDay.open({ scenario: 'server-restart' });
});

afterAll(async () => {
  await day?.close();
});

describe('a server restart during the test', () => {
  it('lets the test go on offline and uploads the result once when the server is back', async () => {
    const page = day.page;
    let challenge = await signInAndStart(day, LEA);
    await answerRight(day, challenge);
    challenge = (await nextChallengeOrEnd(day, challenge.id)) ?? challenge;

    await day.server.stop();
    const offline = page.getByTestId('offline-indicator');
    await offline.waitFor({ timeout: 30_000 });
    expect(await offline.textContent()).toContain('Le test continue normalement');
    await day.capture('offline-indicator');
    // Answers go on being stored while the server is away; the test even ends offline.
    const stopped = Date.now();
    let answeredOffline = 0;
    for (let i = 0; i < 8; i += 1) {
      await answerRight(day, challenge);
      answeredOffline += 1;
      const next = await nextChallengeOrEnd(day, challenge.id);
      if (!next) throw new Error('the test ended early');
      challenge = next;
    }
    await answerRight(day, challenge);
    answeredOffline += 1;
    await page.getByTestId('upload-state').waitFor();
    await page.locator('[data-testid="upload-state"][data-phase="sealed"]').waitFor();
    // Once the test is over, the note speaks of the result waiting to be sent, not of a test going on.
    expect(await offline.textContent()).toContain('Votre résultat reste sur ce poste');
    expect(await offline.textContent()).not.toContain('Le test continue');
    await day.capture('ended-offline-result-waiting');
    expect(answeredOffline).toBe(9);
    expect(Date.now() - stopped).toBeGreaterThan(0);

    await day.server.restart();
    await waitForSent(day, 60_000);
    await offline.waitFor({ state: 'detached', timeout: 30_000 });
    await day.capture('back-online-result-sent');

    const card = await day.invigilator.waitFor(LEA.key, (c) => c.state === 'resultReceived', 'the result');
    expect(card.upload).toBe('received');
    // Exactly once: the server holds one result bundle for this session, whatever the station retried.
    expect(await day.server.storedResults(day.invigilator.sessionId)).toEqual([card.testId]);
    await day.invigilator.finalize();
    const results = await day.invigilator.results();
    expect(
      results.results.find((r) => r.candidateId === day.invigilator.candidateId(LEA.key))
        ?.reproducibilityRate,
    ).toBe(100);
  });
});
