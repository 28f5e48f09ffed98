// "Are you sure?" for what cannot be undone (delete, revoke, deactivate, finalize, publish): the safe
// choice has the focus, the action says exactly what it does, and a failure shows inside the dialog.
import { useState, type ReactNode } from 'react';
import { Dialog } from '../../shared/dialog.tsx';
import { useT } from '../i18n/use-t.ts';
import { asFailure } from '../state/use-resource.ts';
import type { ApiFailure } from '../api/centre-client.ts';
import { ErrorNotice } from './page.tsx';
import { useSubmitGuard } from './submit-guard.ts';

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  onConfirm,
  onClose,
  check,
  cancelLabel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The safe choice's words, when « Annuler » would be ambiguous (cancelling a certification). */
  cancelLabel?: string;
  danger?: boolean;
  /** Resolves when done (the dialog closes); a failure stays in the dialog. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** A question asked in the dialog: false keeps it open, unsent (the question says what is missing). */
  check?: () => boolean;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  // The state above comes too late for a double click's second event: the guard says at once.
  const guard = useSubmitGuard();
  async function confirm() {
    if (guard.held || (check && !check())) return;
    if (!guard.claim()) return;
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm();
      // Done: the dialog closes (the guard stays held until it has gone).
      onClose();
    } catch (error) {
      setFailure(asFailure(error));
      setBusy(false);
      guard.release();
    }
  }
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-secondary" data-autofocus onClick={onClose}>
            {cancelLabel ?? t('common.cancel')}
          </button>
          <button
            type="button"
            className={`button ${danger ? 'button-danger' : 'button-primary'}`}
            aria-disabled={busy || undefined}
            data-testid="confirm"
            onClick={() => void confirm()}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      <ErrorNotice failure={failure} />
    </Dialog>
  );
}
