// This tab's storage (sessionStorage), for what the screen keeps across an ended login: the page the
// invigilator was on, the finalization being typed. Not localStorage: on a shared school computer
// nothing of it must outlive the browser. Null where there is none (private mode may refuse it,
// tests render without a browser); every use tolerates a refusal (full, or blocked).
export type TabStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function tabStorage(): TabStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** The JSON stored under `key`, or undefined (nothing, unreadable, or storage refused). */
export function readJson(storage: TabStorage | null, key: string): unknown {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** Stores `value` as JSON; false when the storage refused (full, blocked): nothing is kept then. */
export function writeJson(storage: TabStorage | null, key: string, value: unknown): boolean {
  try {
    if (!storage) return false;
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeKey(storage: TabStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Blocked storage: nothing was kept there either.
  }
}
