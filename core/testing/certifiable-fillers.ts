// Four competences at level 1, one skill and one challenge each: with a fifth competence under test
// the candidate is certifiable, and a test's rows only need to describe that fifth one.
import { qcuChallenge } from './challenge-fixtures.ts';

export const FILLERS = [
  { code: '2.1', skill: '@interagir1' },
  { code: '3.1', skill: '@textes1' },
  { code: '4.1', skill: '@securite1' },
  { code: '5.1', skill: '@depannage1' },
] as const;

export const FILLER_BANK = FILLERS.map((f) =>
  qcuChallenge({ id: `filler${f.code[0]}`, skill: f.skill, competence: f.code }),
);
