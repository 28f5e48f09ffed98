// Enrol one candidate in a session, or edit an enrolment (until the candidate's test starts): the
// identity exactly as on the ID (the candidate types it to join), the birthplace, extra time and the
// accessibility adjustment.
import { useState } from 'react';
import { fullName } from '../format.ts';
import { useT } from '../i18n/use-t.ts';
import { useShowCentre } from '../layout/app-shell.tsx';
import type { Candidate, CentreSession } from '../api/centre-client.ts';
import { useClient } from '../state/auth.tsx';
import { useFlash } from '../state/flash.tsx';
import { hrefFor, navigate } from '../state/router.ts';
import { useResource } from '../state/use-resource.ts';
import { Field, RadioGroup } from '../ui/field.tsx';
import { Loaded, PageTitle } from '../ui/page.tsx';
import { FormProblems, SaveOrCancel, useSaveForm } from '../ui/save-form.tsx';
import {
  bornInFrance,
  candidateValues,
  checkCandidate,
  EMPTY_CANDIDATE,
  type CandidateField,
  type CandidateValues,
} from './candidate-form.ts';

export function CandidateFormScreen({
  sessionId,
  candidateId,
}: {
  sessionId: string | null;
  candidateId: string | null;
}) {
  const t = useT();
  const client = useClient();
  const data = useResource(async () => {
    const candidate = candidateId ? await client.candidate(candidateId) : null;
    const session = await client.session(candidate?.sessionId ?? sessionId ?? '');
    return { session, candidate };
  }, [client, sessionId, candidateId]);
  useShowCentre(data.data?.session.centreId);
  return (
    <div className="page page-narrow">
      <Loaded resource={data} titled={false}>
        {({ session, candidate }) => (
          <>
            <PageTitle intro={t('candidateForm.intro')}>
              {candidate
                ? t('candidateForm.editTitle', { name: fullName(candidate) })
                : t('candidateForm.createTitle')}
            </PageTitle>
            {session.state !== 'created' ? (
              <p className="notice notice-warning">{t('errors.SESSION_CLOSED')}</p>
            ) : candidate && !candidate.editable ? (
              <p className="notice notice-warning">{t('candidateForm.locked')}</p>
            ) : (
              <CandidateForm session={session} candidate={candidate} />
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}

function CandidateForm({ session, candidate }: { session: CentreSession; candidate: Candidate | null }) {
  const t = useT();
  const client = useClient();
  const flash = useFlash();
  const [values, setValues] = useState<CandidateValues>(
    candidate ? candidateValues(candidate) : EMPTY_CANDIDATE,
  );
  const france = bornInFrance(values);
  const set = <K extends keyof CandidateValues>(key: K, value: CandidateValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const { errors, failure, busy, submit } = useSaveForm(
    () => checkCandidate(values),
    async (valid) => {
      const saved = candidate
        ? await client.updateCandidate(candidate.id, valid.input)
        : await client.createCandidate(session.id, valid.input);
      flash(candidate ? t('candidateForm.saved') : t('candidateForm.created', { name: fullName(saved) }));
      navigate(
        candidate ? { page: 'candidate', candidateId: saved.id } : { page: 'session', sessionId: session.id },
      );
    },
  );

  const errorText = (field: CandidateField) => {
    const key = errors[field];
    return key ? t(`candidateForm.errors.${key}`) : null;
  };

  const text = (
    field: CandidateField,
    label: string,
    options: {
      hint?: string;
      optional?: boolean;
      type?: string;
      short?: boolean;
      autoComplete?: string;
    } = {},
  ) => (
    <Field
      label={label}
      hint={options.hint}
      error={errorText(field)}
      optionalLabel={options.optional ? t('common.optional') : undefined}
    >
      {(control) => (
        <input
          {...control}
          className={`input ${options.short ? 'input-short' : ''}`}
          type={options.type ?? 'text'}
          name={field}
          autoComplete={options.autoComplete ?? 'off'}
          value={values[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      )}
    </Field>
  );
  const errorCount = Object.keys(errors).length;

  return (
    <form noValidate onSubmit={(e) => void submit(e)} data-testid="candidate-form">
      <FormProblems failure={failure} errorCount={errorCount} />
      <fieldset className="form-group">
        <legend>{t('candidateForm.identity')}</legend>
        {text('lastName', t('candidateForm.lastName'))}
        {text('firstName', t('candidateForm.firstName'))}
        <RadioGroup
          legend={t('candidateForm.sex')}
          name="sex"
          value={values.sex === '' ? null : values.sex}
          options={[
            { value: 'F', label: t('candidateForm.sexF') },
            { value: 'M', label: t('candidateForm.sexM') },
          ]}
          onChange={(value) => set('sex', value)}
          error={errorText('sex')}
        />
        {text('birthdate', t('candidateForm.birthdate'), { type: 'date', short: true })}
      </fieldset>
      <fieldset className="form-group">
        <legend>{t('candidateForm.birth')}</legend>
        {text('birthCountry', t('candidateForm.birthCountry'), { hint: t('candidateForm.birthCountryHint') })}
        {france ? (
          <>
            {text('birthInseeCode', t('candidateForm.birthInseeCode'), {
              hint: t('candidateForm.birthInseeCodeHint'),
              short: true,
            })}
            <div className="field-row">
              {text('birthPostalCode', t('candidateForm.birthPostalCode'), { optional: true, short: true })}
              {text('birthCity', t('candidateForm.birthCity'), { optional: true })}
            </div>
          </>
        ) : (
          text('birthCity', t('candidateForm.birthCity'), { hint: t('candidateForm.birthCityHintAbroad') })
        )}
      </fieldset>
      <fieldset className="form-group">
        <legend>{t('candidateForm.other')}</legend>
        {text('externalId', t('candidateForm.externalId'), {
          hint: t('candidateForm.externalIdHint'),
          optional: true,
        })}
        {text('resultEmail', t('candidateForm.resultEmail'), { optional: true, type: 'email' })}
        {text('extraTimePercentage', t('candidateForm.extraTime'), {
          hint: t('candidateForm.extraTimeHint'),
          short: true,
        })}
        <div className="field checkbox-field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="accessibilityAdjustment"
              checked={values.accessibilityAdjustment}
              aria-describedby="adjustment-hint"
              onChange={(e) => set('accessibilityAdjustment', e.target.checked)}
            />
            <span>{t('candidateForm.adjustment')}</span>
          </label>
          <p className="hint" id="adjustment-hint">
            {t('candidateForm.adjustmentHint')}
          </p>
        </div>
      </fieldset>
      <SaveOrCancel
        busy={busy}
        label={candidate ? t('candidateForm.save') : t('candidateForm.create')}
        cancelHref={
          candidate
            ? hrefFor({ page: 'candidate', candidateId: candidate.id })
            : hrefFor({ page: 'session', sessionId: session.id })
        }
      />
    </form>
  );
}
