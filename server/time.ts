// The API writes instants as ISO 8601 (UTC) and durations in milliseconds.
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : iso(ms);
}

/** The four-digit years the API's timestamps take: 0000 to 9999. */
const FIRST_ISO_MS = Date.parse('0000-01-01T00:00:00.000Z');
const END_ISO_MS = Date.UTC(10_000, 0, 1);

/**
 * For instants read off a station's clock (its records' wallAt, moved by its measured offset): null
 * when there is none, or when it is no instant the API can write. iso() throws past ±8.64e15 ms, and
 * writes a six-digit year past 9999 that the response schema refuses: either way one station's bad
 * clock, stored before the schemas bounded it, would fail the whole room.
 */
export function stationIso(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || ms < FIRST_ISO_MS || ms >= END_ISO_MS) return null;
  return iso(ms);
}
