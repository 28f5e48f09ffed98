// The harness's side of the station child process: starts it, makes StationApi calls of its own
// (the candidate page talks to the child directly, over its socket), hears its events, answers its
// challenge-browser calls, and kills it (SIGKILL) or closes it on demand.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type {
  BrowserState,
  StationEvent,
  StationResult,
  StationStatus,
} from '../../core/contracts/station-api.ts';
import type { BrowserBounds } from '../../main/station/station-handlers.ts';
import type { BrowserOperation, FromChild, StationChildOptions, ToChild } from './station-protocol.ts';

const CHILD = path.join(import.meta.dirname, 'station-child.ts');

/** What the child's challenge browser calls are forwarded to. */
export interface BrowserTarget {
  navigate(url: string): Promise<StationResult<BrowserState>>;
  back(): Promise<StationResult<BrowserState>>;
  forward(): Promise<StationResult<BrowserState>>;
  reload(): Promise<StationResult<BrowserState>>;
  home(): Promise<StationResult<BrowserState>>;
  setBounds(bounds: BrowserBounds | null): Promise<void> | void;
}

export interface SyncStateView {
  online: boolean;
  upload: { pending: number; failures: number; lastProblem: string | null };
}

export class StationProcess {
  readonly stationId: string;
  /** Where the candidate page reaches this station's StationApi (station-socket.ts). */
  readonly endpoint: string;
  readonly #child: ChildProcess;
  readonly #pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  readonly #listeners = new Set<(event: StationEvent) => void>();
  readonly #logs: string[];
  #nextId = 1;
  #exited: Promise<void>;
  #alive = true;
  lastStatus: StationStatus;

  private constructor(child: ChildProcess, ready: Extract<FromChild, { type: 'ready' }>, logs: string[]) {
    this.#child = child;
    this.stationId = ready.stationId;
    this.endpoint = ready.endpoint;
    this.lastStatus = ready.status;
    this.#logs = logs;
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('exit', () => {
      this.#alive = false;
      for (const { reject } of this.#pending.values()) reject(new Error('the station process has stopped'));
      this.#pending.clear();
    });
  }

  /** Starts the station services in a child process and waits until they are ready. */
  static async start(options: StationChildOptions, browser: BrowserTarget): Promise<StationProcess> {
    const child = fork(CHILD, [JSON.stringify(options)], {
      execPath: process.execPath,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
      serialization: 'advanced',
    });
    const logs: string[] = [];
    let station: StationProcess | null = null;
    const early: StationEvent[] = [];
    const ready = await new Promise<Extract<FromChild, { type: 'ready' }>>((resolve, reject) => {
      child.on('message', (raw) => {
        const message = raw as FromChild;
        switch (message.type) {
          case 'ready':
            resolve(message);
            break;
          case 'failed':
            reject(new Error(`the station could not start: ${message.message}`));
            break;
          case 'log':
            logs.push(message.message);
            if (process.env.PIX_E2E_VERBOSE) console.log(`[station] ${message.message}`);
            break;
          case 'event':
            if (station) station.#emit(message.event);
            else early.push(message.event);
            break;
          case 'reply':
            if (station) station.#settle(message.id, message.value);
            break;
          case 'browser':
            void answerBrowser(browser, message.operation, message.argument).then((result) =>
              send(child, { type: 'browserResult', id: message.id, result }),
            );
            break;
        }
      });
      child.once('exit', (code) =>
        reject(new Error(`the station process exited (${code}) before it was ready`)),
      );
    });
    station = new StationProcess(child, ready, logs);
    for (const event of early) station.#emit(event);
    return station;
  }

  get alive(): boolean {
    return this.#alive;
  }

  get logs(): readonly string[] {
    return this.#logs;
  }

  onEvent(listener: (event: StationEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Sends an event of the harness's side of the station (the challenge browser's) to the screens. */
  emitToPage(event: StationEvent): void {
    if (this.#alive) send(this.#child, { type: 'emit', event });
  }

  dispatch(method: string, request: unknown): Promise<StationResult<unknown>> {
    return this.#call({ type: 'call', method, request }) as Promise<StationResult<unknown>>;
  }

  async status(): Promise<StationStatus> {
    const result = (await this.dispatch('getStatus', {})) as StationResult<StationStatus>;
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  recordNavigation(navigation: { url: string; allowed: boolean; rule: string | null }): Promise<boolean> {
    return this.#call({ type: 'recordNavigation', navigation }) as Promise<boolean>;
  }

  /** Moves the exam clock forward by `ms` and lets the runtime notice (warnings, time up). */
  async advanceClock(ms: number): Promise<void> {
    await this.#call({ type: 'advanceClock', ms });
  }

  /** What the shell reports when the kiosk detects that the machine slept or was locked: the test locks. */
  async lock(cause: 'suspend' | 'lockScreen'): Promise<void> {
    await this.#call({ type: 'lockdown', cause });
  }

  /**
   * What the process watch reports when software of the shipped deny list runs on the machine
   * (`entryId`: « teamviewer »; `processes`: « TeamViewer.exe »): a lockdown event with its French
   * sentence and its facts, journaled in the test under way; reported only, the test goes on.
   */
  async forbiddenProcess(entryId: string, processes: string[]): Promise<void> {
    if (!(await this.#call({ type: 'forbiddenProcess', entryId, processes })))
      throw new Error(`the deny list has no entry ${entryId}`);
  }

  /** The sandbox folder of the test under way, or null (the challenge browser's downloads go there). */
  testSandboxFolder(): Promise<string | null> {
    return this.#call({ type: 'testSandboxFolder' }) as Promise<string | null>;
  }

  syncState(): Promise<SyncStateView> {
    return this.#call({ type: 'syncState' }) as Promise<SyncStateView>;
  }

  /** The hard way out: SIGKILL, as a crash or a power cut would (nothing is flushed or closed). */
  async kill(): Promise<void> {
    if (!this.#alive) return;
    this.#child.kill('SIGKILL');
    await this.#exited;
  }

  /** The clean way out: stops the loops and closes the journal. */
  async close(): Promise<void> {
    if (!this.#alive) return;
    await Promise.race([this.#call({ type: 'close' }).catch(() => undefined), this.#exited]);
    await Promise.race([this.#exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    if (this.#alive) await this.kill();
  }

  #call(message: DistributiveOmit<ToChild, 'id'>): Promise<unknown> {
    if (!this.#alive) return Promise.reject(new Error('the station process has stopped'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      send(this.#child, { ...message, id } as ToChild);
    });
  }

  #settle(id: number, value: unknown): void {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    pending?.resolve(value);
  }

  #emit(event: StationEvent): void {
    if (event.type === 'status') this.lastStatus = event.status;
    for (const listener of this.#listeners) listener(event);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function send(child: ChildProcess, message: ToChild): void {
  if (child.connected) child.send(message);
}

async function answerBrowser(
  browser: BrowserTarget,
  operation: BrowserOperation,
  argument: unknown,
): Promise<StationResult<BrowserState> | null> {
  try {
    switch (operation) {
      case 'navigate':
        return await browser.navigate(String(argument));
      case 'back':
        return await browser.back();
      case 'forward':
        return await browser.forward();
      case 'reload':
        return await browser.reload();
      case 'home':
        return await browser.home();
      case 'setBounds':
        await browser.setBounds(argument as BrowserBounds | null);
        return null;
    }
  } catch (error) {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
    };
  }
}
