// Sign-in: session number, access code, last name, first name, birthdate. Every problem is shown next
// to the field it is about, in words that say what to do; focus goes to the first one.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnMount } from '../../shared/use-focus-on-mount.ts';
import { useStation, useStationApi } from '../state/station-context.tsx';
import {
  checkSignIn,
  EMPTY_SIGN_IN,
  fieldOfRefusal,
  refusalKey,
  type ExplainedRefusal,
  type SignInErrorKey,
  type SignInField,
  type SignInValues,
} from './sign-in-form.ts';

/** A message key under `signIn.errors`: a check of the form, or a refusal of the station by its code. */
type ErrorKey = SignInErrorKey | ExplainedRefusal | 'other';
/** Kept as keys and worded at each render, so that switching the language rewords them. */
type FieldErrors = Partial<Record<SignInField, ErrorKey>>;

export function SignInScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const api = useStationApi();
  const applyStatus = useStation((s) => s.applyStatus);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [values, setValues] = useState<SignInValues>(EMPTY_SIGN_IN);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ErrorKey | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const formErrorRef = useRef<HTMLDivElement>(null);

  const said = (key: ErrorKey | undefined) => (key ? t(`signIn.errors.${key}`) : undefined);

  const set = (name: keyof SignInValues) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  const focusField = (field: SignInField) => {
    const id = field === 'birthdate' ? 'signin-day' : `signin-${field}`;
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`#${id}`)?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const checked = checkSignIn(values);
    if (!checked.ok) {
      const found: FieldErrors = checked.errors;
      setErrors(found);
      const first = (['sessionNumber', 'accessCode', 'lastName', 'firstName', 'birthdate'] as const).find(
        (f) => found[f],
      );
      if (first) focusField(first);
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await api.signIn(checked.request);
    setBusy(false);
    if (result.ok) {
      applyStatus(result.value);
      return;
    }
    const key = refusalKey(result.error);
    const field = fieldOfRefusal(result.error.code);
    if (field) {
      setErrors({ [field]: key });
      focusField(field);
    } else {
      setFormError(key);
      requestAnimationFrame(() => formErrorRef.current?.focus());
    }
  };

  return (
    <div className="screen screen-narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t('signIn.title')}
      </h1>
      <p>{t('signIn.intro')}</p>
      <p className="hint">{t('signIn.required')}</p>
      <form ref={formRef} noValidate onSubmit={(e) => void submit(e)} className="form" aria-busy={busy}>
        <fieldset className="group">
          <legend>{t('signIn.sessionGroup')}</legend>
          <TextField
            id="signin-sessionNumber"
            label={t('signIn.sessionNumber')}
            hint={t('signIn.sessionNumberHint')}
            error={said(errors.sessionNumber)}
            value={values.sessionNumber}
            onChange={set('sessionNumber')}
            inputMode="numeric"
            width="short"
          />
          <TextField
            id="signin-accessCode"
            label={t('signIn.accessCode')}
            hint={t('signIn.accessCodeHint')}
            error={said(errors.accessCode)}
            value={values.accessCode}
            onChange={(v) => set('accessCode')(v.toUpperCase())}
            width="short"
            autoCapitalize="characters"
          />
        </fieldset>
        <fieldset className="group">
          <legend>{t('signIn.identityGroup')}</legend>
          <TextField
            id="signin-lastName"
            label={t('signIn.lastName')}
            error={said(errors.lastName)}
            value={values.lastName}
            onChange={set('lastName')}
          />
          <TextField
            id="signin-firstName"
            label={t('signIn.firstName')}
            error={said(errors.firstName)}
            value={values.firstName}
            onChange={set('firstName')}
          />
          <fieldset
            className={`date-field ${errors.birthdate ? 'has-error' : ''}`}
            aria-describedby={`signin-birthdate-hint${errors.birthdate ? ' signin-birthdate-error' : ''}`}
          >
            <legend>{t('signIn.birthdate')}</legend>
            <p id="signin-birthdate-hint" className="hint">
              {t('signIn.birthdateHint')}
            </p>
            {errors.birthdate && (
              <FieldError id="signin-birthdate-error">{t(`signIn.errors.${errors.birthdate}`)}</FieldError>
            )}
            <div className="date-parts">
              <DatePart
                id="signin-day"
                label={t('signIn.day')}
                value={values.day}
                onChange={set('day')}
                size={2}
                invalid={!!errors.birthdate}
              />
              <DatePart
                id="signin-month"
                label={t('signIn.month')}
                value={values.month}
                onChange={set('month')}
                size={2}
                invalid={!!errors.birthdate}
              />
              <DatePart
                id="signin-year"
                label={t('signIn.year')}
                value={values.year}
                onChange={set('year')}
                size={4}
                invalid={!!errors.birthdate}
              />
            </div>
          </fieldset>
        </fieldset>
        {formError && (
          <div
            ref={formErrorRef}
            tabIndex={-1}
            role="alert"
            className="notice notice-error"
            data-testid="signin-error"
          >
            <p>{t(`signIn.errors.${formError}`)}</p>
          </div>
        )}
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={onBack}>
            {t('common.back')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true" className="field-error-icon">
        !
      </span>
      {children}
    </p>
  );
}

function TextField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  inputMode?: 'numeric' | 'text';
  width?: 'short' | 'full';
  autoCapitalize?: string;
}) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  const errorId = props.error ? `${props.id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${props.error ? 'has-error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p id={hintId ?? undefined} className="hint">
          {props.hint}
        </p>
      )}
      {props.error && errorId && <FieldError id={errorId}>{props.error}</FieldError>}
      <input
        id={props.id}
        name={props.id}
        type="text"
        className={`input ${props.width === 'short' ? 'input-short' : ''}`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        inputMode={props.inputMode}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize={props.autoCapitalize}
      />
    </div>
  );
}

function DatePart(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  size: number;
  invalid: boolean;
}) {
  return (
    <div className="date-part">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        inputMode="numeric"
        className={`input input-date-${props.size}`}
        maxLength={props.size}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value.replace(/\D/g, ''))}
        aria-invalid={props.invalid ? true : undefined}
        aria-describedby={`signin-birthdate-hint${props.invalid ? ' signin-birthdate-error' : ''}`}
        autoComplete="off"
      />
    </div>
  );
}
