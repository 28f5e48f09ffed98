import type { Station } from '../../core/contracts/centre-api.ts';
import type { StoredStation } from '../storage/repositories.ts';
import { iso, isoOrNull } from '../time.ts';

export function stationView(s: StoredStation, lastSeen: number | null): Station {
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
  };
}
