// The heartbeat: every 2 s the station tells the server where it stands (phase, question n of N, time
// left and the time added it counts, last journal record written) so the invigilator sees it live.
// Each answer also measures the server's clock offset, and the heartbeat is what decides whether the
// station shows itself online.
import type { HeartbeatRequest } from '../../../core/contracts/station-server.ts';
import { systemMonotonicClock, type MonotonicClock } from '../clock/exam-clock.ts';
import type { ServerResult } from '../runtime/ports.ts';
import { BackgroundLoop, type SyncTimers } from './retry-timing.ts';
import type { ServerClock } from './server-clock.ts';

export const HEARTBEAT_EVERY_MS = 2000;

export interface HeartbeatOptions {
  send(
    request: HeartbeatRequest,
    timeoutMs: number,
  ): Promise<ServerResult<{ serverTime: number; testElsewhere?: boolean }>>;
  /** What the runtime reports (its `heartbeat()`), and where the connection state goes. */
  runtime: {
    heartbeat(): Omit<HeartbeatRequest, 'stationTime'>;
    setOnline(online: boolean): void;
  };
  clock: ServerClock;
  timers: SyncTimers;
  /** Station time sent with each beat and used for the server clock offset. */
  wallClock: () => number;
  /** Spaces the beats: a wall clock set back must not silence the station (default: the system's). */
  monotonic?: MonotonicClock;
  everyMs?: number;
  /** Called on each change between online and offline (the uploader and replicator start again at once). */
  onOnlineChange?: (online: boolean) => void;
  /** The server says the test the heartbeat named continues on another station. */
  onTestElsewhere?: (testId: string) => void;
  log?: (message: string) => void;
}

export class Heartbeat {
  readonly #o: HeartbeatOptions;
  readonly #loop = new BackgroundLoop();
  #online: boolean | null = null;
  #lastProblem: string | null = null;

  constructor(options: HeartbeatOptions) {
    this.#o = options;
  }

  get online(): boolean {
    return this.#online === true;
  }

  /** One heartbeat; returns whether the server answered. */
  async beat(): Promise<boolean> {
    const every = this.#o.everyMs ?? HEARTBEAT_EVERY_MS;
    const sentAt = this.#o.wallClock();
    const request = { ...this.#o.runtime.heartbeat(), stationTime: sentAt };
    const result = await this.#o.send(request, every * 2);
    const receivedAt = this.#o.wallClock();
    if (result.ok) {
      this.#o.clock.measure(result.value.serverTime, sentAt, receivedAt);
      this.#lastProblem = null;
      if (result.value.testElsewhere && request.testId !== null) this.#o.onTestElsewhere?.(request.testId);
    } else if (result.message !== this.#lastProblem) {
      // Logged once per kind of problem, not every 2 s.
      this.#lastProblem = result.message;
      this.#o.log?.(`heartbeat: ${result.message}`);
    }
    this.#setOnline(result.ok);
    return result.ok;
  }

  start(): void {
    this.#loop.start(
      async (stop) => {
        const every = this.#o.everyMs ?? HEARTBEAT_EVERY_MS;
        const monotonic = this.#o.monotonic ?? systemMonotonicClock;
        while (!stop.aborted) {
          const startedAt = monotonic.now();
          try {
            await this.beat();
          } catch (error) {
            this.#o.log?.(`heartbeat failed: ${error instanceof Error ? error.message : String(error)}`);
          }
          const spent = monotonic.now() - startedAt;
          await this.#o.timers.sleep(Math.max(0, every - spent), stop);
        }
      },
      this.#o.log,
      this.#o.timers,
    );
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }

  #setOnline(online: boolean): void {
    this.#o.runtime.setOnline(online);
    if (this.#online === online) return;
    this.#online = online;
    this.#o.onOnlineChange?.(online);
  }
}
