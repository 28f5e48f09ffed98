// « Finalisation » on the results page: what the jury reads before publication. The general comment, the
// two yes/no answers given at finalization, and every incident report of the session with its code's
// meaning (DOMAIN.md §7), its candidate, the question it is about and its text; the reports the jury
// must examine say so.
import type { Results } from '../../../core/contracts/invigilator-api.ts';
import type { Incident } from '../api/centre-client.ts';
import { useT } from '../i18n/use-t.ts';
import { DataTable } from '../ui/data-table.tsx';
import { IncidentFacts } from './incident-facts.tsx';
import { codeMeaningKey, needsAction, reportsInReadingOrder, type Named } from './jury-review.ts';
import { useCandidateName } from './candidate-names.tsx';

export const FINALIZATION_PANEL_HEADING = 'finalization-panel';

export function FinalizationPanel({
  finalization,
  incidents,
  candidates,
}: {
  finalization: Results['finalization'];
  /** The session's reports (every candidate's, absent ones included). */
  incidents: readonly Incident[];
  /** Names of the candidates the reports are about. */
  candidates: ReadonlyMap<string, Named>;
}) {
  const t = useT();
  const named = useCandidateName();
  const reports = reportsInReadingOrder(incidents, candidates);
  const yesNo = (value: boolean) => t(value ? 'common.yes' : 'common.no');
  const nameOf = (candidateId: string) => {
    const candidate = candidates.get(candidateId);
    return candidate ? named({ candidateId, ...candidate }) : candidateId;
  };
  return (
    <section
      className="section card-panel"
      aria-labelledby={FINALIZATION_PANEL_HEADING}
      data-testid="finalization-panel"
    >
      <h2 id={FINALIZATION_PANEL_HEADING}>{t('jury.panel.title')}</h2>
      <p className="hint">{t('jury.panel.intro')}</p>
      {finalization === null ? (
        <p data-testid="finalization-missing">{t('jury.panel.missing')}</p>
      ) : (
        <dl className="details">
          <dt>{t('jury.panel.comment')}</dt>
          <dd data-testid="global-comment">
            {finalization.globalComment.trim() === '' ? (
              <span className="muted">{t('jury.panel.noComment')}</span>
            ) : (
              finalization.globalComment
            )}
          </dd>
          <dt>{t('jury.panel.hadIncident')}</dt>
          <dd data-testid="had-incident">{yesNo(finalization.hadIncident)}</dd>
          <dt>{t('jury.panel.couldNotJoin')}</dt>
          <dd data-testid="could-not-join">{yesNo(finalization.candidateCouldNotJoin)}</dd>
        </dl>
      )}
      <h3>{t('jury.panel.reportsTitle')}</h3>
      {reports.length === 0 ? (
        <p data-testid="reports-none">{t('jury.panel.reportsNone')}</p>
      ) : (
        <DataTable
          caption={t('jury.panel.reportsCaption')}
          className="table-compact"
          testId="finalization-reports"
          columns={[
            t('jury.panel.candidate'),
            t('jury.panel.code'),
            t('jury.panel.question'),
            t('jury.panel.text'),
          ]}
        >
          {reports.map((report) => (
            <tr key={report.id} data-testid="finalization-report" data-code={report.code}>
              <th scope="row">{nameOf(report.candidateId)}</th>
              <td>
                {t(codeMeaningKey(report.code))}
                {needsAction(report.code) && <span className="sub">{t('jury.panel.needsAction')}</span>}
              </td>
              <IncidentFacts report={report} />
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
