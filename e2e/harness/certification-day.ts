// One certification day for a browser test: the real server (seeded session), the station, the
// invigilator (through the server's invigilator API), screenshots and accessibility checks.
// The station is either the harness (the real station services in their own Node process, the
// screens in Chromium with StationApi over the station process's local WebSocket, and a Playwright page as the challenge
// browser) or, when ELECTRON_PATH is set, the Electron app itself. The headed demo
// (scripts/demo-browser.ts) drives the same object.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StationStatus } from '../../core/contracts/station-api.ts';
import { createDemoUrlPolicy } from '../../core/lockdown/default-block-list.ts';
import { demoSiteUrl } from '../../core/lockdown/demo-sites.ts';
import { startTestProxy, type TestProxy } from '../../main/station/network/testing/test-proxy.ts';
import type { E2ECandidate } from '../fixtures/e2e-candidates.ts';
import { axeViolations, describeFindings, type AxeFinding } from './accessibility.ts';
import { CandidatePage, SANDBOX_URL_BASE, sandboxFileAddress, STATION_ORIGIN } from './candidate-page.ts';
import { CertificationServer } from './certification-server.ts';
import { HarnessChallengeBrowser } from './challenge-browser.ts';
import { launchChromium } from './chromium.ts';
import { ELECTRON_PATH, ElectronStation } from './electron-station.ts';
import { Invigilator } from './invigilator.ts';
import { ensureRendererBuilt } from './renderer-build.ts';
import { Screenshots } from './screenshots.ts';
import { e2eContent, seedSession, type SeededSession, type SessionContent } from './seed-session.ts';
import { StationProcess } from './station-process.ts';

export const BROWSER_HOME = demoSiteUrl('atelier') ?? 'https://atelier.pix-demo.test/';

/** Where the station runs: the harness (Chromium + station services in Node) or the Electron app. */
export const STATION_MODE: 'chromium' | 'electron' = ELECTRON_PATH ? 'electron' : 'chromium';

export interface DayOptions {
  /** Folder name under test-results/screenshots/. */
  scenario: string;
  candidates?: readonly E2ECandidate[];
  /** What to seed (default: the tests' bank and the given candidates). */
  content?: SessionContent;
  /** The challenge browser's home page. */
  browserHome?: string;
  viewport?: { width: number; height: number };
  /** Headed demo: an existing browser and window. */
  browser?: Browser;
  context?: BrowserContext;
  place?: ConstructorParameters<typeof HarnessChallengeBrowser>[0]['place'];
  stationName?: string;
  /** Where the server's files go (default: the system's temporary folder). */
  serverDir?: string;
  /** Built web screens for the server to serve (the invigilator screen at /invigilator/). */
  webRoot?: string;
  /** A running server and a session prepared on it (through the back office): used as they are. */
  server?: CertificationServer;
  seeded?: SeededSession;
  /** The station watches this machine's real programs for forbidden software (default: it sees none). */
  watchMachineProcesses?: boolean;
  /** The station reaches the server through a school proxy (its serverProxy setting names it). */
  schoolProxy?: boolean;
}

interface Harness {
  browser: Browser;
  ownsBrowser: boolean;
  candidate: CandidatePage;
  view: HarnessChallengeBrowser;
  station: StationProcess | null;
}

export class CertificationDay {
  readonly server: CertificationServer;
  readonly seeded: SeededSession;
  readonly invigilator: Invigilator;
  readonly shots: Screenshots;
  readonly dataDir: string;
  readonly stationName: string;
  readonly axeFindings: AxeFinding[] = [];
  readonly #harness: Harness | null;
  readonly #electron: ElectronStation | null;
  /** A server the caller started (and closes): the back office's scenario prepares it through its screens. */
  #borrowedServer = false;
  #watchMachineProcesses = false;
  #browserHome = BROWSER_HOME;
  /** The school's proxy the station goes through, when the day has one. */
  proxy: TestProxy | null = null;

  private constructor(init: {
    server: CertificationServer;
    seeded: SeededSession;
    invigilator: Invigilator;
    scenario: string;
    dataDir: string;
    stationName: string;
    harness: Harness | null;
    electron: ElectronStation | null;
  }) {
    this.server = init.server;
    this.seeded = init.seeded;
    this.invigilator = init.invigilator;
    this.dataDir = init.dataDir;
    this.stationName = init.stationName;
    this.#harness = init.harness;
    this.#electron = init.electron;
    this.shots = new Screenshots(init.scenario, () => this.page, init.harness?.view ?? null);
  }

