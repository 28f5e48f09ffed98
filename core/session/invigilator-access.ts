// The invigilator screen shows a session's candidates (minors' birthdates), results and fraud reports:
// the invigilator password opens it only until this long after the results were calculated. Then the
// results are read in the centre's back office (the server refuses: INVIGILATOR_ACCESS_CLOSED).
export const INVIGILATOR_ACCESS_AFTER_RESULTS_MS = 7 * 24 * 60 * 60_000;

/** When the screen closes, from when the results were calculated (ms since the epoch). */
export function invigilatorAccessClosesAt(resultsCalculatedAt: number): number {
  return resultsCalculatedAt + INVIGILATOR_ACCESS_AFTER_RESULTS_MS;
}
