// « Alertes et signalements »: the candidate's alerts (« Signaler un problème ») with the invigilator's
// decision and its code, and the incident reports filed for the candidate (C6 fraud, E5 website
// blocked…), each code with its meaning in the invigilator's words.
import type { CandidateTestRecord } from '../../../core/contracts/candidate-record.ts';
import { dateTime } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { DataTable } from '../ui/data-table.tsx';
import { Moment, QuestionNumber } from './record-moment.tsx';
import { recordTime } from './record-words.ts';

export function RecordAlerts({ record, name }: { record: CandidateTestRecord; name: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="section record-section" aria-labelledby="record-alerts" data-testid="record-alerts">
      <h2 id="record-alerts">{t('testRecord.alerts.title')}</h2>
      <h3 id="record-alerts-candidate">{t('testRecord.alerts.alertsTitle')}</h3>
      {record.alerts.length === 0 ? (
        <p>{t('testRecord.alerts.alertsNone')}</p>
      ) : (
        <DataTable
          caption={t('testRecord.alerts.alertsCaption', { name })}
          className="record-table"
          testId="record-alerts-table"
          columns={[
            t('testRecord.alerts.raisedAt'),
            t('testRecord.alerts.question'),
            t('testRecord.alerts.decision'),
          ]}
        >
          {record.alerts.map((a) => {
            const decidedAt = recordTime(a.decidedAt, locale, record.startedAt);
            return (
              <tr key={a.alertId} data-testid="record-alert" data-decision={a.decision}>
                <th scope="row">
                  <Moment at={a.raisedAt} reference={record.startedAt} />
                </th>
                <td>
                  <QuestionNumber number={a.questionNumber} />
                </td>
                <td>
                  {t(`testRecord.alerts.decisions.${a.decision}`)}
                  {a.reasonCode !== null && <span className="sub">{t(`jury.codes.${a.reasonCode}`)}</span>}
                  {decidedAt !== null && (
                    <span className="sub">{t('testRecord.alerts.decidedAt', { time: decidedAt })}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <h3 id="record-reports">{t('testRecord.alerts.reportsTitle')}</h3>
      {record.incidents.length === 0 ? (
        <p>{t('testRecord.alerts.reportsNone')}</p>
      ) : (
        <DataTable
          caption={t('testRecord.alerts.reportsCaption', { name })}
          className="record-table"
          testId="record-reports-table"
          columns={[
            t('testRecord.alerts.code'),
            t('testRecord.alerts.question'),
            t('testRecord.alerts.description'),
            t('testRecord.alerts.createdAt'),
          ]}
        >
          {record.incidents.map((i) => (
            <tr key={`${i.code}-${i.createdAt}`} data-testid="record-report" data-code={i.code}>
              <th scope="row">{t(`jury.codes.${i.code}`)}</th>
              <td>{i.questionNumber ?? t('testRecord.alerts.noQuestion')}</td>
              <td>
                {i.description === '' ? (
                  <span className="muted">{t('testRecord.alerts.noDescription')}</span>
                ) : (
                  i.description
                )}
              </td>
              <td>{dateTime(i.createdAt, locale)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
