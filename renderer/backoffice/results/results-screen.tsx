// The session's results once finalized: per candidate the status (and why), the Pix score, the level
// certified in each competence, the incident reports and neutralized questions, how the test ended
// and whether the station's signed result is in it, and the certificate (PDF, with its verification
// code) once published; the CSV export; and, for an administrator, the publication (with the jury's
// review when the session needs it, and only « sans attendre » while signed results are awaited) and
// the re-scoring with a signed result that arrived after publication, or for a candidate listed absent
// (with the abort reason when the test stopped early). Before publication, the « Finalisation » panel
// (the comment, the yes/no answers and every incident report with its meaning) and the jury's
// neutralizations (finalization-panel.tsx, jury-neutralizations.tsx) come before the publication;
// the jury's identity corrections and cancellations (jury-decisions.tsx), before and after it.
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { Results } from '../../../core/contracts/invigilator-api.ts';
import { byName, dateTime } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useShowCentre } from '../layout/app-shell.tsx';
import { centrePaths, type CentreSession, type Incident } from '../api/centre-client.ts';
import { useClient, useIsAdministrator } from '../state/auth.tsx';
import { useFlash } from '../state/flash.tsx';
import { hrefFor } from '../state/router.ts';
import { asFailure, useResource } from '../state/use-resource.ts';
import { ConfirmAction } from '../ui/confirm-action.tsx';
import { BackToSession } from '../ui/back-to-session.tsx';
import { Loaded, PageTitle } from '../ui/page.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { DownloadLink } from '../ui/download-link.tsx';
import { sessionActions } from '../sessions/session-actions.ts';
import { localDay } from '../sessions/session-groups.ts';
import { AWAITED_SIGNED_RESULTS_HEADING, AwaitedSignedResults } from './awaited-signed-results.tsx';
import { CandidateNamesProvider, rosterOf, useCandidateName } from './candidate-names.tsx';
import { LateSignedResults } from './late-signed-results.tsx';
import { SignedResultCell } from './signed-result-cell.tsx';
import { UnscoredSignedResults } from './unscored-signed-results.tsx';
import { FinalizationPanel } from './finalization-panel.tsx';
import { JuryNeutralizations } from './jury-neutralizations.tsx';
import { JuryDecisions } from './jury-decisions.tsx';
import { candidatesById } from './jury-review.ts';
import { ResultEmails } from './result-emails.tsx';
import { awaitedSignedResults, namesInSentence, publicationRequest, withResult } from './signed-results.ts';

