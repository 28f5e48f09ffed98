// Messages between the harness and the station services' child process (e2e/harness/station-child.ts).
// The station runs in its own Node process, as in Electron's main process, so a test can kill it
// (SIGKILL: no clean-up at all) and launch it again on the same data folder.
import type {
  BrowserState,
  StationEvent,
  StationResult,
  StationStatus,
} from '../../core/contracts/station-api.ts';

export interface StationChildOptions {
  dataDir: string;
  serverUrl: string;
  stationName: string;
  machineId: string;
  /** Enrolls the station with this code at start when it is not enrolled yet. */
  enrollmentCode: string | null;
  /** Base of the addresses the screens load the candidate's files from (the harness serves them). */
  sandboxUrlBase: string;
  /** Shorter sync periods keep tests quick; null keeps the station's defaults. */
  heartbeatEveryMs: number | null;
  /** The candidate screens' origin: the only one let into the station's socket (station-socket.ts). */
  pageOrigin: string;
  /**
   * The forbidden-process watch lists this machine's programs (the demos); otherwise it sees none, so
   * that a test's journal does not depend on what else runs on the machine (CI agents, chat apps).
   */
  watchMachineProcesses: boolean;
  /**
   * The challenge browser's home page (the harness's demo sites): the station's self-check probes it, as
   * a station in demo mode with this setting would.
   */
  browserHomeUrl: string;
  /** The station's serverProxy setting (a school's proxy), or null: straight to the server. */
  serverProxy: string | null;
}

export type BrowserOperation = 'navigate' | 'back' | 'forward' | 'reload' | 'home' | 'setBounds';

export type ToChild =
  | { type: 'call'; id: number; method: string; request: unknown }
  | {
      type: 'recordNavigation';
      id: number;
      navigation: { url: string; allowed: boolean; rule: string | null };
    }
  | { type: 'browserResult'; id: number; result: StationResult<BrowserState> | null }
  /** Moves the station's exam clock forward (time-up scenarios); the wall clock is untouched. */
  | { type: 'advanceClock'; id: number; ms: number }
  | { type: 'syncState'; id: number }
  /**
   * The sandbox folder of the test under way (null without one): where the challenge browser saves the
   * candidate's downloads (`<folder>/downloads`), as Electron's does.
   */
  | { type: 'testSandboxFolder'; id: number }
  /**
   * What the (absent) shell detects and reports through the real LockdownWatch, with its real wording:
   * the machine went to sleep or its session was locked. Either locks the test.
   */
  | { type: 'lockdown'; id: number; cause: 'suspend' | 'lockScreen' }
  /**
   * What the (absent) process watch finds, reported through the real LockdownWatch: software of the
   * shipped deny list (`entryId`, « teamviewer ») running as `processes`. Reported only, the test goes
   * on (the centre's default). The reply says whether the deny list has that entry.
   */
  | { type: 'forbiddenProcess'; id: number; entryId: string; processes: string[] }
  | { type: 'close'; id: number }
  /** An event from the harness's side of the station (the challenge browser) for the screens. */
  | { type: 'emit'; event: StationEvent };

export type FromChild =
  | {
      type: 'ready';
      status: StationStatus;
      stationId: string;
      enrolled: boolean;
      /** Where the candidate page reaches StationApi (station-socket.ts). */
      endpoint: string;
    }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; value: unknown }
  | { type: 'event'; event: StationEvent }
  | { type: 'browser'; id: number; operation: BrowserOperation; argument: unknown }
  | { type: 'log'; message: string };
