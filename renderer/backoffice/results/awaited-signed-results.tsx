// Before publication, the candidates whose station has not sent its signed result, with what to do in
// the room; « Vérifier à nouveau » reads the results again (a result that arrived is already scored).
import { useState } from 'react';
import type { Results } from '../../../core/contracts/invigilator-api.ts';
import { announce } from '../../shared/announcer.tsx';
import type { ApiFailure, CentreSession } from '../api/centre-client.ts';
import { useT } from '../i18n/use-t.ts';
import { useClient } from '../state/auth.tsx';
import { asFailure } from '../state/use-resource.ts';
import { ErrorNotice } from '../ui/page.tsx';
import { awaitedSignedResults } from './signed-results.ts';
import { useCandidateName } from './candidate-names.tsx';

/** The box's title: focus goes there when a refused publication reveals signed results awaited. */
export const AWAITED_SIGNED_RESULTS_HEADING = 'signed-awaited';

export function AwaitedSignedResults({
  session,
  results,
  onChanged,
}: {
  session: CentreSession;
  results: Results;
  onChanged: (results: Results) => void;
}) {
  const t = useT();
  const nameOf = useCandidateName();
  const client = useClient();
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  // Stays up once all arrived after a check: the button keeps the focus, the page says so.
  const [rechecked, setRechecked] = useState(false);
  const awaited = awaitedSignedResults(results);
  if (awaited.length === 0 && !rechecked) return null;

  async function recheck() {
    if (checking) return;
    setChecking(true);
    setFailure(null);
    try {
      const fresh = await client.results(session.id);
      const still = awaitedSignedResults(fresh).length;
      setRechecked(true);
      onChanged(fresh);
      announce(
        still === 0 ? t('results.signed.allArrived') : t('results.signed.stillAwaited', { count: still }),
      );
    } catch (error) {
      setFailure(asFailure(error));
    } finally {
      setChecking(false);
    }
  }

  return (
    <section
      className={`notice ${awaited.length === 0 ? 'notice-ok' : 'notice-warning'}`}
      aria-labelledby={AWAITED_SIGNED_RESULTS_HEADING}
      data-testid="signed-results-awaited"
    >
      <h2 id={AWAITED_SIGNED_RESULTS_HEADING} className="notice-title" tabIndex={-1}>
        {t('results.signed.awaitedTitle')}
      </h2>
      {awaited.length === 0 ? (
        <p>{t('results.signed.allArrived')}</p>
      ) : (
        <>
          <p>{t('results.signed.awaitedIntro', { count: awaited.length })}</p>
          <ul data-testid="signed-results-awaited-list">
            {awaited.map((r) => (
              <li key={r.candidateId}>{nameOf(r)}</li>
            ))}
          </ul>
          <p>{t('results.signed.awaitedWhatToDo')}</p>
        </>
      )}
      <ErrorNotice failure={failure} />
      <p>
        <button
          type="button"
          className="button button-secondary"
          aria-disabled={checking || undefined}
          data-testid="recheck-signed-results"
          onClick={() => void recheck()}
        >
          {checking ? t('results.signed.rechecking') : t('results.signed.recheck')}
        </button>
      </p>
    </section>
  );
}
