// Why a candidate may not sit the certification, in the referent's words (DOMAIN.md §2: at least 5
// competences at level 1 or more). The server decides; this only explains its verdict.
import type { Candidate } from '../api/centre-client.ts';

export type Certifiability =
  | { certifiable: true; assessed: number }
  | { certifiable: false; reason: 'noProfile' }
  | { certifiable: false; reason: 'tooFew'; assessed: number };

export function assessedCompetences(candidate: Pick<Candidate, 'profile'>): number {
  return candidate.profile?.competences.filter((c) => c.level >= 1).length ?? 0;
}

export function certifiability(candidate: Pick<Candidate, 'profile' | 'certifiable'>): Certifiability {
  if (candidate.profile === null) return { certifiable: false, reason: 'noProfile' };
  const assessed = assessedCompetences(candidate);
  if (candidate.certifiable) return { certifiable: true, assessed };
  return { certifiable: false, reason: 'tooFew', assessed };
}
