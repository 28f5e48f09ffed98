// After publication, the candidates whose station's signed result arrived since and is not applied to
// their certificate yet (signed-results.ts): an administrator re-scores each from the table.
import type { Results } from '../../../core/contracts/invigilator-api.ts';
import { useT } from '../i18n/use-t.ts';
import { lateSignedResults } from './signed-results.ts';
import { useCandidateName } from './candidate-names.tsx';

export function LateSignedResults({ results, administrator }: { results: Results; administrator: boolean }) {
  const t = useT();
  const nameOf = useCandidateName();
  const late = lateSignedResults(results);
  if (late.length === 0) return null;
  return (
    <section
      className="notice notice-warning"
      aria-labelledby="signed-late"
      data-testid="signed-results-late"
    >
      <h2 id="signed-late" className="notice-title">
        {t('results.signed.lateTitle')}
      </h2>
      <p>{t('results.signed.lateIntro', { count: late.length })}</p>
      <ul>
        {late.map((r) => (
          <li key={r.candidateId}>{nameOf(r)}</li>
        ))}
      </ul>
      <p>{administrator ? t('results.signed.lateAdministrator') : t('results.signed.lateReferent')}</p>
    </section>
  );
}
