// What the referent should do next with a session, from its state and what it still lacks: the first
// missing piece wins (candidates, then their profiles, then profiles too thin to certify, then the
// centre's bank), then the kit; after the exam, finalization (once no test is running any more), then
// publication.
import type { Candidate, CentreSession } from '../api/centre-client.ts';
import { isInProgress, sessionGroup } from './session-groups.ts';

export type NextStep =
  | { step: 'noCandidates' }
  | { step: 'noProfiles'; count: number }
  | { step: 'notCertifiable'; count: number }
  | { step: 'noBank' }
  | { step: 'ready' }
  | { step: 'inProgress'; count: number }
  | { step: 'finalize' }
  | { step: 'publish' }
  | { step: 'published' };

export function nextStep(
  session: CentreSession,
  candidates: readonly Candidate[],
  operativeChallenges: number | null,
  today: string,
): NextStep {
  if (session.state !== 'created') return session.publishedAt ? { step: 'published' } : { step: 'publish' };
  if (isInProgress(session)) return { step: 'inProgress', count: session.counts.running };
  if (sessionGroup(session, today) === 'toFinalize') return { step: 'finalize' };
  if (candidates.length === 0) return { step: 'noCandidates' };
  const withoutProfile = candidates.filter((c) => c.profile === null).length;
  if (withoutProfile > 0) return { step: 'noProfiles', count: withoutProfile };
  // A profile with fewer than 5 competences at level 1: refused at sign-in (NOT_CERTIFIABLE).
  const notCertifiable = candidates.filter((c) => !c.certifiable).length;
  if (notCertifiable > 0) return { step: 'notCertifiable', count: notCertifiable };
  if (operativeChallenges === 0) return { step: 'noBank' };
  return { step: 'ready' };
}
