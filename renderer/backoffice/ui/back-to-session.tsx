// The way back to the session a page belongs to (import, candidate, kit, finalization, results): the
// same words and the session's number everywhere, so the referent always knows where they are.
import { useT } from '../i18n/use-t.ts';
import { hrefFor } from '../state/router.ts';

export function BackToSession({
  session,
  className,
}: {
  session: { id: string; number: string | number };
  /** Extra classes, e.g. `no-print` on the session kit. */
  className?: string;
}) {
  const t = useT();
  return (
    <p className={className ? `breadcrumb ${className}` : 'breadcrumb'}>
      <a href={hrefFor({ page: 'session', sessionId: session.id })}>
        {t('common.backToSession')} {session.number}
      </a>
    </p>
  );
}
