// The back office names a session's candidates as the invigilator's screen does: two « Jade MOREAU »
// with their birthdate (shared/namesakes.ts), in every line, question and dialog of the finalization,
// the results and the jury's decisions, so that the referent never decides for the wrong one (the
// record writes every candidate's birthdate). The screen reads the session's candidates once and gives
// them here: the lists it shows may hold one of the two only, often without the birthdate.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Results } from '../../../core/contracts/invigilator-api.ts';
import { sessionNamer, type RosterCandidate, type SessionNamer } from '../../shared/namesakes.ts';
import type { Candidate } from '../api/centre-client.ts';
import { listName } from '../format.ts';
import { useLocale } from '../i18n/use-t.ts';

export type NameOf = SessionNamer;

// No default: a part rendered outside a screen that gives the session's candidates would name a
// namesake without the birthdate, silently (useCandidateName throws instead). `listed`: the same
// names in their list form (« MOREAU Jade (08/09/2011) »).
const CandidateNames = createContext<{ named: NameOf; listed: NameOf } | null>(null);

/**
 * The session's candidates for naming: as enrolled, then as the results have them (fresher: an identity
 * the jury corrected).
 */
export function rosterOf(
  candidates: readonly Pick<Candidate, 'id' | 'firstName' | 'lastName' | 'birthdate'>[],
  results: Pick<Results, 'results'> | null = null,
): RosterCandidate[] {
  return [
    ...candidates.map((c) => ({
      candidateId: c.id,
      firstName: c.firstName,
      lastName: c.lastName,
      birthdate: c.birthdate,
    })),
    ...(results?.results ?? []),
  ];
}

export function CandidateNamesProvider({
  roster,
  children,
}: {
  roster: readonly RosterCandidate[];
  children: ReactNode;
}) {
  const locale = useLocale();
  const names = useMemo(
    () => ({ named: sessionNamer(roster, locale), listed: sessionNamer(roster, locale, listName) }),
    [roster, locale],
  );
  return <CandidateNames.Provider value={names}>{children}</CandidateNames.Provider>;
}

function useNames(): { named: NameOf; listed: NameOf } {
  const names = useContext(CandidateNames);
  if (names === null)
    throw new Error(
      'A candidate named outside CandidateNamesProvider: a namesake would be named without the birthdate',
    );
  return names;
}

/** « Jade MOREAU », or « Jade MOREAU (08/09/2011) » when the session has another « Jade MOREAU ». */
export function useCandidateName(): NameOf {
  return useNames().named;
}

/** « MARTIN Léa », or « MOREAU Jade (08/09/2011) »: for a list sorted by last name. */
export function useCandidateListName(): NameOf {
  return useNames().listed;
}
