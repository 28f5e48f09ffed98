// The challenge browser in Electron: a WebContentsView over the region the candidate screen reserves,
// in an in-memory partition created for one candidate and thrown away after the test (nothing carries
// over to the next candidate), with no preload and every permission denied. One URL policy decides for
// request filtering (webRequest), navigations, redirects and window.open; popups open in the same view.
// Downloads go to the candidate's sandbox folder, never opened by the OS. Spreadsheets and
// word-processor files are offered (a browserFileOpened event: the screen offers to open them in its
// read-only office viewers, as a challenge's attachments). PDFs, images and text open in the view, in
// Chromium's own viewers: at once when the candidate asked for them (a click or a key press in the page
// just before, or the address typed), else offered the same way (download-policy.ts opensInView).
// Every top-level navigation, allowed or blocked, is journaled (runtime.recordNavigation); what a page
// can repeat by itself (in-page address changes, blocked pages and frames, windows it opens, the files
// it downloads) is thinned out first, as the station window's embedded frames are
// (frame-visit-filter.ts): each record is a synced commit queued ahead of the candidate's answers.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { net, session, WebContentsView, type BrowserWindow, type Session, type WebContents } from 'electron';
import type {
  BrowserDownloadRefusal,
  BrowserState,
  StationEvent,
  StationResult,
} from '../../core/contracts/station-api.ts';
import { demoSiteTarget } from '../../core/lockdown/demo-sites.ts';
import { URL_RULE_CATEGORY_LABELS } from '../../core/lockdown/default-block-list.ts';
import type { UrlDecision, UrlPolicy } from '../../core/lockdown/url-policy.ts';
import type { Navigation } from '../station/runtime/ports.ts';
import type { BrowserBounds, ChallengeBrowser } from '../station/station-handlers.ts';
import {
  comparableAddress,
  decideDownload,
  downloadJournalRule,
  downloadToken,
  DownloadQuota,
  fileOpenedEvent,
  isOfficeViewer,
  maxDownloadBytes,
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
  type OfficeDownloadViewer,
} from '../station/lockdown/download-policy.ts';
import { FrameVisitFilter, originKey } from './frame-visit-filter.ts';
import { challengeDecision } from './navigation-rules.ts';
import { hardenSession, safeOrigin } from './session-hardening.ts';

/** Registered as privileged at start-up (main.ts): how the candidate's downloaded files are shown. */
export const DOWNLOAD_SCHEME = 'pix-download';

export interface ChallengeBrowserOptions {
  /** The kiosk window the view is drawn in (null while it does not exist). */
  window(): BrowserWindow | null;
  /** The URL policy in force (settings; demo mode adds the demo sites). */
  policy(): UrlPolicy;
  /** The home page (blank when the centre set none). */
  homeUrl(): string;
  /** Demo mode: the server that serves https://<site>.pix-demo.test/ at /demo-sites/<site>/. */
  demoServerUrl(): string | null;
  /** The test under way, or null: the view exists only during a test. */
  testId(): string | null;
  /** The candidate's sandbox folder for this test (downloads go to <folder>/downloads). */
  sandboxFolder(testId: string): string;
  /**
   * The address the station screen loads a file of the sandbox from (app://station/__sandbox/…, as a
   * challenge's attachments), with the type the station serves it as; null when it is not in the
   * sandbox. How a downloaded spreadsheet or document reaches the screen's office viewers.
   */
  sandboxFileUrl(file: string, mediaType: string): string | null;
  recordNavigation(navigation: Navigation): Promise<boolean>;
  /** Pushes browserState / browserBlocked / browserFileOpened to the candidate screen. */
  emit(event: StationEvent): void;
  /** Keyboard handling shared with the kiosk window (shortcut table, zoom). */
  attachKeyboard(contents: WebContents): void;
  log(message: string): void;
  /** Wall-clock milliseconds, for the filters (tests pass their own). */
  now?: () => number;
}

interface Served {
  file: string;
  mediaType: string;
  /** The address it was downloaded from. */
  from: string;
}

/**
 * A saved file: its size, what the screens are told to offer it, and its address in the view (a PDF,
 * an image or a text; null for an office file, which the screens' viewers open).
 */
