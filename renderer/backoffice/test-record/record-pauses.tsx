// « Pauses et temps ajouté »: the pauses (by the invigilator, or the station locked) and how long each
// lasted, the station's interruptions (time not charged), and the time the invigilator added.
import { useTranslation } from 'react-i18next';
import type { CandidateTestRecord } from '../../../core/contracts/candidate-record.ts';
import { formatTimeLeft } from '../../shared/format-duration.ts';
import { useT } from '../i18n/use-t.ts';
import { DataTable } from '../ui/data-table.tsx';
import { Moment, QuestionNumber } from './record-moment.tsx';
import { pauseRows } from './record-rows.ts';
import { pauseWords } from './record-words.ts';

export function RecordPauses({ record, name }: { record: CandidateTestRecord; name: string }) {
  const t = useT();
  const { t: shared } = useTranslation();
  const duration = (ms: number) => formatTimeLeft(ms, shared);
  const rows = pauseRows(record);
  return (
    <section className="section record-section" aria-labelledby="record-pauses" data-testid="record-pauses">
      <h2 id="record-pauses">{t('testRecord.pauses.title')}</h2>
      {rows.length === 0 ? (
        <p data-testid="record-pauses-none">{t('testRecord.pauses.none')}</p>
      ) : (
        <DataTable
          caption={t('testRecord.pauses.caption', { name })}
          className="record-table"
          testId="record-pauses-table"
          columns={[
            t('testRecord.pauses.time'),
            t('testRecord.pauses.question'),
            t('testRecord.pauses.what'),
          ]}
        >
          {rows.map((row) => {
            const [what, detail] = pauseWords(row, t, duration);
            return (
              <tr key={row.seq} data-testid="record-pause" data-kind={row.kind}>
                <th scope="row">
                  <Moment at={row.at} reference={record.startedAt} />
                </th>
                <td>
                  <QuestionNumber number={row.questionNumber} />
                </td>
                <td>
                  {what}
                  {detail !== null && <span className="sub">{detail}</span>}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
