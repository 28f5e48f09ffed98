// « Procès-verbal de session »: the record of the session's finalization that a Pix referent prints,
// has signed and files. The session's facts, when and by whom it was finalized, the two yes/no answers
// and the global comment, the candidates (presence, end of test, abort reason, extra time, neutralized
// questions, incident reports), the counts, and the blank signature block. Printed on A4
// (finalization-record.css). Before finalization the server refuses (SESSION_NOT_FINALIZED): the page
// says why, with the way back to the session.
import type { FinalizationRecord } from '../../../core/contracts/finalization-record.ts';
import { dateTime, listName, longDate, shortDate } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useShowCentre } from '../layout/app-shell.tsx';
import { useClient } from '../state/auth.tsx';
import { hrefFor } from '../state/router.ts';
import { useResource } from '../state/use-resource.ts';
import { BackToSession } from '../ui/back-to-session.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { Loaded, PageTitle } from '../ui/page.tsx';
import { RecordCandidateRow } from './record-candidate-row.tsx';
import { RecordSignatures } from './record-signatures.tsx';
import { countLines, finalizerText } from './record-lines.ts';
import './finalization-record.css';

export function FinalizationRecordScreen({ sessionId }: { sessionId: string }) {
  const t = useT();
  const client = useClient();
  const data = useResource(() => client.finalizationRecord(sessionId), [client, sessionId]);
  useShowCentre(data.data?.session.centreId);
  if (data.data === null && data.error?.code === 'SESSION_NOT_FINALIZED') {
    return (
      <div className="page">
        <PageTitle>{t('finalizationRecord.unavailableTitle')}</PageTitle>
        <div className="notice notice-warning" data-testid="error" data-code={data.error.code}>
          <p>{t('finalizationRecord.notFinalized')}</p>
        </div>
        <a className="button button-secondary" href={hrefFor({ page: 'session', sessionId })}>
          {t('common.backToSession')}
        </a>
      </div>
    );
  }
  return (
    <div className="page page-wide">
      <Loaded resource={data} titled={false}>
        {(record) => <FinalizationRecordView record={record} />}
      </Loaded>
    </div>
  );
}

export function FinalizationRecordView({ record }: { record: FinalizationRecord }) {
  const t = useT();
  const locale = useLocale();
  const { session, finalization } = record;
  const yesNo = (value: boolean) => t(value ? 'common.yes' : 'common.no');
  return (
    <article className="pv" data-testid="finalization-record" aria-labelledby="pv-title">
      <BackToSession session={session} className="no-print" />
      <PageTitle>
        <span id="pv-title">{t('finalizationRecord.title', { number: session.number })}</span>
      </PageTitle>
      <div className="no-print">
        <p className="lead">{t('finalizationRecord.intro')}</p>
        <p>
          <button
            type="button"
            className="button button-primary"
            data-testid="print-finalization-record"
            onClick={() => window.print()}
          >
            {t('finalizationRecord.print')}
          </button>
        </p>
      </div>

      <div className="pv-head">
        <section className="pv-block" aria-labelledby="pv-session">
          <h2 id="pv-session">{t('finalizationRecord.sessionTitle')}</h2>
          <dl className="pv-facts" data-testid="pv-session">
            <dt>{t('finalizationRecord.centre')}</dt>
            <dd>{session.centreName}</dd>
            <dt>{t('finalizationRecord.address')}</dt>
            <dd>{session.address}</dd>
            <dt>{t('finalizationRecord.room')}</dt>
            <dd>{session.room}</dd>
            <dt>{t('finalizationRecord.date')}</dt>
            <dd>
              {t('finalizationRecord.dateValue', {
                date: longDate(session.date, locale),
                time: session.time,
              })}
            </dd>
            <dt>{t('finalizationRecord.examiner')}</dt>
            <dd>{session.examiner}</dd>
          </dl>
        </section>

        <section className="pv-block" aria-labelledby="pv-finalization">
          <h2 id="pv-finalization">{t('finalizationRecord.finalizationTitle')}</h2>
          <dl className="pv-facts" data-testid="pv-finalization">
            <dt>{t('finalizationRecord.finalizedAt')}</dt>
            <dd data-testid="pv-finalized-at">
              {finalization.finalizedAt === null
                ? t('finalizationRecord.finalizedAtUnknown')
                : dateTime(finalization.finalizedAt, locale)}
            </dd>
            <dt>{t('finalizationRecord.generatedAt')}</dt>
            <dd data-testid="pv-generated-at">{dateTime(record.generatedAt, locale)}</dd>
            <dt>{t('finalizationRecord.finalizedBy')}</dt>
            <dd data-testid="pv-finalized-by">{finalizerText(finalization.finalizedBy, t)}</dd>
            <dt>{t('finalizationRecord.hadIncident')}</dt>
            <dd data-testid="pv-had-incident">{yesNo(finalization.hadIncident)}</dd>
            <dt>{t('finalizationRecord.couldNotJoin')}</dt>
            <dd data-testid="pv-could-not-join">{yesNo(finalization.candidateCouldNotJoin)}</dd>
            <dt>{t('finalizationRecord.comment')}</dt>
            <dd className="pv-comment" data-testid="pv-comment">
              {finalization.globalComment.trim() === ''
                ? t('finalizationRecord.noComment')
                : finalization.globalComment}
            </dd>
          </dl>
        </section>
      </div>

      <section className="pv-section" aria-labelledby="pv-candidates">
        <h2 id="pv-candidates">{t('finalizationRecord.candidatesTitle')}</h2>
        {record.candidates.length === 0 ? (
          <p>{t('finalizationRecord.noCandidates')}</p>
        ) : (
          <DataTable
            caption={t('finalizationRecord.candidatesCaption', { number: session.number })}
            className="table-compact pv-table"
            testId="pv-candidates"
            columns={[
              t('finalizationRecord.columns.candidate'),
              t('finalizationRecord.columns.extraTime'),
              t('finalizationRecord.columns.presence'),
              t('finalizationRecord.columns.outcome'),
              t('finalizationRecord.columns.abortReason'),
              t('finalizationRecord.columns.neutralized'),
              t('finalizationRecord.columns.incidents'),
            ]}
          >
            {record.candidates.map((c) => (
              <RecordCandidateRow
                key={c.candidateId}
                candidate={c}
                name={listName(c)}
                birthdate={shortDate(c.birthdate, locale)}
              />
            ))}
          </DataTable>
        )}
      </section>

      <section className="pv-section pv-keep" aria-labelledby="pv-counts">
        <h2 id="pv-counts">{t('finalizationRecord.countsTitle')}</h2>
        <dl className="pv-counts" data-testid="pv-counts">
          {countLines(record.counts).map((line) => (
            <div key={line.key} data-count={line.key}>
              <dt>{t(line.label)}</dt>
              <dd>{line.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <RecordSignatures />
    </article>
  );
}
