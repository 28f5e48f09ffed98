// Launches Chromium for the browser tests: Debian's chromium (CHROMIUM_PATH, default
// /usr/bin/chromium) driven by playwright-core, or Playwright's own browser on machines that have
// one. Each launch gets a fresh profile (Playwright's temporary user-data-dir).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The flags the team agreed on (PLAN.md): no sandbox as root, no GPU, no background traffic. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** The Chromium to drive, or undefined to let Playwright use its own downloaded browser. */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  if (existsSync(DEFAULT_CHROMIUM_PATH)) return DEFAULT_CHROMIUM_PATH;
  return undefined;
}

export async function launchChromium(
  options: { headless?: boolean; args?: string[] } = {},
): Promise<Browser> {
  const executablePath = chromiumExecutable();
  try {
    return await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      headless: options.headless ?? true,
      args: [...CHROMIUM_FLAGS, ...(options.args ?? [])],
    });
  } catch (error) {
    const where = executablePath ?? "Playwright's own Chromium";
    throw new Error(
      `Chromium could not start (${where}). Install Debian's chromium (apt-get install chromium) or set ` +
        `CHROMIUM_PATH to a Chromium binary. Cause: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
