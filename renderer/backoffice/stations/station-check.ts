// A station's last self-check as the station list shows it: ready, ready with warnings, not ready, or
// never checked; and the lines that need attention first. Older stations send no `status`: their
// `ok` decides. What each line found is worded in the page's language from its code, by the table the
// station's own check screen uses; older stations send no code: their French sentence is shown.
import {
  wordSelfCheckLine,
  type SelfCheckLanguage,
  type WordedSelfCheckLine,
} from '../../shared/self-check/self-check-wording.ts';
import type { Station } from '../api/centre-client.ts';

export type CheckStatus = 'ok' | 'warning' | 'failure' | 'skipped';
/** One line of a station's last self-check, as the server keeps it. */
export type StationCheck = NonNullable<Station['selfCheck']>['checks'][number];

export function checkStatus(check: StationCheck): CheckStatus {
  return check.status ?? (check.ok ? 'ok' : 'failure');
}

export function overallCheck(station: Station): 'none' | 'ok' | 'warning' | 'failure' {
  const report = station.selfCheck;
  if (!report) return 'none';
  const statuses = report.checks.map(checkStatus);
  if (!report.ok || statuses.includes('failure')) return 'failure';
  if (statuses.includes('warning')) return 'warning';
  return 'ok';
}

const ORDER: Record<CheckStatus, number> = { failure: 0, warning: 1, skipped: 2, ok: 3 };

/** Failures first, then warnings, then the rest, each group in the station's order. */
export function orderedChecks(station: Station): (StationCheck & { status: CheckStatus })[] {
  return (station.selfCheck?.checks ?? [])
    .map((check, index) => ({ ...check, status: checkStatus(check), index }))
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.index - b.index)
    .map(({ index: _index, ...check }) => check);
}

/**
 * What a line found and what to do, in `language`; a line without a known code keeps the station's
 * French sentence (which holds the action too), with `lang` 'fr'.
 */
export function checkWords(check: StationCheck, language: SelfCheckLanguage): WordedSelfCheckLine {
  return wordSelfCheckLine({ ...check, status: checkStatus(check), action: null }, language);
}

/** The codes just issued, as a CSV for IT (one line per station to enroll). */
export function codesCsv(codes: readonly { code: string; expiresAt: string }[]): string {
  return `code;valable jusqu'au\r\n${codes.map((c) => `${c.code};${c.expiresAt}`).join('\r\n')}\r\n`;
}
