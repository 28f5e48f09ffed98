// The harness's challenge browser: a second Playwright page, in its own browser context per candidate
// (nothing carries over between candidates), whose every request goes through the URL policy
// (core/lockdown/url-policy.ts). A refused page is replaced by a clear blocked page; each top-level
// navigation, allowed or not, is journaled through the station (runtime.recordNavigation). Demo sites
// (`https://<site>.pix-demo.test/`) are served from their folder, as Electron's demo mode does.
import type { Browser, CDPSession, Page, Route } from 'playwright-core';
import type { BrowserState, StationEvent, StationResult } from '../../core/contracts/station-api.ts';
import { evaluateUrl, type UrlPolicy } from '../../core/lockdown/url-policy.ts';
import type { BrowserBounds } from '../../main/station/station-handlers.ts';
import { blockedPageHtml, blockedReason } from './blocked-page.ts';
import { isPdfViewerResource } from './candidate-page.ts';
import { demoSiteFile, fulfillDemoSite } from './demo-site-files.ts';
import type { BrowserTarget } from './station-process.ts';

export interface ChallengeBrowserOptions {
  browser: Browser;
  policy: UrlPolicy;
  homeUrl: string;
  /** The offline demo sites' folder (`https://<site>.pix-demo.test/` → `<folder>/<site>/`). */
  demoSitesDir: string;
  /** Journals a navigation in the candidate's test. */
  record: (navigation: { url: string; allowed: boolean; rule: string | null }) => Promise<unknown>;
  /** Pushes browserState / browserBlocked events to the candidate screens. */
  emit: (event: StationEvent) => void;
  /** Headed demo: places the browser's window over the region the screens reserve. */
  place?: (page: Page, bounds: BrowserBounds | null) => Promise<void>;
}

const NAVIGATION_TIMEOUT_MS = 10_000;

export class HarnessChallengeBrowser implements BrowserTarget {
  readonly #o: ChallengeBrowserOptions;
  #page: Page | null = null;
  #cdp: CDPSession | null = null;
  #bounds: BrowserBounds | null = null;
  #loading = false;
  #opening: Promise<Page> | null = null;
  #announcing: Promise<void> | null = null;
  #announceAgain = false;
  readonly navigations: { url: string; allowed: boolean; rule: string | null }[] = [];

  constructor(options: ChallengeBrowserOptions) {
    this.#o = options;
  }

  get bounds(): BrowserBounds | null {
    return this.#bounds;
  }

  /** The page shown in the view (opened on first use; concurrent callers share one opening). */
  page(): Promise<Page> {
    this.#opening ??= this.#open();
    return this.#opening;
  }

