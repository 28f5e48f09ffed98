// « Changer le mot de passe du surveillant »: the referent draws a new invigilator password, after a
// confirmation that says what it does (the new password to give, the invigilator screens that must log
// in again, the invigilator blocked by « Trop de tentatives » let in at once). The session comes back
// with the new password, which the page then shows, and the flash says it aloud.
import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { CentreSession } from '../api/centre-client.ts';
import { useT } from '../i18n/use-t.ts';
import { useClient } from '../state/auth.tsx';
import { useFlash } from '../state/flash.tsx';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';

/** What the confirmation says, in the order the referent acts on it. */
export function InvigilatorPasswordChangeText() {
  const t = useT();
  return (
    <>
      <p>{t('session.passwordChange.intro')}</p>
      <ul>
        <li>{t('session.passwordChange.give')}</li>
        <li>{t('session.passwordChange.signIn')}</li>
        <li>{t('session.passwordChange.unblock')}</li>
      </ul>
    </>
  );
}

export function ChangeInvigilatorPassword({
  session,
  onChanged,
}: {
  session: CentreSession;
  /** The session with its new password, before the dialog closes. */
  onChanged: (session: CentreSession) => void;
}) {
  const t = useT();
  const client = useClient();
  const flash = useFlash();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-secondary details-action"
        data-testid="change-invigilator-password"
        onClick={() => setAsking(true)}
      >
        {t('session.passwordChange.action')}
      </button>
      {asking &&
        createPortal(
          <ConfirmDialog
            title={t('session.passwordChange.title', { number: session.number })}
            confirmLabel={t('session.passwordChange.confirm')}
            onClose={() => setAsking(false)}
            onConfirm={async () => {
              const changed = await client.changeInvigilatorPassword(session.id);
              onChanged(changed);
              flash(t('session.passwordChange.done', { password: changed.invigilatorPassword }));
            }}
          >
            <InvigilatorPasswordChangeText />
          </ConfirmDialog>,
          document.body,
        )}
    </>
  );
}
