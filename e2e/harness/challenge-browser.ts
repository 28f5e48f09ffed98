// The harness's challenge browser: a second Playwright page, in its own browser context per candidate
// (nothing carries over between candidates), whose every request goes through the URL policy
// (core/lockdown/url-policy.ts). A refused page is replaced by a clear blocked page; each top-level
// navigation, allowed or not, is journaled through the station (runtime.recordNavigation). Demo sites
// (`https://<site>.pix-demo.test/`) are served from their folder, as Electron's demo mode does.
// Downloads go as in Electron's (main/electron/challenge-browser.ts): the station's download policy
// decides, an allowed file is saved in the test's sandbox folder (`downloads/`) once a page visit and
// within the test's quota, a spreadsheet or a document is offered in the screens' office viewers
// (browserFileOpened), a PDF, an image or a text shown in the view (from DOWNLOAD_ORIGIN, standing for
// Electron's pix-download://) when the candidate asked for it (Chromium's user activation, read from
// the DevTools protocol as Electron's DownloadItem reads it, or the address they typed), offered like
// an office file when the page downloaded it by itself or a window opened it, and a refused one is
// said (browserBlocked) and journaled.
import { statSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, CDPSession, Download, Page, Request, Route } from 'playwright-core';
import type { BrowserState, StationEvent, StationResult } from '../../core/contracts/station-api.ts';
import { evaluateUrl, type UrlPolicy } from '../../core/lockdown/url-policy.ts';
import { FrameVisitFilter } from '../../main/electron/frame-visit-filter.ts';
import {
  comparableAddress,
  decideDownload,
  downloadJournalRule,
  downloadToken,
  DownloadQuota,
  fileOpenedEvent,
  isOfficeViewer,
  opensInView,
  quotaRefusal,
  refusalForScreens,
  REOFFERS_PER_SECOND,
  sameAddress,
  savedCopyAddress,
  savedFileName,
  servedFileHeaders,
  viewOfferEvent,
  viewStatus,
  type BrowserFileOpened,
  type DownloadRefusal,
} from '../../main/station/lockdown/download-policy.ts';
import type { BrowserBounds } from '../../main/station/station-handlers.ts';
import { blockedPageHtml, blockedReason } from './blocked-page.ts';
import { isPdfViewerResource } from './candidate-page.ts';
import { contentTypeOf } from './content-types.ts';
import { demoSiteFile, fulfillDemoSite } from './demo-site-files.ts';
import type { BrowserTarget } from './station-process.ts';

/** Where the view shows a downloaded PDF, image or text (Electron's pix-download://<token>/<name>). */
export const DOWNLOAD_ORIGIN = 'https://pix-download.pix.test';

export interface ChallengeBrowserOptions {
  browser: Browser;
  policy: UrlPolicy;
  homeUrl: string;
  /** The offline demo sites' folder (`https://<site>.pix-demo.test/` → `<folder>/<site>/`). */
  demoSitesDir: string;
  /** Journals a navigation in the candidate's test. */
  record: (navigation: { url: string; allowed: boolean; rule: string | null }) => Promise<unknown>;
  /** Pushes browserState / browserBlocked / browserFileOpened events to the candidate screens. */
  emit: (event: StationEvent) => void;
  /** The folder of the test under way where downloads are saved (`<sandbox>/<test>/downloads`), or null. */
  downloadsFolder: () => Promise<string | null>;
  /** The address the candidate screens load a saved file from (the sandbox's, as attachments'), or null. */
  fileUrl: (file: string) => string | null;
  /** Headed demo: places the browser's window over the region the screens reserve. */
  place?: (page: Page, bounds: BrowserBounds | null) => Promise<void>;
}

const NAVIGATION_TIMEOUT_MS = 10_000;
/** Allowed downloads: a file once per page visit, two a second at most (as Electron's DOWNLOADS). */
const DOWNLOADS = { sameVisitMs: Number.POSITIVE_INFINITY, perSecond: 2 };

