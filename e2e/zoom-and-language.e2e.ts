// At 200 % zoom (a 1366 × 850 screen seen as 683 × 425 CSS pixels) every screen still fits the width
// and reads top to bottom; the screens switch to English and back, and the page language follows.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEA } from './fixtures/e2e-candidates.ts';
import { pressOn } from './harness/candidate-actions.ts';
import { CertificationDay } from './harness/certification-day.ts';
import { signInAndStart, waitForHomeReady } from './harness/scenario-steps.ts';

let day: CertificationDay;

beforeAll(async () => {
  day = await CertificationDay.open({
    scenario: 'zoom-200-and-english',
    viewport: { width: 683, height: 425 },
  });
});

afterAll(async () => {
  await day?.close();
});

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('200 % zoom and English', () => {
  it('switches the screens to English and back', async () => {
    const page = day.page;
    await waitForHomeReady(day);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await day.capture('home-zoom');
    await pressOn(page, page.getByRole('button', { name: 'Switch the screens to English' }), 'Enter');
    await page.getByRole('button', { name: 'Start my certification' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await day.capture('home-english');
    await pressOn(page, page.getByRole('button', { name: 'Afficher les écrans en français' }), 'Enter');
    await page.getByRole('button', { name: 'Commencer ma certification' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
  });

  it('keeps every screen within the width at 200 %', async () => {
    const page = day.page;
    const first = await signInAndStart(day, LEA, { capture: true });
    expect(first).toBeDefined();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await day.capture('question-zoom');
    // The question comes first, the browser below it (stacked), both reachable by scrolling.
    await page.locator('#browser-address').scrollIntoViewIfNeeded();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await day.capture('browser-zoom');
  });
});
