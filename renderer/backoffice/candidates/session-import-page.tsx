// The page of an import into one session (class list, Pix profiles): the way back to the session, the
// title, and the import itself only while the session is open; a closed session says why nothing can
// be imported any more.
import type { ReactNode } from 'react';
import type { CentreSession } from '../api/centre-client.ts';
import { useShowCentre } from '../layout/app-shell.tsx';
import { useClient } from '../state/auth.tsx';
import { useResource } from '../state/use-resource.ts';
import { BackToSession } from '../ui/back-to-session.tsx';
import { Loaded, PageTitle } from '../ui/page.tsx';

export function SessionImportPage({
  sessionId,
  title,
  intro,
  closed,
  children,
}: {
  sessionId: string;
  title: string;
  intro: string;
  /** Shown instead of the import once the session is no longer open. */
  closed: string;
  children: (session: CentreSession) => ReactNode;
}) {
  const client = useClient();
  const session = useResource(() => client.session(sessionId), [client, sessionId]);
  useShowCentre(session.data?.centreId);
  return (
    <div className="page page-wide">
      <Loaded resource={session} titled={false}>
        {(loaded) => (
          <>
            <BackToSession session={loaded} />
            <PageTitle intro={intro}>{title}</PageTitle>
            {loaded.state !== 'created' ? (
              <p className="notice notice-warning">{closed}</p>
            ) : (
              children(loaded)
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}
