// Which station versions the server accepts (issue 8): IT sets the oldest one allowed when a release
// must be rolled out (a protocol change, a fix that matters on exam day); the station's self-check
// reports a refused version before exam day. Versions are compared as semver (core/versioning).
import { compareVersions } from '../../core/versioning/compare-versions.ts';

/** Whether a station of `version` may sit exams on this server. */
export function stationVersionAllowed(version: string, minimum: string | null): boolean {
  return minimum === null || compareVersions(version, minimum) >= 0;
}
