// The session's results once it is finalized and scored: per candidate the status, Pix score,
// reproducibility rate, certified competences, neutralized questions, how the test ended and the
// certificate's verification code; the absent; and whether the jury must look first.
import { refusalOf } from '../../shared/server-errors/server-error-messages.ts';
import { useServerErrorMessage } from '../../shared/server-errors/use-server-error-message.ts';
import { useEffect, useState } from 'react';
import type { Results } from '../../../core/contracts/invigilator-api.ts';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { useT } from '../i18n/use-t.ts';
import { useListedCandidateName } from '../room/use-candidate-name.ts';
import { useClient, useRoom } from '../state/room-context.tsx';

export function ResultsScreen() {
  const t = useT();
  const serverMessage = useServerErrorMessage();
  const client = useClient();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const sessionId = useRoom((s) => s.sessionId);
  const state = useRoom((s) => s.session?.state ?? null);
  // A signed result arriving after finalization is scored by the server: the table is read again.
  const received = useRoom((s) => Object.values(s.candidates).filter((c) => c.upload === 'received').length);
  const cards = useRoom((s) => s.candidates);
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Namesakes named with their birthdate, as in the room; the results' identities are the fresher.
  const nameOf = useListedCandidateName(results?.results);

  useEffect(() => {
    if (state === null || state === 'created') return;
    let cancelled = false;
    client.results(sessionId).then(
      (r) => !cancelled && setResults(r),
      (e: unknown) =>
        !cancelled && setError(t('results.loadFailed', { message: serverMessage(refusalOf(e)) })),
    );
    return () => {
      cancelled = true;
    };
  }, [client, sessionId, state, received, t, serverMessage]);

  const sorted = results
    ? [...results.results].sort(
        (a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr'),
      )
    : [];
  return (
    <div className="page">
      <h1 ref={heading} tabIndex={-1}>
        {t('results.title')}
      </h1>
      {state === 'created' && <p className="notice">{t('results.notYet')}</p>}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {results && (
        <>
          {results.finalization && (
            <p className={`notice ${results.finalization.needsJury ? 'notice-warning' : 'notice-ok'}`}>
              {results.finalization.needsJury ? t('results.needsJury') : t('results.noJury')}
            </p>
          )}
          <div className="table-wrap">
            <table className="results-table" data-testid="results-table">
              <caption className="visually-hidden">{t('results.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.candidate')}</th>
                  <th scope="col">{t('results.status')}</th>
                  <th scope="col">{t('results.score')}</th>
                  <th scope="col">{t('results.rate')}</th>
                  <th scope="col">{t('results.competences')}</th>
                  <th scope="col">{t('results.neutralized')}</th>
                  <th scope="col">{t('results.test')}</th>
                  <th scope="col">{t('results.code')}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((r) => (
                  <tr key={r.candidateId} data-testid="result-row" data-candidate-id={r.candidateId}>
                    <th scope="row">{nameOf(r)}</th>
                    <td>
                      <span className={`tag status-${r.status}`}>{t(`results.statuses.${r.status}`)}</span>
                      {r.reasons.map((reason) => (
                        <span key={reason} className="result-reason">
                          {t(`results.reasons.${reason}`)}
                        </span>
                      ))}
                    </td>
                    <td data-testid="result-score">{r.pixScore}</td>
                    <td>{r.reproducibilityRate} %</td>
                    <td>
                      {r.competences.filter((c) => c.level > 0).length === 0 ? (
                        t('results.none')
                      ) : (
                        <ul className="competence-list">
                          {r.competences
                            .filter((c) => c.level > 0)
                            .map((c) => (
                              <li key={c.code} title={c.label}>
                                {c.code} {t('results.level', { level: c.level })}
                              </li>
                            ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {r.neutralizedQuestions.length === 0
                        ? t('results.none')
                        : r.neutralizedQuestions.join(', ')}
                    </td>
                    <td>
                      {r.finished
                        ? t('results.finished')
                        : t(`results.aborted.${r.abortReason ?? 'candidate'}`)}
                      {r.source === 'records' && (
                        <span className="result-reason">{t('results.fromRecords')}</span>
                      )}
                      {r.source === 'records' && cards[r.candidateId]?.upload === 'refused' && (
                        <span className="result-reason">{t('results.refused')}</span>
                      )}
                    </td>
                    <td className="mono">{r.verificationCode ?? t('results.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <AbsentCandidates results={results} />
        </>
      )}
    </div>
  );
}

/**
 * The candidates without a result: absent, and those listed absent whose station's signed result came
 * after the finalization (the centre scores it in its back office).
 */
export function AbsentCandidates({
  results,
}: {
  results: Pick<Results, 'absent' | 'unscoredSignedResults'>;
}) {
  const t = useT();
  const nameOf = useListedCandidateName();
  return (
    <>
      <h2>{t('results.absent')}</h2>
      {results.absent.length === 0 ? (
        <p>{t('results.absentNone')}</p>
      ) : (
        <ul>
          {results.absent.map((a) => (
            <li key={a.candidateId}>{nameOf(a)}</li>
          ))}
        </ul>
      )}
      {results.unscoredSignedResults.length > 0 && (
        // Listed absent at finalization, their station's signed result came since: the centre's
        // administrator scores it in the back office (with the abort reason the jury gives, if needed).
        <section aria-labelledby="results-unscored" data-testid="results-unscored">
          <h2 id="results-unscored">{t('results.unscoredTitle')}</h2>
          <p>{t('results.unscoredIntro')}</p>
          <ul>
            {results.unscoredSignedResults.map((u) => (
              <li key={u.candidateId} data-candidate-id={u.candidateId}>
                {nameOf(u)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
