// What a result's row says of its station's signed result (signed-results.ts), and an administrator's
// re-scoring with one that arrived after publication.
import type { CandidateResult } from '../../../core/contracts/invigilator-api.ts';
import { dateTime } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { RescoreWithSignedResult } from './rescore-signed-result.tsx';
import { signedResultNote } from './signed-results.ts';
import { useCandidateName } from './candidate-names.tsx';

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
  const nameOf = useCandidateName();
  const locale = useLocale();
  const note = signedResultNote(result);
  if (note === null) return null;
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
        // Its abort reason, if it stopped early, was given at finalization.
        <RescoreWithSignedResult
          candidateId={result.candidateId}
          name={nameOf(result)}
          abortReasonNeeded={false}
          onRescored={onRescored}
        />
      )}
    </>
  );
}
