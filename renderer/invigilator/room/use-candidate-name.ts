// A candidate's name as every dialog and line of the session says it: with the birthdate for a
// namesake (namesakes.ts), from the candidates of the room.
import { useCallback, useMemo } from 'react';
import { useRoom } from '../state/room-context.tsx';
import { candidateName, namesakeNames } from './namesakes.ts';

export function useNamesakes(): ReadonlySet<string> {
  const candidates = useRoom((s) => s.candidates);
  return useMemo(() => namesakeNames(Object.values(candidates)), [candidates]);
}

export function useCandidateName(): (candidate: Parameters<typeof candidateName>[0]) => string {
  const namesakes = useNamesakes();
  return useCallback((candidate) => candidateName(candidate, namesakes), [namesakes]);
}
