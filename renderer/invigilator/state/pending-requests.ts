// The request ids of the invigilator's actions still waiting for an answer (api/request-id.ts), kept in
// this tab's storage (state/tab-storage.ts) as well as in memory: a stressed invigilator reloads the page
// when nothing seems to happen, and the retry that follows must send the id the lost request carried, so
// that the server issues the action once (+10 min added once). One list per session. What is read back
// is checked (a damaged entry is dropped); at most MAX_PENDING_REQUESTS are stored, the most recently
// used.
//
// The server answers an id with its first answer forever: an id is sent again only to retry the SAME
// action the invigilator did not see succeed. So an id goes once answered (done, or refused for good),
// once not used for PENDING_REQUEST_TTL_MS (in memory as after a reload: « Ajouter 10 min » 40 minutes
// after a lost one is meant as a new one), once the room shows the action's effect
// (request-effects.ts), once a later action on the same candidate succeeded, and on logout.
import { z } from 'zod';
import { RequestIdSchema } from '../../../core/contracts/invigilator-api.ts';
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { newRequestId } from '../api/request-id.ts';
import { effectShown, parseActionKey, type SentAction } from './request-effects.ts';
import { readJson, removeKey, writeJson, type TabStorage } from './tab-storage.ts';

export const PENDING_REQUEST_TTL_MS = 10 * 60_000;
export const MAX_PENDING_REQUESTS = 50;
const VERSION = 1;
/** An action key (actionKey: candidate, action, parameters) is short; anything longer is not ours. */
const KEY_CAP = 2000;

const EntrySchema = z
  .object({ key: z.string().min(1).max(KEY_CAP), id: RequestIdSchema, usedAt: z.number().finite() })
  .strict();

const StoredSchema = z
  .object({ version: z.literal(VERSION), sessionId: z.string().min(1), entries: z.array(z.unknown()) })
  .strict();

type Entry = z.infer<typeof EntrySchema>;

/** In memory only: what the last send of the action found, and whether its answer is awaited. */
interface Kept extends Entry {
  sent: SentAction | null;
  inFlight: boolean;
  /** The room showed the action done while its answer was awaited. */
  effectSeen: boolean;
}

/** What the answer to an action means for the screen. */
export type AnswerOutcome = 'done' | 'failed';

export function pendingRequestsKey(sessionId: string): string {
  return `pix-invigilator:pending-requests:${sessionId}`;
}

/** On logout: nothing of the session's actions stays in the tab. */
export function forgetPendingRequests(storage: TabStorage | null, sessionId: string): void {
  removeKey(storage, pendingRequestsKey(sessionId));
}

/** Used within the TTL (a clock set back by more than it counts as stale too), most recent first, capped. */
function fresh<E extends Entry>(entries: readonly E[], now: number): E[] {
  const latest = new Map<string, E>();
  for (const e of entries) {
    if (now - e.usedAt > PENDING_REQUEST_TTL_MS || e.usedAt - now > PENDING_REQUEST_TTL_MS) continue;
    const known = latest.get(e.key);
    if (!known || known.usedAt < e.usedAt) latest.set(e.key, e);
  }
  return [...latest.values()].sort((a, b) => b.usedAt - a.usedAt).slice(0, MAX_PENDING_REQUESTS);
}

function readEntries(storage: TabStorage | null, sessionId: string, now: number): Entry[] {
  const parsed = StoredSchema.safeParse(readJson(storage, pendingRequestsKey(sessionId)));
  if (!parsed.success || parsed.data.sessionId !== sessionId) return [];
  return fresh(
    parsed.data.entries.flatMap((raw) => {
      const entry = EntrySchema.safeParse(raw);
      return entry.success ? [entry.data] : [];
    }),
    now,
  );
}

/**
 * Request ids (api/request-id.ts) that outlive a reload of the page: the ids pending in the tab's storage
 * are found again when the room store is created. A storage that refuses (private mode, full) leaves
 * them in memory only, as before.
 */
export class KeptRequestIds {
  readonly #storage: TabStorage | null;
  readonly #sessionId: string;
  readonly #now: () => number;
  readonly #make: () => string;
  #entries: Kept[];

  constructor(options: {
    storage: TabStorage | null;
    sessionId: string;
    now: () => number;
    make?: (() => string) | undefined;
  }) {
    this.#storage = options.storage;
    this.#sessionId = options.sessionId;
    this.#now = options.now;
    this.#make = options.make ?? (() => newRequestId());
    // Read back after a reload: what the card was like when sent is not known.
    this.#entries = readEntries(this.#storage, this.#sessionId, this.#now()).map((e) => ({
      ...e,
      sent: sentAction(e.key, null, null),
      inFlight: false,
      effectSeen: false,
    }));
    this.#save();
  }

  /**
   * The id to send the action `key` with now: the kept one (a retry), unless it went stale. `card`:
   * the candidate's card as it is when sent; `serverNowMs`: the server's time then.
   */
  for(key: string, context: { card?: RoomCandidate | null; serverNowMs?: number } = {}): string {
    const now = this.#now();
    this.#entries = fresh(this.#entries, now);
    const id = this.#entries.find((e) => e.key === key)?.id ?? this.#make();
    const sent = sentAction(key, context.serverNowMs ?? null, context.card ?? null);
    this.#entries = [
      { key, id, usedAt: now, sent, inFlight: true, effectSeen: false },
      ...this.#entries.filter((e) => e.key !== key),
    ];
    this.#save();
    return id;
  }

  /**
   * Done: gone. The ids of that candidate's earlier actions whose answer was lost stay (until the TTL):
   * the screen told the invigilator to try those again, and a retry must replay them, not issue them
   * twice (10 minutes added twice).
   */
  succeeded(key: string): void {
    this.#entries = this.#entries.filter((e) => e.key !== key);
    this.#save();
  }

  /** Refused for good: the server issued nothing under the id, the same action again is a new one. */
  refused(key: string): void {
    this.#entries = this.#entries.filter((e) => e.key !== key);
    this.#save();
  }

  /**
   * No answer, or one that may hide a done action: the id is kept for a retry, unless the room showed
   * the action done meanwhile: then it is done (and gone).
   */
  unanswered(key: string): AnswerOutcome {
    const entry = this.#entries.find((e) => e.key === key);
    if (entry?.effectSeen) {
      this.succeeded(key);
      return 'done';
    }
    if (entry) entry.inFlight = false;
    return 'failed';
  }

  /**
   * A card the room now shows: an action awaiting its answer whose effect it shows is marked done (told
   * when the answer comes or fails to). One whose answer was already lost keeps its id: the screen said
   * to try again, and the retry must replay it, not issue it a second time.
   */
  observe(card: RoomCandidate): void {
    for (const e of this.#entries) {
      if (e.inFlight && e.sent?.action.candidateId === card.candidateId && effectShown(e.sent, card)) {
        e.effectSeen = true;
      }
    }
  }

  #save(): void {
    if (this.#entries.length === 0) {
      removeKey(this.#storage, pendingRequestsKey(this.#sessionId));
      return;
    }
    writeJson(this.#storage, pendingRequestsKey(this.#sessionId), {
      version: VERSION,
      sessionId: this.#sessionId,
      entries: fresh(this.#entries, this.#now()).map(({ key, id, usedAt }) => ({ key, id, usedAt })),
    });
  }
}

function sentAction(key: string, serverNowMs: number | null, card: RoomCandidate | null): SentAction | null {
  const action = parseActionKey(key);
  return action ? { action, sentAtServerMs: serverNowMs, addedMsBefore: card?.addedMs ?? null } : null;
}
