// The request ids of the invigilator's actions still waiting for an answer (api/request-id.ts), kept in
// this tab's storage (state/tab-storage.ts) as well as in memory: a stressed invigilator reloads the page
// when nothing seems to happen, and the retry that follows must send the id the lost request carried, so
// that the server issues the action once (+10 min added once). One list per session. What is read back
// is checked (a damaged entry is dropped), and so is an entry not used for PENDING_REQUEST_TTL_MS (after
// a reload that late, the same action is meant as a new one); at most MAX_PENDING_REQUESTS are stored,
// the most recently used. In memory, as before, an id stays until answered. Gone once answered (done,
// or refused for good), and on logout.
import { z } from 'zod';
import { RequestIdSchema } from '../../../core/contracts/invigilator-api.ts';
import { newRequestId } from '../api/request-id.ts';
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

export function pendingRequestsKey(sessionId: string): string {
  return `pix-invigilator:pending-requests:${sessionId}`;
}

/** On logout: nothing of the session's actions stays in the tab. */
export function forgetPendingRequests(storage: TabStorage | null, sessionId: string): void {
  removeKey(storage, pendingRequestsKey(sessionId));
}

/** Used within the TTL (a clock set back by more than it counts as stale too), most recent first, capped. */
function fresh(entries: readonly Entry[], now: number): Entry[] {
  const latest = new Map<string, Entry>();
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
  #entries: Entry[];

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
    this.#entries = readEntries(this.#storage, this.#sessionId, this.#now());
    this.#save();
  }

  for(key: string): string {
    const now = this.#now();
    const id = this.#entries.find((e) => e.key === key)?.id ?? this.#make();
    this.#entries = [{ key, id, usedAt: now }, ...this.#entries.filter((e) => e.key !== key)];
    this.#save();
    return id;
  }

  succeeded(key: string): void {
    this.#entries = this.#entries.filter((e) => e.key !== key);
    this.#save();
  }

  #save(): void {
    if (this.#entries.length === 0) {
      removeKey(this.#storage, pendingRequestsKey(this.#sessionId));
      return;
    }
    writeJson(this.#storage, pendingRequestsKey(this.#sessionId), {
      version: VERSION,
      sessionId: this.#sessionId,
      entries: fresh(this.#entries, this.#now()),
    });
  }
}
