// The request id sent with a command or an alert decision (RequestIdSchema): a random UUID (version 4).
// crypto.randomUUID exists only on secure pages (https, localhost); the room may be opened over plain
// http on the school's network, where crypto.getRandomValues still works.
export function newRequestId(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One request id per action (what is asked, as `key`) until it succeeds: a retry after a failure (the
 * answer may have been lost) sends the same id, so the server issues it once; after a success the same
 * action again is a new one.
 */
export class RequestIds {
  readonly #pending = new Map<string, string>();
  readonly #make: () => string;

  constructor(make: () => string = () => newRequestId()) {
    this.#make = make;
  }

  for(key: string): string {
    let id = this.#pending.get(key);
    if (id === undefined) {
      id = this.#make();
      this.#pending.set(key, id);
    }
    return id;
  }

  succeeded(key: string): void {
    this.#pending.delete(key);
  }
}
