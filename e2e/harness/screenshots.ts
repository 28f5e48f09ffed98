// Screenshots of each screen a scenario passes through, in test-results/screenshots/<scenario>/. During
// the test, the challenge browser's page is drawn into the region the screens reserve for it, as the
// Electron view would be, so the picture shows what the candidate sees.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { HarnessChallengeBrowser } from './challenge-browser.ts';

export const SCREENSHOT_ROOT = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

export class Screenshots {
  readonly folder: string;
  readonly #page: () => Page;
  readonly #view: HarnessChallengeBrowser | null;
  #count = 0;
  readonly taken: string[] = [];

  constructor(scenario: string, page: () => Page, view: HarnessChallengeBrowser | null) {
    this.folder = path.join(SCREENSHOT_ROOT, scenario);
    // Each run replaces the scenario's pictures (a stale one would show a screen that is gone).
    rmSync(this.folder, { recursive: true, force: true });
    this.#page = page;
    this.#view = view;
  }

  async take(name: string, options: { fullPage?: boolean } = {}): Promise<string> {
    if (this.#count === 0) mkdirSync(this.folder, { recursive: true });
    this.#count += 1;
    const file = path.join(this.folder, `${String(this.#count).padStart(2, '0')}-${name}.png`);
    // Let the last state change paint (and fonts settle) before the picture.
    await this.#page().evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
    );
    const bounds = this.#view?.bounds ?? null;
    if (bounds && bounds.width > 0 && bounds.height > 0) {
      await this.#composite(file, bounds);
    } else {
      // Long screens are taken whole; with a dialog open the window is enough (and a full-page
      // capture would resize the window under Chromium's PDF viewer, which then redraws blank).
      const dialogOpen = await this.#page().evaluate(() => document.querySelector('dialog[open]') !== null);
      await this.#page().screenshot({ path: file, fullPage: options.fullPage ?? !dialogOpen });
    }
    this.taken.push(file);
    return file;
  }

  async #composite(
    file: string,
    bounds: { x: number; y: number; width: number; height: number },
  ): Promise<void> {
    const view = await this.#viewPicture();
    const page = this.#page();
    if (!view) {
      await page.screenshot({ path: file });
      return;
    }
    // Drawn for the picture only, then removed: an image of the view at the reserved region.
    await page.evaluate(
      ({ src, box }) => {
        const image = document.createElement('img');
        image.id = '__harness-view';
        image.alt = '';
        image.src = src;
        Object.assign(image.style, {
          position: 'fixed',
          left: `${box.x}px`,
          top: `${box.y}px`,
          width: `${box.width}px`,
          height: `${box.height}px`,
          zIndex: '2147483647',
          pointerEvents: 'none',
        });
        document.body.append(image);
        return image.decode();
      },
      { src: `data:image/png;base64,${view.toString('base64')}`, box: bounds },
    );
    try {
      await page.screenshot({ path: file });
    } finally {
      await page.evaluate(() => document.getElementById('__harness-view')?.remove());
    }
  }

  /** The view's page as a picture; null when Chromium cannot draw it right now (it is mid-load). */
  async #viewPicture(): Promise<Buffer | null> {
    if (!this.#view) return null;
    const view = await this.#view.page();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        return await view.screenshot({ timeout: 5000 });
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    return null;
  }
}
