// « Dossier du test »: the record of one candidate's test for the jury, opened from the results page
// once the session is finalized. The header says who, where, on which stations, when, how it ended and
// where the record comes from; then the questions with the answers and their status, the alerts and
// reports, the pages requested, the station's events, the pauses and time added. It prints, so that
// the jury can file it. Before finalization the server refuses (SESSION_NOT_FINALIZED): the page says
// why and where to follow the candidate instead.
import type { CandidateTestRecord } from '../../../core/contracts/candidate-record.ts';
import { fullName } from '../format.ts';
import { useT } from '../i18n/use-t.ts';
import { useShowCentre } from '../layout/app-shell.tsx';
import { useClient } from '../state/auth.tsx';
import { hrefFor } from '../state/router.ts';
import { useResource } from '../state/use-resource.ts';
import { ErrorNotice, Loaded, PageTitle } from '../ui/page.tsx';
import { RecordAlerts } from './record-alerts.tsx';
import { RecordLockdown } from './record-lockdown.tsx';
import { RecordNavigation } from './record-navigation.tsx';
import { RecordPauses } from './record-pauses.tsx';
import { RecordQuestions } from './record-questions.tsx';
import { RecordSummary } from './record-summary.tsx';
import './test-record.css';

export function TestRecordScreen({ candidateId }: { candidateId: string }) {
  const t = useT();
  const client = useClient();
  const data = useResource(() => client.testRecord(candidateId), [client, candidateId]);
  useShowCentre(data.data?.session.centreId);
  // Not finalized yet, or no test: said in the page's own words, with the way back.
  const code = data.error?.code;
  if (data.data === null && (code === 'SESSION_NOT_FINALIZED' || code === 'NOT_FOUND')) {
    return (
      <div className="page">
        <PageTitle>{t('testRecord.unavailableTitle')}</PageTitle>
        {code === 'NOT_FOUND' ? (
          <div className="notice notice-error" role="alert" data-testid="error" data-code={code}>
            <p>{t('testRecord.notFound')}</p>
          </div>
        ) : (
          <ErrorNotice failure={data.error} />
        )}
        <a className="button button-secondary" href={hrefFor({ page: 'candidate', candidateId })}>
          {t('common.back')}
        </a>
      </div>
    );
  }
  return (
    <div className="page page-wide test-record">
      <Loaded resource={data} titled={false}>
        {(record) => <TestRecord record={record} />}
      </Loaded>
    </div>
  );
}

export function TestRecord({ record }: { record: CandidateTestRecord }) {
  const t = useT();
  const name = fullName(record.candidate);
  return (
    <article className="record" data-testid="test-record" aria-labelledby="record-title">
      <p className="breadcrumb no-print">
        <a href={hrefFor({ page: 'results', sessionId: record.session.id })}>
          {t('testRecord.backToResults', { number: record.session.number })}
        </a>
      </p>
      <PageTitle intro={t('testRecord.intro')}>
        <span id="record-title">{t('testRecord.title', { name })}</span>
      </PageTitle>
      <p className="no-print">
        <button
          type="button"
          className="button button-primary"
          data-testid="print-record"
          onClick={() => window.print()}
        >
          {t('testRecord.print')}
        </button>
      </p>
      <RecordSummary record={record} />
      <RecordQuestions record={record} name={name} />
      <RecordAlerts record={record} name={name} />
      <RecordNavigation record={record} name={name} />
      <RecordLockdown record={record} name={name} />
      <RecordPauses record={record} name={name} />
    </article>
  );
}
