// The public certificate check (no login): type the verification code printed on a certificate, or
// follow a link that carries it, and see whether it is genuine and what it certifies, or that the jury
// cancelled it. Only published results answer; the server limits how fast anyone can try codes.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CancelledCertificateSchema,
  CertificateSchema,
  type Certificate,
} from '../../core/contracts/public-api.ts';
import { COMPETENCES } from '../../core/framework/crcn.ts';
import { LanguageSwitch } from '../shared/language-switch.tsx';
import { useFocusOnMount } from '../shared/use-focus-on-mount.ts';
import { useT, type Translate } from './i18n/use-t.ts';
import { codeInAddress, pathFor, readCode } from './verification-input.ts';

/** Why a code was not confirmed; worded when shown, so a language switch rewords it. */
export type Failure =
  | { kind: 'notFound'; code: string }
  | { kind: 'format' }
  | { kind: 'rateLimited' }
  | { kind: 'network' }
  | { kind: 'http'; status: number }
  | { kind: 'unreadable' };

type Outcome =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'valid'; certificate: Certificate }
  | { state: 'cancelled'; code: string; cancelledAt: string }
  | { state: 'invalid'; failure: Failure };

async function lookUp(code: string): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`/api/public/certificates/${encodeURIComponent(code)}`, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
    });
  } catch {
    return { state: 'invalid', failure: { kind: 'network' } };
  }
  if (response.status === 404) return { state: 'invalid', failure: { kind: 'notFound', code } };
  if (response.status === 400) return { state: 'invalid', failure: { kind: 'format' } };
  if (response.status === 429) return { state: 'invalid', failure: { kind: 'rateLimited' } };
  // Gone: the jury cancelled it (core/contracts/public-api.ts): said so, never shown as valid.
  if (response.status === 410) {
    const gone = CancelledCertificateSchema.safeParse(await response.json().catch(() => null));
    if (!gone.success) return { state: 'invalid', failure: { kind: 'http', status: 410 } };
    return {
      state: 'cancelled',
      code: gone.data.error.verificationCode,
      cancelledAt: gone.data.error.cancelledAt,
    };
  }
  if (!response.ok) return { state: 'invalid', failure: { kind: 'http', status: response.status } };
  const parsed = CertificateSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return { state: 'invalid', failure: { kind: 'unreadable' } };
  return { state: 'valid', certificate: parsed.data };
}

/** The outcome in a few words: the heading focus lands on, so it is what a screen reader says first. */
export function failureTitle(failure: Failure, t: Translate): string {
  if (failure.kind === 'notFound') return t('outcome.notFound');
  if (failure.kind === 'format') return t('outcome.format');
  return t('outcome.unavailable');
}

/** What happened and what to do. */
export function failureMessage(failure: Failure, t: Translate): string {
  switch (failure.kind) {
    case 'notFound':
      return t('errors.notFound', { code: failure.code });
    case 'format':
      return t('errors.format');
    case 'rateLimited':
      return t('errors.rateLimited');
    case 'network':
      return t('errors.network');
    case 'http':
      return t('errors.other', { message: `HTTP ${failure.status}` });
    case 'unreadable':
      return t('errors.other', { message: t('errors.unreadable') });
  }
}

function formatDate(value: string, locale: string): string {
  const date = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

export function VerifyApp() {
  const t = useT();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const inputId = useId();
  const [value, setValue] = useState(() => codeInAddress(window.location) ?? '');
  const [formatError, setFormatError] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);

  const check = useCallback(async (typed: string) => {
    const code = readCode(typed);
    if (!code) {
      setFormatError(true);
      setOutcome({ state: 'idle' });
      input.current?.focus();
      return;
    }
    setFormatError(false);
    setValue(code);
    setOutcome({ state: 'checking' });
    // The address carries the code: it can be shared or bookmarked.
    window.history.replaceState(null, '', pathFor(code));
    setOutcome(await lookUp(code));
    // Focus goes to the outcome's heading, which says it: no announcement on top, or it is heard twice.
    requestAnimationFrame(() => resultHeading.current?.focus());
  }, []);

  // The window's title in the page's language.
  useEffect(() => {
    document.title = t('title');
  }, [t]);

  // A link with the code in it: check at once.
  const initial = useRef(codeInAddress(window.location));
  useEffect(() => {
    if (initial.current) void check(initial.current);
    initial.current = null;
  }, [check]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void check(value);
  }

  return (
    <>
      <header className="column-header">
        <span className="brand">
          <span className="brand-logo">Pix</span> {t('brand')}
        </span>
        <LanguageSwitch />
      </header>
      <main className="column-main">
        <h1 ref={heading} tabIndex={-1}>
          {t('title')}
        </h1>
        <p className="lead">{t('intro')}</p>
        <form noValidate onSubmit={submit} className="verify-form" data-testid="verify-form">
          <div className={`field ${formatError ? 'has-error' : ''}`}>
            <label htmlFor={inputId}>{t('code')}</label>
            <p className="hint" id={`${inputId}-hint`}>
              {t('codeHint')}
            </p>
            {formatError && (
              <p className="field-error" id={`${inputId}-error`}>
                <span className="field-error-icon" aria-hidden="true">
                  !
                </span>
                {t('errors.format')}
              </p>
            )}
            <div className="verify-row">
              <input
                ref={input}
                id={inputId}
                className="input verify-input"
                name="code"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                value={value}
                aria-invalid={formatError || undefined}
                aria-describedby={formatError ? `${inputId}-error ${inputId}-hint` : `${inputId}-hint`}
                onChange={(e) => setValue(e.target.value)}
              />
              <button
                type="submit"
                className="button button-primary"
                aria-disabled={outcome.state === 'checking' || undefined}
              >
                {outcome.state === 'checking' ? t('checking') : t('submit')}
              </button>
            </div>
          </div>
        </form>
        {outcome.state === 'valid' && (
          <CertificateView certificate={outcome.certificate} headingRef={resultHeading} />
        )}
        {outcome.state === 'cancelled' && (
          <CancelledView code={outcome.code} cancelledAt={outcome.cancelledAt} headingRef={resultHeading} />
        )}
        {outcome.state === 'invalid' && <FailureView failure={outcome.failure} headingRef={resultHeading} />}
      </main>
    </>
  );
}

