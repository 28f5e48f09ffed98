// Results as the invigilator and the centre read them (core/contracts/invigilator-api.ts Results), and
// certificates (core/contracts/public-api.ts Certificate).
import type { CandidateResult, Results } from '../../core/contracts/invigilator-api.ts';
import type { JuryDecision } from '../../core/contracts/jury-decisions.ts';
import type { Certificate } from '../../core/contracts/public-api.ts';
import { COMPETENCES, type CompetenceCode } from '../../core/framework/crcn.ts';
import { CANDIDATE_CSV_LABELS } from '../../core/session/candidate-csv-columns.ts';
import type { ServerContext } from '../context.ts';
import { centreName, invigilatorSessionView } from '../sessions/session-service.ts';
import type {
  StoredCandidate,
  StoredIncident,
  StoredResult,
  StoredTest,
  StoredSession,
} from '../storage/repositories.ts';
import { spreadsheetCsv, spreadsheetDate } from '../http/spreadsheet-csv.ts';
import { iso, isoOrNull } from '../time.ts';
import { incidentView } from './incidents.ts';
import { juryDecisionViews } from './jury-decisions.ts';
import { needsJury } from './finalization.ts';
import { signedResultOf, unscoredSignedResults } from './signed-results.ts';

export function competenceLabel(code: CompetenceCode): string {
  return COMPETENCES.find((c) => c.code === code)?.label.fr ?? code;
}

/**
 * One candidate's result; its test (for its signed result) and the jury's decisions on the candidate
 * are read when not given.
 */
export async function candidateResultView(
  ctx: ServerContext,
  session: StoredSession,
  result: StoredResult,
  candidate: StoredCandidate,
  incidents: readonly StoredIncident[],
  test?: StoredTest,
  juryDecisions?: readonly JuryDecision[],
): Promise<CandidateResult> {
  const pkg = (await ctx.store.tests.package(result.testId))?.package;
  const order = new Map((pkg?.challenges ?? []).map((c, i) => [c.id, i + 1]));
  const score = result.score;
  const stored = test ?? (await ctx.store.tests.get(result.testId));
  if (!stored) throw new Error(`result ${result.candidateId} without its test`);
  const signed = signedResultOf(result, stored, session);
  return {
    candidateId: candidate.id,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    birthdate: candidate.birthdate,
    status: score.status,
    pixScore: score.pixScore,
    reproducibilityRate: score.reproducibilityRate,
    trusted: score.trusted,
    reasons: score.reasons,
    competences: score.competences.map((c) => ({
      code: c.code,
      label: competenceLabel(c.code),
      asked: c.asked,
      correct: c.correct,
      neutralized: c.neutralized,
      outcome: c.outcome,
      pix: c.pix,
      level: c.level,
    })),
    maxReachableLevel: result.maxReachableLevel,
    neutralizedQuestions: result.neutralized
      .map((id) => order.get(id))
      .filter((n): n is number => n !== undefined)
      .sort((a, b) => a - b),
    finished: result.completion.finished,
    abortReason: result.completion.finished ? null : result.completion.abortReason,
    source: result.source,
    signedResult: signed.state,
    signedResultReceivedAt: isoOrNull(signed.receivedAt),
    signedResultAfterPublication: signed.afterPublication,
    incidents: incidents.filter((i) => i.candidateId === candidate.id).map(incidentView),
    juryDecisions: [
      ...(juryDecisions ??
        (await juryDecisionViews(ctx, await ctx.store.juryDecisions.listByCandidate(candidate.id)))),
    ],
    // A certificate's code: none for a certification the jury cancelled (it keeps it for an undo).
    verificationCode: score.status === 'validated' ? result.verificationCode : null,
    scoredAt: iso(result.scoredAt),
  };
}

/**
 * The invigilator's results: the outcome of a jury's decision shows (a cancelled certification), never
 * its grounds or who took it — the session's password is handed to the room's invigilators, and their
 * screen stays open 7 days; the jury's file stays with the centre.
 */
export async function invigilatorResultsView(ctx: ServerContext, session: StoredSession): Promise<Results> {
  const results = await resultsView(ctx, session);
  return { ...results, results: results.results.map((r) => ({ ...r, juryDecisions: [] })) };
}

