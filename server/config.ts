// Settings with their defaults: a server starts with none given.
import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_REACHABLE_LEVEL } from '../core/framework/crcn.ts';
import { DEFAULT_PASSWORD_HASH_PARAMS, type PasswordHashParams } from './auth/password-hash.ts';

export interface ServerConfig {
  /** Highest level open to certification (DOMAIN.md §1). */
  maxReachableLevel: number;
  passwordHash: PasswordHashParams;
  /** Account (back office) sessions: idle timeout and absolute lifetime. */
  accountIdleMs: number;
  accountMaxMs: number;
  /** Invigilator tokens: short-lived, extended while used (the open event stream counts). */
  invigilatorIdleMs: number;
  invigilatorMaxMs: number;
  /** Failed logins per key before 429, and the window they are counted in. */
  loginMaxFailures: number;
  loginWindowMs: number;
  /** The wait for each login attempt on a target (session, account) past its failures (login-throttle.ts). */
  loginSlowDownMs: number;
  /** A station missing for this long appears as "missing" (the screen colours it earlier). */
  presenceFlushMs: number;
  /** Station enrollments per client address per minute (a whole lab may share one NAT address). */
  enrollPerMinute: number;
  /** Worker threads verifying result bundles; 0 verifies on the main thread. */
  bundleVerifierThreads: number;
  /** Result uploads checked and stored at once; past it, 503 and Retry-After (exam/intake-gate.ts). */
  resultsInFlight: number;
  /** Oldest station version allowed to sit exams (its self-check says so); null: every version. */
  minimumStationVersion: string | null;
  /**
   * The address people reach this server at (https://certif.example.fr), printed on certificates
   * for their verification page; null: the address the request came to, which a forged Host header
   * could change.
   */
  publicUrl: string | null;
  /** The centres' time zone (IANA), for times written in exports: a school reads 09:00, not 08:00Z. */
  timeZone: string;
  /**
   * Bytes of attachments one centre may keep (the files it uploaded or its bank cites): one centre's
   * referent cannot fill the disk every centre's results are written to.
   */
  contentQuotaBytes: number;
  /**
   * How long a bank import's body may take at least to arrive once it holds the server's one import
   * slot (a large one gets the time it takes at 2 Mbit/s: centre-content-routes.ts bankUploadAllowedMs):
   * a slower upload is cut (408), so that a stalled or trickled one does not keep every centre out.
   */
  bankUploadMs: number;
  /**
   * The mail server the results go through at publication (smtp:// or smtps://, its account in it:
   * mail/mail-settings.ts); null: none is sent, they wait in the outbox until one is given.
   */
  smtpUrl: string | null;
  /** The sender of the result e-mails ("Pix certification <certif@example.fr>"); needed with smtpUrl. */
  mailFrom: string | null;
}

/**
 * A request must arrive whole within this: a client that announces a large body and sends it a byte at
 * a time is cut, not kept for ever. Sized for the largest result a station may send (9 MB) over a school
 * uplink shared by a room at time-up (16 KiB/s each, as the station allows: main/station/sync
 * station-server-client.ts); the largest bank (100 MB) takes under 2 minutes at 10 Mbit/s.
 */
export const REQUEST_TIMEOUT_MS = 600_000;

export const DEFAULT_CONFIG: ServerConfig = {
  maxReachableLevel: DEFAULT_MAX_REACHABLE_LEVEL,
  passwordHash: DEFAULT_PASSWORD_HASH_PARAMS,
  accountIdleMs: 2 * 3600_000,
  accountMaxMs: 12 * 3600_000,
  invigilatorIdleMs: 30 * 60_000,
  invigilatorMaxMs: 10 * 3600_000,
  loginMaxFailures: 5,
  loginWindowMs: 15 * 60_000,
  loginSlowDownMs: 1000,
  presenceFlushMs: 1000,
  enrollPerMinute: 120,
  // One worker from 2 cores: measured on 2 cores (bench/server-intake.bench.ts, warm server), it takes
  // the parsing, schema and chain off the event loop for the same total CPU, +20 % bundles/s; a second
  // one only competes with it. From 4 cores, one for the main thread, one for the system and clients,
  // the rest verify.
  bundleVerifierThreads:
    availableParallelism() >= 4
      ? Math.min(8, availableParallelism() - 2)
      : availableParallelism() >= 2
        ? 1
        : 0,
  // About half a second of intake on 2 cores, 14 MB of bodies in course: enough that 50 stations
  // uploading at once never meet it, small enough that a national wave cannot exhaust memory.
  resultsInFlight: 512,
  minimumStationVersion: null,
  publicUrl: null,
  timeZone: 'Europe/Paris',
  // A real bank's files (documents, spreadsheets, images) take tens of megabytes.
  contentQuotaBytes: 1024 * 1024 * 1024,
  // The largest bank (100 MB) at 10 Mbit/s; larger announced bodies get more (bankUploadAllowedMs).
  bankUploadMs: 120_000,
  smtpUrl: null,
  mailFrom: null,
};
