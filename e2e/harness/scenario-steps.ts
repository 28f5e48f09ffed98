// Steps several scenarios share: sign in and get the invigilator's start, answer challenges right,
// wait for the result to be stored and sent.
import { expect } from 'vitest';
import type { Challenge } from '../../core/challenge/challenge.ts';
import { E2E_BANK, RIGHT_ANSWERS } from '../fixtures/e2e-bank.ts';
import type { E2ECandidate } from '../fixtures/e2e-candidates.ts';
import {
  acceptInstructions,
  answerWithKeyboard,
  fillSignIn,
  openSignIn,
  sendFromSimulator,
  signInValues,
  submitSignIn,
  validate,
  waitForChallenge,
} from './candidate-actions.ts';
import type { CertificationDay } from './certification-day.ts';

export async function waitForHomeReady(day: CertificationDay): Promise<void> {
  await day.page.getByTestId('ready').waitFor({ timeout: 20_000 });
}

/** From the station home to the first challenge. */
export async function signInAndStart(
  day: CertificationDay,
  candidate: E2ECandidate,
  options: { capture?: boolean } = {},
): Promise<Challenge> {
  await waitForHomeReady(day);
  await openSignIn(day.page);
  await fillSignIn(day.page, signInValues(candidate, day.seeded.session));
  await submitSignIn(day.page);
  await acceptInstructions(day.page);
  if (options.capture) await day.capture('waiting');
  await day.invigilator.waitFor(candidate.key, (c) => c.state === 'waiting', 'the candidate waiting');
  await day.invigilator.authorizeStart(candidate.key);
  return waitForChallenge(day.page);
}

/** Answers the challenge on screen right (the simulator posts its own answer) and validates. */
export async function answerRight(day: CertificationDay, challenge: Challenge): Promise<void> {
  const answer = RIGHT_ANSWERS[challenge.id];
  if (!answer) throw new Error(`no right answer for ${challenge.id}`);
  if (challenge.embed) {
    await sendFromSimulator(day.page);
    const field = challenge.fields?.[0]?.name ?? '';
    await expect
      .poll(() => day.page.locator(`[data-field="${field}"]`).inputValue())
      .toBe(answer.type === 'fields' ? answer.fields[field] : '');
  } else {
    await answerWithKeyboard(day.page, challenge, answer);
  }
  await validate(day.page);
}

/** Answers every remaining challenge right, from `current`, until the test ends. */
export async function answerAllRight(
  day: CertificationDay,
  current: Challenge,
  each?: (challenge: Challenge, index: number) => Promise<void>,
): Promise<string[]> {
  const seen: string[] = [];
  let challenge: Challenge | null = current;
  while (challenge) {
    seen.push(challenge.id);
    await each?.(challenge, seen.length);
    await answerRight(day, challenge);
    challenge = await nextChallengeOrEnd(day, challenge.id);
  }
  return seen;
}

/** The next challenge, or null when the test is over (the end screen shows). */
export async function nextChallengeOrEnd(day: CertificationDay, previous: string): Promise<Challenge | null> {
  const handle = await day.page.waitForFunction(
    (before) => {
      if (document.querySelector('[data-testid="upload-state"]')) return 'END';
      const id = document.querySelector('[data-challenge-id]')?.getAttribute('data-challenge-id');
      return id && id !== before ? id : null;
    },
    previous,
    { timeout: 20_000 },
  );
  const id = String(await handle.jsonValue());
  if (id === 'END') return null;
  return challengeById(id);
}

/** Waits for the end screen to say the result was sent. */
export async function waitForSent(day: CertificationDay, timeoutMs = 30_000): Promise<void> {
  await day.page
    .locator('[data-testid="upload-state"][data-phase="uploaded"]')
    .waitFor({ timeout: timeoutMs });
}

export function challengeById(id: string): Challenge {
  const challenge = E2E_BANK.find((c) => c.id === id);
  if (!challenge) throw new Error(`challenge ${id} is not in the tests' bank`);
  return challenge;
}
