// When a station counts as gone (DOMAIN.md §7): it sends a heartbeat every 2 s, and after this long
// without one the invigilator's room shows it missing (« muet »). The server uses the same limit to
// tell a test still running on a live station (finalization must wait) from one whose station is gone
// (finalized as unfinished, with an abort reason).
export const STATION_MISSING_MS = 15_000;

/** Whether something last heard from at `heardAt` (null: never) is still there at `now`. */
export function heardRecently(heardAt: number | null, now: number): boolean {
  return heardAt !== null && now - heardAt < STATION_MISSING_MS;
}
