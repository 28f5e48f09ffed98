// What the referent should do next with a session, from its state and what it still lacks: the first
// missing piece wins (candidates, then their profiles, then profiles too thin to certify, then the
// centre's bank, then the tests the bank cannot prepare or whose files the stations cannot open: the
// server's readiness check), then the kit; after the exam, finalization (once no test is running any
// more), then publication. « Tout est prêt » only once the check says every test can be built and opened.
import type { Candidate, CentreSession, SessionReadiness } from '../api/centre-client.ts';
import { rosterOf } from '../results/candidate-names.tsx';
import { isInProgress, sessionGroup } from './session-groups.ts';
import { testProblems, type TestProblems } from './test-readiness.ts';

/** The server's readiness check of the session's tests, as the page has it. */
export type ReadinessCheck =
  { state: 'loading' } | { state: 'failed' } | { state: 'loaded'; report: SessionReadiness };

/** The check as a page's resource holds it: loading (again), failed, or its report. */
export function readinessCheck(resource: {
  data: SessionReadiness | null;
  error: unknown;
  loading: boolean;
}): ReadinessCheck {
  if (resource.loading) return { state: 'loading' };
  if (resource.error) return { state: 'failed' };
  return resource.data ? { state: 'loaded', report: resource.data } : { state: 'loading' };
}

export type NextStep =
  | { step: 'noCandidates' }
  | { step: 'noProfiles'; count: number }
  | { step: 'notCertifiable'; count: number }
  | { step: 'noBank' }
  /** Everything else is there: the tests are being checked. */
  | { step: 'checking' }
  | { step: 'checkFailed' }
  | { step: 'testsNotReady'; problems: TestProblems }
  | { step: 'ready' }
  | { step: 'inProgress'; count: number }
  | { step: 'finalize' }
  | { step: 'publish' }
  | { step: 'published' };

/** `locale`: the page's, for the dates it writes (a namesake's birthdate in a test's problem). */
export function nextStep(
  session: CentreSession,
  candidates: readonly Candidate[],
  operativeChallenges: number | null,
  today: string,
  readiness: ReadinessCheck,
  locale: string,
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
  // The check counts the bank too, when the page could not read it.
  const operative =
    operativeChallenges ?? (readiness.state === 'loaded' ? readiness.report.bank.operative : null);
  if (operative === 0) return { step: 'noBank' };
  if (readiness.state === 'loading') return { step: 'checking' };
  if (readiness.state === 'failed') return { step: 'checkFailed' };
  const problems = testProblems(readiness.report, rosterOf(candidates), locale);
  return problems ? { step: 'testsNotReady', problems } : { step: 'ready' };
}
