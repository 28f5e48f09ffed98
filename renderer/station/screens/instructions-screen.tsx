// Instructions and consent: the candidate checks it is them, reads the rules, and confirms.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationError, StationStatus } from '../../../core/contracts/station-api.ts';
import { formatTimeLeft } from '../../shared/format-duration.ts';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { useStation, useStationApi } from '../state/station-context.tsx';
import { announcedDurationMs } from './exam-duration.ts';
import { StationErrorNotice } from './station-error-notice.tsx';

export function InstructionsScreen({ status }: { status: StationStatus }) {
  const { t } = useTranslation();
  const api = useStationApi();
  const applyStatus = useStation((s) => s.applyStatus);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [accepted, setAccepted] = useState(false);
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<StationError | null>(null);
  const [busy, setBusy] = useState(false);
  const checkbox = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const { candidate, session } = status.exam;
  const extra = candidate?.extraTimePercentage ?? 0;
  const duration = formatTimeLeft(status.exam.allowedMs ?? announcedDurationMs(extra), t);

  const accept = async () => {
    if (!accepted) {
      setMissing(true);
      checkbox.current?.focus();
      return;
    }
    setBusy(true);
    const result = await api.acceptInstructions({});
    setBusy(false);
    if (result.ok) applyStatus(result.value);
    else setFailure(result.error);
  };

  const cancel = async () => {
    const result = await api.cancelSignIn({});
    if (result.ok) applyStatus(result.value);
    else setFailure(result.error);
  };

  return (
    <div className="screen screen-narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t('instructions.title')}
      </h1>
      {candidate && (
        <p className="lead">
          {t('instructions.hello', { firstName: candidate.firstName, lastName: candidate.lastName })}
        </p>
      )}
      {session && (
        <p className="muted">
          {t('instructions.session', {
            number: session.number,
            centre: session.centreName,
            room: session.room,
          })}
        </p>
      )}
      <button type="button" className="button button-link" onClick={() => void cancel()}>
        {t('instructions.notYou')}
      </button>
      <h2>{t('instructions.rulesTitle')}</h2>
      <ul className="rules">
        <li>
          {extra > 0
            ? t('instructions.durationExtra', { duration })
            : t('instructions.duration', { duration })}
        </li>
        <li>{t('instructions.oneByOne')}</li>
        <li>{t('instructions.skip')}</li>
        <li>{t('instructions.browser')}</li>
        <li>{t('instructions.special')}</li>
        <li>{t('instructions.problem')}</li>
        <li>{t('instructions.stored')}</li>
        <li>{t('instructions.results')}</li>
        <li>{t('instructions.honesty')}</li>
      </ul>
      <div className={`field checkbox-field ${missing && !accepted ? 'has-error' : ''}`}>
        {missing && !accepted && (
          <p id={errorId} className="field-error">
            <span aria-hidden="true" className="field-error-icon">
              !
            </span>
            {t('instructions.acceptMissing')}
          </p>
        )}
        <label className="checkbox-label">
          <input
            ref={checkbox}
            type="checkbox"
            checked={accepted}
            onChange={(e) => setAccepted(e.target.checked)}
            aria-invalid={missing && !accepted ? true : undefined}
            aria-describedby={missing && !accepted ? errorId : undefined}
          />
          <span>{t('instructions.accept')}</span>
        </label>
      </div>
      {failure && <StationErrorNotice error={failure} />}
      <div className="actions">
        <button
          type="button"
          className="button button-primary button-large"
          disabled={busy}
          onClick={() => void accept()}
        >
          {t('instructions.continue')}
        </button>
      </div>
    </div>
  );
}
