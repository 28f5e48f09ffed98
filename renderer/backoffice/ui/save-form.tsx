// A form that is checked in the page, saved, and then left (enrol a candidate, create or edit a
// session): a wrong field shows its error and takes the focus, the server is asked only with a valid
// form, and a refusal shows above the form with the button working again. On success `save` moves on
// to another page, so the button stays busy until it goes. One save at a time: a second submit (a
// double click, Enter pressed again) while one is in flight, or after it succeeded, does nothing
// (submit-guard.ts).
import { useState, type FormEvent } from 'react';
import type { ApiFailure } from '../api/centre-client.ts';
import { useT } from '../i18n/use-t.ts';
import { asFailure } from '../state/use-resource.ts';
import { focusFirstInvalid } from './field.tsx';
import { ErrorNotice } from './page.tsx';
import { useSubmitGuard, type SubmitGuard } from './submit-guard.ts';

/** What a submission shows on the page. */
export interface SaveFormView<E> {
  errors(errors: Partial<E>): void;
  failure(failure: ApiFailure | null): void;
  busy(busy: boolean): void;
  /** The form has wrong fields: the first takes the focus. */
  invalid(): void;
}

/** One submission of the form: checked, then saved once, whatever else is submitted meanwhile. */
export async function submitSaveForm<E extends object, V extends { ok: true }>(
  guard: SubmitGuard,
  check: () => V | { ok: false; errors: E },
  save: (valid: V) => Promise<void>,
  view: SaveFormView<E>,
): Promise<void> {
  if (guard.held) return;
  view.failure(null);
  const checked = check();
  if (!checked.ok) {
    view.errors(checked.errors);
    view.invalid();
    return;
  }
  view.errors({});
  if (!guard.claim()) return;
  view.busy(true);
  try {
    // Done: the page moves on, the guard stays held until it has gone.
    await save(checked);
  } catch (e) {
    view.failure(asFailure(e));
    view.busy(false);
    guard.release();
  }
}

export function useSaveForm<E extends object, V extends { ok: true }>(
  check: () => V | { ok: false; errors: E },
  save: (valid: V) => Promise<void>,
) {
  const [errors, setErrors] = useState<Partial<E>>({});
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const guard = useSubmitGuard();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    await submitSaveForm(guard, check, save, {
      errors: setErrors,
      failure: setFailure,
      busy: setBusy,
      invalid: () => focusFirstInvalid(form),
    });
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
