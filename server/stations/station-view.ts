import type { Station, StationTestInUse } from '../../core/contracts/centre-api.ts';
import type { StationTestInUse as StoredTestInUse, StoredStation } from '../storage/repositories.ts';
import { iso, isoOrNull } from '../time.ts';

/** `inUse`: the tests its revocation would cut off (the centre's list), when read. */
export function stationView(
  s: StoredStation,
  lastSeen: number | null,
  inUse?: readonly StoredTestInUse[],
): Station {
  const seen = Math.max(s.lastSeenAt ?? 0, lastSeen ?? 0);
  return {
    id: s.id,
    name: s.name,
    centreId: s.centreId,
    machineId: s.machineId,
    enrolledAt: iso(s.enrolledAt),
    revokedAt: isoOrNull(s.revokedAt),
    lastSeenAt: seen > 0 ? iso(seen) : null,
    version: s.version,
    selfCheck:
      s.selfCheck && s.selfCheckAt !== null ? { ...s.selfCheck, receivedAt: iso(s.selfCheckAt) } : null,
    ...(inUse ? { inUse: inUse.map(testInUseView) } : {}),
  };
}

export function testInUseView(t: StoredTestInUse): StationTestInUse {
  return {
    testId: t.testId,
    candidateId: t.candidateId,
    candidateName: `${t.firstName} ${t.lastName.toLocaleUpperCase('fr-FR')}`,
    sessionId: t.sessionId,
    sessionNumber: t.sessionNumber,
    state: t.running ? 'running' : 'resultAwaited',
  };
}
