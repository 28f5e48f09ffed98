// Two candidates of a session with the same name (two « Jade MOREAU »): wherever the screen names one
// of them — a card, a dialog's question, a finalization line — the birthdate tells which one, so that
// a decision is never taken for the wrong candidate.
import { frenchDate } from '../attendance/attendance.ts';
import { candidateMatchKey } from '../../../core/session/candidate-name.ts';
import { fullName } from '../format.ts';

type Named = { firstName: string; lastName: string };

// The join's own « same name » (accents, ligatures, spaces and hyphens aside): the candidates it could
// not tell apart are the ones the invigilator must.
const nameKey = (candidate: Named) => candidateMatchKey(candidate);

/** The names (as keys) that more than one candidate of the session bears. */
export function namesakeNames(candidates: Iterable<Named>): ReadonlySet<string> {
  const seen = new Map<string, number>();
  for (const c of candidates) seen.set(nameKey(c), (seen.get(nameKey(c)) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([key]) => key));
}

export function isNamesake(candidate: Named, namesakes: ReadonlySet<string>): boolean {
  return namesakes.has(nameKey(candidate));
}

/** « Jade MOREAU », or « Jade MOREAU (08/09/2011) » when another candidate has the same name. */
export function candidateName(
  candidate: Named & { birthdate: string },
  namesakes: ReadonlySet<string>,
): string {
  const name = fullName(candidate);
  return isNamesake(candidate, namesakes) ? `${name} (${frenchDate(candidate.birthdate)})` : name;
}
