// The centre's sessions in three lists (upcoming, to finalize, processed), each with its count and
// each session with its candidates' progress, and the button to create the next one.
import { longDate } from '../format.ts';
import { useLocale, useT } from '../i18n/use-t.ts';
import type { CentreSession } from '../api/centre-client.ts';
import { useClient, useMe } from '../state/auth.tsx';
import { hrefFor } from '../state/router.ts';
import { useResource } from '../state/use-resource.ts';
import { Loaded, PageTitle } from '../ui/page.tsx';
import {
  groupSessions,
  localDay,
  SESSION_GROUPS,
  sessionStateLabel,
  type SessionGroup,
} from './session-groups.ts';
import { DataTable } from '../ui/data-table.tsx';
import { refusedResultsHint, sessionCountsText } from './session-counts.ts';

export function SessionsScreen({ centreId }: { centreId: string }) {
  const t = useT();
  const client = useClient();
  const me = useMe();
  const centre = me.centres.find((c) => c.id === centreId);
  const sessions = useResource(() => client.sessions(centreId), [client, centreId]);
  return (
    <div className="page">
      <PageTitle intro={t('sessions.intro')}>
        {t('sessions.title')}
        {centre && <span className="title-detail"> — {centre.name}</span>}
      </PageTitle>
      <Loaded resource={sessions}>
        {(list) => {
          const groups = groupSessions(list, localDay());
          return (
            <>
              <p>
                <a className="button button-primary" href={hrefFor({ page: 'newSession', centreId })}>
                  {t('sessions.create')}
                </a>
              </p>
              {SESSION_GROUPS.map((group) => (
                <SessionGroupSection key={group} group={group} sessions={groups[group]} />
              ))}
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

function SessionGroupSection({ group, sessions }: { group: SessionGroup; sessions: CentreSession[] }) {
  const t = useT();
  const locale = useLocale();
  const today = localDay();
  const headingId = `group-${group}`;
  return (
    <section className="section" aria-labelledby={headingId} data-testid={`sessions-${group}`}>
      <h2 id={headingId}>
        {t(`sessions.groups.${group}`)}{' '}
        <span className="count">{t('sessions.count', { count: sessions.length })}</span>
      </h2>
      <p className="hint">{t(`sessions.groups.${group}Hint`)}</p>
      {sessions.length === 0 ? (
        <p className="empty">{t(`sessions.empty.${group}`)}</p>
      ) : (
        <DataTable
          caption={t(`sessions.groups.${group}`)}
          columns={[
            t('sessions.table.number'),
            t('sessions.table.when'),
            t('sessions.table.room'),
            t('sessions.table.examiner'),
            t('sessions.table.candidates'),
            t('sessions.table.state'),
            <span className="visually-hidden">{t('sessions.table.open')}</span>,
          ]}
        >
          {sessions.map((s) => {
            const refused = refusedResultsHint(s.counts, t);
            return (
              <tr key={s.id} data-testid="session-row" data-session-id={s.id}>
                <th scope="row" className="mono">
                  {s.number}
                </th>
                <td>
                  {longDate(s.date, locale)} · {s.time}
                </td>
                <td>{s.room}</td>
                <td>{s.examiner}</td>
                <td>{sessionCountsText(s.counts, t)}</td>
                <td>
                  <span className={`tag tag-${sessionStateLabel(s, today)}`}>
                    {t(`sessions.states.${sessionStateLabel(s, today)}`)}
                  </span>
                  {refused && (
                    <span className="sub" data-testid="refused-results">
                      {refused}
                    </span>
                  )}
                </td>
                <td>
                  <a
                    href={hrefFor({ page: 'session', sessionId: s.id })}
                    aria-label={t('sessions.table.openLabel', { number: s.number })}
                  >
                    {t('sessions.table.open')}
                  </a>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