type SavedCopy = { bytes: number; offer: BrowserFileOpened; shown: string | null };

interface Candidate {
  testId: string;
  session: Session;
  view: WebContentsView;
  /** Files downloaded in this test, by the token in their pix-download:// address. */
  served: Map<string, Served>;
  /** PDFs a frame or an embed asked for, turned into downloads (pdfAsDownload), not downloaded yet. */
  framePdfs: Set<string>;
  lastBlocked: { url: string; at: number } | null;
  /** Committed pages: the same page again within two seconds is one visit, ten a second at most. */
  pages: FrameVisitFilter;
  /** In-page address changes (history.pushState, fragments), which a script can make in a loop. */
  inPage: FrameVisitFilter;
  /** Blocked frames (ads, trackers, embeds), which a page can request again and again. */
  blockedFrames: FrameVisitFilter;
  /** Blocked pages (and refused downloads), which a script can ask for in a loop like a click can. */
  blockedPages: FrameVisitFilter;
  /** window.open, which a script can call in a loop: the windows followed (opened here or refused). */
  popups: FrameVisitFilter;
  /**
   * Files the page being shown downloaded (new for each page committed): a frame, a refresh or a
   * script can download the same file again and again; it is saved, journaled and said once a visit.
   */
  downloads: FrameVisitFilter;
  /**
   * The files this page visit offered (office files, and the others the page downloaded by itself), by
   * the address they came from: the same download again offers the saved copy again, without saving or
   * journaling it twice.
   */
  offered: Map<string, BrowserFileOpened>;
  /** Those offers made again: a page repeating a download in a loop has two a second said at most. */
  reoffers: FrameVisitFilter;
  /**
   * The files this test saved, by the address they came from: a page downloading a file by itself on
   * each visit has it offered again from its copy (shown, when the candidate clicked), not saved and
   * counted in the quota again.
   */
  saved: Map<string, SavedCopy>;
  /** What this test's downloads may take on the disk (download-policy.ts). */
  quota: DownloadQuota;
  /**
   * The address the candidate last asked for in the toolbar (comparableAddress), until a page commits
   * or a download from it arrives: that download is theirs (download-policy.ts sameAddress).
   */
  typed: string | null;
}

/** In-page addresses: the same one within ten seconds is one, one a second at most. */
const IN_PAGE = { sameVisitMs: 10_000, perSecond: 1 };
/** Blocked frames: once a minute per site (the address changes with every ad), ten a second at most. */
const BLOCKED_FRAMES = { sameVisitMs: 60_000, key: originKey };
/**
 * Blocked pages: the same address within ten seconds is one, one a second at most (as in-page
 * addresses). A looping script then takes an hour, not seconds, to reach the test's navigation budget;
 * a candidate does not click two refused links within a second. The candidate is still told each time.
 */
const BLOCKED_PAGES = { sameVisitMs: 10_000, perSecond: 1 };
/** Windows a page opens: one a second is followed, the same one once in two seconds; others are denied. */
const POPUPS = { sameVisitMs: 2_000, perSecond: 1 };
/**
 * Allowed downloads: a file once per page visit (the filter is replaced when a page commits), two a
 * second at most (a candidate does not click more; a script starting many has the rest dropped, unsaid).
 */
const DOWNLOADS = { sameVisitMs: Number.POSITIVE_INFINITY, perSecond: 2 };
/** A saved file offered again (the same download within the visit): each time, a few a second at most. */
const REOFFERS = { sameVisitMs: 0, perSecond: REOFFERS_PER_SECOND };
/** Frame PDFs awaiting their download at most (a page can ask for many; the oldest are forgotten). */
const MAX_FRAME_PDFS = 64;

const BLANK = 'about:blank';

/** Whether the panel reserves a region for the page (it is hidden otherwise). */
function isShown(bounds: BrowserBounds | null): bounds is BrowserBounds {
  return bounds !== null && bounds.width >= 1 && bounds.height >= 1;
}

function blockedMessage(decision: UrlDecision): string {
  if (decision.category) {
    return `Ce site n’est pas autorisé pendant le test (${URL_RULE_CATEGORY_LABELS[decision.category].fr}).`;
  }
  switch (decision.reason) {
    case 'invalidUrl':
      return 'Cette adresse n’est pas valide.';
    case 'schemeNotAllowed':
    case 'forbiddenScheme':
    case 'topLevelData':
      return 'Ce type d’adresse ne peut pas être ouvert pendant le test.';
    default:
      return 'Ce site n’est pas autorisé pendant le test.';
  }
}

