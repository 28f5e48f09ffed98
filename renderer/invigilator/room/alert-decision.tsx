// Handling an alert (DOMAIN.md §7): the question's number and what it contains, then either dismiss
// (the candidate must answer) or validate with an E code (the question is neutralized and the
// candidate gets the next one). The codes that fit the question's content come first.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import type { AlertReasonCode } from '../../../core/journal/journal-record.ts';
import { clockTime, elapsed } from '../format.ts';
import { useT } from '../i18n/use-t.ts';
import { alertCodeGroups } from './candidate-actions.ts';
import type { Outcome } from './use-candidate-actions.ts';
import { useCandidateName } from './use-candidate-name.ts';

export interface AlertDecisionProps {
  candidate: RoomCandidate;
  alert: NonNullable<RoomCandidate['alert']>;
  nowMs: number;
  busy: boolean;
  onDecide(
    decision:
      { decision: 'dismissed'; reasonCode: null } | { decision: 'validated'; reasonCode: AlertReasonCode },
  ): Promise<Outcome>;
}

export function AlertDecision({ candidate, alert, nowMs, busy, onDecide }: AlertDecisionProps) {
  const t = useT();
  const nameOf = useCandidateName();
  const { i18n } = useTranslation();
  const [code, setCode] = useState<AlertReasonCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const groupName = useId();
  const { suggested, others } = alertCodeGroups(alert.content, alert.reasonCodes);
  const contentWords = (['image', 'attachment', 'embed', 'focused'] as const).filter((k) => alert.content[k]);
  const raisedAt = Date.parse(alert.raisedAt);

  async function decide(decision: Parameters<AlertDecisionProps['onDecide']>[0]) {
    setError(null);
    const outcome = await onDecide(decision);
    if (!outcome.ok) setError(outcome.message);
  }

  const codeOption = (c: AlertReasonCode) => (
    <label key={c} className="code-option">
      <input
        type="radio"
        name={groupName}
        value={c}
        checked={code === c}
        onChange={() => setCode(c)}
        data-testid={`code-${c}`}
      />
      <span>{t(`codes.${c}`)}</span>
    </label>
  );

  return (
    <div className="alert-decision" data-testid="alert-decision">
      <p className="alert-live" role="note">
        <span aria-hidden="true" className="alert-live-icon">
          !
        </span>
        {t('alert.live')}
      </p>
      <p className="muted">
        {t('alert.raised', {
          time: clockTime(alert.raisedAt, i18n.language),
          ago: elapsed(nowMs - raisedAt),
        })}
      </p>
      <h3>{t('alert.contentTitle')}</h3>
      <ul className="content-list" data-testid="alert-content">
        {contentWords.length === 0 ? (
          <li>{t('alert.content.none')}</li>
        ) : (
          contentWords.map((k) => <li key={k}>{t(`alert.content.${k}`)}</li>)
        )}
      </ul>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="alert-choices">
        <section className="alert-choice" aria-labelledby={`${groupName}-dismiss`}>
          <h3 id={`${groupName}-dismiss`}>{t('alert.dismissTitle')}</h3>
          <p className="hint">{t('alert.dismissHint')}</p>
          <button
            type="button"
            className="button button-secondary"
            data-testid="alert-dismiss"
            aria-disabled={busy || undefined}
            onClick={() => !busy && void decide({ decision: 'dismissed', reasonCode: null })}
          >
            {t('alert.dismiss')}
          </button>
        </section>
        <section className="alert-choice" aria-labelledby={`${groupName}-validate`}>
          <h3 id={`${groupName}-validate`}>{t('alert.validateTitle')}</h3>
          <p className="hint">{t('alert.validateHint')}</p>
          {suggested.length > 0 && (
            <fieldset className="code-group">
              <legend>{t('alert.suggested')}</legend>
              {suggested.map(codeOption)}
            </fieldset>
          )}
          <fieldset className="code-group">
            <legend>{suggested.length > 0 ? t('alert.otherCodes') : t('alert.validateTitle')}</legend>
            {others.map(codeOption)}
          </fieldset>
          <button
            type="button"
            className="button button-primary"
            data-testid="alert-validate"
            aria-disabled={busy || code === null || undefined}
            onClick={() => {
              if (busy) return;
              if (code === null) {
                setError(t('alert.chooseCode'));
                return;
              }
              void decide({ decision: 'validated', reasonCode: code });
            }}
          >
            {code ? t('alert.validate', { code }) : t('alert.validateNoCode')}
          </button>
        </section>
      </div>
      <p className="visually-hidden">{nameOf(candidate)}</p>
    </div>
  );
}
