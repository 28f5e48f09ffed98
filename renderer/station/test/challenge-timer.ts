// Where the question's own countdown runs from. The challenge brings its timer when it is drawn; every
// status the station sends brings it again for the question it shows, as the station counts it (still
// during a pause, a lock or a reported problem). The newer figure wins, so the screen never counts a
// pause the station did not count.
import type { CurrentChallenge, ExamView } from '../../../core/contracts/station-api.ts';

export interface TimerBase {
  /** Milliseconds left on the question's timer at `baseAt`; null for a question without one. */
  baseMs: number | null;
  /** performance.now() of the figure. */
  baseAt: number;
}

type StatusTimer = Pick<ExamView, 'progress' | 'challengeTimerLeftMs'>;

export function challengeTimerBase(
  challenge: Pick<CurrentChallenge, 'index' | 'timerLeftMs'>,
  challengeAt: number,
  exam: StatusTimer | null,
  statusAt: number,
): TimerBase {
  const own = { baseMs: challenge.timerLeftMs, baseAt: challengeAt };
  // A status about another question (the next one, before it is drawn) says nothing about this one.
  if (challenge.timerLeftMs === null || !exam || exam.progress?.current !== challenge.index) return own;
  if (exam.challengeTimerLeftMs === null || statusAt < challengeAt) return own;
  return { baseMs: exam.challengeTimerLeftMs, baseAt: statusAt };
}

/** The question's timer runs only while the test does and no reported problem freezes the question. */
export function challengeTimerRuns(exam: Pick<ExamView, 'phase' | 'alertPending'> | null): boolean {
  return exam?.phase === 'inProgress' && !exam.alertPending;
}
