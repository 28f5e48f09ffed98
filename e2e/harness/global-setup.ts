// Before the end-to-end run: every screen is built (once, before two files run at once), and Chromium
// is there.
import { chromiumExecutable } from './chromium.ts';
import { ensureRendererBuilt, ensureWebScreensBuilt } from './renderer-build.ts';

export default async function setup(): Promise<void> {
  ensureRendererBuilt();
  ensureWebScreensBuilt();
  const chromium = chromiumExecutable();
  if (!chromium && !process.env.PLAYWRIGHT_BROWSERS_PATH) {
    console.warn(
      'No Debian Chromium found (CHROMIUM_PATH or /usr/bin/chromium): trying Playwright’s own browser.',
    );
  }
}
