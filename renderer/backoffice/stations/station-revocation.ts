// Revoking a station from the back office, and enrolling it again. The server refuses (STATION_IN_USE)
// to revoke a station with a test running or a signed result awaited unless the request confirms each
// of those tests: the centre's list says which tests each station has in use, so the confirmation names
// those candidates, its button says « Révoquer quand même », and the request confirms exactly them. A
// station that got a test since the list was read is refused all the same (that test is not
// confirmed): the list is then read again, and the next confirmation names it.
// A revoked station is enrolled again only with a code created for it (« Réinscrire ce poste » on its
// row): IT runs the station with `--enroll CODE` on that machine (docs/it/inscription.md).
import type { EnrollmentCode, Station, StationTestInUse } from '../../../core/contracts/centre-api.ts';

/** What the confirmation shows and sends for this station. */
export interface RevocationPlan {
  /** The candidates its revocation would cut off (their results refused until it is enrolled again). */
  inUse: StationTestInUse[];
  /** The tests the referent is shown, confirmed by the request: none other is cut off. */
  confirmTestIds: string[];
}

export function revocationPlan(station: Pick<Station, 'inUse'>): RevocationPlan {
  const inUse = station.inUse ?? [];
  return { inUse, confirmTestIds: inUse.map((t) => t.testId) };
}

/**
 * The client's revocation, with the tests confirmed (sent as the body { confirmTestIds }). Typed here so
 * that the screen passes it whichever version of the client it is built with.
 */
export type RevokeStation = (
  stationId: string,
  options?: { confirmTestIds?: readonly string[] },
) => Promise<Station>;

/** Whether a refused revocation means the list is stale (the station got a test since it was read). */
export function listIsStale(failure: { code: string }): boolean {
  return failure.code === 'STATION_IN_USE';
}

/** How long a re-enrollment code stays valid: IT usually reaches the machine the same day. */
export const REENROLLMENT_MINUTES = 24 * 60;

/** The client's code issuance, for one revoked station. */
export type IssueEnrollmentCode = (
  centreId: string,
  validForMinutes: number,
  options?: { stationId?: string },
) => Promise<EnrollmentCode>;

/** Only a revoked station is enrolled again (an active one needs no code). */
export function canEnrollAgain(station: Pick<Station, 'revokedAt'>): boolean {
  return station.revokedAt !== null;
}

/** A code created for this revoked station, and for no other. */
export function issueReenrollmentCode(
  issue: IssueEnrollmentCode,
  station: Pick<Station, 'id' | 'centreId'>,
): Promise<EnrollmentCode> {
  return issue(station.centreId, REENROLLMENT_MINUTES, { stationId: station.id });
}

/** What IT runs on the station, under the exam account, with the station app closed. */
export function enrollCommand(code: string): string {
  return `--enroll ${code}`;
}
