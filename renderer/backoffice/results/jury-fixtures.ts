// Results as the server sends them, for the jury's screens' tests: a candidate whose test asked 12
// questions (four competences of three), reports filed on the session, a finalization.
import type { CandidateResult, Results } from '../../../core/contracts/invigilator-api.ts';
import type { Incident } from '../api/centre-client.ts';

export function incident(over: Partial<Incident> & Pick<Incident, 'id' | 'candidateId' | 'code'>): Incident {
  return { questionNumber: null, description: '', createdAt: '2026-12-08T10:00:00.000Z', ...over };
}

export function juryResult(
  candidateId: string,
  firstName: string,
  lastName: string,
  over: Partial<CandidateResult> = {},
): CandidateResult {
  const competence = (code: '1.1' | '1.2' | '2.1' | '3.1') => ({
    code,
    label: `Compétence ${code}`,
    asked: 3,
    correct: 2,
    neutralized: 0,
    outcome: 'validate' as const,
    pix: 16,
    level: 2,
  });
  return {
    candidateId,
    firstName,
    lastName,
    birthdate: '2011-03-07',
    status: 'validated',
    pixScore: 64,
    reproducibilityRate: 67,
    trusted: true,
    reasons: [],
    competences: [competence('1.1'), competence('1.2'), competence('2.1'), competence('3.1')],
    maxReachableLevel: 5,
    neutralizedQuestions: [],
    finished: true,
    abortReason: null,
    source: 'bundle',
    signedResult: 'applied',
    signedResultReceivedAt: '2026-12-08T10:00:00.000Z',
    signedResultAfterPublication: false,
    incidents: [],
    juryDecisions: [],
    verificationCode: 'P-BCDF2346',
    scoredAt: '2026-12-08T11:00:00.000Z',
    ...over,
  };
}

export function juryResults(list: CandidateResult[], over: Partial<Results> = {}): Results {
  return {
    session: { publishedAt: null } as Results['session'],
    finalization: { globalComment: '', hadIncident: false, candidateCouldNotJoin: false, needsJury: true },
    results: list,
    absent: [],
    unscoredSignedResults: [],
    ...over,
  };
}
