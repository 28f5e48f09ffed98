// The top of every session page: who and where (centre, room, date, examiner, session number), the
// pages of the session, the language and logout; and the banner when the room on screen no longer
// follows the server (the live connection lost, or a fetch of the room the server asked for failed).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '../../shared/announcer.tsx';
import { LanguageSwitch } from '../../shared/language-switch.tsx';
import { clearDraft } from '../finalization/finalization-draft.ts';
import { sessionDate } from '../format.ts';
import { useT, type MessageKey } from '../i18n/use-t.ts';
import { useClient, useRoom } from '../state/room-context.tsx';
import { forgetReturn } from '../state/ended-login.ts';
import { hrefFor, navigate, SESSION_PAGES, type SessionPage } from '../state/router.ts';
import { forgetPendingRequests } from '../state/pending-requests.ts';
import { roomFreshness } from '../state/room-freshness.ts';
import { tabStorage } from '../state/tab-storage.ts';

const PAGE_LABELS: Record<SessionPage, MessageKey> = {
  room: 'app.nav.room',
  finalization: 'app.nav.finalization',
  results: 'app.nav.results',
  attendance: 'app.nav.attendance',
};

export function SessionHeader({ page }: { page: SessionPage }) {
  const t = useT();
  const { i18n } = useTranslation();
  const client = useClient();
  const session = useRoom((s) => s.session);
  const sessionId = useRoom((s) => s.sessionId);

  async function logout() {
    await client.logout(sessionId).catch(() => undefined);
    // Leaving on purpose: nothing typed stays behind in this tab (a shared computer), nor a page to
    // come back to.
    const storage = tabStorage();
    clearDraft(storage, sessionId);
    forgetPendingRequests(storage, sessionId);
    forgetReturn(storage);
    navigate({ page: 'login', ended: null, sessionNumber: session ? String(session.number) : null });
  }

  return (
    <header className="session-header">
      <a className="skip-link" href="#main">
        {t('app.skipToRoom')}
      </a>
      <div className="session-bar">
        <span className="brand">
          <span className="brand-logo">Pix</span>
          <span className="visually-hidden">{t('app.name')}</span>
        </span>
        {session && (
          <p className="session-details" data-testid="session-details">
            <strong>{t('session.label', { number: session.number })}</strong>
            <span>{session.centreName}</span>
            <span>{t('session.roomValue', { room: session.room })}</span>
            <span>
              {t('session.when', { date: sessionDate(session.date, i18n.language), time: session.time })}
            </span>
            <span>{t('session.examinerValue', { examiner: session.examiner })}</span>
            {session.state !== 'created' && (
              <span className="tag">{t(`session.states.${session.state}`)}</span>
            )}
          </p>
        )}
        <div className="session-tools">
          <LanguageSwitch />
          <button type="button" className="button button-quiet" onClick={() => void logout()}>
            {t('app.logout')}
          </button>
        </div>
      </div>
      <nav className="session-nav" aria-label={t('app.nav.label')}>
        <ul>
          {SESSION_PAGES.map((p) => (
            <li key={p}>
              <a href={hrefFor({ page: p, sessionId })} aria-current={p === page ? 'page' : undefined}>
                {t(PAGE_LABELS[p])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ConnectionBanner />
      <OutdatedBanner />
    </header>
  );
}

/**
 * The server sent something this screen cannot read: it was updated during the session. The cards may
 * have stopped following the room, so the invigilator is asked to reload (nothing is lost: the room
 * lives on the server and the stations).
 */
function OutdatedBanner() {
  const t = useT();
  const outdated = useRoom((s) => s.outdated);
  if (!outdated) return null;
  return (
    <div className="connection-banner" role="alert" data-testid="room-outdated">
      <p className="connection-banner-title">{t('connection.outdated')}</p>
      <p>{t('connection.outdatedDetail')}</p>
      <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
        {t('connection.reload')}
      </button>
    </div>
  );
}

/**
 * "Connexion perdue": shown as long as the live stream is down (it reconnects by itself); "La salle
 * n’est pas à jour": the fetch of the room the server asked for failed (tried again by itself, or at
 * once with « Réessayer »). Said when it starts, and when the room is up to date again.
 */
function ConnectionBanner() {
  const t = useT();
  const stream = useRoom((s) => s.stream);
  const loaded = useRoom((s) => s.loaded);
  const resyncFailed = useRoom((s) => s.resyncFailed);
  const load = useRoom((s) => s.load);
  const freshness = roomFreshness({ stream, loaded, resyncFailed });
  const wasStale = useRef(false);
  useEffect(() => {
    if (freshness === 'lost') announce(t('connection.lost'), 'assertive');
    else if (freshness === 'behind') announce(t('connection.behind'), 'assertive');
    else if (wasStale.current) announce(t('connection.back'));
    wasStale.current = freshness !== 'upToDate';
  }, [freshness, t]);
  if (freshness === 'upToDate') return null;
  return (
    <div className="connection-banner" data-testid="connection-lost" data-freshness={freshness}>
      <p className="connection-banner-title">
        {t(freshness === 'lost' ? 'connection.lost' : 'connection.behind')}
      </p>
      <p>{t(freshness === 'lost' ? 'connection.lostDetail' : 'connection.behindDetail')}</p>
      {freshness === 'behind' && (
        <button type="button" className="button button-secondary" onClick={() => void load()}>
          {t('connection.retry')}
        </button>
      )}
    </div>
  );
}
