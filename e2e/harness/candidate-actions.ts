// What a candidate does, with the keyboard only: Tab to a control (never a programmatic focus or a
// mouse click), then Space, Enter, arrows or typing. If a control cannot be reached with Tab, the
// scenario fails: that is the keyboard-only check.
import type { Frame, Locator, Page } from 'playwright-core';
import type { AnswerValue } from '../../core/challenge/answer.ts';
import type { Challenge } from '../../core/challenge/challenge.ts';
import type { E2ECandidate } from '../fixtures/e2e-candidates.ts';
import { E2E_BANK } from '../fixtures/e2e-bank.ts';

const MAX_TABS = 150;

async function isFocused(target: Locator): Promise<boolean> {
  return target
    .evaluate(
      (element) => element.ownerDocument.activeElement === element && element.ownerDocument.hasFocus(),
    )
    .catch(() => false);
}

/** Presses Tab until `target` has the focus. */
export async function tabTo(page: Page, target: Locator, what = 'control'): Promise<void> {
  await target.waitFor({ state: 'visible' });
  for (let i = 0; i < MAX_TABS; i += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach the ${what} with the Tab key`);
}

export async function pressOn(page: Page, target: Locator, key: string, what?: string): Promise<void> {
  await tabTo(page, target, what);
  await page.keyboard.press(key);
}

export async function typeInto(page: Page, target: Locator, text: string, what?: string): Promise<void> {
  await tabTo(page, target, what);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

export interface SignInValues {
  sessionNumber: string;
  accessCode: string;
  lastName: string;
  firstName: string;
  day: string;
  month: string;
  year: string;
}

export function signInValues(
  candidate: E2ECandidate,
  session: { number: number; accessCode: string },
): SignInValues {
  const [year = '', month = '', day = ''] = candidate.birthdate.split('-');
  return {
    sessionNumber: String(session.number),
    accessCode: session.accessCode.toLowerCase(),
    lastName: candidate.lastName,
    firstName: candidate.firstName,
    day,
    month,
    year,
  };
}

/** From the station home: "Commencer", then the form filled and sent with the keyboard. */
export async function openSignIn(page: Page): Promise<void> {
  await pressOn(
    page,
    page.getByRole('button', { name: 'Commencer ma certification' }),
    'Enter',
    'start button',
  );
  await page.getByRole('heading', { name: 'Connexion à la session' }).waitFor();
}

export async function fillSignIn(page: Page, values: SignInValues): Promise<void> {
  await typeInto(page, page.locator('#signin-sessionNumber'), values.sessionNumber, 'session number');
  await typeInto(page, page.locator('#signin-accessCode'), values.accessCode, 'access code');
  await typeInto(page, page.locator('#signin-lastName'), values.lastName, 'last name');
  await typeInto(page, page.locator('#signin-firstName'), values.firstName, 'first name');
  await typeInto(page, page.locator('#signin-day'), values.day, 'day');
  await typeInto(page, page.locator('#signin-month'), values.month, 'month');
  await typeInto(page, page.locator('#signin-year'), values.year, 'year');
}

export async function submitSignIn(page: Page): Promise<void> {
  await pressOn(page, page.getByRole('button', { name: 'Me connecter' }), 'Enter', 'sign-in button');
}

export async function acceptInstructions(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Avant de commencer' }).waitFor();
  await pressOn(page, page.getByRole('checkbox', { name: /J’ai lu ces consignes/ }), 'Space', 'consent box');
  await pressOn(page, page.getByRole('button', { name: 'Continuer' }), 'Enter', 'continue button');
  await page.getByRole('heading', { name: 'En attente du surveillant' }).waitFor();
}

/** The challenge on screen (waits for one other than `previous`). */
export async function waitForChallenge(page: Page, previous: string | null = null): Promise<Challenge> {
  const handle = await page.waitForFunction(
    (before) => {
      const id = document.querySelector('[data-challenge-id]')?.getAttribute('data-challenge-id');
      return id && id !== before ? id : null;
    },
    previous,
    { timeout: 20_000 },
  );
  const id = String(await handle.jsonValue());
  const challenge = E2E_BANK.find((c) => c.id === id);
  if (!challenge) throw new Error(`challenge ${id} is not in the tests' bank`);
  return challenge;
}

/** Gives `answer` to the challenge on screen, with the keyboard. */
export async function answerWithKeyboard(
  page: Page,
  challenge: Challenge,
  answer: AnswerValue,
): Promise<void> {
  if (answer.type === 'choice') {
    const radios = page.locator('input[type=radio]');
    const ids = await radios.evaluateAll((list) => list.map((r) => r.getAttribute('data-choice-id')));
    const index = ids.indexOf(answer.choice);
    if (index < 0) throw new Error(`choice ${answer.choice} not shown`);
    // Tab enters the group on its first radio; the arrows move (and choose) within it.
    await tabTo(page, radios.first(), 'first choice');
    if (index === 0) await page.keyboard.press('Space');
    for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
    return;
  }
  if (answer.type === 'choices') {
    for (const id of answer.choices) {
      await pressOn(
        page,
        page.locator(`input[type=checkbox][data-choice-id="${id}"]`),
        'Space',
        `choice ${id}`,
      );
    }
    return;
  }
  for (const field of challenge.fields ?? []) {
    const value = answer.fields[field.name] ?? '';
    const control = page.locator(`[data-field="${field.name}"]`);
    if (field.kind === 'select') {
      await tabTo(page, control, `select ${field.name}`);
      // Arrow keys move through a closed select's options, one at a time.
      const [current, target] = await control.evaluate((select, wanted) => {
        const options = Array.from((select as HTMLSelectElement).options).map((o) => o.value);
        return [options.indexOf((select as HTMLSelectElement).value), options.indexOf(wanted)];
      }, value);
      if (target < 0) throw new Error(`the select ${field.name} has no option "${value}"`);
      for (let i = current; i < target; i += 1) await page.keyboard.press('ArrowDown');
      for (let i = current; i > target; i -= 1) await page.keyboard.press('ArrowUp');
      const chosen = await control.inputValue();
      if (chosen !== value)
        throw new Error(`the select ${field.name} shows "${chosen}" instead of "${value}"`);
    } else {
      await typeInto(page, control, value, `field ${field.name}`);
    }
  }
}

/** "Valider", then waits for the next challenge (or the end of the test). */
export async function validate(page: Page): Promise<void> {
  await pressOn(page, page.getByTestId('validate'), 'Enter', 'validate button');
}

/** The simulator's own button, inside its frame, reached with Tab like any control. */
export async function sendFromSimulator(page: Page): Promise<void> {
  const frame = page.frameLocator('iframe.embed-frame');
  await pressOn(page, frame.getByRole('button', { name: 'Envoyer ma réponse' }), 'Enter', 'simulator button');
}

export function frameOf(page: Page, selector: string): Promise<Frame | null> {
  return page
    .locator(selector)
    .elementHandle()
    .then((handle) => handle?.contentFrame() ?? null);
}
