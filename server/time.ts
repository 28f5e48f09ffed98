// The API writes instants as ISO 8601 (UTC) and durations in milliseconds.
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : iso(ms);
}
