import { describe, expect, it } from 'vitest';
import { EXAM_PHASES, type ExamPhase } from '../../../core/contracts/station-api.ts';
import { IllegalTransitionError, assertMove, canMove } from './exam-phase.ts';

// Every allowed move, written from the state machine: idle → signed in → waiting → in progress
// ⇄ paused → ended → sealed → uploaded → idle, plus resume after a crash and cancelling before the start.
const ALLOWED: Array<[ExamPhase, ExamPhase]> = [
  ['idle', 'signedIn'],
  ['idle', 'resumePending'],
  ['idle', 'ended'],
  ['signedIn', 'waiting'],
  ['signedIn', 'idle'],
  ['waiting', 'inProgress'],
  ['waiting', 'signedIn'],
  ['waiting', 'idle'],
  ['resumePending', 'inProgress'],
  ['resumePending', 'paused'],
  ['resumePending', 'ended'],
  ['resumePending', 'idle'],
  ['inProgress', 'paused'],
  ['inProgress', 'ended'],
  ['paused', 'inProgress'],
  ['paused', 'ended'],
  ['ended', 'sealed'],
  ['sealed', 'uploaded'],
  ['sealed', 'idle'],
  ['uploaded', 'idle'],
];

const all = EXAM_PHASES.flatMap((from) => EXAM_PHASES.map((to) => [from, to] as [ExamPhase, ExamPhase]));

describe('exam phases', () => {
  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(true);
    expect(() => assertMove(from, to)).not.toThrow();
  });

  it.each(all.filter(([f, t]) => !ALLOWED.some(([a, b]) => a === f && b === t)))(
    'refuses %s → %s with a clear error',
    (from, to) => {
      expect(canMove(from, to)).toBe(false);
      expect(() => assertMove(from, to)).toThrow(IllegalTransitionError);
      expect(() => assertMove(from, to)).toThrow(`the station cannot go from "${from}" to "${to}"`);
    },
  );
});
