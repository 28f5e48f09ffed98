// What the challenge says of a refusal from the station, and for how long.
import type { ExamPhase, StationError } from '../../../core/contracts/station-api.ts';

/** The refusals the candidate is told about in their own words; any other gets the general message. */
export type FailureKey = 'STORAGE_FAILED' | 'ALERT_PENDING' | 'other';

/**
 * The message for a refusal, or null for none: an action refused because the phase changed under the
 * click (paused, locked, ended: ILLEGAL_TRANSITION) is not an error to the candidate, the screen that
 * follows says what happened. `phaseNow`: the phase the screens know when the refusal arrives.
 */
export function failureKey(error: StationError, phaseNow: ExamPhase | null): FailureKey | null {
  if (error.code === 'ILLEGAL_TRANSITION' && phaseNow !== 'inProgress') return null;
  return error.code === 'STORAGE_FAILED' || error.code === 'ALERT_PENDING' ? error.code : 'other';
}

/** A refusal's message does not outlive a pause: when the test runs again, it is gone. */
export function failureAfter<F>(failure: F | null, wasRunning: boolean, running: boolean): F | null {
  return running && !wasRunning ? null : failure;
}
