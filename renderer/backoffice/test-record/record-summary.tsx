// The record's header: the candidate, the session, the stations the test ran on, when it started and
// how it ended, the time used, the invigilator's authorizations, and where the record comes from.
import { useTranslation } from 'react-i18next';
import type { CandidateTestRecord } from '../../../core/contracts/candidate-record.ts';
import { formatTimeLeft } from '../../shared/format-duration.ts';
import { fullName, longDate, shortDate } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { Moment } from './record-moment.tsx';
import { authorizationText, endLines, evidenceLines } from './record-words.ts';

export function RecordSummary({ record }: { record: CandidateTestRecord }) {
  const t = useT();
  const locale = useLocale();
  const { t: shared } = useTranslation();
  const duration = (ms: number) => formatTimeLeft(ms, shared);
  const { candidate, session, time } = record;
  const reference = record.startedAt;
  return (
    <section className="section card-panel record-summary" aria-labelledby="record-summary">
      <h2 id="record-summary">{t('testRecord.summary.title')}</h2>
      <dl className="details" data-testid="record-summary">
        <dt>{t('testRecord.summary.candidate')}</dt>
        <dd>
          {fullName(candidate)},{' '}
          {t('testRecord.summary.born', { date: shortDate(candidate.birthdate, locale) })}
          {candidate.extraTimePercentage > 0 && (
            <span className="sub">
              {t('testRecord.summary.extraTime', { percent: candidate.extraTimePercentage })}
            </span>
          )}
          {candidate.accessibilityAdjustment && (
            <span className="sub">{t('testRecord.summary.accessibility')}</span>
          )}
        </dd>
        <dt>{t('testRecord.summary.session')}</dt>
        <dd>
          {t('testRecord.summary.sessionValue', {
            number: session.number,
            centre: session.centreName,
            room: session.room,
            date: longDate(session.date, locale),
            time: session.time,
          })}
          <span className="sub">{t('testRecord.summary.examiner', { name: session.examiner })}</span>
        </dd>
        <dt>{t('testRecord.summary.stations', { count: record.stations.length })}</dt>
        <dd data-testid="record-stations">{record.stations.map((s) => s.name).join(', ')}</dd>
        <dt>{t('testRecord.summary.start')}</dt>
        <dd>
          {record.startedAt === null ? (
            t('testRecord.summary.notStarted')
          ) : (
            <Moment at={record.startedAt} reference={null} />
          )}
        </dd>
        <dt>{t('testRecord.summary.end')}</dt>
        <dd data-testid="record-end">
          {record.end.at !== null && (
            <>
              <Moment at={record.end.at} reference={reference} /> —{' '}
            </>
          )}
          {endLines(record.end, t).map((line, i) =>
            i === 0 ? (
              <span key={line}>{line}</span>
            ) : (
              <span key={line} className="sub">
                {line}
              </span>
            ),
          )}
        </dd>
        <dt>{t('testRecord.summary.time')}</dt>
        <dd>
          {t('testRecord.summary.timeUsed', {
            elapsed: duration(time.elapsedMs),
            allowed: duration(time.allowedMs),
          })}
          {time.addedMs > 0 && (
            <span className="sub">
              {t('testRecord.summary.timeAdded', { added: duration(time.addedMs) })}
            </span>
          )}
          {time.downtimeMs > 0 && (
            <span className="sub">
              {t('testRecord.summary.downtime', { downtime: duration(time.downtimeMs) })}
            </span>
          )}
        </dd>
        <dt>{t('testRecord.summary.authorizations')}</dt>
        <dd>
          {record.authorizations.length === 0 ? (
            t('testRecord.summary.noAuthorization')
          ) : (
            <ul className="plain-list">
              {record.authorizations.map((a) => (
                <li key={`${a.kind}-${a.issuedAt}`}>{authorizationText(a, t, locale, reference)}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('testRecord.summary.evidence')}</dt>
        <dd data-testid="record-evidence" data-source={record.evidence.source}>
          {evidenceLines(record.evidence, t, locale).map((line, i) =>
            i === 0 ? (
              <span key={line}>{line}</span>
            ) : (
              <span key={line} className="sub">
                {line}
              </span>
            ),
          )}
        </dd>
      </dl>
    </section>
  );
}
