// Login with the session number and the invigilator password (DOMAIN.md §7). The server sets a
// session-scoped cookie; the screen then opens the room, or, after a login that ended mid-session, the
// page the invigilator was on (state/ended-login.ts), having said why it ended.
import { refusalOf, type RefusalLike } from '../../shared/server-errors/server-error-messages.ts';
import { useServerErrorMessage } from '../../shared/server-errors/use-server-error-message.ts';
import { useId, useState, type FormEvent } from 'react';
import { LanguageSwitch } from '../../shared/language-switch.tsx';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { ApiFailure } from '../api/invigilator-client.ts';
import { readDraft } from '../finalization/finalization-draft.ts';
import { useT } from '../i18n/use-t.ts';
import { useClient } from '../state/room-context.tsx';
import { endedLoginWords, forgetReturn, readReturn, returnRoute } from '../state/ended-login.ts';
import { navigate, type LoginEnd } from '../state/router.ts';
import { tabStorage, type TabStorage } from '../state/tab-storage.ts';
import { checkLogin, loginRefusal, type LoginFieldError } from './login-form.ts';

export function LoginScreen({
  ended,
  sessionNumber,
  storage: givenStorage,
}: {
  ended: LoginEnd | null;
  sessionNumber: string | null;
  /** For tests: this tab's storage (sessionStorage otherwise). */
  storage?: TabStorage | null;
}) {
  const t = useT();
  const [storage] = useState(() => (givenStorage === undefined ? tabStorage() : givenStorage));
  // What logging in again brings back: the page the invigilator was on, the finalization being typed.
  const [kept] = useState(() => {
    const point = readReturn(storage);
    return { page: point !== null, draft: point !== null && readDraft(storage, point.sessionId) !== null };
  });
  const serverMessage = useServerErrorMessage();
  const client = useClient();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const ids = {
    number: useId(),
    password: useId(),
    numberHint: useId(),
    passwordHint: useId(),
    numberError: useId(),
    passwordError: useId(),
  };
  const [values, setValues] = useState({ sessionNumber: sessionNumber ?? '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<LoginFieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const errorFor = (field: LoginFieldError['field']) => fieldErrors.find((e) => e.field === field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors = checkLogin(values);
    setFieldErrors(errors);
    setFailure(null);
    if (errors.length > 0) {
      document.getElementById(errors[0]?.field === 'password' ? ids.password : ids.number)?.focus();
      return;
    }
    setBusy(true);
    try {
      const session = await client.login(Number(values.sessionNumber.trim()), values.password);
      const route = returnRoute(readReturn(storage), session.id);
      forgetReturn(storage);
      navigate(route);
    } catch (error) {
      setFailure(loginFailure(error, t, serverMessage));
      setBusy(false);
    }
  }

  const numberError = errorFor('sessionNumber');
  const passwordError = errorFor('password');
  return (
    <div className="login">
      <header className="column-header">
        <span className="brand">
          <span className="brand-logo">Pix</span> {t('app.name')}
        </span>
        <LanguageSwitch />
      </header>
      <main className="column-main">
        <h1 ref={heading} tabIndex={-1}>
          {t('login.title')}
        </h1>
        {ended && <EndedLogin ended={ended} kept={kept} />}
        <p>{t('login.intro')}</p>
        {failure && (
          <p className="notice notice-error" role="alert" data-testid="login-error">
            {failure}
          </p>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate className="login-form">
          <div className={`field ${numberError ? 'has-error' : ''}`}>
            <label htmlFor={ids.number}>{t('login.sessionNumber')}</label>
            <p className="hint" id={ids.numberHint}>
              {t('login.sessionNumberHint')}
            </p>
            {numberError && <FieldError id={ids.numberError} text={t(`login.errors.${numberError.key}`)} />}
            <input
              id={ids.number}
              className="input input-short"
              inputMode="numeric"
              autoComplete="off"
              name="sessionNumber"
              value={values.sessionNumber}
              aria-invalid={numberError ? true : undefined}
              aria-describedby={numberError ? `${ids.numberError} ${ids.numberHint}` : ids.numberHint}
              onChange={(e) => setValues((v) => ({ ...v, sessionNumber: e.target.value }))}
            />
          </div>
          <div className={`field ${passwordError ? 'has-error' : ''}`}>
            <label htmlFor={ids.password}>{t('login.password')}</label>
            <p className="hint" id={ids.passwordHint}>
              {t('login.passwordHint')}
            </p>
            {passwordError && (
              <FieldError id={ids.passwordError} text={t(`login.errors.${passwordError.key}`)} />
            )}
            <input
              id={ids.password}
              className="input input-short"
              type="password"
              autoComplete="off"
              name="password"
              value={values.password}
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={passwordError ? `${ids.passwordError} ${ids.passwordHint}` : ids.passwordHint}
              onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
            />
          </div>
          <button
            type="submit"
            className="button button-primary button-large"
            aria-disabled={busy || undefined}
          >
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}

function EndedLogin({ ended, kept }: { ended: LoginEnd; kept: { draft: boolean; page: boolean } }) {
  const t = useT();
  const words = endedLoginWords(ended, kept);
  return (
    <p className="notice notice-warning" role="status" data-testid="login-ended">
      {t(words.why)} {words.next && t(words.next)}
    </p>
  );
}

function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <p className="field-error" id={id}>
      <span className="field-error-icon" aria-hidden="true">
        !
      </span>
      {text}
    </p>
  );
}

function loginFailure(
  error: unknown,
  t: ReturnType<typeof useT>,
  serverMessage: (refusal: RefusalLike) => string,
): string {
  if (!(error instanceof ApiFailure))
    return t('login.errors.other', { message: serverMessage(refusalOf(error)) });
  const refusal = loginRefusal(error);
  switch (refusal.key) {
    case 'tooManyAttempts':
      // What to do next: wait, or have the referent change the password (which lifts the block).
      return refusal.minutes === null
        ? t('login.errors.tooManyAttemptsSoon')
        : t('login.errors.tooManyAttempts', { count: refusal.minutes });
    case 'other':
      return t('login.errors.other', { message: serverMessage(error) });
    default:
      return t(`login.errors.${refusal.key}`);
  }
}
