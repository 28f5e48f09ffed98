// The candidate's window: the built screens (dist/renderer) served from a fixed https origin, as
// Electron serves them from app://, with StationApi through the page shim (the preload's bridge over
// another transport: the station process's local WebSocket, whose address a binding gives the page).
// The station behind it can be swapped (relaunch).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import type { StationEvent } from '../../core/contracts/station-api.ts';
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
  /** The station's WebSocket (ws://127.0.0.1:<port>/station/<token>). */
  readonly endpoint: string;
  /** Sends an event from the harness's side (the challenge browser) to the screens. */
  emitToPage(event: StationEvent): void;
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
    let candidate: CandidatePage | null = null;
    await context.route('**/*', (route) => serve(route, options, candidate?.stationEndpoint ?? null));
    // Chromium lets a page reach 127.0.0.1 (the station's socket) only with this permission.
    await context.grantPermissions(['local-network-access'], { origin: STATION_ORIGIN });
    const page = await context.newPage();
    candidate = new CandidatePage(context, page);
    const self = candidate;
    // Where the station of the moment is; asked once per page load (see page-shim.ts).
    await page.exposeBinding('__pixStationEndpoint', () => self.stationEndpoint);
    await page.addInitScript({ content: await pageShimScript() });
    page.on('console', (message) => {
      if (message.type() === 'error') candidate.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => candidate.consoleErrors.push(error.message));
    return candidate;
  }

  /** The socket of the station the page talks to, if one runs. */
  get stationEndpoint(): string | null {
    return this.#station?.endpoint ?? null;
  }

  /** Connects the page to a station (at start, and after a relaunch). */
  attach(station: StationLink | null): void {
    this.#station = station;
  }

  /**
   * Pushes an event of the harness's side of the station (the challenge browser) to the screens,
   * through the station's socket, in order with the station's own events (as Electron's main sends
   * both). Nothing when no station runs (its browser view goes down with it).
   */
  emit(event: StationEvent): void {
    this.#station?.emitToPage(event);
  }

  /** Loads the screens (again, after a relaunch: the app starts over). */
  async load(): Promise<void> {
    await this.page.goto(`${STATION_ORIGIN}/index.html`, { waitUntil: 'load' });
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}

/**
 * A content security policy (the header's, or the one in the screens' own <meta>) with one source more
 * in its connect-src, for the page to reach StationApi: the station process's socket. In Electron, IPC
 * needs no network source at all; nothing else is opened.
 */
export function allowStationSocket(policy: string, stationEndpoint: string | null): string {
  if (!stationEndpoint) return policy;
  const socket = new URL(stationEndpoint);
  if (socket.protocol !== 'ws:' || socket.hostname !== '127.0.0.1')
    throw new Error(`not a local station socket: ${socket.origin}`);
  return policy.replace(/connect-src [^;"]*/g, (directive) => `${directive.trimEnd()} ws://${socket.host}`);
}

async function serve(
  route: Route,
  options: CandidatePageOptions,
  stationEndpoint: string | null,
): Promise<void> {
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
      const contents = await readFile(file);
      // The same policies as Electron's app:// protocol (strict for the screens, none for files), the
      // station's socket let in, in the header and in the screens' own <meta> policy alike.
      const policy = sandboxed
        ? SANDBOX_CONTENT_SECURITY_POLICY
        : allowStationSocket(CONTENT_SECURITY_POLICY, stationEndpoint);
      const body =
        !sandboxed && file.endsWith('.html')
          ? allowStationSocket(contents.toString('utf8'), stationEndpoint)
          : contents;
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

/**
 * The address the screens load a file of the station's sandbox folder from (as the station child's
 * attachmentUrl gives an attachment's), or null when the file is not in that folder.
 */
export function sandboxFileAddress(sandboxDir: string, file: string): string | null {
  const root = path.resolve(sandboxDir);
  const resolved = path.resolve(file);
  if (!resolved.startsWith(root + path.sep)) return null;
  const relative = path.relative(root, resolved).split(path.sep).map(encodeURIComponent).join('/');
  return `${SANDBOX_URL_BASE}/${relative}`;
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
