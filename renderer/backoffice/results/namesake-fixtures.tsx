// Two « Jade MOREAU » and a third candidate, for the tests that a namesake is named with the birthdate
// (and only a namesake): the session's candidates as the screens give them to candidate-names.tsx.
import type { ReactNode } from 'react';
import { CandidateNamesProvider } from './candidate-names.tsx';

export const jade1 = {
  candidateId: 'can_j1',
  firstName: 'Jade',
  lastName: 'Moreau',
  birthdate: '2011-09-08',
};
export const jade2 = {
  candidateId: 'can_j2',
  firstName: 'Jade',
  lastName: 'MOREAU',
  birthdate: '2012-02-14',
};
export const lea = { candidateId: 'can_1', firstName: 'Léa', lastName: 'Martin', birthdate: '2011-03-07' };

/** `node` inside a session whose candidates are the two Jade MOREAU and Léa MARTIN. */
export function withNamesakes(node: ReactNode) {
  return <CandidateNamesProvider roster={[jade1, jade2, lea]}>{node}</CandidateNamesProvider>;
}

/**
 * `node` inside a session whose candidates all have different names (nobody named with a birthdate):
 * the parts that name candidates are never rendered outside a session (candidate-names.tsx throws).
 */
export function inSession(node: ReactNode) {
  return <CandidateNamesProvider roster={[]}>{node}</CandidateNamesProvider>;
}
