// A report's question and description, as two cells of a table row: the same in the list the referent
// files at finalization and in the panel the jury reads.
import type { Incident } from '../api/centre-client.ts';
import { useT } from '../i18n/use-t.ts';

export function IncidentFacts({ report }: { report: Pick<Incident, 'questionNumber' | 'description'> }) {
  const t = useT();
  return (
    <>
      <td>
        {report.questionNumber === null
          ? t('jury.panel.noQuestion')
          : t('jury.neutralize.reportedQuestion', { number: report.questionNumber })}
      </td>
      <td>
        {report.description.trim() === '' ? (
          <span className="muted">{t('jury.panel.noText')}</span>
        ) : (
          report.description
        )}
      </td>
    </>
  );
}