export class ElectronChallengeBrowser implements ChallengeBrowser {
  readonly #options: ChallengeBrowserOptions;
  #candidate: Candidate | null = null;
  #bounds: BrowserBounds | null = null;
  /** The sessions of candidates' browsers: web-contents-created leaves them to this class. */
  static readonly sessions = new WeakSet<Session>();

  constructor(options: ChallengeBrowserOptions) {
    this.#options = options;
  }

  // ------------------------------------------------------------------ ChallengeBrowser port

  async navigate(url: string): Promise<StationResult<BrowserState>> {
    const candidate = this.#ensure();
    if (!candidate) return this.#noTest();
    const decision = this.#decide(candidate, url, true);
    if (!decision.allowed) {
      await this.#blocked(candidate, url, decision, 'candidate');
      return { ok: false, error: { code: 'URL_BLOCKED', message: blockedMessage(decision) } };
    }
    // As loaded (canonical, without its fragment): compared with the download's first address.
    candidate.typed = comparableAddress(url);
    this.#load(candidate, url);
    return { ok: true, value: this.#state(candidate) };
  }

  async back(): Promise<StationResult<BrowserState>> {
    const candidate = this.#ensure();
    if (!candidate) return this.#noTest();
    const history = candidate.view.webContents.navigationHistory;
    if (history.canGoBack()) history.goBack();
    return { ok: true, value: this.#state(candidate) };
  }

  async forward(): Promise<StationResult<BrowserState>> {
    const candidate = this.#ensure();
    if (!candidate) return this.#noTest();
    const history = candidate.view.webContents.navigationHistory;
    if (history.canGoForward()) history.goForward();
    return { ok: true, value: this.#state(candidate) };
  }

  async reload(): Promise<StationResult<BrowserState>> {
    const candidate = this.#ensure();
    if (!candidate) return this.#noTest();
    candidate.view.webContents.reload();
    return { ok: true, value: this.#state(candidate) };
  }

  home(): Promise<StationResult<BrowserState>> {
    return this.navigate(this.#options.homeUrl());
  }

  /** Bounds come in CSS pixels of the candidate screen; the view is placed in window pixels. */
  setBounds(bounds: BrowserBounds | null): void {
    this.#bounds = bounds;
    this.#place();
  }

  /**
   * The keyboard way into the page (the panel's « Aller dans la page », F6): a native view is outside
   * the station screen's tab order. False when no page is shown.
   */
  focus(): boolean {
    const candidate = this.#candidate;
    const contents = candidate?.view.webContents;
    if (!candidate || !contents || contents.isDestroyed() || candidate.testId !== this.#options.testId())
      return false;
    if (!isShown(this.#bounds)) return false;
    contents.focus();
    return true;
  }

  /** The test is over: the view and everything the candidate's browsing left are thrown away. */
  async discard(): Promise<void> {
    const candidate = this.#candidate;
    if (!candidate) return;
    this.#candidate = null;
    this.#options.window()?.contentView.removeChildView(candidate.view);
    if (!candidate.view.webContents.isDestroyed()) candidate.view.webContents.close();
    candidate.served.clear();
    candidate.framePdfs.clear();
    await candidate.session.clearStorageData().catch(() => undefined);
    await candidate.session.clearCache().catch(() => undefined);
    this.#options.log('challenge browser: candidate session discarded');
  }

  // ------------------------------------------------------------------ the view and its session

  #noTest(): StationResult<BrowserState> {
    return {
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', message: 'Le navigateur s’ouvre pendant le test.' },
    };
  }

  #ensure(): Candidate | null {
    const testId = this.#options.testId();
    const window = this.#options.window();
    if (!testId || !window || window.isDestroyed()) return null;
    if (this.#candidate?.testId === testId) return this.#candidate;
    if (this.#candidate) void this.discard();
    // No "persist:" prefix: the partition lives in memory only, and its name is never reused.
    const partition = `challenge-${randomUUID()}`;
    const ses = session.fromPartition(partition, { cache: true });
    ElectronChallengeBrowser.sessions.add(ses);
    const candidate: Candidate = {
      testId,
      session: ses,
      served: new Map(),
      framePdfs: new Set(),
      lastBlocked: null,
      pages: new FrameVisitFilter(),
      inPage: new FrameVisitFilter(IN_PAGE),
      blockedFrames: new FrameVisitFilter(BLOCKED_FRAMES),
      blockedPages: new FrameVisitFilter(BLOCKED_PAGES),
      popups: new FrameVisitFilter(POPUPS),
      downloads: new FrameVisitFilter(DOWNLOADS),
      offered: new Map(),
      reoffers: new FrameVisitFilter(REOFFERS),
      saved: new Map(),
      quota: new DownloadQuota(),
      typed: null,
      view: new WebContentsView({
        webPreferences: {
          partition,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          devTools: false,
          spellcheck: false,
          safeDialogs: true,
          navigateOnDragDrop: false,
          // The PDF viewer: how downloaded PDFs are shown.
          plugins: true,
          webviewTag: false,
          autoplayPolicy: 'document-user-activation-required',
        },
      }),
    };
    this.#candidate = candidate;
    this.#prepareSession(candidate);
    this.#watch(candidate);
    window.contentView.addChildView(candidate.view);
    // The keyboard stays on the station screen: the page is entered on purpose (focus(), F6).
    window.webContents.focus();
    this.#place();
    return candidate;
  }

  #place(): void {
    const candidate = this.#candidate;
    const window = this.#options.window();
    if (!candidate || !window || window.isDestroyed()) return;
    const bounds = this.#bounds;
    if (!isShown(bounds)) {
      // A hidden page must not keep the keyboard (a pause, a dialog over the panel): back to the screen.
      if (!candidate.view.webContents.isDestroyed() && candidate.view.webContents.isFocused())
        window.webContents.focus();
      candidate.view.setVisible(false);
      return;
    }
    const zoom = window.webContents.getZoomFactor();
    candidate.view.setBounds({
      x: Math.round(bounds.x * zoom),
      y: Math.round(bounds.y * zoom),
      width: Math.round(bounds.width * zoom),
      height: Math.round(bounds.height * zoom),
    });
    candidate.view.setVisible(true);
  }

  #decide(candidate: Candidate, url: string, topLevel: boolean): UrlDecision {
    return challengeDecision(url, topLevel, this.#options.policy(), (u) => this.#isServed(candidate, u));
  }

  #isServed(candidate: Candidate, url: string): boolean {
    try {
      const parsed = new URL(url);
      return parsed.protocol === `${DOWNLOAD_SCHEME}:` && candidate.served.has(parsed.host);
    } catch {
      return false;
    }
  }

  #prepareSession(candidate: Candidate): void {
    const ses = candidate.session;
    hardenSession(ses, this.#options.log);
    // Every request, whoever starts it (links, scripts, redirects, history): the last line of the policy.
    ses.webRequest.onBeforeRequest((details, callback) => {
      const topLevel = details.resourceType === 'mainFrame';
      const decision = this.#decide(candidate, details.url, topLevel);
      if (!decision.allowed && (topLevel || details.resourceType === 'subFrame')) {
        void this.#blocked(candidate, details.url, decision, topLevel ? 'page' : 'frame');
      }
      callback({ cancel: !decision.allowed });
    });
    // A PDF a page opens, or shows in a frame or an embed, is downloaded like a linked one, so it is
    // shown without the viewer's toolbar (its Save and Print open the system's dialogs).
    ses.webRequest.onHeadersReceived((details, callback) => {
      const headers = pdfAsDownload(details);
      if (headers) noteFramePdf(candidate.framePdfs, details.url, details.resourceType !== 'mainFrame');
      callback(headers ? { responseHeaders: headers } : {});
    });
    ses.on('will-download', (event, item) => {
      // A frame's PDF is offered (the page asked for it, not the candidate), or shown in place of its
      // page when the candidate clicked for it in the frame; either way the candidate comes back to the
      // page with the browser's back button (back(): a history entry like any other). The page loads
      // again there, and its frame asks for the PDF again: not shown nor offered a second time while its
      // copy is ahead in the history (the forward button shows it), else back would bounce the
      // candidate to it.
      const fromFrame = candidate.framePdfs.delete(item.getURL());
      if (fromFrame && this.#shownAhead(candidate, item.getURL())) {
        event.preventDefault();
        return;
      }
      const decision = decideDownload(item.getFilename(), item.getMimeType(), item.getTotalBytes());
      if (!decision.allowed) {
        event.preventDefault();
        this.#refuseDownload(candidate, item.getURL(), decision);
        return;
      }
      // What the candidate asked for (Chromium's user activation: a click or a key press in the page in
      // the last seconds; or the address they typed, before any redirect) shows a PDF, an image or a
      // text at once; what the page downloads by itself later or on load is offered, the view stays put.
      const typedAddress = sameAddress(candidate.typed, item.getURLChain()[0] ?? item.getURL());
      // Used up once matched; the page's own downloads arriving meanwhile leave it for the typed file.
      if (typedAddress) candidate.typed = null;
      const inView = opensInView(decision.viewer, { userGesture: item.hasUserGesture(), typedAddress });
      // The same file again from the same page (a frame reloaded, a refresh, a script, the candidate
      // clicking the link again after closing its notice): already saved and journaled, not twice. Its
      // saved copy is offered again (shown, for the candidate's click on a PDF, an image or a text); one
      // still arriving is offered when it is saved.
      const downloads = candidate.downloads;
      const visit = { url: item.getURL(), allowed: true, rule: null };
      if (!downloads.admit(visit, this.#now())) {
        event.preventDefault();
        const offer = candidate.offered.get(item.getURL());
        const shown = candidate.saved.get(item.getURL())?.shown;
        if (offer && inView && shown) this.#load(candidate, shown);
        else if (offer && candidate.reoffers.admit(visit, this.#now())) this.#options.emit(offer);
        return;
      }
      // Saved earlier in the test (another visit of the page): its copy again, not saved nor counted twice.
      const copy = candidate.saved.get(item.getURL());
      if (copy && (item.getTotalBytes() <= 0 || item.getTotalBytes() === copy.bytes)) {
        event.preventDefault();
        if (inView && copy.shown) this.#load(candidate, copy.shown);
        else {
          candidate.offered.set(item.getURL(), copy.offer);
          this.#options.emit(copy.offer);
        }
        return;
      }
      const reservation = candidate.quota.reserve(decision.viewer, item.getTotalBytes());
      if (!reservation) {
        event.preventDefault();
        // Not saved: the same link may be clicked again (once room is made, or to be told again).
        downloads.forget(visit);
        this.#refuseDownload(candidate, item.getURL(), quotaRefusal(item.getFilename()));
        return;
      }
      const folder = path.join(this.#options.sandboxFolder(candidate.testId), 'downloads');
      mkdirSync(folder, { recursive: true });
      const token = downloadToken();
      const file = path.join(folder, savedFileName(token, decision.fileName));
      item.setSavePath(file);
      // A site that did not say the size up front: stopped at the limit, and the candidate told why.
      const maxBytes = maxDownloadBytes(decision.viewer);
      // The page visit the download started in: its saved copy is offered again from there.
      const offered = candidate.offered;
      let stopped = false;
      item.on('updated', () => {
        if (stopped || item.getReceivedBytes() <= maxBytes) return;
        stopped = true;
        item.cancel();
        const refusal = decideDownload(item.getFilename(), item.getMimeType(), item.getReceivedBytes());
        if (!refusal.allowed && this.#candidate === candidate)
          this.#refuseDownload(candidate, item.getURL(), refusal);
      });
      item.once('done', (_event, state) => {
        // Stopped at the limit, it is never opened, even should Electron still report it 'completed'
        // (the cancel and the end in the same tick): a part of a file over the limit.
        if (state !== 'completed' || stopped || this.#candidate !== candidate) {
          reservation.release();
          // Not saved: clicking the link again downloads it again.
          downloads.forget(visit);
          return;
        }
        reservation.settle(item.getReceivedBytes());
        const bytes = item.getReceivedBytes();
        void this.#options.recordNavigation({
          url: item.getURL(),
          allowed: true,
          rule: downloadJournalRule(decision),
        });
        // A spreadsheet or a document is offered on the station screen; the page stays as it was.
        const viewer = decision.viewer;
        if (isOfficeViewer(viewer)) {
          const offer = this.#offerOnScreen(file, { ...decision, viewer });
          if (offer) {
            offered.set(item.getURL(), offer);
            candidate.saved.set(item.getURL(), { bytes, offer, shown: null });
          }
          return;
        }
        candidate.served.set(token, { file, mediaType: decision.mediaType, from: item.getURL() });
        const shown = savedCopyAddress(`${DOWNLOAD_SCHEME}://`, token, decision);
        const offer = viewOfferEvent({ ...decision, viewer }, shown);
        candidate.saved.set(item.getURL(), { bytes, offer, shown });
        if (inView) this.#load(candidate, shown);
        else {
          // Offered as an office file is: « Ouvrir le fichier » shows it in the view (browserNavigate),
          // journaled there as the page visit it is (did-navigate).
          offered.set(item.getURL(), offer);
          this.#options.emit(offer);
        }
      });
    });
    ses.protocol.handle(DOWNLOAD_SCHEME, async (request) => {
      const url = new URL(request.url);
      const served = candidate.served.get(url.host);
      if (!served) return new Response('Not found', { status: 404 });
      // Read through Node's file access, never handed to the OS to open.
      const body = await readFile(served.file);
      return new Response(body, { headers: servedFileHeaders(served.mediaType) });
    });
    const demoServer = this.#options.demoServerUrl();
    if (demoServer) installDemoSites(ses, demoServer);
  }

  #watch(candidate: Candidate): void {
    const contents = candidate.view.webContents;
    this.#options.attachKeyboard(contents);
    // F6 leaves the page for the station screen (Tab alone cycles inside the page).
    contents.on('before-input-event', (event, input) => {
      if (!isPaneSwitch(input)) return;
      event.preventDefault();
      const window = this.#options.window();
      if (window && !window.isDestroyed()) window.webContents.focus();
    });
    const guard = (event: { preventDefault(): void }, url: string, isMainFrame: boolean) => {
      const decision = this.#decide(candidate, url, isMainFrame);
      if (!decision.allowed) {
        event.preventDefault();
        void this.#blocked(candidate, url, decision, isMainFrame ? 'page' : 'frame');
      }
    };
    contents.on('will-frame-navigate', (event) => guard(event, event.url, event.isMainFrame));
    contents.on('will-redirect', (event) => guard(event, event.url, event.isMainFrame));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // Popups open in the same view (one browser, one history, all of it under the same policy). A page
    // opening windows in a loop has one a second followed; the others are denied, unsaid. Loaded by the
    // station, neither typed nor with the page's gesture: a file a window opens is offered, not shown.
    contents.setWindowOpenHandler(({ url }) => {
      const decision = this.#decide(candidate, url, true);
      if (!candidate.popups.admit({ url, allowed: decision.allowed, rule: null }, this.#now()))
        return { action: 'deny' };
      if (decision.allowed && url !== BLANK) this.#load(candidate, url);
      else if (!decision.allowed) void this.#blocked(candidate, url, decision, 'page');
      return { action: 'deny' };
    });
    const changed = () => {
      if (this.#candidate === candidate)
        this.#options.emit({ type: 'browserState', state: this.#state(candidate) });
    };
    // Committed pages are journaled; Chromium's own error page (after a refusal) is not a visit.
    const committed = (url: string, filter: FrameVisitFilter) => {
      const decision = this.#decide(candidate, url, true);
      if (decision.allowed && url !== BLANK) {
        const visit = { url, allowed: true, rule: decision.rule };
        if (filter.admit(visit, this.#now())) void this.#options.recordNavigation(visit);
      }
      changed();
    };
    contents.on('did-navigate', (_event, url) => {
      // A new page visit: the files the previous page downloaded may be downloaded again.
      candidate.downloads = new FrameVisitFilter(DOWNLOADS);
      candidate.offered = new Map();
      // What the candidate typed was a page: what downloads from now on is not their typing.
      candidate.typed = null;
      committed(url, candidate.pages);
    });
    contents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
      if (isMainFrame) committed(url, candidate.inPage);
    });
    contents.on('did-start-loading', changed);
    contents.on('did-stop-loading', changed);
    contents.on('page-title-updated', changed);
    contents.on('render-process-gone', (_event, details) => {
      this.#options.log(`challenge browser: page process gone (${details.reason})`);
      if (this.#candidate === candidate && !contents.isDestroyed()) contents.reload();
    });
  }

  /** Whether a copy of the file downloaded from `url` is ahead of the current page in the history. */
  #shownAhead(candidate: Candidate, url: string): boolean {
    const contents = candidate.view.webContents;
    if (contents.isDestroyed()) return false;
    const history = contents.navigationHistory;
    return history
      .getAllEntries()
      .slice(history.getActiveIndex() + 1)
      .some((entry) => {
        try {
          const parsed = new URL(entry.url);
          return parsed.protocol === `${DOWNLOAD_SCHEME}:` && candidate.served.get(parsed.host)?.from === url;
        } catch {
          return false;
        }
      });
  }

  /**
   * Tells the screens a downloaded office file is ready: they offer to open it in their read-only
   * viewer (never in the view), and open it only when the candidate asks. Returns what they were told.
   */
  #offerOnScreen(
    file: string,
    decision: { viewer: OfficeDownloadViewer; fileName: string; mediaType: string },
  ): BrowserFileOpened | null {
    const url = this.#options.sandboxFileUrl(file, decision.mediaType);
    if (!url) {
      this.#options.log(
        `challenge browser: a downloaded ${decision.viewer} is outside the sandbox, not shown`,
      );
      return null;
    }
    const offer = fileOpenedEvent(decision, url);
    this.#options.emit(offer);
    return offer;
  }

  #load(candidate: Candidate, url: string): void {
    candidate.view.webContents.loadURL(url).catch((error: unknown) => {
      // Aborted loads (a redirect refused, a newer navigation) are normal; others are only logged.
      const message = error instanceof Error ? error.message : String(error);
      if (!message.includes('ERR_ABORTED'))
        this.#options.log(`challenge browser: ${safeOrigin(url)}: ${message}`);
    });
  }

  #now(): number {
    return this.#options.now?.() ?? Date.now();
  }

  /**
   * `by`: the candidate's address bar (always journaled: typed by hand), a page (a link, a script, a
   * redirect, window.open: thinned out, a script can loop), or one of its frames.
   */
  async #blocked(
    candidate: Candidate,
    url: string,
    decision: UrlDecision,
    by: 'candidate' | 'page' | 'frame',
  ): Promise<void> {
    // A blocked frame is not the candidate's doing: the page asks again and again (an ad in rotation).
    if (by === 'frame' && !candidate.blockedFrames.admit({ url, allowed: false, rule: null }, this.#now()))
      return;
    await this.#recordAndEmitBlocked(
      candidate,
      url,
      decision.rule ?? decision.reason,
      blockedMessage(decision),
      by === 'page' ? candidate.blockedPages : null,
    );
  }

  /**
   * A download the policy refused: the screens say a file could not be opened (the page stays as it
   * was), and it is journaled as blocked pages are, thinned out (a script can start them in a loop),
   * under the name the screens show (the site's own can be any length and carry bidi overrides).
   */
  #refuseDownload(candidate: Candidate, url: string, refusal: DownloadRefusal): void {
    void this.#recordAndEmitBlocked(
      candidate,
      url,
      downloadJournalRule(refusal),
      refusal.reason,
      candidate.blockedPages,
      refusalForScreens(refusal),
    );
  }

  /**
   * `journal`: what thins out the record (null: none, it is always written or was filtered before);
   * `download`: the refused file, when it is one.
   */
  async #recordAndEmitBlocked(
    candidate: Candidate,
    url: string,
    rule: string,
    reason: string,
    journal: FrameVisitFilter | null,
    download?: BrowserDownloadRefusal,
  ): Promise<void> {
    // One blocked page can be refused by several handlers in a row: it is said and logged once.
    const now = this.#now();
    if (candidate.lastBlocked && candidate.lastBlocked.url === url && now - candidate.lastBlocked.at < 2_000)
      return;
    candidate.lastBlocked = { url, at: now };
    this.#options.emit({
      type: 'browserBlocked',
      url: url.slice(0, 2048),
      reason,
      ...(download ? { download } : {}),
    });
    const navigation = { url, allowed: false, rule };
    if (!journal || journal.admit(navigation, now)) await this.#options.recordNavigation(navigation);
  }

  #state(candidate: Candidate): BrowserState {
    const contents = candidate.view.webContents;
    if (contents.isDestroyed())
      return { url: '', title: '', loading: false, canGoBack: false, canGoForward: false };
    const url = contents.getURL();
    // getTitle() gives the address for an untitled page: a saved copy is said by its file's name, a
    // page by its host (viewStatus, as the harness says them).
    const shown = viewStatus(`${DOWNLOAD_SCHEME}://`, {
      url: url === BLANK ? '' : url,
      title: contents.getTitle(),
    });
    return {
      ...shown,
      loading: contents.isLoading(),
      canGoBack: contents.navigationHistory.canGoBack(),
      canGoForward: contents.navigationHistory.canGoForward(),
    };
  }
}

/** F6 without modifiers, as browsers use it to move between their panes (pages do not use it). */
export function isPaneSwitch(input: {
  type: string;
  key: string;
  alt?: boolean;
  control?: boolean;
  meta?: boolean;
  shift?: boolean;
}): boolean {
  return (
    input.type === 'keyDown' &&
    input.key === 'F6' &&
    !input.alt &&
    !input.control &&
    !input.meta &&
    !input.shift
  );
}

/** What a PDF can be loaded as and shown by Chromium's viewer (webRequest's resourceType). */
const PDF_RESOURCE_TYPES = new Set(['mainFrame', 'subFrame', 'object']);

/**
 * A PDF from the web (http or https) as a page, in a frame (iframe) or an embed (embed, object): its
 * headers turned into a download's, so will-download saves it and it is shown from pix-download://
 * without the toolbar, in place of the page. Null for anything else (pix-download:// itself, which
 * would loop, included).
 */
export function pdfAsDownload(details: {
  url: string;
  resourceType: string;
  responseHeaders?: Record<string, string[]>;
}): Record<string, string[]> | null {
  if (!PDF_RESOURCE_TYPES.has(details.resourceType) || !/^https?:/i.test(details.url)) return null;
  const headers = details.responseHeaders ?? {};
  const header = (name: string) => Object.keys(headers).filter((key) => key.toLowerCase() === name);
  const types = header('content-type').flatMap((key) => headers[key] ?? []);
  if (!types.some((type) => /^\s*application\/pdf\b/i.test(type))) return null;
  const disposition = header('content-disposition').flatMap((key) => headers[key] ?? [])[0] ?? '';
  const kept = Object.fromEntries(
    Object.entries(headers).filter(([key]) => key.toLowerCase() !== 'content-disposition'),
  );
  // The site's file name is kept; only "inline" becomes "attachment".
  const filename = /;\s*filename\*?=.*/i.exec(disposition)?.[0] ?? '';
  return { ...kept, 'Content-Disposition': [`attachment${filename}`] };
}

/** Notes a PDF turned into a download as a frame's (or forgets it: the page itself asked for it). */
function noteFramePdf(framePdfs: Set<string>, url: string, fromFrame: boolean): void {
  framePdfs.delete(url);
  if (!fromFrame) return;
  framePdfs.add(url);
  for (const oldest of framePdfs) {
    if (framePdfs.size <= MAX_FRAME_PDFS) break;
    framePdfs.delete(oldest);
  }
}

/**
 * Demo mode: https://<site>.pix-demo.test/… is answered by the server's /demo-sites/<site>/…, keeping
 * the demo address in the page (its links and the address bar stay on the demo site). Everything
 * else goes to the network untouched (the URL policy decides on it as usual).
 */
export function installDemoSites(ses: Session, serverUrl: string): void {
  ses.protocol.handle('https', (request) => {
    const target = demoSiteTarget(request.url, serverUrl);
    if (!target) return net.fetch(request, { bypassCustomProtocolHandlers: true });
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Demo sites are read-only', { status: 405 });
    }
    return net.fetch(target, {
      method: request.method,
      headers: request.headers,
      bypassCustomProtocolHandlers: true,
    });
  });
}
