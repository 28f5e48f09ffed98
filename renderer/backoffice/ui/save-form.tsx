// A form that is checked in the page, saved, and then left (enrol a candidate, create or edit a
// session): a wrong field shows its error and takes the focus, the server is asked only with a valid
// form, and a refusal shows above the form with the button working again. On success `save` moves on
// to another page, so the button stays busy until it goes.
import { useState, type FormEvent } from 'react';
import type { ApiFailure } from '../api/centre-client.ts';
import { useT } from '../i18n/use-t.ts';
import { asFailure } from '../state/use-resource.ts';
import { focusFirstInvalid } from './field.tsx';
import { ErrorNotice } from './page.tsx';

export function useSaveForm<E extends object, V extends { ok: true }>(
  check: () => V | { ok: false; errors: E },
  save: (valid: V) => Promise<void>,
) {
  const [errors, setErrors] = useState<Partial<E>>({});
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setFailure(null);
    const checked = check();
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await save(checked);
    } catch (e) {
      setFailure(asFailure(e));
      setBusy(false);
    }
  }

  return { errors, failure, busy, submit };
}

/** Above the form: the server's refusal, and how many fields to fix (announced at once). */
export function FormProblems({
  failure = null,
  errorCount,
}: {
  failure?: ApiFailure | null;
  errorCount: number;
}) {
  const t = useT();
  return (
    <>
      <ErrorNotice failure={failure} />
      {errorCount > 0 && (
        <p className="notice notice-error" role="alert">
          {t('common.fixErrors', { count: errorCount })}
        </p>
      )}
    </>
  );
}

/** Below the form: save (or create), or go back without saving. */
export function SaveOrCancel({
  busy,
  label,
  cancelHref,
}: {
  busy: boolean;
  label: string;
  cancelHref: string;
}) {
  const t = useT();
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
        {busy ? t('common.saving') : label}
      </button>
      <a className="button button-secondary" href={cancelHref}>
        {t('common.cancel')}
      </a>
    </div>
  );
}
