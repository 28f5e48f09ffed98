// Accounts (administrators): who can log in, for which centre; create referents (or administrators),
// deactivate someone who left (their open sessions end at once), reactivate (a failure shown in the
// account's row and said aloud: account-activity.ts).
import { useState, type FormEvent } from 'react';
import { useServerErrorMessage } from '../../shared/server-errors/use-server-error-message.ts';
import { CreateAccountRequestSchema } from '../../../core/contracts/centre-api.ts';
import { dateTime } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import { useCentreId } from '../layout/app-shell.tsx';
import type { Account, ApiFailure, NewAccountInput } from '../api/centre-client.ts';
import { useClient, useIsAdministrator, useMe } from '../state/auth.tsx';
import { asFailure, useResource } from '../state/use-resource.ts';
import { announce } from '../../shared/announcer.tsx';
import { ConfirmAction } from '../ui/confirm-action.tsx';
import { Field, RadioGroup, focusFirstInvalid } from '../ui/field.tsx';
import { ErrorNotice, Loaded, PageTitle } from '../ui/page.tsx';
import { DataTable } from '../ui/data-table.tsx';
import { describeFailure } from '../ui/describe-failure.ts';
import { useSubmitGuard } from '../ui/submit-guard.ts';
import { changeAccountActivity } from './account-activity.ts';

export function AccountsScreen() {
  const t = useT();
  const client = useClient();
  const administrator = useIsAdministrator();
  const accounts = useResource(
    () => (administrator ? client.accounts() : Promise.resolve([])),
    [client, administrator],
  );
  if (!administrator) {
    return (
      <div className="page page-narrow">
        <PageTitle>{t('accounts.title')}</PageTitle>
        <p className="notice notice-warning">{t('errors.forbidden')}</p>
      </div>
    );
  }
  return (
    <div className="page">
      <PageTitle intro={t('accounts.intro')}>{t('accounts.title')}</PageTitle>
      <section className="section" aria-labelledby="accounts-list">
        <h2 id="accounts-list">{t('accounts.listTitle')}</h2>
        <Loaded resource={accounts}>
          {(list) => (
            <AccountTable
              accounts={list}
              onChanged={(changed) => accounts.set(list.map((a) => (a.id === changed.id ? changed : a)))}
            />
          )}
        </Loaded>
      </section>
      <CreateAccount onCreated={accounts.reload} />
    </div>
  );
}

