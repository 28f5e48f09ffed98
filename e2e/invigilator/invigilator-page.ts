// The invigilator screen in Chromium, served by the real server at /invigilator/: logged in through
// its own form, with helpers to find a candidate's card and wait for what it shows. Screenshots go to
// test-results/screenshots/<scenario>/, and every screen passes an axe check. Pages of one scenario
// that also pictures other screens (the back office's) share its numbered sequence (`PictureSequence`).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations, describeFindings } from '../harness/accessibility.ts';
import { SCREENSHOT_ROOT } from '../harness/screenshots.ts';

export const ROOM_VIEWPORT = { width: 1366, height: 768 } as const;

/** A scenario's numbered pictures shared by several pages (the back office's `Captures`). */
export interface PictureSequence {
  readonly folder: string;
  next(name: string): string;
}

export class InvigilatorPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly folder: string;
  readonly consoleErrors: string[] = [];
  readonly #sequence: PictureSequence | null;
  #count = 0;

  private constructor(context: BrowserContext, page: Page, scenario: string | PictureSequence) {
    this.context = context;
    this.page = page;
    if (typeof scenario === 'string') {
      this.folder = path.join(SCREENSHOT_ROOT, scenario);
      this.#sequence = null;
      // Pictures of this run only.
      rmSync(this.folder, { recursive: true, force: true });
      mkdirSync(this.folder, { recursive: true });
    } else {
      // The sequence's folder, already emptied for this run, its numbers shared with the other pages.
      this.folder = scenario.folder;
      this.#sequence = scenario;
    }
    page.on('pageerror', (error) => this.consoleErrors.push(error.message));
    // Refused requests (a wrong password, a server stopped on purpose) are expected; anything else is not.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.consoleErrors.push(message.text());
      }
    });
  }

  static async open(
    browser: Browser,
    serverUrl: string,
    scenario: string | PictureSequence,
    viewport: { width: number; height: number } = ROOM_VIEWPORT,
  ): Promise<InvigilatorPage> {
    const context = await browser.newContext({ viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    // Counts the notes the screen plays (its chime for a new alert is two), through the real Web Audio.
    await context.addInitScript(() => {
      const counter = window as unknown as { __chimeNotes: number };
      counter.__chimeNotes = 0;
      const create = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        counter.__chimeNotes += 1;
        return create.call(this);
      };
    });
    const page = await context.newPage();
    const invigilator = new InvigilatorPage(context, page, scenario);
    await page.goto(`${serverUrl}/invigilator/`);
    await page.getByRole('heading', { name: 'Espace surveillant' }).waitFor();
    return invigilator;
  }

  async login(session: { number: number; invigilatorPassword: string }): Promise<void> {
    await this.page.getByLabel('Numéro de session').fill(String(session.number));
    await this.page.getByLabel('Mot de passe surveillant').fill(session.invigilatorPassword);
    await this.page.getByRole('button', { name: 'Accéder à la salle' }).click();
    await this.page.getByTestId('room-grid').waitFor();
  }

  /** How many chimes the room has played (two notes each). */
  async chimes(): Promise<number> {
    const notes = await this.page.evaluate(
      () => (window as unknown as { __chimeNotes: number }).__chimeNotes,
    );
    return notes / 2;
  }

  card(candidateId: string): Locator {
    return this.page.locator(`[data-testid="candidate-card"][data-candidate-id="${candidateId}"]`);
  }

  /** Waits until the card's attributes say what is expected (state, attention). */
  async waitForCard(
    candidateId: string,
    expected: { state?: string; attention?: string; highlight?: string },
    timeoutMs = 20_000,
  ): Promise<Locator> {
    const selector = [
      `[data-testid="candidate-card"][data-candidate-id="${candidateId}"]`,
      expected.state ? `[data-state="${expected.state}"]` : '',
      expected.attention ? `[data-attention~="${expected.attention}"]` : '',
      expected.highlight ? `[data-highlight="${expected.highlight}"]` : '',
    ].join('');
    const card = this.page.locator(selector);
    await card.waitFor({ timeout: timeoutMs });
    return card;
  }

  /** Opens the candidate's file from the card. */
  async openFile(candidateId: string): Promise<Locator> {
    await this.card(candidateId).locator('.card-open').click();
    const dialog = this.page.getByTestId('candidate-dialog');
    await dialog.waitFor();
    return dialog;
  }

  async closeDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('candidate-dialog').waitFor({ state: 'detached' });
  }

  /** After a failed step: no dialog left open over the next one. */
  async closeAnyDialog(): Promise<void> {
    for (let i = 0; i < 3 && (await this.page.locator('dialog[open]').count()) > 0; i += 1) {
      await this.page.keyboard.press('Escape');
    }
  }

  /**
   * Opens a page of the session and waits until it is shown: its link becomes the current one in the
   * render that swaps the page. (Returning on the click alone let a fast machine read the page before.)
   */
  async goTo(page: 'Salle' | 'Finaliser la session' | 'Résultats' | 'Feuille d’émargement'): Promise<void> {
    const link = this.page.getByRole('navigation').getByRole('link', { name: page, exact: true });
    await link.click();
    await link.and(this.page.locator('[aria-current="page"]')).waitFor();
  }

  /** A screenshot of the screen as it is, and its accessibility check (zero violations). */
  async capture(name: string): Promise<string> {
    this.#count += 1;
    const file =
      this.#sequence?.next(name) ??
      path.join(this.folder, `${String(this.#count).padStart(2, '0')}-${name}.png`);
    await this.page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
    );
    await this.page.screenshot({ path: file });
    const found = await axeViolations(this.page, name);
    if (found.length > 0)
      throw new Error(`accessibility violations on "${name}":\n${describeFindings(found)}`);
    return file;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}
