// The test's length as the instructions announce it, before the package (and its clock) arrives.
// Mirrors core/exam/duration.ts (105 minutes plus the extra time percentage, to the second); that
// module is not imported because it drags zod into the screens' bundle.
const BASE_EXAM_MINUTES = 105;

export function announcedDurationMs(extraTimePercentage: number): number {
  return Math.round(BASE_EXAM_MINUTES * 60 * (1 + extraTimePercentage / 100)) * 1000;
}
