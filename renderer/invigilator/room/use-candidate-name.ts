// A candidate's name as every dialog and line of the session says it: with the birthdate for a
// namesake (shared/namesakes.ts), from the candidates of the room, the date in the screen's language.
import { useCallback, useMemo } from 'react';
import { useRoom } from '../state/room-context.tsx';
import {
  candidateName,
  namesakeNames,
  sessionNamer,
  type ListedCandidate,
  type RosterCandidate,
} from '../../shared/namesakes.ts';
import { useLocale } from '../../shared/use-locale.ts';

export function useNamesakes(): ReadonlySet<string> {
  const candidates = useRoom((s) => s.candidates);
  return useMemo(() => namesakeNames(Object.values(candidates)), [candidates]);
}

export function useCandidateName(): (candidate: Parameters<typeof candidateName>[0]) => string {
  const namesakes = useNamesakes();
  const locale = useLocale();
  return useCallback((candidate) => candidateName(candidate, namesakes, locale), [namesakes, locale]);
}

/**
 * For lists that leave the birthdate out (the absent, a late signed result): the candidate is found in
 * the room by id. `fresher`: identities newer than the room's (the results, after a jury correction).
 */
export function useListedCandidateName(
  fresher: readonly RosterCandidate[] = NONE,
): (candidate: ListedCandidate) => string {
  const candidates = useRoom((s) => s.candidates);
  const locale = useLocale();
  return useMemo(
    () => sessionNamer([...Object.values(candidates), ...fresher], locale),
    [candidates, fresher, locale],
  );
}

const NONE: readonly RosterCandidate[] = [];
