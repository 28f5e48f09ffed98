// When is a test "under way" for the shell? From the start to the end: the kiosk's test-time measures
// (power-save blocker, clipboard clearing, the candidate's browser session) follow these transitions.
import type { ExamPhase } from '../../../core/contracts/station-api.ts';

const UNDER_WAY: ReadonlySet<ExamPhase> = new Set(['inProgress', 'paused']);

export function testUnderWay(phase: ExamPhase): boolean {
  return UNDER_WAY.has(phase);
}

/** What the shell must do when the phase moves (also for the same test resumed after a crash). */
export function activityChange(
  before: { phase: ExamPhase; testId: string | null } | null,
  after: { phase: ExamPhase; testId: string | null },
): { started: boolean; ended: boolean } {
  const was = before !== null && testUnderWay(before.phase);
  const is = testUnderWay(after.phase);
  const otherTest = was && is && before?.testId !== after.testId;
  return { started: (is && !was) || otherTest, ended: (was && !is) || otherTest };
}
