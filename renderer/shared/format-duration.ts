// Durations as the candidate reads them: "1 h 32 min", "4 min", "45 s". Minutes are rounded up so
// the screen never shows less time than is left (and "15 min" appears exactly at the 15-minute warning).
import type { TFunction } from 'i18next';

export function formatTimeLeft(ms: number, t: TFunction): string {
  if (ms <= 0) return t('duration.seconds', { seconds: 0 });
  if (ms < 60_000) return t('duration.seconds', { seconds: Math.ceil(ms / 1000) });
  const totalMinutes = Math.ceil(ms / 60_000);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return t('duration.minutes', { minutes });
  if (minutes === 0) return t('duration.hours', { hours });
  return t('duration.hoursMinutes', { hours, minutes: String(minutes).padStart(2, '0') });
}

/** A short countdown (a challenge's own timer): every second counts, so seconds are shown. */
export function formatCountdown(ms: number, t: TFunction): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes === 0) return t('duration.seconds', { seconds });
  return t('duration.minutesSeconds', { minutes, seconds: String(seconds).padStart(2, '0') });
}
