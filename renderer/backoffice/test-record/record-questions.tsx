// « Questions »: every question in the order of the test, with its competence and type, the start of
// its instruction, the answer as the candidate gave it (text only), its status as scoring sees it and
// how it counts, and whether (and why) it is neutralized.
import { useTranslation } from 'react-i18next';
import type { CandidateTestRecord, RecordQuestion } from '../../../core/contracts/candidate-record.ts';
import { competence } from '../../../core/framework/crcn.ts';
import { formatCountdown } from '../../shared/format-duration.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { DataTable } from '../ui/data-table.tsx';
import { answerText, countedText, neutralizationText, recordTime, statusText } from './record-words.ts';

/** The tag a status wears (its words say it; the colour only repeats them). */
const STATUS_TAG: Record<string, string> = {
  ok: 'tag tag-check-ok',
  ko: 'tag tag-check-failure',
  timedout: 'tag tag-check-failure',
  focusedOut: 'tag tag-check-failure',
  aband: 'tag tag-check-warning',
  none: 'tag',
};

export function RecordQuestions({ record, name }: { record: CandidateTestRecord; name: string }) {
  const t = useT();
  return (
    <section
      className="section record-section"
      aria-labelledby="record-questions"
      data-testid="record-questions"
    >
      <h2 id="record-questions">{t('testRecord.questions.title')}</h2>
      <p className="hint">{t('testRecord.questions.intro')}</p>
      <DataTable
        caption={t('testRecord.questions.caption', { name })}
        className="record-table"
        testId="record-questions-table"
        columns={[
          t('testRecord.questions.number'),
          t('testRecord.questions.competence'),
          t('testRecord.questions.type'),
          t('testRecord.questions.answer'),
          t('testRecord.questions.status'),
          t('testRecord.questions.neutralized'),
        ]}
      >
        {record.questions.map((q) => (
          <QuestionRow key={q.number} question={q} reference={record.startedAt} />
        ))}
      </DataTable>
    </section>
  );
}

function QuestionRow({ question: q, reference }: { question: RecordQuestion; reference: string | null }) {
  const t = useT();
  const locale = useLocale();
  const { t: shared, i18n } = useTranslation();
  const label = competence(q.competence).label[i18n.language === 'en' ? 'en' : 'fr'];
  const answeredAt = recordTime(q.answeredAt, locale, reference);
  return (
    <tr
      data-testid="record-question"
      data-number={q.number}
      data-status={q.status ?? 'none'}
      data-neutralized={q.neutralization === null ? 'no' : q.neutralization.by}
    >
      <th scope="row">
        <span className="visually-hidden">{t('testRecord.questions.question', { number: q.number })}</span>
        <span aria-hidden="true">{q.number}</span>
        <span className="sub record-instruction">{q.instruction}</span>
      </th>
      <td>
        {q.competence}
        <span className="sub">{label}</span>
      </td>
      <td>
        {q.type}
        {q.focused && <span className="sub">{t('testRecord.questions.focused')}</span>}
        {q.timerSeconds !== null && (
          <span className="sub">
            {t('testRecord.questions.timer', { time: formatCountdown(q.timerSeconds * 1000, shared) })}
          </span>
        )}
      </td>
      <td>
        <span className="record-answer" data-testid="record-answer">
          {answerText(q.answer, t)}
        </span>
        {answeredAt !== null && q.answer !== null && (
          <span className="sub">{t('testRecord.questions.answeredAt', { time: answeredAt })}</span>
        )}
      </td>
      <td className="record-status-cell">
        <span className={STATUS_TAG[q.status ?? 'none']} data-testid="record-status">
          {statusText(q, t)}
        </span>
        <span className="sub">{countedText(q, t)}</span>
        {q.timeSpentMs !== null && (
          <span className="sub">
            {t('testRecord.questions.timeSpent', { time: formatCountdown(q.timeSpentMs, shared) })}
          </span>
        )}
        {q.focusLosses > 0 && (
          <span className="sub">{t('testRecord.questions.focusLosses', { count: q.focusLosses })}</span>
        )}
      </td>
      <td>{neutralizationText(q.neutralization, t)}</td>
    </tr>
  );
}
