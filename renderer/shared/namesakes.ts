// Two candidates of a session with the same name (two « Jade MOREAU »): wherever a screen or a record
// that has the session's candidates names one of them — a card, a dialog's question, a finalization
// line, a jury decision, the back office's removal of a candidate, a test the bank cannot prepare — the
// birthdate tells which one, so that a decision is never taken for the wrong candidate. (Where only one
// candidate is known, such as the station's own screens, there is nobody to tell apart.)
import { candidateMatchKey } from '../../core/session/candidate-name.ts';
import { fullName, shortDate } from './format.ts';

export type Named = { firstName: string; lastName: string };
type Born = Named & { birthdate: string };

// The join's own « same name » (accents, ligatures, spaces and hyphens aside): the candidates it could
// not tell apart are the ones the invigilator and the referent must.
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

/**
 * « Jade MOREAU », or « Jade MOREAU (08/09/2011) » when another candidate has the same name; the date
 * as the screen's language writes it (`locale`, fr-FR unless told). `name`: the name's own form, for a
 * list sorted by last name (« MOREAU Jade (08/09/2011) »).
 */
export function candidateName(
  candidate: Born,
  namesakes: ReadonlySet<string>,
  locale = 'fr-FR',
  name: (candidate: Named) => string = fullName,
): string {
  const written = name(candidate);
  return isNamesake(candidate, namesakes)
    ? `${written} (${shortDate(candidate.birthdate, locale)})`
    : written;
}

/** One of the session's candidates, as its full list gives them. */
export type RosterCandidate = Born & { candidateId: string };

/** A candidate as the session's lists give them: the birthdate, when a list leaves it out, is found by id. */
export type ListedCandidate = Named & { candidateId: string; birthdate?: string };

/** A candidate's name, with the birthdate for a namesake. */
export type SessionNamer = (candidate: ListedCandidate) => string;

/**
 * How every list of a session names its candidates, from all of the session's candidates (`roster`):
 * a list may hold one of two namesakes only (the other finished, or is absent), and still names it
 * with its birthdate. A later entry of the roster replaces an earlier one of the same candidate (a
 * fresher identity, corrected by the jury). `name`: the name's own form (« MOREAU Jade » for a list
 * sorted by last name).
 */
export function sessionNamer(
  roster: Iterable<RosterCandidate>,
  locale: string,
  name: (candidate: Named) => string = fullName,
): SessionNamer {
  const byId = new Map<string, Born>();
  for (const c of roster) byId.set(c.candidateId, c);
  const namesakes = namesakeNames(byId.values());
  return (candidate) => {
    const birthdate = candidate.birthdate ?? byId.get(candidate.candidateId)?.birthdate;
    return birthdate === undefined
      ? name(candidate)
      : candidateName({ ...candidate, birthdate }, namesakes, locale, name);
  };
}
