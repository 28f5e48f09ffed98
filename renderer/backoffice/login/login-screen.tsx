// Login with email and password. Says why the user is here again (session expired, account
// deactivated, logged out), and what to do about a refusal. The first administrator is created on
// the server from the command line: the page says so for whoever opens it on a new server.
import { useState, type FormEvent } from 'react';
import { LanguageSwitch } from '../../shared/language-switch.tsx';
import type { RefusalLike } from '../../shared/server-errors/server-error-messages.ts';
import { useServerErrorMessage } from '../../shared/server-errors/use-server-error-message.ts';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { ApiFailure } from '../api/centre-client.ts';
import { useT, type Translate } from '../i18n/use-t.ts';
import { useAuth, type SessionEnd } from '../state/auth.tsx';
import { describeFailure } from '../ui/describe-failure.ts';
import { Field, focusFirstInvalid } from '../ui/field.tsx';
import { useDocumentTitleFrom } from '../ui/document-title.ts';
import { PasswordField } from '../ui/password-field.tsx';
import { checkLogin, type LoginErrors } from './login-form.ts';

export function LoginScreen({ ended }: { ended: SessionEnd | null }) {
  const t = useT();
  const serverMessage = useServerErrorMessage();
  const { client, loggedIn } = useAuth();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  useDocumentTitleFrom(heading);
  const [values, setValues] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<LoginErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Why the user is here again matters until they try to log in; then the answer to that attempt does.
  const [showEnded, setShowEnded] = useState(true);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const found = checkLogin(values);
    setErrors(found);
    setFailure(null);
    setShowEnded(false);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(form);
      return;
    }
    setBusy(true);
    try {
      await client.login(values.email.trim(), values.password);
      await loggedIn();
    } catch (error) {
      setFailure(loginFailure(error, t, serverMessage));
      setBusy(false);
    }
  }

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
        {ended && showEnded && (
          <p
            className={`notice ${ended === 'loggedOut' ? 'notice-ok' : 'notice-warning'}`}
            role="status"
            data-testid="session-ended"
          >
            {t(`login.ended.${ended}`)}
          </p>
        )}
        <p>{t('login.intro')}</p>
        {failure && (
          <p className="notice notice-error" role="alert" data-testid="login-error">
            {failure}
          </p>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate className="login-form">
          <Field
            label={t('login.email')}
            hint={t('login.emailHint')}
            error={errors.email ? t(`login.errors.${errors.email}`) : null}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                type="email"
                autoComplete="username"
                name="email"
                value={values.email}
                onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))}
              />
            )}
          </Field>
          <PasswordField
            label={t('login.password')}
            error={errors.password ? t(`login.errors.${errors.password}`) : null}
            name="password"
            autoComplete="current-password"
            value={values.password}
            onChange={(password) => setValues((v) => ({ ...v, password }))}
          />
          <button
            type="submit"
            className="button button-primary button-large"
            aria-disabled={busy || undefined}
          >
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p className="hint login-first-run">
          {t('login.firstRun')} <code className="command">{t('login.firstRunCommand')}</code>
        </p>
        <p>
          <a href="/verification/">{t('app.verifyLink')}</a>
        </p>
      </main>
    </div>
  );
}

function loginFailure(error: unknown, t: Translate, serverMessage: (refusal: RefusalLike) => string): string {
  if (error instanceof ApiFailure) {
    if (error.code === 'INVALID_CREDENTIALS') return t('login.errors.INVALID_CREDENTIALS');
    if (error.code === 'ACCOUNT_DEACTIVATED') return t('login.errors.ACCOUNT_DEACTIVATED');
    if (error.code === 'TOO_MANY_ATTEMPTS' || error.code === 'RATE_LIMITED')
      return t('login.errors.TOO_MANY_ATTEMPTS');
    return describeFailure(error, t, serverMessage);
  }
  return serverMessage({ status: -1, code: 'UNEXPECTED' });
}
