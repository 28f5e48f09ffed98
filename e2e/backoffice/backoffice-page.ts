// The back office in Chromium, served by the real server at /centre/ (and the public check at
// /verification/): a browser context per person (its own cookies), helpers to log in and move around,
// and `capture`, which takes the screen's picture into test-results/screenshots/<scenario>/ and checks
// it with axe (zero violations).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';
import { axeViolations, describeFindings } from '../harness/accessibility.ts';
import { SCREENSHOT_ROOT } from '../harness/screenshots.ts';

export const DESK_VIEWPORT = { width: 1280, height: 860 } as const;

/** Numbered pictures shared by every page of a scenario (one folder, replaced at each run). */
export class Captures {
  readonly folder: string;
  #count = 0;

  constructor(scenario: string) {
    this.folder = path.join(SCREENSHOT_ROOT, scenario);
    rmSync(this.folder, { recursive: true, force: true });
    mkdirSync(this.folder, { recursive: true });
  }

  next(name: string): string {
    this.#count += 1;
    return path.join(this.folder, `${String(this.#count).padStart(2, '0')}-${name}.png`);
  }
}

export class BackOfficePage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly serverUrl: string;
  readonly pageErrors: string[] = [];
  readonly #captures: Captures;

  private constructor(context: BrowserContext, page: Page, serverUrl: string, captures: Captures) {
    this.context = context;
    this.page = page;
    this.serverUrl = serverUrl;
    this.#captures = captures;
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  static async open(
    browser: Browser,
    serverUrl: string,
    captures: Captures,
    path = '/centre/',
  ): Promise<BackOfficePage> {
    const context = await browser.newContext({
      viewport: DESK_VIEWPORT,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const opened = new BackOfficePage(context, page, serverUrl, captures);
    await page.goto(`${serverUrl}${path}`);
    return opened;
  }

  /** Goes to a back-office page by its address (#/…) and waits for its title. */
  async go(hash: string): Promise<void> {
    await this.page.goto(`${this.serverUrl}/centre/${hash}`);
    await this.page.locator('h1').first().waitFor();
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async login(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Adresse e-mail').fill(email);
    await this.page.getByLabel('Mot de passe').fill(password);
    await this.page.getByRole('button', { name: 'Se connecter' }).click();
    await this.page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Se déconnecter' }).click();
    await this.page.getByTestId('session-ended').waitFor();
  }

  nav(name: string): Locator {
    return this.page
      .getByRole('navigation', { name: 'Menu du centre' })
      .getByRole('link', { name, exact: true });
  }

  /** Clicks what starts a download and returns it. */
  async download(trigger: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), trigger.click()]);
    return download;
  }

  /** The screen's picture (whole page, or the window with a dialog open) and its axe check. */
  async capture(name: string, options: { fullPage?: boolean } = {}): Promise<string> {
    const file = this.#captures.next(name);
    await this.page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 80))),
    );
    const dialogOpen = await this.page.evaluate(() => document.querySelector('dialog[open]') !== null);
    await this.page.screenshot({ path: file, fullPage: options.fullPage ?? !dialogOpen });
    const found = await axeViolations(this.page, name);
    if (found.length > 0)
      throw new Error(`accessibility violations on "${name}":\n${describeFindings(found)}`);
    return file;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}