export class HarnessChallengeBrowser implements BrowserTarget {
  readonly #o: ChallengeBrowserOptions;
  #page: Page | null = null;
  #cdp: CDPSession | null = null;
  #bounds: BrowserBounds | null = null;
  #loading = false;
  /** A main-frame navigation was requested and has not committed (nor failed, nor become a download). */
  #navigating = false;
  /** That navigation's request: only its own failure ends it (not one a newer navigation cut short). */
  #navigation: Request | null = null;
  #opening: Promise<Page> | null = null;
  #announcing: Promise<void> | null = null;
  #announceAgain = false;
  /** The media type each top-level response was sent with (a download's type is the response's). */
  readonly #mediaTypes = new Map<string, string>();
  /**
   * Whether each page or frame request came with the candidate's gesture (a click), by its address:
   * a download without one is the page's own (download-policy.ts opensInView). The last hundred.
   */
  readonly #gestures = new Map<string, boolean>();
  /**
   * The first address (before any redirect) of each page or frame navigation, by its address now: a
   * download is the candidate's typed address when its first one is (as Electron's getURLChain()[0]).
   * The last hundred.
   */
  readonly #firstAddresses = new Map<string, string>();
  /**
   * The address the candidate last asked for in the toolbar (comparableAddress), until a page commits
   * or a download from it arrives (as Electron's).
   */
  #typed: string | null = null;
  /** Downloaded PDFs, images and texts shown in the view, by the token in their address. */
  readonly #served = new Map<string, { file: string; mediaType: string }>();
  /** Files the page shown downloaded (new for each page committed), as Electron's. */
  #downloads = new FrameVisitFilter(DOWNLOADS);
  /** The files this page visit offered, by their address: offered again when downloaded again. */
  #offered = new Map<string, BrowserFileOpened>();
  /**
   * The files this test saved, by their address: a page downloading one on each visit offers its copy
   * (`shown`: its address in the view, null for an office file).
   */
  readonly #saved = new Map<string, { bytes: number; offer: BrowserFileOpened; shown: string | null }>();
  /** Offers made again, two a second at most (as Electron's). */
  #reoffers = new FrameVisitFilter({ sameVisitMs: 0, perSecond: REOFFERS_PER_SECOND });
  /** What this candidate's test may save (download-policy.ts). */
  #quota = new DownloadQuota();
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
      // Kept by Playwright until the station's policy decided (download-policy.ts), then saved or dropped.
      acceptDownloads: true,
      serviceWorkers: 'block',
    });
    await context.route('**/*', (route) => this.#route(route));
    // Popups open in the same view, as in the station: their address is loaded there (#route), and the
    // window the page opened goes, as Electron's setWindowOpenHandler denies it.
    context.on('page', (popup) => {
      void popup.opener().then(async (opener) => {
        if (!opener) return;
        await popup.waitForLoadState('domcontentloaded').catch(() => undefined);
        await popup.close().catch(() => undefined);
      });
    });
    const page = await context.newPage();
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      this.#navigating = false;
      this.#typed = null;
      // A new page visit: the files the previous page downloaded may be downloaded again.
      this.#downloads = new FrameVisitFilter(DOWNLOADS);
      this.#offered = new Map();
      void this.#announce();
    });
    page.on('load', () => {
      // The previous document's load, arriving late while the next navigation is under way (a slow
      // image, a loaded machine), says nothing about the page to come: announced as loaded at its old
      // address, it would clear the blocked-page message the refusal of that navigation just showed.
      if (this.#navigating) return;
      this.#loading = false;
      void this.#announce();
    });
    page.on('request', (request) => {
      if (!request.isNavigationRequest()) return;
      let first = request;
      for (let from = first.redirectedFrom(); from; from = from.redirectedFrom()) first = from;
      remember(this.#firstAddresses, request.url(), first.url());
      if (request.frame() !== page.mainFrame()) return;
      this.#navigating = true;
      this.#navigation = request;
      if (!this.#loading) {
        this.#loading = true;
        void this.#announce();
      }
    });
    // A navigation that never commits (aborted by the policy, a network error): the page stays.
    page.on('requestfailed', (request) => {
      if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
      // One cut short by a newer navigation: that newer one is still under way.
      if (request !== this.#navigation) return;
      this.#navigation = null;
      this.#navigating = false;
      this.#loading = false;
      void this.#announce();
    });
    page.on('response', (response) => {
      const request = response.request();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame())
        this.#noteMediaType(response.url(), response.headers()['content-type'] ?? '');
    });
    // A download still under way when the context closes (the next candidate, the station killed) ends
    // with it: nothing is saved or said.
    page.on('download', (download) => void this.#download(page, download).catch(() => undefined));
    this.#page = page;
    const cdp = await context.newCDPSession(page);
    // Chromium says of each request whether a user gesture started it, as Electron's DownloadItem does.
    cdp.on('Network.requestWillBeSent', (sent) => {
      if (sent.type !== 'Document') return;
      remember(this.#gestures, sent.request.url, sent.hasUserGesture === true);
    });
    await cdp.send('Network.enable');
    this.#cdp = cdp;
    return page;
  }

  /** A new candidate: a new, empty browser context. */
  async reset(): Promise<void> {
    const opening = this.#opening;
    this.#opening = null;
    this.#page = null;
    this.#cdp = null;
    this.#bounds = null;
    this.#mediaTypes.clear();
    this.#gestures.clear();
    this.#firstAddresses.clear();
    this.#typed = null;
    this.#served.clear();
    this.#downloads = new FrameVisitFilter(DOWNLOADS);
    this.#offered = new Map();
    this.#saved.clear();
    this.#quota = new DownloadQuota();
    if (!opening) return;
    await opening.then((page) => page.context().close()).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.reset();
  }

  navigate(url: string): Promise<StationResult<BrowserState>> {
    return this.#go(url, 'candidate');
  }

  /**
   * `by`: the candidate's toolbar (their address: a download from it is theirs), or a window the page
   * opened (window.open, target="_blank": #route), loaded as Electron's setWindowOpenHandler loads it.
   */
  async #go(url: string, by: 'candidate' | 'page'): Promise<StationResult<BrowserState>> {
    const page = await this.page();
    // A saved copy (« Ouvrir le fichier » on one the page downloaded by itself), as Electron's
    // challengeDecision allows its pix-download:// addresses: shown, and journaled as it is served.
    if (this.#isServed(url)) {
      await this.#settle(page.goto(url, { timeout: NAVIGATION_TIMEOUT_MS, waitUntil: 'domcontentloaded' }));
      return { ok: true, value: await this.state() };
    }
    const decision = evaluateUrl(url, this.#o.policy, { topLevel: true });
    if (!decision.allowed && !/^https?:/i.test(url)) {
      // Not a web address (javascript:, file:…): never handed to the browser at all.
      // The page stays as it was; the screens show the blocked message.
      await this.#blocked(url, decision);
      return { ok: false, error: { code: 'URL_BLOCKED', message: blockedReason(decision) } };
    }
    // As loaded (canonical, without its fragment): compared with the download's first address.
    if (decision.allowed && by === 'candidate') this.#typed = comparableAddress(url);
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
    // A page without a <title> shows its address in Chromium's entry: its host is said instead, and a
    // saved copy by its file's name (viewStatus, as Electron says them).
    const shown = viewStatus(`${DOWNLOAD_ORIGIN}/`, { url: page.url(), title });
    return { ...shown, loading: this.#loading, canGoBack, canGoForward };
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
    this.#navigating = false;
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

  /** A top-level response's type, for the download it may turn into (the last hundred are kept). */
  #noteMediaType(url: string, mediaType: string): void {
    this.#mediaTypes.delete(url);
    this.#mediaTypes.set(url, mediaType);
    for (const oldest of this.#mediaTypes.keys()) {
      if (this.#mediaTypes.size <= 100) break;
      this.#mediaTypes.delete(oldest);
    }
  }

  /**
   * A file the page sent as a download (a link to it, a script): the station's policy decides on its
   * name and type, then on its size, as Electron's will-download does.
   */
  async #download(page: Page, download: Download): Promise<void> {
    const url = download.url();
    const name = download.suggestedFilename();
    const mediaType = this.#mediaTypes.get(url) ?? '';
    // The navigation became a download: the page stays, and is no longer loading.
    this.#navigating = false;
    this.#loading = false;
    await this.#announce();
    const byType = decideDownload(name, mediaType, 0);
    if (!byType.allowed) {
      await download.cancel().catch(() => undefined);
      await this.#refuseDownload(url, byType);
      return;
    }
    // What the candidate asked for (Chromium's user activation: a click or a key press in the page in
    // the last seconds; or the address they typed, before any redirect) shows a PDF, an image or a text
    // at once; what the page downloads by itself later or on load is offered.
    const typedAddress = sameAddress(this.#typed, this.#firstAddresses.get(url) ?? url);
    // Used up once matched; the page's own downloads arriving meanwhile leave it for the typed file.
    if (typedAddress) this.#typed = null;
    const inView = opensInView(byType.viewer, {
      userGesture: this.#gestures.get(url) === true,
      typedAddress,
    });
    // The same file again from the same page (a frame, a refresh, a script, the candidate's click after
    // closing its notice): saved and journaled once; its saved copy is offered again (shown, for the
    // candidate's click on a PDF, an image or a text).
    const downloads = this.#downloads;
    const visit = { url, allowed: true, rule: null };
    if (!downloads.admit(visit, Date.now())) {
      await download.cancel().catch(() => undefined);
      const offer = this.#offered.get(url);
      const shown = this.#saved.get(url)?.shown;
      if (offer && inView && shown) await this.#show(page, shown);
      else if (offer && this.#reoffers.admit(visit, Date.now())) this.#o.emit(offer);
      return;
    }
    // The page visit the download started in: its saved copy is offered again from there.
    const offered = this.#offered;
    const received = await download.path().catch(() => null);
    if (!received || this.#page !== page) {
      // Not saved: clicking the link again downloads it again.
      downloads.forget(visit);
      await download.delete().catch(() => undefined);
      return;
    }
    const size = (await stat(received)).size;
    // Saved earlier in the test (another visit of the page): its copy again, not saved nor counted twice.
    const copy = this.#saved.get(url);
    if (copy && copy.bytes === size) {
      await download.delete().catch(() => undefined);
      if (inView && copy.shown) await this.#show(page, copy.shown);
      else {
        offered.set(url, copy.offer);
        this.#o.emit(copy.offer);
      }
      return;
    }
    const decision = decideDownload(name, mediaType, size);
    const reservation = decision.allowed ? this.#quota.reserve(decision.viewer, size) : null;
    const folder = reservation ? await this.#o.downloadsFolder() : null;
    if (!decision.allowed || !reservation || !folder || this.#page !== page) {
      reservation?.release();
      downloads.forget(visit);
      await download.delete().catch(() => undefined);
      if (!decision.allowed) await this.#refuseDownload(url, decision);
      else if (!reservation) await this.#refuseDownload(url, quotaRefusal(name));
      return;
    }
    await mkdir(folder, { recursive: true });
    const token = downloadToken();
    const file = path.join(folder, savedFileName(token, decision.fileName));
    await download.saveAs(file);
    await download.delete().catch(() => undefined);
    reservation.settle(size);
    await this.#journal({ url, allowed: true, rule: downloadJournalRule(decision) });
    const viewer = decision.viewer;
    if (isOfficeViewer(viewer)) {
      // Offered on the screens, in their office viewers; the page stays as it was.
      const fileUrl = this.#o.fileUrl(file);
      if (!fileUrl) return;
      const offer = fileOpenedEvent({ ...decision, viewer }, fileUrl);
      offered.set(url, offer);
      this.#saved.set(url, { bytes: size, offer, shown: null });
      this.#o.emit(offer);
      return;
    }
    this.#served.set(token, { file, mediaType: decision.mediaType });
    const shown = savedCopyAddress(`${DOWNLOAD_ORIGIN}/`, token, decision);
    const offer = viewOfferEvent({ ...decision, viewer }, shown);
    this.#saved.set(url, { bytes: size, offer, shown });
    if (inView) return this.#show(page, shown);
    // Offered as an office file is; « Ouvrir le fichier » shows it (navigate()).
    offered.set(url, offer);
    this.#o.emit(offer);
  }

  /** A saved copy shown in the view, at the candidate's click. */
  #show(page: Page, shown: string): Promise<void> {
    return this.#settle(page.goto(shown, { timeout: NAVIGATION_TIMEOUT_MS, waitUntil: 'domcontentloaded' }));
  }

  /** Whether `url` is the address of a file this test saved (DOWNLOAD_ORIGIN/<token>/…). */
  #isServed(url: string): boolean {
    if (!url.startsWith(`${DOWNLOAD_ORIGIN}/`)) return false;
    return this.#served.has(new URL(url).pathname.split('/')[1] ?? '');
  }

  /**
   * A download the policy refused: said to the candidate (which file, and why) and journaled, as
   * Electron does. The page's state is said again after it, as Electron's did-stop-loading can come
   * after its refusal: the screens must keep the refusal's message through a state of the same page.
   */
  async #refuseDownload(url: string, refusal: DownloadRefusal): Promise<void> {
    this.#o.emit({
      type: 'browserBlocked',
      url: url.slice(0, 2048),
      reason: refusal.reason,
      download: refusalForScreens(refusal),
    });
    // Journaled under the name shown, as Electron does (never the site's raw name).
    await this.#journal({ url, allowed: false, rule: downloadJournalRule(refusal) });
    await this.#announce();
  }

  /** A downloaded file shown in the view, as the station serves its copy (never the site's type). */
  async #serveDownload(route: Route, url: string): Promise<void> {
    const token = new URL(url).pathname.split('/')[1] ?? '';
    const served = this.#served.get(token);
    if (!served) return route.fulfill({ status: 404, body: 'Not found' });
    if (route.request().isNavigationRequest() && route.request().frame() === this.#page?.mainFrame())
      void this.#journal({ url, allowed: true, rule: 'downloaded file' });
    return route.fulfill({
      status: 200,
      body: await readFile(served.file),
      headers: servedFileHeaders(served.mediaType),
    });
  }

  /** Whether a navigation is the view's (its page or one of its frames), not a window's it opened. */
  #inView(request: Request): boolean {
    try {
      return request.frame().page() === this.#page;
    } catch {
      // A new window's first request, sent before its frame exists.
      return false;
    }
  }

  async #route(route: Route): Promise<void> {
    const request = route.request();
    const url = request.url();
    // Chromium's own PDF viewer shows PDF files found while browsing (as in the station's view).
    if (isPdfViewerResource(url)) return route.continue();
    if (url.startsWith(`${DOWNLOAD_ORIGIN}/`)) return this.#serveDownload(route, url);
    if (request.isNavigationRequest() && !this.#inView(request)) {
      // A window the page opened (window.open, target="_blank"): as Electron's setWindowOpenHandler,
      // the window loads nothing and the station loads its address in the view, neither typed nor with
      // the page's gesture: a file a window opens is offered, never shown at once (opensInView).
      void this.#go(url, 'page').catch(() => undefined);
      return route.abort('aborted');
    }
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
    const file = demoSiteFile(url, this.#o.demoSitesDir);
    // A file Chromium downloads rather than shows (no type it displays) is journaled as a download once
    // the policy decided (#download), as Electron journals it, not as a page.
    const downloaded = file !== null && isDownloadedFile(file);
    if (topLevel && file && downloaded) this.#noteMediaType(url, contentTypeOf(file));
    // Journaled without holding the page back (the journal's order is the order of the requests).
    if (topLevel && !downloaded) void this.#journal({ url, allowed: true, rule: decision.rule });
    if (file) return fulfillDemoSite(route, file);
    // The demo policy lets nothing else through; a centre's policy would reach the web here.
    return route.continue();
  }
}

/** A demo site's file the harness serves with no type Chromium shows (content-types.ts): downloaded. */
function isDownloadedFile(file: string): boolean {
  try {
    return statSync(file).isFile() && contentTypeOf(file) === 'application/octet-stream';
  } catch {
    return false;
  }
}

/** Sets `key` as the newest of `map`, which keeps the last hundred. */
function remember<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= 100) break;
    map.delete(oldest);
  }
}
