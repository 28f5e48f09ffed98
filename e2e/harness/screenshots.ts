// Screenshots of each screen a scenario passes through, in test-results/screenshots/<scenario>/. During
// the test, the challenge browser's page is drawn into the region the screens reserve for it, as the
// Electron view would be, so the picture shows what the candidate sees.
import { mkdirSync } from 'node:fs';
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
    mkdirSync(this.folder, { recursive: true });
    this.#page = page;
    this.#view = view;
  }

  async take(name: string, options: { fullPage?: boolean } = {}): Promise<string> {
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
      await this.#page().screenshot({ path: file, fullPage: options.fullPage ?? true });
    }
    this.taken.push(file);
    return file;
  }

  async #composite(
    file: string,
    bounds: { x: number; y: number; width: number; height: number },
  ): Promise<void> {
    const screens = await this.#page().screenshot();
    const view = this.#view ? await (await this.#view.page()).screenshot() : null;
    const viewport = this.#page().viewportSize() ?? { width: 1366, height: 850 };
    const canvas = await this.#page().context().newPage();
    try {
      await canvas.setViewportSize(viewport);
      const image = (png: Buffer, style: string) =>
        `<img style="position:absolute;${style}" src="data:image/png;base64,${png.toString('base64')}">`;
      await canvas.setContent(
        `<body style="margin:0">${image(screens, 'left:0;top:0')}${
          view
            ? image(
                view,
                `left:${bounds.x}px;top:${bounds.y}px;width:${bounds.width}px;height:${bounds.height}px`,
              )
            : ''
        }</body>`,
      );
      await canvas.screenshot({ path: file });
    } finally {
      await canvas.close();
    }
  }
}
