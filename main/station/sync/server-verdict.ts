// What a failed request means for what the station does next. The server's own refusal of a result
// or of records (a conflict, a chain or bundle that does not verify, a bad request) is a verdict: the
// same bytes would get the same answer, so asking again only holds back the tests behind it. A station
// the server does not know or has revoked is a problem of the whole station, not of one test. The rest
// (no network, a timeout, a 5xx, 408, 429, a proxy's page) may pass: it is tried again later.
import { RESULT_REFUSAL_CODES, type StationHttpErrorCode } from '../../../core/contracts/station-server.ts';
import type { ServerRefusal } from '../journal/answer-journal.ts';
import type { ServerFailure } from '../runtime/ports.ts';

export type FailureVerdict =
  /** Final for this test: record it, never send it again, go on with the others. */
  | 'refused'
  /** The server does not accept this station any more (unknown, revoked, not its key). */
  | 'stationRejected'
  /** The test continues on another station. */
  | 'notYourTest'
  /** The server could not be reached: the other tests would fare no better now. */
  | 'unreachable'
  /** The server answered, but may accept later (5xx, 408, 429, a proxy's page…). */
  | 'transient';

/**
 * The server's codes that refuse the content itself (core/contracts/station-server.ts): those that
 * refuse a result, and a conflict of records. Only the server's own codes count: a 4xx page from a proxy in between (HTTP_413,
 * HTTP_404) is a setting that someone can fix, so it is tried again.
 */
const REFUSAL_CODES: ReadonlySet<string> = new Set<StationHttpErrorCode>([
  ...RESULT_REFUSAL_CODES,
  'RECORD_CONFLICT',
]);

/** [401] unknown station, [403] revoked station, [401] a signature the enrolled key does not verify. */
const STATION_CODES: ReadonlySet<string> = new Set<StationHttpErrorCode>([
  'STATION_NOT_READY',
  'BAD_SIGNATURE',
]);

export function failureVerdict(failure: ServerFailure): FailureVerdict {
  if (failure.kind !== 'http') return 'unreachable';
  const { status, code } = failure;
  if (status === undefined || code === undefined) return 'transient';
  if (code === 'NOT_YOUR_TEST') return 'notYourTest';
  if ((status === 401 || status === 403) && STATION_CODES.has(code)) return 'stationRejected';
  if (status >= 400 && status < 500 && status !== 408 && status !== 429 && REFUSAL_CODES.has(code))
    return 'refused';
  return 'transient';
}

/** A refused failure as the journal keeps it (records and results alike), stamped with `at`. */
export function serverRefusal(failure: ServerFailure, at: number): ServerRefusal {
  return {
    status: failure.status ?? null,
    code: failure.code ?? 'REFUSED',
    message: failure.message,
    refusedAt: at,
  };
}
