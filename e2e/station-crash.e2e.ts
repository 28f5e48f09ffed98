// The station services are killed in the middle of the test (SIGKILL, as a crash or a power cut) and
// relaunched on the same data folder: the candidate is asked to call the invigilator, and after the
// authorization the test goes on at the same question, with the draft typed before the crash, every
// stored answer, and the time left as it was (the downtime is not charged).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RIGHT_ANSWERS } from './fixtures/e2e-bank.ts';
import { LEA } from './fixtures/e2e-candidates.ts';
import { typeInto, waitForChallenge } from './harness/candidate-actions.ts';
import { CertificationDay } from './harness/certification-day.ts';
import {
  answerAllRight,
  answerRight,
  nextChallengeOrEnd,
  signInAndStart,
  waitForSent,
} from './harness/scenario-steps.ts';

let day: CertificationDay;

beforeAll(async () => {
  day = await CertificationDay.open({ scenario: 'station-crash' });
});

afterAll(async () => {
  await day?.close();
});

const DOWNTIME_MS = 5000;

describe('a station crash', () => {
  it('resumes after the invigilator authorizes it, with nothing lost and the time left kept', async () => {
    const page = day.page;
    let challenge = await signInAndStart(day, LEA);
    // Three answers stored, then a draft typed in a text field.
    for (let i = 0; i < 3; i += 1) {
      await answerRight(day, challenge);
      const next = await nextChallengeOrEnd(day, challenge.id);
      if (!next) throw new Error('the test ended early');
      challenge = next;
    }
    while (!challenge.fields?.some((f) => f.kind === 'text') || challenge.embed) {
      await answerRight(day, challenge);
      const next = await nextChallengeOrEnd(day, challenge.id);
      if (!next) throw new Error('no text challenge left');
      challenge = next;
    }
    const field = challenge.fields.find((f) => f.kind === 'text')?.name ?? '';
    const draftText = 'brouillon avant la panne';
    await typeInto(page, page.locator(`[data-field="${field}"]`), draftText, 'text field');
    // The draft is saved about a second after typing stops.
    await new Promise((resolve) => setTimeout(resolve, 1600));
    // Captured before the time left is read: its screenshots and accessibility check take time that
    // would otherwise count as lost in the crash.
    await day.capture('before-crash');
    const before = await day.waitForStatus((s) => s.exam.phase === 'inProgress');
    const answeredBefore = before.exam.progress?.answered ?? 0;

    await day.killStation();
    const killedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, DOWNTIME_MS));
    await day.launchStation();
    await page.getByRole('heading', { name: 'Votre test a été interrompu' }).waitFor();
    expect(await page.getByText('demandez au surveillant d’autoriser la reprise').count()).toBeGreaterThan(0);
    const resumed = await day.waitForStatus((s) => s.exam.phase === 'resumePending');
    expect(resumed.exam.progress?.answered).toBe(answeredBefore);
    // Time left kept: nothing of the downtime is charged. The clock resumes from its last checkpoint
    // (written every second), so the candidate may get back up to about a second run since, but no more.
    const lost = (before.exam.timeLeftMs ?? 0) - (resumed.exam.timeLeftMs ?? 0);
    expect(lost).toBeGreaterThan(-1500);
    expect(lost).toBeLessThan(2000);
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(DOWNTIME_MS);
    await day.capture('resume-pending');

    await day.invigilator.waitFor(LEA.key, (c) => c.state === 'resumePending', 'the resume request');
    await day.invigilator.authorizeResume(LEA.key);
    const again = await waitForChallenge(page);
    expect(again.id).toBe(challenge.id);
    expect(await page.locator(`[data-field="${field}"]`).inputValue()).toBe(draftText);
    await day.capture('resumed-with-draft');

    const answer = RIGHT_ANSWERS[again.id];
    expect(answer).toBeDefined();
    const rest = await answerAllRight(day, again);
    expect(answeredBefore + rest.length).toBe(10);
    await waitForSent(day);
    await day.invigilator.waitFor(LEA.key, (c) => c.state === 'resultReceived', 'the result received');
    await day.invigilator.finalize();
    const results = await day.invigilator.results();
    const lea = results.results.find((r) => r.candidateId === day.invigilator.candidateId(LEA.key));
    expect(lea?.source).toBe('bundle');
    expect(lea?.reproducibilityRate).toBe(100);
  });
});