export function FailureView({
  failure,
  headingRef,
}: {
  failure: Failure;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}) {
  const t = useT();
  return (
    <section className="notice notice-error" aria-labelledby="verify-failed" data-testid="verify-invalid">
      <h2 id="verify-failed" ref={headingRef} tabIndex={-1} className="visually-hidden">
        {failureTitle(failure, t)}
      </h2>
      <p>{failureMessage(failure, t)}</p>
    </section>
  );
}

/** A certificate the jury cancelled: its code, when, and that it certifies nothing. */
export function CancelledView({
  code,
  cancelledAt,
  headingRef,
}: {
  code: string;
  cancelledAt: string;
  headingRef?: RefObject<HTMLHeadingElement | null>;
}) {
  const t = useT();
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'fr-FR';
  return (
    <section
      className="notice notice-error"
      aria-labelledby="verify-cancelled"
      data-testid="verify-cancelled"
    >
      <h2 id="verify-cancelled" ref={headingRef} tabIndex={-1}>
        {t('cancelledTitle')}
      </h2>
      <p>{t('cancelled', { code, date: formatDate(cancelledAt, locale) })}</p>
      <p>{t('cancelledNext')}</p>
    </section>
  );
}

function CertificateView({
  certificate,
  headingRef,
}: {
  certificate: Certificate;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const t = useT();
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'fr-FR';
  const byCode = new Map(certificate.competences.map((c) => [c.code, c]));
  return (
    <section className="certificate" aria-labelledby="verify-valid" data-testid="verify-valid">
      <div className="notice notice-ok">
        <h2 id="verify-valid" ref={headingRef} tabIndex={-1}>
          ✓ {t('validTitle')}
        </h2>
        <p>{t('valid')}</p>
      </div>
      <dl className="certificate-facts">
        <dt>{t('holder')}</dt>
        <dd data-testid="holder">
          {certificate.firstName} {certificate.lastName.toLocaleUpperCase('fr-FR')}
        </dd>
        <dt>{t('born')}</dt>
        <dd>{formatDate(certificate.birthdate, locale)}</dd>
        <dt>{t('centre')}</dt>
        <dd>{certificate.centreName}</dd>
        <dt>{t('sessionDate')}</dt>
        <dd>{formatDate(certificate.sessionDate, locale)}</dd>
        <dt>{t('published')}</dt>
        <dd>{formatDate(certificate.publishedAt, locale)}</dd>
        <dt>{t('score')}</dt>
        <dd className="certificate-score" data-testid="score">
          {t('scoreValue', { score: certificate.pixScore })}
        </dd>
      </dl>
      <table className="certificate-table">
        <caption>{t('competencesTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('competence')}</th>
            <th scope="col">{t('level')}</th>
          </tr>
        </thead>
        <tbody>
          {COMPETENCES.map((competence) => {
            const level = byCode.get(competence.code)?.level ?? 0;
            return (
              <tr key={competence.code} className={level > 0 ? '' : 'row-muted'}>
                <th scope="row">
                  <span className="mono">{competence.code}</span>{' '}
                  {i18n.language === 'en' ? competence.label.en : competence.label.fr}
                </th>
                <td>{level > 0 ? level : t('notCertified')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">{t('maxLevel', { level: certificate.maxReachableLevel })}</p>
    </section>
  );
}
