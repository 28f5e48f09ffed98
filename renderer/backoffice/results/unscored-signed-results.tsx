// The candidates listed absent at finalization whose station's signed result arrived since: they have
// no result until an administrator re-scores with it. One whose test stopped early waits for the abort
// reason too (nobody said whether the candidate or a technical problem stopped it): the jury decides,
// and the administrator gives it in the re-scoring's confirmation.
import type { Results } from '../../../core/contracts/invigilator-api.ts';
import { dateTime } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { RescoreWithSignedResult } from './rescore-signed-result.tsx';
import { unscoredSignedResults } from './signed-results.ts';
import { useCandidateName } from './candidate-names.tsx';

export function UnscoredSignedResults({
  results,
  administrator,
  onRescored,
}: {
  results: Results;
  administrator: boolean;
  /** After a re-scoring: the page reads the results again (the session may no longer need the jury). */
  onRescored: () => Promise<void>;
}) {
  const t = useT();
  const nameOf = useCandidateName();
  const locale = useLocale();
  const unscored = unscoredSignedResults(results);
  if (unscored.length === 0) return null;
  return (
    <section
      className="notice notice-warning"
      aria-labelledby="signed-unscored"
      data-testid="signed-results-unscored"
    >
      <h2 id="signed-unscored" className="notice-title">
        {t('results.unscored.title')}
      </h2>
      <p>{t('results.unscored.intro', { count: unscored.length })}</p>
      <ul>
        {unscored.map((u) => (
          <li key={u.candidateId} data-testid="unscored-signed-result" data-candidate-id={u.candidateId}>
            {t('results.unscored.item', {
              name: nameOf(u),
              ended: t(`finalization.ended.${u.endReason ?? 'none'}`),
              date: dateTime(u.signedResultReceivedAt, locale),
            })}{' '}
            {u.abortReasonNeeded ? t('results.unscored.reasonNeeded') : t('results.unscored.toScore')}{' '}
            {administrator && (
              <RescoreWithSignedResult
                candidateId={u.candidateId}
                name={nameOf(u)}
                abortReasonNeeded={u.abortReasonNeeded}
                onRescored={onRescored}
              />
            )}
          </li>
        ))}
      </ul>
      <p>{administrator ? t('results.unscored.administrator') : t('results.unscored.referent')}</p>
    </section>
  );
}
