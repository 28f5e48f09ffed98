// « Recalculer avec le résultat signé »: an administrator re-scores a candidate with their station's
// signed result, after a confirmation. When the test stopped early and nobody gave its abort reason
// (the candidate was listed absent at finalization), the confirmation asks it: the candidate's or a
// technical problem decides whether the unanswered questions count as skipped or neutralized, and
// none is assumed.
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { CandidateResult } from '../../../core/contracts/invigilator-api.ts';
import type { AbortReason } from '../../../core/scoring/scoring-input.ts';
import { useT } from '../i18n/use-t.ts';
import { useClient } from '../state/auth.tsx';
import { useFlash } from '../state/flash.tsx';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';
import { RadioGroup, focusFirstInvalid } from '../ui/field.tsx';

/** The two abort reasons, with what each means: the same words at finalization and at re-scoring. */
export function abortReasonOptions(
  t: ReturnType<typeof useT>,
): { value: AbortReason; label: string; hint: string }[] {
  return [
    {
      value: 'candidate',
      label: t('finalization.reasons.candidate'),
      hint: t('finalization.reasons.candidateHint'),
    },
    {
      value: 'technical',
      label: t('finalization.reasons.technical'),
      hint: t('finalization.reasons.technicalHint'),
    },
  ];
}

/** The question in the confirmation: why the test stopped, with what each answer means. */
export function AbortReasonQuestion({
  name,
  value,
  missing,
  onChange,
}: {
  name: string;
  value: AbortReason | null;
  /** Confirmed without an answer: said next to the question. */
  missing: boolean;
  onChange: (reason: AbortReason) => void;
}) {
  const t = useT();
  return (
    <RadioGroup
      legend={t('results.unscored.reasonFor', { name })}
      hint={t('results.unscored.reasonHint')}
      name="abortReason"
      value={value}
      options={abortReasonOptions(t)}
      onChange={onChange}
      error={missing ? t('finalization.errors.reason') : null}
    />
  );
}

export function RescoreWithSignedResult({
  candidateId,
  name,
  abortReasonNeeded,
  onRescored,
}: {
  candidateId: string;
  name: string;
  abortReasonNeeded: boolean;
  /** Done before the dialog closes (the page reads the results again, or puts this one in place). */
  onRescored: (result: CandidateResult) => void | Promise<void>;
}) {
  const t = useT();
  const client = useClient();
  const flash = useFlash();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<AbortReason | null>(null);
  const [missing, setMissing] = useState(false);
  const question = useRef<HTMLDivElement>(null);
  const ask = () => {
    setReason(null);
    setMissing(false);
    setAsking(true);
  };
  return (
    <>
      <button
        type="button"
        className="button button-secondary button-small"
        data-testid="rescore"
        aria-label={t('results.signed.rescoreLabel', { name })}
        onClick={ask}
      >
        {t('results.signed.rescore')}
      </button>
      {asking &&
        createPortal(
          <ConfirmDialog
            title={t('results.signed.rescoreConfirmTitle', { name })}
            confirmLabel={t('results.signed.rescoreConfirm')}
            onClose={() => setAsking(false)}
            check={() => {
              if (!abortReasonNeeded || reason !== null) return true;
              setMissing(true);
              focusFirstInvalid(question.current);
              return false;
            }}
            onConfirm={async () => {
              const rescored = await client.rescoreWithSignedResult(
                candidateId,
                abortReasonNeeded ? (reason ?? undefined) : undefined,
              );
              await onRescored(rescored);
              flash(t('results.signed.rescoredDone', { name, score: rescored.pixScore }));
              // The button is gone with the late result: the keyboard goes to the candidate's row (the
              // dialog leaves focus the page placed, shared/dialog.tsx).
              requestAnimationFrame(() => document.getElementById(`result-${candidateId}`)?.focus());
            }}
          >
            <p>
              {abortReasonNeeded
                ? t('results.unscored.rescoreConfirmText', { name })
                : t('results.signed.rescoreConfirmText', { name })}
            </p>
            {abortReasonNeeded && (
              <div ref={question} data-testid="abort-reason">
                <AbortReasonQuestion
                  name={name}
                  value={reason}
                  missing={missing}
                  onChange={(chosen) => {
                    setReason(chosen);
                    setMissing(false);
                  }}
                />
              </div>
            )}
          </ConfirmDialog>,
          document.body,
        )}
    </>
  );
}
