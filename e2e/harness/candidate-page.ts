// The candidate's window: the built screens (dist/renderer) served from a fixed https origin, as
// Electron serves them from app://, with StationApi exposed through `exposeBinding` and the page shim
// (the preload's bridge over another transport). The station behind it can be swapped (relaunch).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import type { StationEvent, StationResult } from '../../core/contracts/station-api.ts';
import { contentTypeOf } from './content-types.ts';
import {
  CONTENT_SECURITY_POLICY,
  SANDBOX_CONTENT_SECURITY_POLICY,
} from '../../main/electron/app-protocol.ts';
import { demoSiteFile, fulfillDemoSite } from './demo-site-files.ts';
import { pageShimScript } from './page-shim-bundle.ts';

export const STATION_ORIGIN = 'https://station.pix.test';
export const SANDBOX_URL_BASE = `${STATION_ORIGIN}/sandbox`;
/** The id of Chromium's built-in PDF viewer extension. */
export const PDF_VIEWER_EXTENSION = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

/** A resource of Chromium's PDF viewer (its extension, and the chrome://resources it styles itself with). */
export function isPdfViewerResource(url: string): boolean {
  return (
    url.startsWith(`chrome-extension://${PDF_VIEWER_EXTENSION}/`) || url.startsWith('chrome://resources/')
  );
}

/** What the page talks to: the station services (in a child process) of the moment. */
export interface StationLink {
  dispatch(method: string, request: unknown): Promise<StationResult<unknown>>;
}

export interface CandidatePageOptions {
  browser: Browser;
  rendererDir: string;
  /** The station's sandbox folder (<dataDir>/sandbox). */
  sandboxDir: string;
  /** The offline demo sites' folder (embedded simulators live there). */
  demoSitesDir: string;
  viewport?: { width: number; height: number };
  /** Headed demo: a real window instead of a headless page. */
  context?: BrowserContext;
}

export class CandidatePage {
  readonly page: Page;
  readonly context: BrowserContext;
  #station: StationLink | null = null;
  #events: Promise<unknown> = Promise.resolve();
  readonly consoleErrors: string[] = [];

  private constructor(context: BrowserContext, page: Page) {
    this.context = context;
    this.page = page;
  }

  static async open(options: CandidatePageOptions): Promise<CandidatePage> {
    const context =
      options.context ??
      (await options.browser.newContext({
        viewport: options.viewport ?? { width: 1366, height: 850 },
        locale: 'fr-FR',
        reducedMotion: 'reduce',
      }));
    await context.route('**/*', (route) => serve(route, options));
    const page = await context.newPage();
    const candidate = new CandidatePage(context, page);
    // JSON text both ways (see page-shim.ts).
    await page.exposeBinding('__pixStationInvoke', async (_source, method: unknown, request: unknown) => {
      const station = candidate.#station;
      if (!station) return JSON.stringify(notRunning);
      try {
        const parsed: unknown = typeof request === 'string' ? JSON.parse(request) : request;
        return JSON.stringify(await station.dispatch(String(method), parsed));
      } catch {
        return JSON.stringify(notRunning);
      }
    });
    await page.addInitScript({ content: await pageShimScript() });
    page.on('console', (message) => {
      if (message.type() === 'error') candidate.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => candidate.consoleErrors.push(error.message));
    return candidate;
  }

  /** Connects the page to a station (at start, and after a relaunch). */
  attach(station: StationLink | null): void {
    this.#station = station;
  }

  /** Pushes a station event to the screens, in order. */
  emit(event: StationEvent): void {
    this.#events = this.#events
      .then(() =>
        this.page.evaluate((json) => {
          (window as unknown as { __pixStationEvent?: (event: string) => void }).__pixStationEvent?.(json);
        }, JSON.stringify(event)),
      )
      .catch(() => undefined);
  }

  /** Loads the screens (again, after a relaunch: the app starts over). */
  async load(): Promise<void> {
    await this.page.goto(`${STATION_ORIGIN}/index.html`, { waitUntil: 'load' });
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}

const notRunning = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The station did not answer.' },
} as const;

async function serve(route: Route, options: CandidatePageOptions): Promise<void> {
  const url = new URL(route.request().url());
  // Chromium's own PDF viewer draws PDF files: its resources (the internal extension and
  // chrome://resources) are the browser's, not the web's.
  if (isPdfViewerResource(url.href)) return route.continue();
  if (url.origin === STATION_ORIGIN) {
    const sandboxed = url.pathname.startsWith('/sandbox/');
    const file = sandboxed
      ? inside(options.sandboxDir, url.pathname.slice('/sandbox/'.length))
      : inside(options.rendererDir, url.pathname === '/' ? 'index.html' : url.pathname.slice(1));
    if (!file) return route.fulfill({ status: 404, body: 'not found' });
    try {
      const body = await readFile(file);
      // The same policies as Electron's app:// protocol: strict for the screens, none for files.
      const policy = sandboxed ? SANDBOX_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
      return route.fulfill({
        status: 200,
        body,
        contentType: contentTypeOf(file),
        headers: { 'content-security-policy': policy },
      });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  }
  // Embedded simulators of the demo challenges live on the demo sites.
  const demo = demoSiteFile(url.href, options.demoSitesDir);
  if (demo) return fulfillDemoSite(route, demo);
  // The candidate screens reach nothing else (as under Electron's CSP and permission handlers).
  return route.abort('blockedbyclient');
}

/** The file for a URL path under `root`, or null when the path would leave it. */
function inside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(root, decoded);
  const base = path.resolve(root);
  return file.startsWith(base + path.sep) ? file : null;
}
