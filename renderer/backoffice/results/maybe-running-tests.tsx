// The tests whose station went silent while their candidate may still have time (the test goes on
// offline, and the station sends the answers once the network is back: core/exam/silent-station.ts).
// Finalization waits for each, or for the referent to confirm it over, as the invigilator does on their
// screen. The referent may not be in the room: they check with the invigilator, or in the room, first.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnfinishedTests } from '../../../core/contracts/centre-api.ts';
import { formatTimeLeft } from '../../shared/format-duration.ts';
import { timeOfDay } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { FieldError } from '../ui/field.tsx';
import { useCandidateName } from './candidate-names.tsx';

type MaybeRunning = UnfinishedTests['maybeRunning'][number];

/** Nothing when there is none. */
export function MaybeRunningTests({
  tests,
  checkedAt,
  confirmedOver,
  invalid,
  onConfirm,
  onRecheck,
}: {
  tests: readonly MaybeRunning[];
  /** When the list was read (this computer's clock): what it tells is as of then. */
  checkedAt: number;
  confirmedOver: Readonly<Record<string, boolean | undefined>>;
  /** The candidates whose confirmation is missing, once the form was sent. */
  invalid: readonly string[];
  onConfirm(candidateId: string, over: boolean): void;
  onRecheck(): void;
}) {
  const t = useT();
  const locale = useLocale();
  const ids = { title: useId(), hint: useId() };
  if (tests.length === 0) return null;
  return (
    <section className="notice notice-warning" aria-labelledby={ids.title} data-testid="maybe-running">
      <h2 id={ids.title}>{t('finalization.maybeRunningTitle', { count: tests.length })}</h2>
      <p id={ids.hint}>{t('finalization.maybeRunningHint')}</p>
      <p>{t('finalization.maybeRunningCheck')}</p>
      <ul className="action-list">
        {tests.map((test) => (
          <MaybeRunningLine
            key={test.candidateId}
            test={test}
            checkedAt={checkedAt}
            locale={locale}
            hintId={ids.hint}
            confirmed={confirmedOver[test.candidateId] === true}
            invalid={invalid.includes(test.candidateId)}
            onConfirm={(over) => onConfirm(test.candidateId, over)}
          />
        ))}
      </ul>
      <p>
        {t('finalization.checkedAt', {
          time: timeOfDay(new Date(checkedAt).toISOString(), locale, checkedAt),
        })}{' '}
        <button type="button" className="button button-secondary button-small" onClick={onRecheck}>
          {t('finalization.recheck')}
        </button>
      </p>
    </section>
  );
}

function MaybeRunningLine({
  test,
  checkedAt,
  locale,
  hintId,
  confirmed,
  invalid,
  onConfirm,
}: {
  test: MaybeRunning;
  checkedAt: number;
  locale: string;
  hintId: string;
  confirmed: boolean;
  invalid: boolean;
  onConfirm(over: boolean): void;
}) {
  const t = useT();
  const { t: shared } = useTranslation();
  const nameOf = useCandidateName();
  const ids = { facts: useId(), error: useId() };
  const name = nameOf(test);
  const facts = [
    test.stationLastHeardAt === null
      ? t('finalization.neverHeard')
      : t('finalization.silentSince', { time: timeOfDay(test.stationLastHeardAt, locale, checkedAt) }),
    test.timeLeftMs === null
      ? t('finalization.timeLeftUnknown')
      : // In hours and minutes as everywhere (« 1 h 35 min », not « 95 min »); a minute at least, rounded
        // up: the facts are as of when the list was read, seconds would claim a precision they lack.
        t('finalization.timeLeft', { time: formatTimeLeft(Math.max(60_000, test.timeLeftMs), shared) }),
  ].join(' · ');
  return (
    <li
      className={`field checkbox-field ${invalid ? 'has-error' : ''}`}
      data-candidate-id={test.candidateId}
      data-testid="maybe-running-test"
    >
      <p id={ids.facts}>{t('finalization.silentLine', { name, facts })}</p>
      {invalid && <FieldError id={ids.error} text={t('finalization.errors.confirmOver')} />}
      <label className="checkbox">
        <input
          type="checkbox"
          name={`confirm-over-${test.candidateId}`}
          checked={confirmed}
          aria-invalid={invalid || undefined}
          aria-describedby={[ids.facts, invalid ? ids.error : null, hintId].filter(Boolean).join(' ')}
          onChange={(e) => onConfirm(e.target.checked)}
        />
        <span>{t('finalization.confirmOver', { name })}</span>
      </label>
    </li>
  );
}
