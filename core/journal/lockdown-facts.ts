// What a station's lockdown watch knows about an event it reports, as data (a journal `lockdown`
// record's `facts`): the screens say it in their own language instead of reading it back out of the
// French sentence written for the jury (`detail`, kept beside it). Optional in the record: stations
// older than these facts wrote the sentence only. Every field is bounded: a record is stored for good
// and hashed into the chain, and the server checks it with Ajv compiled from this schema (no
// refinements, which would not reach the JSON Schema).
import { z } from 'zod';
import type { LockdownEvent } from '../contracts/station-api.ts';

/** Kept equal to core/lockdown/process-deny-list.ts PROCESS_CATEGORIES (lockdown-facts.test.ts). */
export const PROGRAM_CATEGORIES = ['remoteControl', 'screenSharing', 'messaging', 'aiAssistant'] as const;

export const MAX_PROGRAM_NAME = 80;
/** A process's file name (the deny list takes names up to 100 characters). */
export const MAX_EXECUTABLE_NAME = 100;
/** The processes named for one program (the French sentence names three as well). */
export const MAX_EXECUTABLES = 3;
export const MAX_DISPLAY_LABEL = 100;
/** Pixels: far beyond any display, small enough to print. */
export const MAX_DISPLAY_SIDE = 100_000;
/** Electron's reasons are a word or two (`crashed`, `launch-failed`, `integrity-failure`). */
export const MAX_CRASH_REASON = 40;
/** A crash count for the station to be changed stops growing long before this. */
export const MAX_CRASHES = 1000;
/** A process's exit code: a signed 32-bit one (POSIX, Node) or an unsigned one (a Windows NTSTATUS). */
export const MIN_EXIT_CODE = -(2 ** 31);
export const MAX_EXIT_CODE = 2 ** 32 - 1;
/** The window crashes are counted within: a day at most. */
export const MAX_CRASH_WINDOW_MS = 24 * 3600_000;
/**
 * A time away or asleep is two readings of the station's wall clock apart: a clock set right meanwhile
 * can make it years long. Bounded as a downtime is (below 2100-01-01 in ms).
 */
export const MAX_AWAY_MS = Date.UTC(2100, 0, 1);
/** How many events of a kind the test's journal budget left out (a journal holds far fewer records). */
export const MAX_OMITTED = 1_000_000_000;

const Ms = z.number().int().nonnegative().lt(MAX_AWAY_MS);

export const LockdownFactsSchema = z.discriminatedUnion('type', [
  /** `forbiddenProcess`: the deny list's name for the software, what it is, the processes seen. */
  z
    .object({
      type: z.literal('program'),
      name: z.string().min(1).max(MAX_PROGRAM_NAME),
      category: z.enum(PROGRAM_CATEGORIES),
      executables: z.array(z.string().min(1).max(MAX_EXECUTABLE_NAME)).max(MAX_EXECUTABLES),
    })
    .strict(),
  /**
   * `displayAdded`, `displayRemoved`: the display as the system names it (null: it gives no name), its
   * size; for an added one, `handling`: hidden behind a blank window, or refused by the centre's rule
   * (the test paused); null for a removed one.
   */
  z
    .object({
      type: z.literal('display'),
      label: z.string().min(1).max(MAX_DISPLAY_LABEL).nullable(),
      width: z.number().int().nonnegative().max(MAX_DISPLAY_SIDE),
      height: z.number().int().nonnegative().max(MAX_DISPLAY_SIDE),
      handling: z.enum(['covered', 'refused']).nullable(),
    })
    .strict(),
  /**
   * `rendererCrashed`: which process died (the test screen or the graphics one), why (Electron's
   * reason, its exit code), how many times within `windowMs` (this one included), and whether it was
   * restarted: not when it keeps crashing, and the station must be changed.
   */
  z
    .object({
      type: z.literal('crash'),
      process: z.enum(['screen', 'graphics']),
      reason: z.string().max(MAX_CRASH_REASON),
      exitCode: z.number().int().min(MIN_EXIT_CODE).max(MAX_EXIT_CODE).nullable(),
      crashes: z.number().int().positive().max(MAX_CRASHES),
      windowMs: z.number().int().positive().max(MAX_CRASH_WINDOW_MS),
      restarted: z.boolean(),
    })
    .strict(),
  /** `focusRegained`: how long the test window was left. */
  z.object({ type: z.literal('away'), awayMs: Ms }).strict(),
  /** `resume`: how long the station slept (when it saw it go to sleep). */
  z.object({ type: z.literal('asleep'), asleepMs: Ms }).strict(),
  /** `uncleanExit`: the previous run's last sign of life (the station's wall clock, ms since the epoch). */
  z.object({ type: z.literal('lastSeen'), lastSeenAt: Ms }).strict(),
  /** The count of events of the record's kind that the test's journal budget left out. */
  z.object({ type: z.literal('omitted'), count: z.number().int().positive().max(MAX_OMITTED) }).strict(),
]);
export type LockdownFacts = z.infer<typeof LockdownFactsSchema>;
export type ProgramCategory = (typeof PROGRAM_CATEGORIES)[number];
export type LockdownFactsType = LockdownFacts['type'];

/**
 * The facts each event may carry: what the watch knows of it, and for every event the count its
 * summary record gives (`omitted`). The station never writes facts of another event (lockdownPayload);
 * the server drops them where it shows them (the room's card, the jury's record). Intake does not
 * refuse such a record, on purpose: the record is signed into the test's chain, and refusing it would
 * lose the whole result for a detail the screens can do without. Hence not in the schema either (the
 * server's Ajv check is compiled from it).
 */
export const FACTS_OF_EVENT: Readonly<Record<LockdownEvent, readonly LockdownFactsType[]>> = {
  focusLost: ['omitted'],
  focusRegained: ['away', 'omitted'],
  displayAdded: ['display', 'omitted'],
  displayRemoved: ['display', 'omitted'],
  lockScreen: ['omitted'],
  suspend: ['omitted'],
  resume: ['asleep', 'omitted'],
  rendererCrashed: ['crash', 'omitted'],
  forbiddenProcess: ['program', 'omitted'],
  uncleanExit: ['lastSeen', 'omitted'],
};

/** Whether `facts` may be said of `event` (FACTS_OF_EVENT). */
export function factsFitEvent(event: LockdownEvent, facts: LockdownFacts): boolean {
  return FACTS_OF_EVENT[event].includes(facts.type);
}

/**
 * A lockdown record's payload, as the station writes it and the server passes it on: `facts` only when
 * there are some that fit the event (a record without them hashes as before; facts of another event
 * are dropped, never said of this one).
 */
export function lockdownPayload<E extends LockdownEvent>(
  event: E,
  detail: string,
  facts: LockdownFacts | undefined,
): { event: E; detail: string; facts?: LockdownFacts } {
  return facts && factsFitEvent(event, facts) ? { event, detail, facts } : { event, detail };
}
