// A session's progress in the sessions table, one line: "31 inscrits · 1 a commencé · 1 résultat reçu",
// and "· 1 résultat refusé" when the server refused some station's signed result for good: those wait
// for the jury, so the state cell says so too (refusedResultsHint). Each count has its own plural, so
// the parts are separate messages joined here.
import type { CentreSession } from '../api/centre-client.ts';
import type { Translate } from '../i18n/use-t.ts';

type Counts = Omit<CentreSession['counts'], 'running'>;

export function sessionCountsText(counts: Counts, t: Translate): string {
  return [
    t('sessions.table.counts.enrolled', { count: counts.candidates }),
    t('sessions.table.counts.started', { count: counts.started }),
    t('sessions.table.counts.received', { count: counts.resultsReceived }),
    ...(counts.resultsRefused > 0
      ? [t('sessions.table.counts.refused', { count: counts.resultsRefused })]
      : []),
  ].join(' · ');
}

/** Under the session's state: refused results are for the jury to look at (null: none refused). */
export function refusedResultsHint(counts: Pick<Counts, 'resultsRefused'>, t: Translate): string | null {
  return counts.resultsRefused > 0 ? t('sessions.table.refusedHint', { count: counts.resultsRefused }) : null;
}
