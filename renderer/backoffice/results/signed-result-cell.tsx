// What a result's row says of its station's signed result (signed-results.ts), and an administrator's
// re-scoring with one that arrived after publication.
import type { CandidateResult } from '../../../core/contracts/invigilator-api.ts';
import { dateTime, fullName } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useClient } from '../state/auth.tsx';
import { useFlash } from '../state/flash.tsx';
import { ConfirmAction } from '../ui/confirm-action.tsx';
import { signedResultNote } from './signed-results.ts';

export function SignedResultCell({
  result,
  rescore,
  published,
  onRescored,
}: {
  result: CandidateResult;
  /** The reader is an administrator, who can re-score. */
  rescore: boolean;
  /** The results are published: a signed result not applied then is applied by re-scoring. */
  published: boolean;
  onRescored: (result: CandidateResult) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const flash = useFlash();
  const note = signedResultNote(result);
  if (note === null) return null;
  const name = fullName(result);
  const text =
    note.kind === 'appliedAfterPublication'
      ? t('results.signed.appliedAfterPublication', { date: dateTime(note.scoredAt, locale) })
      : note.kind === 'notAppliedAfterPublication'
        ? t('results.signed.notAppliedAfterPublication', { date: dateTime(note.receivedAt, locale) })
        : t(`results.signed.${note.kind}`);
  // Before publication, one received is being scored (and publication applies it first): no button.
  const offerRescore =
    rescore && (note.kind === 'notAppliedAfterPublication' || (note.kind === 'notApplied' && published));
  return (
    <>
      <span className="sub" data-testid="signed-result">
        {text}
      </span>
      {offerRescore && (
        <ConfirmAction
          title={t('results.signed.rescoreConfirmTitle', { name })}
          text={t('results.signed.rescoreConfirmText', { name })}
          confirmLabel={t('results.signed.rescoreConfirm')}
          onConfirm={async () => {
            const rescored = await client.rescoreWithSignedResult(result.candidateId);
            onRescored(rescored);
            flash(t('results.signed.rescoredDone', { name, score: rescored.pixScore }));
            // The button is gone with the late result: the keyboard stays on the candidate's row (the
            // dialog leaves focus the page placed, shared/dialog.tsx).
            requestAnimationFrame(() => document.getElementById(`result-${result.candidateId}`)?.focus());
          }}
        >
          {(ask) => (
            <button
              type="button"
              className="button button-secondary button-small"
              data-testid="rescore"
              aria-label={t('results.signed.rescoreLabel', { name })}
              onClick={ask}
            >
              {t('results.signed.rescore')}
            </button>
          )}
        </ConfirmAction>
      )}
    </>
  );
}
