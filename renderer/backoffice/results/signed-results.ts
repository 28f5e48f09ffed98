// The stations' signed results on the results page (issues 4 and 9). A result scored without its
// station's signed result (the station was switched off after the test, or offline) comes only from
// the answers received during the test: publication waits for it (the station sends it by itself once
// switched on in the room with network), unless the administrator publishes without waiting. One that
// arrives after publication is not applied to the certificate by itself: an administrator re-scores.
import type { PublicationRequest } from '../../../core/contracts/centre-api.ts';
import type { CandidateResult, Results } from '../../../core/contracts/invigilator-api.ts';
import { byName } from '../format.ts';

/** Candidates whose signed result is awaited, by name: publication waits for them unless told not to. */
export function awaitedSignedResults(results: Results): CandidateResult[] {
  return results.results.filter((r) => r.signedResult === 'awaited').sort(byName);
}

/**
 * Results whose signed result arrived after publication and is not applied yet, by name: an
 * administrator re-scores. One that arrived before publication is being scored: not one of them.
 */
export function lateSignedResults(results: Results): CandidateResult[] {
  return results.results
    .filter((r) => signedResultNote(r)?.kind === 'notAppliedAfterPublication')
    .sort(byName);
}

/**
 * Candidates without a result whose station's signed result arrived after finalization, by name: an
 * administrator re-scores each with it, giving the abort reason when `abortReasonNeeded`.
 */
export function unscoredSignedResults(results: Results): Results['unscoredSignedResults'] {
  return [...results.unscoredSignedResults].sort(byName);
}

/** What a result's row says about its signed result (nothing when it was scored from it in time). */
export type SignedResultNote =
  /** Not received: the result comes only from the answers received during the test. */
  | { kind: 'awaited' }
  /** The server refused the one its station sent: the jury examines the station's journal. */
  | { kind: 'refused' }
  /** Received before publication, not applied yet: being scored (publication applies it first). */
  | { kind: 'notApplied' }
  /** Received after publication: the certificate does not show it until an administrator re-scores. */
  | { kind: 'notAppliedAfterPublication'; receivedAt: string }
  /** Received after publication, and re-scored with since. */
  | { kind: 'appliedAfterPublication'; scoredAt: string }
  | null;

export function signedResultNote(result: CandidateResult): SignedResultNote {
  const receivedAt = result.signedResultReceivedAt;
  switch (result.signedResult) {
    // Scored from it: whether its arrival time is known or not, nothing is awaited.
    case 'applied':
      return result.signedResultAfterPublication
        ? { kind: 'appliedAfterPublication', scoredAt: result.scoredAt }
        : null;
    case 'refused':
      return { kind: 'refused' };
    case 'awaited':
      return { kind: 'awaited' };
    case 'notApplied':
      return result.signedResultAfterPublication && receivedAt !== null
        ? { kind: 'notAppliedAfterPublication', receivedAt }
        : { kind: 'notApplied' };
  }
}

/**
 * The publication as the page sends it: with signed results still awaited, the only way offered is
 * « Publier sans attendre », after a confirmation that names those candidates.
 */
export function publicationRequest(results: Results, juryReviewed: boolean): PublicationRequest {
  return { juryReviewed, withoutAwaitedSignedResults: awaitedSignedResults(results).length > 0 };
}

/** The results with one candidate's new result in place (after a re-scoring). */
export function withResult(results: Results, result: CandidateResult): Results {
  return {
    ...results,
    results: results.results.map((r) => (r.candidateId === result.candidateId ? result : r)),
  };
}

/**
 * Names in a sentence: "Léa MARTIN et Hugo BERNARD", "Léa MARTIN, Hugo BERNARD and Zoé LAMBERT"; each
 * as the page names it (`nameOf`: a namesake with the birthdate, candidate-names.tsx).
 */
export function namesInSentence<Person>(
  people: readonly Person[],
  locale: string,
  nameOf: (person: Person) => string,
): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(people.map(nameOf));
}