  async #open(): Promise<Page> {
    const context = await this.#o.browser.newContext({
      // Headed demo: the view is a real window placed over the screens; headless: sized to the region.
      viewport: this.#o.place ? null : { width: 800, height: 600 },
      locale: 'fr-FR',
      acceptDownloads: false,
      serviceWorkers: 'block',
    });
    await context.route('**/*', (route) => this.#route(route));
    // Popups open in the same view, as in the station.
    context.on('page', (popup) => {
      void popup.opener().then(async (opener) => {
        if (!opener) return;
        await popup.waitForLoadState('domcontentloaded').catch(() => undefined);
        const url = popup.url();
        await popup.close().catch(() => undefined);
        if (url && url !== 'about:blank') await this.navigate(url);
      });
    });
    const page = await context.newPage();
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) void this.#announce();
    });
    page.on('load', () => {
      this.#loading = false;
      void this.#announce();
    });
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame() && !this.#loading) {
        this.#loading = true;
        void this.#announce();
      }
    });
    this.#page = page;
    this.#cdp = await context.newCDPSession(page);
    return page;
  }

  /** A new candidate: a new, empty browser context. */
  async reset(): Promise<void> {
    const opening = this.#opening;
    this.#opening = null;
    this.#page = null;
    this.#cdp = null;
    this.#bounds = null;
    if (!opening) return;
    await opening.then((page) => page.context().close()).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.reset();
  }

  async navigate(url: string): Promise<StationResult<BrowserState>> {
    const page = await this.page();
    const decision = evaluateUrl(url, this.#o.policy, { topLevel: true });
    if (!decision.allowed && !/^https?:/i.test(url)) {
      // Not a web address (javascript:, file:…): never handed to the browser at all.
      // The page stays as it was; the screens show the blocked message.
      await this.#blocked(url, decision);
      return { ok: false, error: { code: 'URL_BLOCKED', message: blockedReason(decision) } };
    }
    await this.#settle(page.goto(url, { timeout: NAVIGATION_TIMEOUT_MS, waitUntil: 'domcontentloaded' }));
    if (!decision.allowed)
      return { ok: false, error: { code: 'URL_BLOCKED', message: blockedReason(decision) } };
    return { ok: true, value: await this.state() };
  }

  async back(): Promise<StationResult<BrowserState>> {
    const page = await this.page();
    await this.#settle(page.goBack({ timeout: NAVIGATION_TIMEOUT_MS, waitUntil: 'domcontentloaded' }));
    return { ok: true, value: await this.state() };
  }

  async forward(): Promise<StationResult<BrowserState>> {
    const page = await this.page();
    await this.#settle(page.goForward({ timeout: NAVIGATION_TIMEOUT_MS, waitUntil: 'domcontentloaded' }));
    return { ok: true, value: await this.state() };
  }

  async reload(): Promise<StationResult<BrowserState>> {
    const page = await this.page();
    await this.#settle(page.reload({ timeout: NAVIGATION_TIMEOUT_MS, waitUntil: 'domcontentloaded' }));
    return { ok: true, value: await this.state() };
  }

  home(): Promise<StationResult<BrowserState>> {
    return this.navigate(this.#o.homeUrl);
  }

  async setBounds(bounds: BrowserBounds | null): Promise<void> {
    this.#bounds = bounds;
    const page = await this.page();
    if (this.#o.place) await this.#o.place(page, bounds);
    else if (bounds && bounds.width > 0 && bounds.height > 0) {
      // Headless: the page is laid out at the reserved size, so screenshots show what Electron would.
      // The same size again (the view hidden then shown, or only moved) leaves the page as it is, as
      // a native view's setBounds does: re-emulating the viewport would lay the page out again.
      const size = page.viewportSize();
      if (size?.width !== bounds.width || size.height !== bounds.height)
        await page.setViewportSize({ width: bounds.width, height: bounds.height });
    }
  }

  /**
   * The page's address, title and history, read in one call to the browser process (Chromium's
   * navigation entries carry the title), as Electron's main reads its webContents getters without
   * asking the page itself: a `document.title` evaluated in the page while it loads would queue behind
   * its parsing and add work on the two cores the candidate's screen shares.
   */
  async state(): Promise<BrowserState> {
    const page = await this.page();
    let canGoBack = false;
    let canGoForward = false;
    let title = '';
    try {
      const history = (await this.#cdp?.send('Page.getNavigationHistory')) ?? null;
      if (history) {
        canGoBack = history.currentIndex > 0;
        canGoForward = history.currentIndex < history.entries.length - 1;
        title = history.entries[history.currentIndex]?.title ?? '';
      }
    } catch {
      // The page is closing: no history to read.
    }
    const url = page.url();
    // A page without a <title> shows its address in Chromium's entry: the screens want no title then.
    return { url, title: title === url ? '' : title, loading: this.#loading, canGoBack, canGoForward };
  }

  /**
   * Tells the screens the browser's state. A page load fires several events in a row (request,
   * navigation, load): one read at a time, and one more after it if something happened meanwhile,
   * so the screens get the latest state without one read and one redraw per event.
   */
  #announce(): Promise<void> {
    if (this.#announcing) {
      this.#announceAgain = true;
      return this.#announcing;
    }
    this.#announcing = (async () => {
      try {
        do {
          this.#announceAgain = false;
          if (!this.#page) return;
          try {
            this.#o.emit({ type: 'browserState', state: await this.state() });
          } catch {
            // Closed in the meantime.
          }
        } while (this.#announceAgain);
      } finally {
        this.#announcing = null;
      }
    })();
    return this.#announcing;
  }

  /** Waits for a navigation; a page that fails to load still leaves the browser usable. */
  async #settle(navigation: Promise<unknown>): Promise<void> {
    try {
      await navigation;
    } catch {
      // Timeouts and aborted loads: the page shows what it has.
    }
    this.#loading = false;
    await this.#announce();
  }

  async #blocked(url: string, decision: ReturnType<typeof evaluateUrl>): Promise<void> {
    this.#o.emit({ type: 'browserBlocked', url, reason: blockedReason(decision) });
    await this.#journal({ url, allowed: false, rule: decision.rule });
  }

  async #journal(navigation: { url: string; allowed: boolean; rule: string | null }): Promise<void> {
    this.navigations.push(navigation);
    await this.#o.record(navigation).catch(() => undefined);
  }

  async #route(route: Route): Promise<void> {
    const request = route.request();
    const url = request.url();
    // Chromium's own PDF viewer shows PDF files found while browsing (as in the station's view).
    if (isPdfViewerResource(url)) return route.continue();
    const topLevel = request.isNavigationRequest() && request.frame() === this.#page?.mainFrame();
    const decision = evaluateUrl(url, this.#o.policy, { topLevel });
    if (!decision.allowed) {
      if (request.isNavigationRequest()) {
        if (topLevel) void this.#blocked(url, decision);
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: blockedPageHtml(url, decision),
        });
      }
      return route.abort('blockedbyclient');
    }
    // Journaled without holding the page back (the journal's order is the order of the requests).
    if (topLevel) void this.#journal({ url, allowed: true, rule: decision.rule });
    const file = demoSiteFile(url, this.#o.demoSitesDir);
    if (file) return fulfillDemoSite(route, file);
    // The demo policy lets nothing else through; a centre's policy would reach the web here.
    return route.continue();
  }
}