export function ResultsScreen({ sessionId }: { sessionId: string }) {
  const t = useT();
  const client = useClient();
  const data = useResource(async () => {
    const session = await client.session(sessionId);
    if (session.state === 'created') return { session, results: null, incidents: [], candidates: [] };
    const [results, incidents, candidates] = await Promise.all([
      client.results(sessionId),
      client.incidents(sessionId),
      // All of them, to name a namesake with the birthdate even where the other is not listed.
      client.candidates(sessionId),
    ]);
    return { session, results, incidents, candidates };
  }, [client, sessionId]);
  useShowCentre(data.data?.session.centreId);
  return (
    <div className="page page-wide">
      <Loaded resource={data} titled={false}>
        {({ session, results, incidents, candidates }) => (
          <>
            <BackToSession session={session} />
            <PageTitle intro={t('results.intro')}>{t('results.title', { number: session.number })}</PageTitle>
            {results === null ? (
              <div className="notice">
                <p>{t('results.notYet')}</p>
                {/* Only on a session to finalize, as on the session page (sessions/session-actions.ts). */}
                {sessionActions(session, localDay()).finalize && (
                  <a className="button button-primary" href={hrefFor({ page: 'finalization', sessionId })}>
                    {t('results.finalizeNow')}
                  </a>
                )}
              </div>
            ) : (
              // The results' identities after the enrolled ones: a correction by the jury is the fresher.
              <ResultsNames candidates={candidates} results={results}>
                <ResultsView
                  session={session}
                  results={results}
                  incidents={incidents}
                  onChanged={(changed) =>
                    data.set({
                      session: { ...session, publishedAt: changed.session.publishedAt },
                      results: changed,
                      incidents,
                      candidates,
                    })
                  }
                />
              </ResultsNames>
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}

/**
 * The names of the results page, from the enrolled candidates then the results' identities: the roster
 * is made again only when either changes, not at each redraw (which would name every line anew).
 */
function ResultsNames({
  candidates,
  results,
  children,
}: {
  candidates: Parameters<typeof rosterOf>[0];
  results: Results;
  children: ReactNode;
}) {
  const roster = useMemo(() => rosterOf(candidates, results), [candidates, results]);
  return <CandidateNamesProvider roster={roster}>{children}</CandidateNamesProvider>;
}

function ResultsView({
  session,
  results,
  incidents,
  onChanged,
}: {
  session: CentreSession;
  results: Results;
  /** The session's incident reports (those of candidates without a result too). */
  incidents: readonly Incident[];
  /** Fresher results: published, re-checked, or one candidate re-scored. */
  onChanged: (results: Results) => void;
}) {
  const t = useT();
  const nameOf = useCandidateName();
  const locale = useLocale();
  const client = useClient();
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
      {!publishedAt && <AwaitedSignedResults session={session} results={results} onChanged={onChanged} />}
      {/* After publication only: one received before is being scored (signed-results.ts). */}
      <LateSignedResults results={results} administrator={administrator} />
      <UnscoredSignedResults
        results={results}
        administrator={administrator}
        onRescored={async () => onChanged(await client.results(session.id))}
      />
      <FinalizationPanel
        finalization={results.finalization}
        incidents={incidents}
        candidates={candidatesById(results)}
      />
      <JuryNeutralizations
        results={results}
        administrator={administrator}
        onNeutralize={async ({ candidateId, number, neutralized }) => {
          const rescored = await client.neutralizeQuestion(candidateId, number, neutralized);
          // Read again: whether the session needs the jury may have changed with it.
          onChanged(await client.results(session.id).catch(() => withResult(results, rescored)));
          return rescored;
        }}
      />
      {/* Before and after publication: a certificate with a wrong name, or obtained by fraud. */}
      <JuryDecisions
        results={results}
        administrator={administrator}
        onCorrectIdentity={async (candidateId, request) => {
          const { result } = await client.correctIdentity(candidateId, request);
          // Read again: the names sort the table, and the reports name the candidate.
          const fresh = await client.results(session.id).catch(() => null);
          const after = result ?? fresh?.results.find((r) => r.candidateId === candidateId);
          if (!after) throw new Error('the corrected candidate has no result');
          onChanged(fresh ?? withResult(results, after));
          return after;
        }}
        onDecideCancellation={async (candidateId, request) => {
          const decided = await client.decideCancellation(candidateId, request);
          onChanged(await client.results(session.id).catch(() => withResult(results, decided)));
          return decided;
        }}
      />
      {!publishedAt && administrator && (
        <Publish session={session} results={results} onPublished={onChanged} />
      )}
      {publishedAt && (
        <ResultEmails sessionId={session.id} administrator={administrator} changedWith={results} />
      )}
      <div className="download-block">
        <DownloadLink
          className="button button-secondary"
          href={centrePaths.resultsCsv(session.id)}
          fileName={`resultats-session-${session.number}.csv`}
          testId="results-csv"
        >
          {t('results.exportCsv')}
        </DownloadLink>
        {/* The finalization's record to print and sign (finalization-record/). */}
        <a
          className="button button-secondary"
          href={hrefFor({ page: 'finalizationRecord', sessionId: session.id })}
          data-testid="finalization-record-link"
        >
          {t('finalizationRecord.link')}
        </a>
        {/* Every certificate to print at once, one per page (once published). */}
        {publishedAt && results.results.some((r) => r.verificationCode !== null) && (
          <DownloadLink
            className="button button-secondary"
            href={centrePaths.certificatesPdf(session.id)}
            fileName={`certificats-session-${session.number}.pdf`}
            testId="certificates-pdf"
          >
            {t('results.certificatesPdf')}
          </DownloadLink>
        )}
      </div>
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
              data-signed-result={r.signedResult}
            >
              <th scope="row" id={`result-${r.candidateId}`} tabIndex={-1}>
                {nameOf(r)}
              </th>
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
                {/* The cap it was scored with, as its certificate says (the setting may have changed). */}
                <span className="sub" data-testid="max-level">
                  {t('results.maxLevel', { level: r.maxReachableLevel })}
                </span>
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
                <SignedResultCell
                  result={r}
                  rescore={administrator}
                  published={publishedAt !== null}
                  onRescored={(rescored) => onChanged(withResult(results, rescored))}
                />
                {/* What the station journaled, for the jury (test-record/test-record-screen.tsx). */}
                <a
                  className="sub"
                  href={hrefFor({ page: 'testRecord', candidateId: r.candidateId })}
                  aria-label={t('testRecord.linkLabel', { name: nameOf(r) })}
                  data-testid="test-record-link"
                >
                  {t('testRecord.link')}
                </a>
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
                      <DownloadLink
                        className="sub"
                        href={centrePaths.certificatePdf(r.candidateId)}
                        fileName={`certificat-${r.verificationCode}.pdf`}
                        testId="certificate-pdf"
                        label={t('results.certificateLabel', { name: nameOf(r) })}
                      >
                        {t('results.certificatePdf')}
                      </DownloadLink>
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
            <li key={a.candidateId}>{nameOf(a)}</li>
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
  const nameOf = useCandidateName();
  const locale = useLocale();
  const client = useClient();
  const flash = useFlash();
  const needsJury = results.finalization?.needsJury ?? false;
  const [reviewed, setReviewed] = useState(false);
  const awaited = awaitedSignedResults(results);
  // Refused because stations' signed results are awaited that this page did not know of: the results
  // read again, shown once the dialog (which says why) closes, with « Vérifier à nouveau ».
  const fresher = useRef<Results | null>(null);
  const publish = async () => {
    try {
      const published = await client.publish(session.id, publicationRequest(results, reviewed));
      onPublished(published);
      flash(t('results.publishedDone'));
    } catch (error) {
      if (asFailure(error).code === 'SIGNED_RESULTS_AWAITED') {
        fresher.current = await client.results(session.id).catch(() => null);
      }
      throw error;
    }
  };
  const showFresher = () => {
    const fresh = fresher.current;
    fresher.current = null;
    if (!fresh) return;
    onPublished(fresh);
    // « Publier » gives way to « Publier sans attendre »: focus goes to the box that lists them.
    requestAnimationFrame(() => document.getElementById(AWAITED_SIGNED_RESULTS_HEADING)?.focus());
  };
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
      {awaited.length === 0 ? (
        <ConfirmAction
          title={t('results.publishConfirmTitle', { number: session.number })}
          text={t('results.publishConfirmText')}
          confirmLabel={t('results.publishConfirm')}
          onConfirm={publish}
          onClosed={showFresher}
        >
          {(ask) => (
            <button type="button" className="button button-primary" data-testid="publish" onClick={ask}>
              {t('results.publish')}
            </button>
          )}
        </ConfirmAction>
      ) : (
        <>
          <p>{t('results.signed.awaitedPublishWithout')}</p>
          <ConfirmAction
            title={t('results.signed.publishWithoutConfirmTitle')}
            text={t('results.signed.publishWithoutConfirmText', {
              count: awaited.length,
              names: namesInSentence(awaited, locale, nameOf),
            })}
            confirmLabel={t('results.signed.publishWithout')}
            danger
            onConfirm={publish}
          >
            {(ask) => (
              <button
                type="button"
                className="button button-secondary"
                data-testid="publish-without-signed-results"
                onClick={ask}
              >
                {t('results.signed.publishWithout')}
              </button>
            )}
          </ConfirmAction>
        </>
      )}
    </section>
  );
}
