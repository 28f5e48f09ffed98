// The centres an account reaches: a referent's one, every centre for an administrator, who also
// creates them (the first one right after the first login on a new server).
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/use-t.ts';
import { useAuth, useClient, useIsAdministrator, useMe } from '../state/auth.tsx';
import { useFlash } from '../state/flash.tsx';
import { hrefFor, navigate } from '../state/router.ts';
import { rememberCentre } from '../state/current-centre.ts';
import { asFailure } from '../state/use-resource.ts';
import type { ApiFailure } from '../api/centre-client.ts';
import { Field, focusFirstInvalid } from '../ui/field.tsx';
import { ErrorNotice, PageTitle } from '../ui/page.tsx';

export function CentresScreen() {
  const t = useT();
  const me = useMe();
  const administrator = useIsAdministrator();
  const first = me.centres.length === 0;
  return (
    <div className="page page-narrow">
      <PageTitle intro={t('centres.intro')}>{t('centres.title')}</PageTitle>
      {first && administrator ? (
        <div className="notice notice-warning">
          <p className="notice-title">{t('centres.firstTitle')}</p>
          <p>{t('centres.first')}</p>
        </div>
      ) : (
        <>
          <p>{t('centres.choose')}</p>
          <ul className="centre-list" data-testid="centre-list">
            {me.centres.map((centre) => (
              <li key={centre.id}>
                <a href={hrefFor({ page: 'sessions', centreId: centre.id })}>{centre.name}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {administrator && <CreateCentre />}
    </div>
  );
}

function CreateCentre() {
  const t = useT();
  const client = useClient();
  const { refresh } = useAuth();
  const flash = useFlash();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setFailure(null);
    if (name.trim() === '') {
      setError(t('centres.nameRequired'));
      focusFirstInvalid(form);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const centre = await client.createCentre(name.trim());
      rememberCentre(centre.id);
      await refresh();
      flash(t('centres.created', { name: centre.name }));
      navigate({ page: 'sessions', centreId: centre.id });
    } catch (e) {
      setFailure(asFailure(e));
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="create-centre">
      <h2 id="create-centre">{t('centres.createTitle')}</h2>
      <ErrorNotice failure={failure} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Field label={t('centres.name')} hint={t('centres.nameHint')} error={error}>
          {(control) => (
            <input
              {...control}
              className="input"
              name="centreName"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('centres.create')}
        </button>
      </form>
    </section>
  );
}
