// Revoking a station from the back office. The server refuses (STATION_IN_USE) to revoke a station
// with a test running or a signed result awaited unless the request forces it: the centre's list says
// which tests each station has in use, so the confirmation names those candidates and its button says
// « Révoquer quand même », which forces. A station that got a test since the list was read is refused
// all the same: the list is then read again, and the next confirmation names it.
import type { Station, StationTestInUse } from '../../../core/contracts/centre-api.ts';

/** What the confirmation shows and sends for this station. */
export interface RevocationPlan {
  /** The candidates its revocation would cut off (their results refused until it is enrolled again). */
  inUse: StationTestInUse[];
  /** The referent was shown them: the request forces the revocation. */
  force: boolean;
}

export function revocationPlan(station: Pick<Station, 'inUse'>): RevocationPlan {
  const inUse = station.inUse ?? [];
  return { inUse, force: inUse.length > 0 };
}

/**
 * The client's revocation, with the force flag (sent as the body { force: true }). Typed here so that
 * the screen passes it whichever version of the client it is built with.
 */
export type RevokeStation = (stationId: string, options?: { force?: boolean }) => Promise<Station>;

/** Whether a refused revocation means the list is stale (the station got a test since it was read). */
export function listIsStale(failure: { code: string }): boolean {
  return failure.code === 'STATION_IN_USE';
}