  static async open(options: DayOptions): Promise<CertificationDay> {
    const server =
      options.server ??
      (await CertificationServer.start({
        ...(options.webRoot ? { webRoot: options.webRoot } : {}),
        ...(options.serverDir ? { parentDir: options.serverDir } : {}),
      }));
    const seeded =
      options.seeded ?? (await seedSession(server, options.content ?? e2eContent(options.candidates)));
    const invigilator = await Invigilator.login(server, seeded);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pix-e2e-station-'));
    const stationName = options.stationName ?? 'Poste 07';
    const common = { server, seeded, invigilator, scenario: options.scenario, dataDir, stationName };

    if (ELECTRON_PATH) {
      const electron = new ElectronStation({
        electronPath: ELECTRON_PATH,
        serverUrl: server.url,
        enrollmentCode: seeded.enrollmentCode,
        stationName,
        browserHomeUrl: options.browserHome ?? BROWSER_HOME,
        configHome: dataDir,
      });
      const day = new CertificationDay({ ...common, harness: null, electron });
      day.#borrowedServer = options.server !== undefined;
      await day.launchStation();
      return day;
    }

    const rendererDir = ensureRendererBuilt();
    const browser = options.browser ?? (await launchChromium());
    // Late-bound: the view reports to the page and journals through the station, both made after it.
    let day: CertificationDay | null = null;
    let candidate: CandidatePage | null = null;
    const view = new HarnessChallengeBrowser({
      browser,
      policy: createDemoUrlPolicy(),
      homeUrl: options.browserHome ?? BROWSER_HOME,
      demoSitesDir: server.demoSitesDir,
      record: async (navigation) =>
        day?.stationOrNull ? day.stationOrNull.recordNavigation(navigation) : false,
      emit: (event) => candidate?.emit(event),
      // The test's own sandbox folder, as Electron's main gives its browser (purged with the test).
      downloadsFolder: async () => {
        const folder = await day?.stationOrNull?.testSandboxFolder().catch(() => null);
        return folder ? path.join(folder, 'downloads') : null;
      },
      fileUrl: (file) => sandboxFileAddress(path.join(dataDir, 'sandbox'), file),
      ...(options.place ? { place: options.place } : {}),
    });
    candidate = await CandidatePage.open({
      browser,
      rendererDir,
      sandboxDir: path.join(dataDir, 'sandbox'),
      demoSitesDir: server.demoSitesDir,
      ...(options.viewport ? { viewport: options.viewport } : {}),
      ...(options.context ? { context: options.context } : {}),
    });
    const harness: Harness = { browser, ownsBrowser: !options.browser, candidate, view, station: null };
    day = new CertificationDay({ ...common, harness, electron: null });
    day.#borrowedServer = options.server !== undefined;
    day.#watchMachineProcesses = options.watchMachineProcesses === true;
    day.#browserHome = options.browserHome ?? BROWSER_HOME;
    if (options.schoolProxy) day.proxy = await startTestProxy();
    await day.launchStation();
    return day;
  }

  get mode(): 'chromium' | 'electron' {
    return this.#electron ? 'electron' : 'chromium';
  }

  /** The candidate's window. */
  get page(): Page {
    return this.#electron ? this.#electron.page : this.#need().candidate.page;
  }

  /** The harness's challenge browser (null under Electron, whose view the main process owns). */
  get view(): HarnessChallengeBrowser | null {
    return this.#harness?.view ?? null;
  }

  /** The station services' process, if it is running (harness only). */
  get stationOrNull(): StationProcess | null {
    return this.#harness?.station ?? null;
  }

  /** The station services' process (harness only). */
  get station(): StationProcess {
    const station = this.#need().station;
    if (!station) throw new Error('the station is not running');
    return station;
  }

  #need(): Harness {
    if (!this.#harness)
      throw new Error('this step needs the Chromium harness (not available under Electron)');
    return this.#harness;
  }

  /** Starts the station (again, after a kill) on the same data folder, and shows its screens. */
  async launchStation(): Promise<void> {
    if (this.#electron) {
      await this.#electron.launch();
      return;
    }
    const harness = this.#need();
    const station = await StationProcess.start(
      {
        dataDir: this.dataDir,
        serverUrl: this.server.url,
        stationName: this.stationName,
        machineId: 'e2e-machine',
        enrollmentCode: this.seeded.enrollmentCode,
        sandboxUrlBase: SANDBOX_URL_BASE,
        heartbeatEveryMs: null,
        pageOrigin: STATION_ORIGIN,
        watchMachineProcesses: this.#watchMachineProcesses,
        browserHomeUrl: this.#browserHome,
        serverProxy: this.proxy?.url ?? null,
      },
      harness.view,
    );
    // The screens get the station's events straight from it (its socket); the harness only listens.
    station.onEvent((event) => {
      // A new candidate gets a fresh browser context (nothing carries over between candidates).
      if (event.type === 'status' && event.status.exam.phase === 'idle') void harness.view.reset();
    });
    harness.station = station;
    harness.candidate.attach(station);
    await harness.candidate.load();
  }

  /** The station dies at once (SIGKILL), as in a crash or a power cut. */
  async killStation(): Promise<void> {
    if (this.#electron) {
      await this.#electron.kill();
      return;
    }
    const harness = this.#need();
    const station = harness.station;
    harness.station = null;
    harness.candidate.attach(null);
    await station?.kill();
    // The challenge browser's view belongs to the station: it goes down with it.
    await harness.view.reset();
  }

  /** The station's status, as the screens get it. */
  status(): Promise<StationStatus> {
    return this.#electron ? this.#electron.status() : this.station.status();
  }

  /** Moves the station's exam clock forward (harness only: the Electron app runs on real time). */
  advanceClock(ms: number): Promise<void> {
    return this.station.advanceClock(ms);
  }

  /** Waits until the station's status satisfies `check`. */
  async waitForStatus(
    check: (status: StationStatus) => boolean,
    timeoutMs = 20_000,
    what = 'station status',
  ): Promise<StationStatus> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await this.status();
      if (check(status)) return status;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}: ${JSON.stringify(status.exam)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Screenshot and axe check of the screen as it is (every screen a scenario passes through). */
  async capture(name: string): Promise<void> {
    await this.shots.take(name);
    const found = await axeViolations(this.page, name);
    this.axeFindings.push(...found);
    if (found.length > 0)
      throw new Error(`accessibility violations on "${name}":\n${describeFindings(found)}`);
  }

  async close(): Promise<void> {
    if (this.#electron) await this.#electron.close();
    const harness = this.#harness;
    if (harness) {
      await harness.station?.close().catch(() => undefined);
      await harness.view.close();
      await harness.candidate.close();
      if (harness.ownsBrowser) await harness.browser.close().catch(() => undefined);
    }
    if (!this.#borrowedServer) await this.server.close().catch(() => undefined);
    await this.proxy?.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
