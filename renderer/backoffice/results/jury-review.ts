// What the jury reads and decides on the results page, as data: the incident reports in the order the
// jury reads them (by candidate, then as filed), the questions a candidate's E reports point at, the
// number of questions of a candidate's test, the question number typed for a neutralization, and the
// sentence that says what a neutralization changed (DOMAIN.md §6–7).
import {
  isQuestionCode,
  type CandidateResult,
  type IncidentCode,
  type Results,
} from '../../../core/contracts/invigilator-api.ts';
import type { Incident } from '../api/centre-client.ts';
import { byName } from '../format.ts';
import type { MessageKey, Translate } from '../i18n/use-t.ts';

export type { IncidentCode };
export { isQuestionCode };

/** A code's meaning, as the invigilator screen words it: « E4 — Le site à consulter est indisponible ». */
export const codeMeaningKey = (code: IncidentCode): MessageKey => `jury.codes.${code}`;

/** Reports the jury must look at before publication: the server's rule (core's codeNeedsJury). */
export { codeNeedsJury as needsAction } from '../../../core/contracts/invigilator-api.ts';

export interface Named {
  firstName: string;
  lastName: string;
}

/** Every candidate the results name (scored, absent, or waiting to be scored), by id. */
export function candidatesById(results: Results): Map<string, Named> {
  return new Map(
    [...results.results, ...results.absent, ...results.unscoredSignedResults].map((c) => [
      c.candidateId,
      { firstName: c.firstName, lastName: c.lastName },
    ]),
  );
}

/** The session's reports by candidate (last name first), then in the order they were filed. */
export function reportsInReadingOrder(
  incidents: readonly Incident[],
  candidates: ReadonlyMap<string, Named>,
): Incident[] {
  const nobody: Named = { firstName: '', lastName: '' };
  return [...incidents].sort(
    (a, b) =>
      byName(candidates.get(a.candidateId) ?? nobody, candidates.get(b.candidateId) ?? nobody) ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  );
}

/** How many questions the candidate's test asked (numbered 1 to this). */
export function questionCount(result: CandidateResult): number {
  return result.competences.reduce((sum, c) => sum + c.asked, 0);
}

export interface ReportedQuestion {
  number: number;
  /** The E reports on it, as filed. */
  reports: Incident[];
  neutralized: boolean;
}

/** The questions the candidate's E reports point at, by number, each with its reports. */
export function reportedQuestions(result: CandidateResult): ReportedQuestion[] {
  const byNumber = new Map<number, Incident[]>();
  for (const incident of result.incidents) {
    if (!isQuestionCode(incident.code) || incident.questionNumber === null) continue;
    byNumber.set(incident.questionNumber, [...(byNumber.get(incident.questionNumber) ?? []), incident]);
  }
  return [...byNumber.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, reports]) => ({
      number,
      reports: reports.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      neutralized: result.neutralizedQuestions.includes(number),
    }));
}

export type QuestionNumberCheck =
  { ok: true; number: number } | { ok: false; error: 'number' | 'already'; number: number | null };

/** The number typed to neutralize one more question: one of the test's, not neutralized yet. */
export function checkQuestionNumber(text: string, result: CandidateResult): QuestionNumberCheck {
  const trimmed = text.trim();
  const number = /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!(number >= 1 && number <= questionCount(result))) return { ok: false, error: 'number', number: null };
  if (result.neutralizedQuestions.includes(number)) return { ok: false, error: 'already', number };
  return { ok: true, number };
}

/** « Certifié, 312 Pix, taux de reproductibilité 85 % ». */
export function outcomeText(result: CandidateResult, t: Translate): string {
  return t('jury.neutralize.outcome', {
    status: t(`results.statuses.${result.status}`),
    score: result.pixScore,
    rate: result.reproducibilityRate,
  });
}

/** What a neutralization (or its undoing) changed: the question, the candidate, the result before and after. */
export function neutralizationDone(
  change: { number: number; neutralized: boolean },
  before: CandidateResult,
  after: CandidateResult,
  t: Translate,
  /** As the page names candidates (a namesake with the birthdate: candidate-names.tsx). */
  nameOf: (candidate: CandidateResult) => string,
): string {
  const was = outcomeText(before, t);
  const now = outcomeText(after, t);
  return t(change.neutralized ? 'jury.neutralize.neutralizedDone' : 'jury.neutralize.undoneDone', {
    number: change.number,
    name: nameOf(after),
    change:
      was === now
        ? t('jury.neutralize.unchanged', { after: now })
        : t('jury.neutralize.changed', { after: now, before: was }),
  });
}
