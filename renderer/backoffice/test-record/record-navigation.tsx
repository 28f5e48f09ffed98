// « Navigation »: every page requested in the test's browser, allowed or blocked by the station's
// filter (a blocked one says « Bloquée » in words and stands out), with how many were left out of a
// long list.
import type { CandidateTestRecord } from '../../../core/contracts/candidate-record.ts';
import { useT } from '../i18n/use-t.ts';
import { DataTable } from '../ui/data-table.tsx';
import { Moment, QuestionNumber } from './record-moment.tsx';
import { navigationRows } from './record-rows.ts';

export function RecordNavigation({ record, name }: { record: CandidateTestRecord; name: string }) {
  const t = useT();
  const rows = navigationRows(record);
  const { navigation } = record;
  const omitted = navigation.omitted.allowed + navigation.omitted.blocked;
  return (
    <section
      className="section record-section"
      aria-labelledby="record-navigation"
      data-testid="record-navigation"
    >
      <h2 id="record-navigation">{t('testRecord.navigation.title')}</h2>
      <p className="hint">{t('testRecord.navigation.intro')}</p>
      {navigation.total === 0 ? (
        <p data-testid="record-navigation-none">{t('testRecord.navigation.none')}</p>
      ) : (
        <>
          <p data-testid="record-navigation-summary">
            {t('testRecord.navigation.summary', {
              total: t('testRecord.navigation.total', { count: navigation.total }),
              blocked: t('testRecord.navigation.blocked', { count: navigation.blocked }),
            })}
          </p>
          {omitted > 0 && (
            <p className="notice notice-warning">
              {t('testRecord.navigation.omitted', {
                limit: navigation.limit,
                allowed: navigation.omitted.allowed,
                blocked: navigation.omitted.blocked,
              })}
            </p>
          )}
          <DataTable
            caption={t('testRecord.navigation.caption', { name })}
            className="record-table"
            testId="record-navigation-table"
            columns={[
              t('testRecord.navigation.time'),
              t('testRecord.navigation.question'),
              t('testRecord.navigation.address'),
              t('testRecord.navigation.decision'),
            ]}
          >
            {rows.map((row) => (
              <tr
                key={row.seq}
                className={row.allowed ? undefined : 'record-blocked'}
                data-testid="record-page"
                data-allowed={row.allowed}
              >
                <th scope="row">
                  <Moment at={row.at} reference={record.startedAt} />
                </th>
                <td>
                  <QuestionNumber number={row.questionNumber} />
                </td>
                <td>
                  <span className="record-url">{row.url}</span>
                </td>
                <td>
                  {row.allowed ? (
                    t('testRecord.navigation.allowed')
                  ) : (
                    <strong className="tag tag-check-failure">{t('testRecord.navigation.blocked')}</strong>
                  )}
                  {row.rule !== null && (
                    <span className="sub">{t('testRecord.navigation.rule', { rule: row.rule })}</span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
