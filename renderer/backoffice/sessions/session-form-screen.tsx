// Create a session (in a centre) or edit one (until it is finalized): where, when, who invigilates.
// The number, the candidates' access code and the invigilator's password are drawn by the server.
import { useState, type ComponentProps } from 'react';
import { useShowCentre } from '../layout/app-shell.tsx';
import { useT } from '../i18n/use-t.ts';
import type { CentreSession, SessionDetailsInput } from '../api/centre-client.ts';
import { useClient } from '../state/auth.tsx';
import { useFlash } from '../state/flash.tsx';
import { hrefFor, navigate } from '../state/router.ts';
import { useResource } from '../state/use-resource.ts';
import { Field } from '../ui/field.tsx';
import { Loaded, PageTitle } from '../ui/page.tsx';
import { FormProblems, SaveOrCancel, useSaveForm } from '../ui/save-form.tsx';
import { checkSession, EMPTY_SESSION, type SessionField } from './session-form.ts';

export function SessionFormScreen({
  centreId,
  sessionId,
}: {
  centreId: string | null;
  sessionId: string | null;
}) {
  const t = useT();
  const client = useClient();
  const session = useResource(
    () => (sessionId ? client.session(sessionId) : Promise.resolve(null)),
    [client, sessionId],
  );
  useShowCentre(session.data?.centreId ?? centreId);
  if (sessionId === null && centreId !== null) {
    return (
      <div className="page page-narrow">
        <PageTitle intro={t('sessionForm.intro')}>{t('sessionForm.createTitle')}</PageTitle>
        <SessionForm centreId={centreId} session={null} />
      </div>
    );
  }
  return (
    <div className="page page-narrow">
      <Loaded resource={session} titled={false}>
        {(loaded) =>
          loaded && (
            <>
              <PageTitle intro={t('sessionForm.intro')}>
                {t('sessionForm.editTitle', { number: loaded.number })}
              </PageTitle>
              {loaded.state !== 'created' ? (
                <p className="notice notice-warning">{t('errors.SESSION_CLOSED')}</p>
              ) : (
                <SessionForm centreId={loaded.centreId} session={loaded} />
              )}
            </>
          )
        }
      </Loaded>
    </div>
  );
}

function SessionForm({ centreId, session }: { centreId: string; session: CentreSession | null }) {
  const t = useT();
  const client = useClient();
  const flash = useFlash();
  const [values, setValues] = useState<SessionDetailsInput>(
    session
      ? {
          address: session.address,
          room: session.room,
          date: session.date,
          time: session.time,
          examiner: session.examiner,
          description: session.description,
        }
      : EMPTY_SESSION,
  );
  const { errors, failure, busy, submit } = useSaveForm(
    () => checkSession(values),
    async (valid) => {
      const saved = session
        ? await client.updateSession(session.id, valid.details)
        : await client.createSession(centreId, valid.details);
      flash(session ? t('sessionForm.saved') : t('sessionForm.created', { number: saved.number }));
      navigate({ page: 'session', sessionId: saved.id });
    },
  );
  const summary = Object.keys(errors).length;

  const text = (field: SessionField, label: string, hint: string, input: ComponentProps<'input'>) => (
    <Field label={label} hint={hint} error={errors[field] ? t(`sessionForm.errors.${errors[field]}`) : null}>
      {(control) => (
        <input
          {...control}
          {...input}
          className={`input ${input.className ?? ''}`}
          name={field}
          value={values[field]}
          onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
        />
      )}
    </Field>
  );

  return (
    <form noValidate onSubmit={(e) => void submit(e)} data-testid="session-form">
      <FormProblems failure={failure} errorCount={summary} />
      {text('address', t('sessionForm.address'), t('sessionForm.addressHint'), {
        autoComplete: 'street-address',
      })}
      {text('room', t('sessionForm.room'), t('sessionForm.roomHint'), {})}
      <div className="field-row">
        {text('date', t('sessionForm.date'), t('sessionForm.dateHint'), {
          type: 'date',
          className: 'input-short',
        })}
        {text('time', t('sessionForm.time'), t('sessionForm.timeHint'), {
          type: 'time',
          className: 'input-short',
        })}
      </div>
      {text('examiner', t('sessionForm.examiner'), t('sessionForm.examinerHint'), {})}
      <Field
        label={t('sessionForm.description')}
        optionalLabel={t('common.optional')}
        hint={t('sessionForm.descriptionHint')}
        error={errors.description ? t('sessionForm.errors.tooLong') : null}
      >
        {(control) => (
          <textarea
            {...control}
            className="input textarea"
            name="description"
            rows={3}
            value={values.description}
            onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))}
          />
        )}
      </Field>
      <SaveOrCancel
        busy={busy}
        label={session ? t('sessionForm.save') : t('sessionForm.create')}
        cancelHref={
          session
            ? hrefFor({ page: 'session', sessionId: session.id })
            : hrefFor({ page: 'sessions', centreId })
        }
      />
    </form>
  );
}
