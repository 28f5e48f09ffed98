// The session's results once finalized: per candidate the status (and why), the Pix score, the level
// certified in each competence, the incident reports and neutralized questions, how the test ended,
// and the certificate (PDF, with its verification code) once published; the CSV export; and, for an
// administrator, the publication (with the jury's review when the session needs it).
import { useState } from 'react';
import type { Results } from '../../../core/contracts/invigilator-api.ts';
import { byName, dateTime, fullName } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useShowCentre } from '../layout/app-shell.tsx';
import { centrePaths, type CentreSession } from '../api/centre-client.ts';
import { useClient, useIsAdministrator } from '../state/auth.tsx';
import { useFlash } from '../state/flash.tsx';
import { hrefFor } from '../state/router.ts';
import { useResource } from '../state/use-resource.ts';
import { ConfirmAction } from '../ui/confirm-action.tsx';
import { BackToSession } from '../ui/back-to-session.tsx';
import { Loaded, PageTitle } from '../ui/page.tsx';
import { DataTable } from '../ui/data-table.tsx';

export function ResultsScreen({ sessionId }: { sessionId: string }) {
  const t = useT();
  const client = useClient();
  const data = useResource(async () => {
    const session = await client.session(sessionId);
    return { session, results: session.state === 'created' ? null : await client.results(sessionId) };
  }, [client, sessionId]);
  useShowCentre(data.data?.session.centreId);
  return (
    <div className="page page-wide">
      <Loaded resource={data} titled={false}>
        {({ session, results }) => (
          <>
            <BackToSession session={session} />
            <PageTitle intro={t('results.intro')}>{t('results.title', { number: session.number })}</PageTitle>
            {results === null ? (
              <div className="notice">
                <p>{t('results.notYet')}</p>
                <a className="button button-primary" href={hrefFor({ page: 'finalization', sessionId })}>
                  {t('results.finalizeNow')}
                </a>
              </div>
            ) : (
              <ResultsView
                session={session}
                results={results}
                onPublished={(published) =>
                  data.set({
                    session: { ...session, publishedAt: published.session.publishedAt },
                    results: published,
                  })
                }
              />
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}

function ResultsView({
  session,
  results,
  onPublished,
}: {
  session: CentreSession;
  results: Results;
  onPublished: (results: Results) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const administrator = useIsAdministrator();
  const publishedAt = results.session.publishedAt;
  const sorted = [...results.results].sort(byName);
  return (
    <>
      <div
        className={`notice ${publishedAt ? 'notice-ok' : 'notice-warning'}`}
        data-testid="publication-state"
      >
        <p className="notice-title">
          {publishedAt
            ? t('results.published', { date: dateTime(publishedAt, locale) })
            : t('results.notPublished')}
        </p>
        {!publishedAt && !administrator && <p>{t('results.referentPublish')}</p>}
        {results.finalization && !publishedAt && (
          <p>{results.finalization.needsJury ? t('results.needsJury') : t('results.noJury')}</p>
        )}
      </div>
      {!publishedAt && administrator && (
        <Publish session={session} results={results} onPublished={onPublished} />
      )}
      <p>
        <a
          className="button button-secondary"
          href={centrePaths.resultsCsv(session.id)}
          download
          data-testid="results-csv"
        >
          {t('results.exportCsv')}
        </a>
      </p>
      <DataTable
        caption={t('results.table')}
        className="results-table"
        testId="results-table"
        columns={[
          t('results.candidate'),
          t('results.status'),
          t('results.score'),
          t('results.competences'),
          t('results.incidents'),
          t('results.neutralized'),
          t('results.test'),
          t('results.certificate'),
        ]}
      >
        {sorted.map((r) => {
          const certified = r.competences.filter((c) => c.level > 0);
          return (
            <tr
              key={r.candidateId}
              data-testid="result-row"
              data-candidate-id={r.candidateId}
              data-status={r.status}
            >
              <th scope="row">{fullName(r)}</th>
              <td>
                <span className={`tag status-${r.status}`}>{t(`results.statuses.${r.status}`)}</span>
                <span className="sub">{t('results.rate', { rate: r.reproducibilityRate })}</span>
                {r.reasons.map((reason) => (
                  <span key={reason} className="sub">
                    {t(`results.reasons.${reason}`)}
                  </span>
                ))}
              </td>
              <td className="score" data-testid="result-score">
                {r.pixScore}
              </td>
              <td>
                {certified.length === 0 ? (
                  t('results.none')
                ) : (
                  <ul className="competence-list">
                    {certified.map((c) => (
                      <li key={c.code}>
                        <abbr title={c.label}>{c.code}</abbr> {t('results.level', { level: c.level })}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {r.incidents.length === 0
                  ? t('results.none')
                  : r.incidents
                      .map((i) =>
                        i.questionNumber
                          ? `${i.code} (${t('results.question', { number: i.questionNumber })})`
                          : i.code,
                      )
                      .join(', ')}
              </td>
              <td>
                {r.neutralizedQuestions.length === 0
                  ? t('results.none')
                  : r.neutralizedQuestions.map((n) => t('results.question', { number: n })).join(', ')}
              </td>
              <td>
                {r.finished ? t('results.finished') : t(`results.aborted.${r.abortReason ?? 'candidate'}`)}
                {r.source === 'records' && <span className="sub">{t('results.fromRecords')}</span>}
              </td>
              <td>
                {r.verificationCode === null ? (
                  t('results.noCertificate')
                ) : (
                  <>
                    <span className="code" data-testid="verification-code">
                      {r.verificationCode}
                    </span>
                    {publishedAt ? (
                      <a
                        className="sub"
                        href={centrePaths.certificatePdf(r.candidateId)}
                        download
                        data-testid="certificate-pdf"
                        aria-label={t('results.certificateLabel', { name: fullName(r) })}
                      >
                        {t('results.certificatePdf')}
                      </a>
                    ) : (
                      <span className="sub">{t('results.afterPublication')}</span>
                    )}
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <h2>{t('results.absentTitle')}</h2>
      {results.absent.length === 0 ? (
        <p>{t('results.absentNone')}</p>
      ) : (
        <ul data-testid="absent">
          {[...results.absent].sort(byName).map((a) => (
            <li key={a.candidateId}>{fullName(a)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function Publish({
  session,
  results,
  onPublished,
}: {
  session: CentreSession;
  results: Results;
  onPublished: (results: Results) => void;
}) {
  const t = useT();
  const client = useClient();
  const flash = useFlash();
  const needsJury = results.finalization?.needsJury ?? false;
  const [reviewed, setReviewed] = useState(false);
  return (
    <section className="section card-panel" aria-labelledby="publish">
      <h2 id="publish">{t('results.publishTitle')}</h2>
      {needsJury && (
        <div className="field checkbox-field">
          <label className="checkbox">
            <input type="checkbox" checked={reviewed} onChange={(e) => setReviewed(e.target.checked)} />
            <span>{t('results.juryReviewed')}</span>
          </label>
        </div>
      )}
      <ConfirmAction
        title={t('results.publishConfirmTitle', { number: session.number })}
        text={t('results.publishConfirmText')}
        confirmLabel={t('results.publishConfirm')}
        onConfirm={async () => {
          const published = await client.publish(session.id, reviewed);
          onPublished(published);
          flash(t('results.publishedDone'));
        }}
      >
        {(ask) => (
          <button type="button" className="button button-primary" data-testid="publish" onClick={ask}>
            {t('results.publish')}
          </button>
        )}
      </ConfirmAction>
    </section>
  );
}