function AccountTable({
  accounts,
  onChanged,
}: {
  accounts: Account[];
  onChanged: (account: Account) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const client = useClient();
  const serverMessage = useServerErrorMessage();
  // A reactivation that failed, by account: shown in its row until the next try.
  const [failures, setFailures] = useState<Record<string, ApiFailure | undefined>>({});
  const centreName = (id: string | null) =>
    id === null ? t('accounts.allCentres') : (me.centres.find((c) => c.id === id)?.name ?? id);
  const sorted = [...accounts].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));

  async function setActive(account: Account, active: boolean) {
    setFailures((f) => ({ ...f, [account.id]: undefined }));
    const outcome = await changeAccountActivity(account, active, {
      send: (accountId, value) => client.setAccountActive(accountId, value),
      announce,
      t,
      describe: (failure) => describeFailure(failure, t, serverMessage),
    });
    if (outcome.ok) onChanged(outcome.account);
    else setFailures((f) => ({ ...f, [account.id]: outcome.failure }));
  }

  return (
    <DataTable
      caption={t('accounts.listTitle')}
      testId="accounts-table"
      columns={[
        t('accounts.name'),
        t('accounts.email'),
        t('accounts.role'),
        t('accounts.centre'),
        t('accounts.state'),
        <span className="visually-hidden">{t('accounts.deactivate')}</span>,
      ]}
    >
      {sorted.map((account) => {
        const self = account.id === me.account.id;
        return (
          <tr
            key={account.id}
            data-testid="account-row"
            data-email={account.email}
            className={account.deactivatedAt ? 'row-muted' : ''}
          >
            <th scope="row">
              {account.displayName} {self && <span className="sub-inline">{t('accounts.you')}</span>}
            </th>
            <td>{account.email}</td>
            <td>{t(`app.roles.${account.role}`)}</td>
            <td>{centreName(account.centreId)}</td>
            <td data-testid="account-state">
              {account.deactivatedAt
                ? t('accounts.deactivated', { date: dateTime(account.deactivatedAt, locale) })
                : t('accounts.active')}
            </td>
            <td>
              {!self && (
                // Deactivating asks first, reactivating does not; one cell, so the button keeps
                // the focus when it turns into the other.
                <ConfirmAction
                  title={t('accounts.deactivateTitle', { name: account.displayName })}
                  text={t('accounts.deactivateText')}
                  confirmLabel={t('accounts.deactivateConfirm')}
                  danger
                  onConfirm={() => setActive(account, false)}
                >
                  {(ask) =>
                    account.deactivatedAt ? (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-label={t('accounts.reactivateLabel', { name: account.displayName })}
                        onClick={() => void setActive(account, true)}
                      >
                        {t('accounts.reactivate')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button button-danger-outline button-small"
                        aria-label={t('accounts.deactivateLabel', { name: account.displayName })}
                        onClick={ask}
                      >
                        {t('accounts.deactivate')}
                      </button>
                    )
                  }
                </ConfirmAction>
              )}
              <ErrorNotice failure={failures[account.id] ?? null} announced />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

type AccountErrors = Partial<Record<'displayName' | 'email' | 'centreId' | 'password', true>>;

function CreateAccount({ onCreated }: { onCreated: () => void }) {
  const t = useT();
  const me = useMe();
  const client = useClient();
  const current = useCentreId();
  const [values, setValues] = useState<NewAccountInput>({
    displayName: '',
    email: '',
    role: 'referent',
    centreId: current ?? me.centres[0]?.id ?? null,
    password: '',
  });
  const [errors, setErrors] = useState<AccountErrors>({});
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const guard = useSubmitGuard();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // One account per click: a second submit while the first is in flight does nothing.
    if (guard.held) return;
    const form = event.currentTarget;
    setFailure(null);
    setDone(null);
    const input = { ...values, centreId: values.role === 'administrator' ? null : values.centreId };
    const parsed = CreateAccountRequestSchema.safeParse(input);
    if (!parsed.success) {
      const found: AccountErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'displayName' || field === 'email' || field === 'centreId' || field === 'password')
          found[field] = true;
      }
      setErrors(found);
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    if (!guard.claim()) return;
    setBusy(true);
    try {
      const created = await client.createAccount(parsed.data);
      const message = t('accounts.created', { name: created.displayName });
      setDone(message);
      announce(message);
      setValues((v) => ({ ...v, displayName: '', email: '', password: '' }));
      onCreated();
    } catch (e) {
      setFailure(asFailure(e));
    } finally {
      setBusy(false);
      guard.release();
    }
  }

  return (
    <section className="section" aria-labelledby="create-account">
      <h2 id="create-account">{t('accounts.createTitle')}</h2>
      {done && (
        <p className="notice notice-ok" data-testid="account-created">
          {done}
        </p>
      )}
      <ErrorNotice failure={failure} />
      <form noValidate onSubmit={(e) => void submit(e)} data-testid="account-form">
        <Field
          label={t('accounts.displayName')}
          hint={t('accounts.displayNameHint')}
          error={errors.displayName ? t('accounts.errors.displayName') : null}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              name="displayName"
              value={values.displayName}
              onChange={(e) => setValues((v) => ({ ...v, displayName: e.target.value }))}
            />
          )}
        </Field>
        <Field
          label={t('accounts.email')}
          hint={t('accounts.emailHint')}
          error={errors.email ? t('accounts.errors.email') : null}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="email"
              name="email"
              autoComplete="off"
              value={values.email}
              onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))}
            />
          )}
        </Field>
        <RadioGroup
          legend={t('accounts.role')}
          name="role"
          value={values.role}
          options={[
            { value: 'referent', label: t('accounts.roleReferent') },
            { value: 'administrator', label: t('accounts.roleAdministrator') },
          ]}
          onChange={(role) => setValues((v) => ({ ...v, role }))}
        />
        {values.role === 'referent' && (
          <Field
            label={t('accounts.centreSelect')}
            error={errors.centreId ? t('accounts.errors.centre') : null}
          >
            {(control) => (
              <select
                {...control}
                className="input"
                name="centreId"
                value={values.centreId ?? ''}
                onChange={(e) => setValues((v) => ({ ...v, centreId: e.target.value || null }))}
              >
                {me.centres.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field
          label={t('accounts.password')}
          hint={t('accounts.passwordHint')}
          error={errors.password ? t('accounts.errors.password') : null}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              name="password"
              autoComplete="new-password"
              spellCheck={false}
              value={values.password}
              onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('accounts.create')}
        </button>
      </form>
    </section>
  );
}
