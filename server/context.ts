// What every service needs, built once by buildServer: storage, the clock, settings, the log, the live
// buses and the login throttles.
import type { FastifyBaseLogger } from 'fastify';
import type { KnownDevices } from './auth/known-devices.ts';
import type { LoginThrottle } from './auth/login-throttle.ts';
import type { CachedBank } from './content/bank-service.ts';
import type { BundleVerifier } from './exam/bundle-verifier.ts';
import type { IntakeGate } from './exam/intake-gate.ts';
import type { ServerConfig } from './config.ts';
import type { LiveBus } from './live/live-bus.ts';
import type { ResultMailer } from './mail/result-mailer.ts';
import type { StationPresence } from './live/presence.ts';
import type { SseStream } from './http/sse.ts';
import type { RoomFeed } from './room/room-feed.ts';
import type { SessionEvent, Store, StoredCommand } from './storage/repositories.ts';

export type RoomMessage = { kind: 'event'; event: SessionEvent } | { kind: 'presence'; data: unknown };

export interface ServerContext {
  store: Store;
  now: () => number;
  config: ServerConfig;
  log: FastifyBaseLogger;
  /** Channel: session id. */
  roomBus: LiveBus<RoomMessage>;
  /** Channel: station id. */
  stationBus: LiveBus<StoredCommand>;
  /**
   * Failed logins (per email or session, and per address) and failed joins (per station). Account and
   * invigilator logins are counted apart: failures at one kind never block the other from an address
   * (a candidate guessing invigilator passwords from the school's address must not lock its referent
   * out of the back office, nor the reverse).
   */
  throttles: { accountLogins: LoginThrottle; invigilatorLogins: LoginThrottle; joins: LoginThrottle };
  /** Browsers that logged in before: their login attempts are not blocked by their address's failures. */
  knownDevices: KnownDevices;
  /** Checked for unknown emails, so that their login takes as long as a real one. */
  dummyPasswordHash: () => Promise<string>;
  /** Each centre's bank, indexed once per bank version (key: centre id). */
  bankCache: Map<string, CachedBank>;
  /** When each station was last heard from. */
  presence: StationPresence;
  /** The invigilator's live feed. */
  feed: RoomFeed;
  /** Open event streams, ended when the server closes. */
  streams: Set<SseStream>;
  /** After a result is stored: the room hears of it, and a processed session re-scores the candidate. */
  onResultReceived: (sessionId: string, candidateId: string) => Promise<void>;
  /** Core's bundle verification, on worker threads when the machine has cores to spare. */
  bundleVerifier: BundleVerifier;
  /** Result uploads in course, and the limit past which they are refused for now. */
  intakeGate: IntakeGate;
  /** Sends the result e-mails (mail/result-mailer.ts); null without a mail server: they wait. */
  resultMailer: ResultMailer | null;
}
