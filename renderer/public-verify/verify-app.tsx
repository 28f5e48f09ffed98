// The public certificate check (no login): type the verification code printed on a certificate, or
// follow a link that carries it, and see whether it is genuine and what it certifies. Only published
// results answer; the server limits how fast anyone can try codes.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CertificateSchema, type Certificate } from '../../core/contracts/public-api.ts';
import { COMPETENCES } from '../../core/framework/crcn.ts';
import { LiveAnnouncer, announce } from '../shared/announcer.tsx';
import { LanguageSwitch } from '../shared/language-switch.tsx';
import { useFocusOnMount } from '../shared/use-focus-on-mount.ts';
import { useT, type Translate } from './i18n/use-t.ts';
import { codeInAddress, pathFor, readCode } from './verification-input.ts';

type Outcome =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'valid'; certificate: Certificate }
  | { state: 'invalid'; message: string };

async function lookUp(code: string, t: Translate): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`/api/public/certificates/${encodeURIComponent(code)}`, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
    });
  } catch {
    return { state: 'invalid', message: t('errors.network') };
  }
  if (response.status === 404) return { state: 'invalid', message: t('errors.notFound', { code }) };
  if (response.status === 400) return { state: 'invalid', message: t('errors.format') };
  if (response.status === 429) return { state: 'invalid', message: t('errors.rateLimited') };
  if (!response.ok)
    return { state: 'invalid', message: t('errors.other', { message: `HTTP ${response.status}` }) };
  const parsed = CertificateSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    return { state: 'invalid', message: t('errors.other', { message: 'réponse illisible' }) };
  return { state: 'valid', certificate: parsed.data };
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

  const check = useCallback(
    async (typed: string) => {
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
      const result = await lookUp(code, t);
      setOutcome(result);
      announce(result.state === 'valid' ? t('validTitle') : result.state === 'invalid' ? result.message : '');
      requestAnimationFrame(() => resultHeading.current?.focus());
    },
    [t],
  );

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
      <LiveAnnouncer />
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
        {outcome.state === 'invalid' && (
          <section
            className="notice notice-error"
            aria-labelledby="verify-failed"
            data-testid="verify-invalid"
          >
            <h2 id="verify-failed" ref={resultHeading} tabIndex={-1} className="visually-hidden">
              {t('title')}
            </h2>
            <p>{outcome.message}</p>
          </section>
        )}
      </main>
    </>
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