export async function resultsView(ctx: ServerContext, session: StoredSession): Promise<Results> {
  const [candidates, results, incidents, tests] = await Promise.all([
    ctx.store.candidates.listBySession(session.id),
    ctx.store.results.listBySession(session.id),
    ctx.store.incidents.listBySession(session.id),
    ctx.store.tests.listBySession(session.id),
  ]);
  const resultOf = new Map(results.map((r) => [r.candidateId, r]));
  const testOf = new Map(tests.map((t) => [t.id, t]));
  const decisions = await ctx.store.juryDecisions.listBySession(session.id);
  const decisionViews = await juryDecisionViews(ctx, decisions);
  const decisionsOf = new Map<string, JuryDecision[]>();
  decisions.forEach((d, i) => {
    const view = decisionViews[i];
    if (view) decisionsOf.set(d.candidateId, [...(decisionsOf.get(d.candidateId) ?? []), view]);
  });
  const views: CandidateResult[] = [];
  for (const candidate of candidates) {
    const result = resultOf.get(candidate.id);
    if (result) {
      views.push(
        await candidateResultView(
          ctx,
          session,
          result,
          candidate,
          incidents,
          testOf.get(result.testId),
          decisionsOf.get(candidate.id) ?? [],
        ),
      );
    }
  }
  const unscored = await unscoredSignedResults(ctx, session, candidates, tests, results);
  const pending = new Set(unscored.map((u) => u.candidate.id));
  const f = session.finalization;
  return {
    session: invigilatorSessionView(session, await centreName(ctx, session.centreId)),
    finalization: f
      ? {
          globalComment: f.globalComment,
          hadIncident: f.hadIncident,
          candidateCouldNotJoin: f.candidateCouldNotJoin,
          needsJury: needsJury(f, incidents, results, tests, unscored),
        }
      : null,
    results: views,
    absent:
      session.state === 'created'
        ? []
        : candidates
            .filter((c) => !resultOf.has(c.id) && !pending.has(c.id))
            .map((c) => ({ candidateId: c.id, firstName: c.firstName, lastName: c.lastName })),
    unscoredSignedResults: unscored.map((u) => ({
      candidateId: u.candidate.id,
      firstName: u.candidate.firstName,
      lastName: u.candidate.lastName,
      endReason: u.endReason,
      signedResultReceivedAt: iso(u.receivedAt),
      abortReasonNeeded: u.abortReasonNeeded,
    })),
  };
}

export function certificateView(
  result: StoredResult,
  candidate: StoredCandidate,
  session: StoredSession,
  centre: string,
): Certificate | null {
  if (
    result.verificationCode === null ||
    session.publishedAt === null ||
    result.score.status !== 'validated'
  ) {
    return null;
  }
  return {
    verificationCode: result.verificationCode,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    birthdate: candidate.birthdate,
    centreName: centre,
    sessionDate: session.date,
    pixScore: result.score.pixScore,
    // The cap its levels were scored with, not today's setting: they must agree.
    maxReachableLevel: result.maxReachableLevel,
    competences: result.score.competences.map((c) => ({
      code: c.code,
      label: competenceLabel(c.code),
      level: c.level,
      pix: c.pix,
    })),
    publishedAt: iso(session.publishedAt),
  };
}

/** The statuses as the school's file says them (the screens' words). */
const STATUS_WORDS: Readonly<Record<CandidateResult['status'], string>> = {
  validated: 'Certifié',
  rejected: 'Non certifié',
  cancelled: 'Annulé',
};

/** What the school's file says of each candidate besides the results: how its records know them. */
export type CandidateIdentity = Pick<StoredCandidate, 'id' | 'birthdate' | 'externalId'>;

/**
 * The results for a school's records: one line per candidate, Excel-friendly (BOM, `;`). Every line,
 * an absent candidate's too, carries the candidate's external identifier and birthdate (from
 * `candidates`, the session's candidates), so that the school matches it to its own records; the
 * headers are the candidate list's (core/session/candidate-csv-columns.ts).
 */
export function resultsCsv(results: Results, candidates: readonly CandidateIdentity[]): string {
  const identityOf = new Map(candidates.map((c) => [c.id, c]));
  const identity = (candidateId: string) => {
    const c = identityOf.get(candidateId);
    return [c ? spreadsheetDate(c.birthdate) : '', c?.externalId ?? ''];
  };
  const header = [
    CANDIDATE_CSV_LABELS.lastName,
    CANDIDATE_CSV_LABELS.firstName,
    CANDIDATE_CSV_LABELS.birthdate,
    CANDIDATE_CSV_LABELS.externalId,
    'Statut',
    'Score Pix',
    'Code de vérification',
    ...COMPETENCES.map((c) => `Niveau ${c.code}`),
  ];
  const noResult = (status: string) => [status, '', '', ...COMPETENCES.map(() => '')];
  const lines = results.results.map((r) => {
    const levels = COMPETENCES.map((c) => r.competences.find((x) => x.code === c.code)?.level ?? '');
    return [
      r.lastName,
      r.firstName,
      ...identity(r.candidateId),
      STATUS_WORDS[r.status],
      r.pixScore,
      r.verificationCode ?? '',
      ...levels,
    ];
  });
  for (const a of results.absent)
    lines.push([a.lastName, a.firstName, ...identity(a.candidateId), ...noResult('absent')]);
  for (const u of results.unscoredSignedResults)
    lines.push([u.lastName, u.firstName, ...identity(u.candidateId), ...noResult('résultat en attente')]);
  return spreadsheetCsv(header, lines);
}
