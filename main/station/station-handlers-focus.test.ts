// « Aller dans la page » (browserFocus): the challenge browser decides; no page shown is a refusal.
import { describe, expect, it } from 'vitest';
import type { ExamRuntime } from './runtime/exam-runtime.ts';
import { createStationHandlers, type AttachmentViewer, type ChallengeBrowser } from './station-handlers.ts';
import { idleBrowser } from './sync/sync-fixtures.ts';

const handlers = (browser: ChallengeBrowser) =>
  createStationHandlers({} as unknown as ExamRuntime, browser, {} as unknown as AttachmentViewer);

describe('browserFocus', () => {
  it('gives the keyboard to the page when one is shown', async () => {
    let focused = 0;
    const browser = { ...idleBrowser, focus: () => (focused++, true) };
    expect(await handlers(browser).browserFocus({})).toEqual({ ok: true, value: {} });
    expect(focused).toBe(1);
  });

  it('is refused when no page is shown, or where the browser cannot take the keyboard', async () => {
    const refused = {
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', message: 'No browser page is shown.' },
    };
    expect(await handlers({ ...idleBrowser, focus: () => false }).browserFocus({})).toEqual(refused);
    expect(await handlers(idleBrowser).browserFocus({})).toEqual(refused);
  });
});
