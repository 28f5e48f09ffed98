// The centres an account reaches: a referent's one, every centre for an administrator, who also
// creates them (the first one right after the first login on a new server).
import { useState } from 'react';
import { useT } from '../i18n/use-t.ts';
import { useAuth, useClient, useIsAdministrator, useMe } from '../state/auth.tsx';
import { useFlash } from '../state/flash.tsx';
import { hrefFor, navigate } from '../state/router.ts';
import { rememberCentre } from '../state/current-centre.ts';
import { Field } from '../ui/field.tsx';
import { ErrorNotice, PageTitle } from '../ui/page.tsx';
import { useSaveForm } from '../ui/save-form.tsx';

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
  const { errors, failure, busy, submit } = useSaveForm(
    () => (name.trim() === '' ? { ok: false, errors: { name: true } } : { ok: true, name: name.trim() }),
    async (valid) => {
      const centre = await client.createCentre(valid.name);
      rememberCentre(centre.id);
      await refresh();
      flash(t('centres.created', { name: centre.name }));
      navigate({ page: 'sessions', centreId: centre.id });
    },
  );

  return (
    <section className="section" aria-labelledby="create-centre">
      <h2 id="create-centre">{t('centres.createTitle')}</h2>
      <ErrorNotice failure={failure} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Field
          label={t('centres.name')}
          hint={t('centres.nameHint')}
          error={errors.name ? t('centres.nameRequired') : null}
        >
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
