// My account: who I am logged in as, and changing my password (the current one is asked again).
import { useState, type FormEvent } from 'react';
import { NewPasswordSchema } from '../../../core/contracts/centre-api.ts';
import { announce } from '../../shared/announcer.tsx';
import { useT } from '../i18n/use-t.ts';
import type { ApiFailure } from '../api/centre-client.ts';
import { useClient, useMe } from '../state/auth.tsx';
import { asFailure } from '../state/use-resource.ts';
import { focusFirstInvalid } from '../ui/field.tsx';
import { PasswordField } from '../ui/password-field.tsx';
import { ErrorNotice, PageTitle } from '../ui/page.tsx';
import { useSubmitGuard } from '../ui/submit-guard.ts';

export function MyAccountScreen() {
  const t = useT();
  const me = useMe();
  const client = useClient();
  const [values, setValues] = useState({ current: '', next: '' });
  const [errors, setErrors] = useState<{ current?: true; next?: true }>({});
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const guard = useSubmitGuard();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A second submit while the change is in flight would count as a wrong current password.
    if (guard.held) return;
    const form = event.currentTarget;
    setFailure(null);
    setDone(false);
    const found = {
      ...(values.current === '' ? { current: true as const } : {}),
      ...(NewPasswordSchema.safeParse(values.next).success ? {} : { next: true as const }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(form);
      return;
    }
    if (!guard.claim()) return;
    setBusy(true);
    try {
      await client.changePassword(values.current, values.next);
      setValues({ current: '', next: '' });
      setDone(true);
      announce(t('myAccount.changed'));
    } catch (e) {
      setFailure(asFailure(e));
    } finally {
      setBusy(false);
      guard.release();
    }
  }

  return (
    <div className="page page-narrow">
      <PageTitle intro={t('myAccount.intro')}>{t('myAccount.title')}</PageTitle>
      <dl className="details card-panel">
        <dt>{t('myAccount.name')}</dt>
        <dd>{me.account.displayName}</dd>
        <dt>{t('myAccount.email')}</dt>
        <dd>{me.account.email}</dd>
        <dt>{t('myAccount.role')}</dt>
        <dd>{t(`app.roles.${me.account.role}`)}</dd>
      </dl>
      <section className="section" aria-labelledby="password-title">
        <h2 id="password-title">{t('myAccount.passwordTitle')}</h2>
        {done && <p className="notice notice-ok">{t('myAccount.changed')}</p>}
        <ErrorNotice failure={failure} />
        <form noValidate onSubmit={(e) => void submit(e)}>
          <PasswordField
            label={t('myAccount.current')}
            error={errors.current ? t('myAccount.errors.current') : null}
            autoComplete="current-password"
            value={values.current}
            onChange={(current) => setValues((v) => ({ ...v, current }))}
          />
          <PasswordField
            label={t('myAccount.next')}
            hint={t('myAccount.nextHint')}
            error={errors.next ? t('myAccount.errors.next') : null}
            autoComplete="new-password"
            value={values.next}
            onChange={(next) => setValues((v) => ({ ...v, next }))}
          />
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {t('myAccount.submit')}
          </button>
        </form>
      </section>
    </div>
  );
}
