// Whether the server still accepts this station. An answer "unknown station" or "revoked" to any of
// the sync loops stops the uploads and the replication of every test (they only probe, with their
// backoff) and makes the station not ready, with a code the screens translate; any accepted request,
// or a new enrollment, lifts it.
import type { ServerResult } from '../runtime/ports.ts';
import { failureVerdict } from './server-verdict.ts';

export interface StationRejection {
  status: number | null;
  code: string;
  message: string;
  since: number;
}

export class StationAccess {
  readonly #onChange: (rejection: StationRejection | null) => void;
  readonly #now: () => number;
  #rejection: StationRejection | null = null;

  constructor(options: { onChange?: (rejection: StationRejection | null) => void; now?: () => number } = {}) {
    this.#onChange = options.onChange ?? (() => {});
    this.#now = options.now ?? (() => Date.now());
  }

  /** Why the server refuses this station; null while it accepts it. */
  get rejection(): StationRejection | null {
    return this.#rejection;
  }

  /** Any answer of the server: one it accepted lifts a rejection, a station-level refusal sets it. */
  observe(result: ServerResult<unknown>): void {
    if (result.ok) return this.clear();
    if (failureVerdict(result) !== 'stationRejected' || this.#rejection !== null) return;
    this.#rejection = {
      status: result.status ?? null,
      code: result.code ?? 'STATION_NOT_READY',
      message: result.message,
      since: this.#now(),
    };
    this.#onChange(this.#rejection);
  }

  /** The station was enrolled again, or the server accepted a request. */
  clear(): void {
    if (this.#rejection === null) return;
    this.#rejection = null;
    this.#onChange(null);
  }
}
