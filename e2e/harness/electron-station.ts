// The same scenarios against the real Electron station, through Playwright's `_electron`, when
// ELECTRON_PATH names an Electron binary (with the repository built: `npm run build`) or a packaged
// test build of the station (PIX_BUILD_FLAVOUR=test: the inspect fuse Playwright needs is on).
// Electron cannot run on the development machines (ENVIRONMENT.md), so these runs happen on the
// packaging CI; without ELECTRON_PATH the scenarios run in Chromium with the harness.
//
// The station reads its settings from the machine layer, which only IT (root) can write: on that CI
// (Linux, as root) the launcher writes /etc/pix-certification/station.json with the test server's
// address, demo mode and an enrollment code. Each day gets its own user-data folder (XDG_CONFIG_HOME),
// kept across a kill and relaunch so the journal is found again.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import type { StationResult, StationStatus } from '../../core/contracts/station-api.ts';
import { ROOT } from './renderer-build.ts';

export const ELECTRON_PATH = process.env.ELECTRON_PATH ?? null;
export const MACHINE_SETTINGS_FILE = '/etc/pix-certification/station.json';

export interface ElectronStationOptions {
  electronPath: string;
  serverUrl: string;
  enrollmentCode: string;
  stationName: string;
  browserHomeUrl: string;
  /** The station's user-data parent folder (XDG_CONFIG_HOME). */
  configHome: string;
}

export class ElectronStation {
  readonly #o: ElectronStationOptions;
  #app: ElectronApplication | null = null;
  #page: Page | null = null;

  constructor(options: ElectronStationOptions) {
    this.#o = options;
  }

  get page(): Page {
    if (!this.#page) throw new Error('the Electron station is not running');
    return this.#page;
  }

  async launch(): Promise<Page> {
    if (process.platform !== 'linux') {
      throw new Error(
        'the Electron scenarios write the Linux machine settings: run them on the Linux packaging CI',
      );
    }
    mkdirSync(path.dirname(MACHINE_SETTINGS_FILE), { recursive: true, mode: 0o755 });
    writeFileSync(
      MACHINE_SETTINGS_FILE,
      JSON.stringify({
        serverUrl: this.#o.serverUrl,
        stationName: this.#o.stationName,
        demoMode: true,
        enrollmentCode: this.#o.enrollmentCode,
        browserHomeUrl: this.#o.browserHomeUrl,
      }),
      { mode: 0o644 },
    );
    mkdirSync(this.#o.configHome, { recursive: true });
    // A plain Electron binary loads the built repository; a packaged station carries its own app.
    const plainElectron = path.basename(this.#o.electronPath).toLowerCase().startsWith('electron');
    this.#app = await _electron.launch({
      executablePath: this.#o.electronPath,
      args: plainElectron ? [ROOT] : [],
      env: { ...process.env, XDG_CONFIG_HOME: this.#o.configHome },
      timeout: 60_000,
    });
    this.#page = await this.#app.firstWindow();
    await this.#page.waitForLoadState('load');
    return this.#page;
  }

  /** The StationApi as the screens call it, through the preload's `window.station`. */
  async status(): Promise<StationStatus> {
    const result = await this.page.evaluate(
      () =>
        (window as unknown as { station: { getStatus(r: object): Promise<unknown> } }).station.getStatus(
          {},
        ) as Promise<StationResult<StationStatus>>,
    );
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  /** SIGKILL to the main process: the whole app dies at once, as in a crash. */
  async kill(): Promise<void> {
    const app = this.#app;
    this.#app = null;
    this.#page = null;
    if (!app) return;
    const exited = new Promise((resolve) => app.process().once('exit', resolve));
    app.process().kill('SIGKILL');
    await exited;
  }

  async close(): Promise<void> {
    const app = this.#app;
    this.#app = null;
    this.#page = null;
    await app?.close().catch(() => undefined);
  }
}
