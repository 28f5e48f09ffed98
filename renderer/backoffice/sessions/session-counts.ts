// A session's progress in the sessions table, one line: "31 inscrits · 1 a commencé · 1 résultat reçu".
// Each count has its own plural, so the parts are separate messages joined here.
import type { CentreSession } from '../api/centre-client.ts';
import type { Translate } from '../i18n/use-t.ts';

export function sessionCountsText(counts: Omit<CentreSession['counts'], 'running'>, t: Translate): string {
  return [
    t('sessions.table.counts.enrolled', { count: counts.candidates }),
    t('sessions.table.counts.started', { count: counts.started }),
    t('sessions.table.counts.received', { count: counts.resultsReceived }),
  ].join(' · ');
}
