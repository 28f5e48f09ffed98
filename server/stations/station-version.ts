// Which station versions the server accepts (issue 8): IT sets the oldest one allowed when a release
// must be rolled out (a protocol change, a fix that matters on exam day); the station's self-check
// reports a refused version before exam day. Versions are compared as semver (prereleases first).

/** Negative when a < b, 0 when equal, positive when a > b. Both must match CompatibilityQuerySchema. */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = splitVersion(a);
  const [coreB = '', preB] = splitVersion(b);
  const partsA = coreA.split('.').map(Number);
  const partsB = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (diff !== 0) return diff;
  }
  // 1.0.0-beta < 1.0.0; two prereleases compare identifier by identifier.
  if (preA === undefined || preB === undefined) return preA === preB ? 0 : preA === undefined ? 1 : -1;
  const idsA = preA.split('.');
  const idsB = preB.split('.');
  for (let i = 0; i < Math.max(idsA.length, idsB.length); i++) {
    const x = idsA[i];
    const y = idsB[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    const diff = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (diff !== 0) return diff;
  }
  return 0;
}

function splitVersion(version: string): [string, string | undefined] {
  const dash = version.indexOf('-');
  return dash < 0 ? [version, undefined] : [version.slice(0, dash), version.slice(dash + 1)];
}

/** Whether a station of `version` may sit exams on this server. */
export function stationVersionAllowed(version: string, minimum: string | null): boolean {
  return minimum === null || compareVersions(version, minimum) >= 0;
}
