// « Verrouillage du poste »: the lockdown events the station journaled (in the invigilator screen's
// words: their names, and what the station knew of each, in the page's language), and each time the
// candidate left a focused question, in the order they happened.
import { useTranslation } from 'react-i18next';
import { stationEventHalves, type CandidateTestRecord } from '../../../core/contracts/candidate-record.ts';
import { useT } from '../i18n/use-t.ts';
import { DataTable } from '../ui/data-table.tsx';
import { Moment, QuestionNumber } from './record-moment.tsx';
import { stationEventRows } from './record-rows.ts';
import { lockdownDetail, type LockdownDetail } from './record-words.ts';

export function RecordLockdown({ record, name }: { record: CandidateTestRecord; name: string }) {
  const t = useT();
  const { t: tShared, i18n } = useTranslation();
  const rows = stationEventRows(record);
  return (
    <section
      className="section record-section"
      aria-labelledby="record-lockdown"
      data-testid="record-lockdown"
    >
      <h2 id="record-lockdown">{t('testRecord.lockdown.title')}</h2>
      <p className="hint">{t('testRecord.lockdown.intro')}</p>
      {rows.length === 0 ? (
        <p data-testid="record-lockdown-none">{t('testRecord.lockdown.none')}</p>
      ) : (
        <>
          {record.stationEvents.omitted > 0 && (
            <p className="notice notice-warning" data-testid="record-lockdown-omitted">
              {t('testRecord.lockdown.omitted', {
                count: record.stationEvents.omitted,
                total: record.stationEvents.total,
                ...stationEventHalves(record.stationEvents.limit),
              })}
            </p>
          )}
          <DataTable
            caption={t('testRecord.lockdown.caption', { name })}
            className="record-table"
            testId="record-lockdown-table"
            columns={[
              t('testRecord.lockdown.time'),
              t('testRecord.lockdown.question'),
              t('testRecord.lockdown.event'),
              t('testRecord.lockdown.detail'),
            ]}
          >
            {rows.map((row) => (
              <tr
                key={row.seq}
                data-testid="record-station-event"
                data-event={row.kind === 'lockdown' ? row.event : 'questionLeft'}
              >
                <th scope="row">
                  <Moment at={row.at} reference={record.startedAt} />
                </th>
                <td>
                  <QuestionNumber number={row.questionNumber} />
                </td>
                <td>
                  {row.kind === 'lockdown'
                    ? t(`testRecord.lockdown.events.${row.event}`)
                    : t('testRecord.lockdown.questionLeft')}
                </td>
                <td>
                  <Detail
                    detail={row.kind === 'lockdown' ? lockdownDetail(row, t, tShared, i18n.language) : null}
                  />
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}

/** The station's own sentence is French whatever the page's language: screen readers read it so. */
function Detail({ detail }: { detail: LockdownDetail | null }) {
  if (detail === null) return <>—</>;
  return detail.stationSentence ? <span lang="fr">{detail.text}</span> : <>{detail.text}</>;
}
