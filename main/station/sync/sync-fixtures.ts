// Test helpers for the sync client and the station services: a station wired to a FakeStationServer,
// fake sync timers that record every delay asked for, and a poll-until helper.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserState, StationResult } from '../../../core/contracts/station-api.ts';
import type { ChallengeBrowser } from '../station-handlers.ts';
import type { SyncTimers } from './retry-timing.ts';

/** Sync timers that do not wait: each sleep is recorded and resolves on the next turn of the loop. */
export class InstantTimers implements SyncTimers {
  readonly sleeps: number[] = [];
  randomValue = 0.5;

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      // A macrotask, so that a loop that sleeps never starves the sockets it waits for.
      setImmediate(resolve);
    });
  }

  random(): number {
    return this.randomValue;
  }
}

/** One sleep of ManualTimers: it lasts until the test releases it, or its signal aborts (a wake-up, a stop). */
export interface ManualSleep {
  ms: number;
  signal: AbortSignal;
  /** Ended, by release() or by its signal. */
  ended: boolean;
  release(): void;
}

/** Sync timers whose sleeps end only when the test says so (or are woken): to see what cuts a sleep short. */
export class ManualTimers implements SyncTimers {
  readonly sleeps: ManualSleep[] = [];
  randomValue = 0.5;

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const entry: ManualSleep = {
        ms,
        signal,
        ended: false,
        release: () => {
          entry.ended = true;
          resolve();
        },
      };
      this.sleeps.push(entry);
      if (signal.aborted) entry.release();
      else signal.addEventListener('abort', () => entry.release(), { once: true });
    });
  }

  random(): number {
    return this.randomValue;
  }
}

/** Sync timers that sleep for real, but `scale` times shorter (a 2 s heartbeat every 20 ms at 0.01). */
export function scaledTimers(scale: number, random = () => 0.5): SyncTimers {
  return {
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        if (signal.aborted) return resolve();
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, Math.max(1, Math.round(ms * scale)));
        signal.addEventListener('abort', done, { once: true });
      }),
    random,
  };
}

/** Polls `check` until it holds (or throws after `timeoutMs`: the behaviour never came). */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function tempDataDir(prefix = 'station-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

const blank: BrowserState = {
  url: 'about:blank',
  title: '',
  loading: false,
  canGoBack: false,
  canGoForward: false,
};

/** A challenge browser that stays on a blank page (the station's own tests do not browse). */
export const idleBrowser: ChallengeBrowser = {
  navigate: async (url): Promise<StationResult<BrowserState>> => ({ ok: true, value: { ...blank, url } }),
  back: async () => ({ ok: true, value: blank }),
  forward: async () => ({ ok: true, value: blank }),
  reload: async () => ({ ok: true, value: blank }),
  home: async () => ({ ok: true, value: blank }),
  setBounds: () => undefined,
};
