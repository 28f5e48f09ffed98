// The words of the 15- and 5-minute warnings. The warning stays on screen until dismissed, beside the
// bar's time left: a fixed « 15 minutes » would soon sit beside « 14 min ». So it shows the time the bar
// shows, counted once for both and rounded by the same rule (format-duration.ts: minutes rounded up).
// Until the bar has reached the warning (the station's event can come before its new status, the base
// the bar counts from), and when said to screen readers, it is "less than": true whenever it is read.
import type { TFunction } from 'i18next';
import { formatTimeLeft } from '../../shared/format-duration.ts';

export type TimeWarning = 15 | 5;

export function timeWarningShown(warning: TimeWarning, leftMs: number | null, t: TFunction): string {
  if (leftMs === null || leftMs > warning * 60_000) return timeWarningSaid(warning, t);
  return t(`test.warning.m${warning}`, { time: formatTimeLeft(leftMs, t) });
}

export function timeWarningSaid(warning: TimeWarning, t: TFunction): string {
  return t(`test.warning.under${warning}`);
}
