// The frame of every logged-in page: who is logged in and on which centre, the centre's pages
// (sessions, stations, content; accounts and centres for administrators), the language, logout.
import { createContext, useContext, useEffect, type MouseEvent, type ReactNode } from 'react';
import { LanguageSwitch } from '../../shared/language-switch.tsx';
import { useT, type MessageKey } from '../i18n/use-t.ts';
import { useAuth, useMe } from '../state/auth.tsx';
import { rememberCentre } from '../state/current-centre.ts';
import { FlashNotice } from '../state/flash.tsx';
import { hrefFor, type Route } from '../state/router.ts';

const CentreContext = createContext<{ centreId: string | null; setCentreId(id: string): void } | null>(null);

export const CentreProvider = CentreContext.Provider;

/** The centre pages are about; a session page calls it with its session's centre once loaded. */
export function useCentreId(): string | null {
  return useContext(CentreContext)?.centreId ?? null;
}

export function useShowCentre(centreId: string | null | undefined): void {
  const context = useContext(CentreContext);
  useEffect(() => {
    if (centreId && context && context.centreId !== centreId) {
      context.setCentreId(centreId);
      rememberCentre(centreId);
    }
  }, [centreId, context]);
}

type NavItem = { key: MessageKey; route: Route; active: (route: Route) => boolean };

function navItems(centreId: string | null, administrator: boolean): NavItem[] {
  const items: NavItem[] = [];
  if (centreId) {
    items.push(
      {
        key: 'app.nav.sessions',
        route: { page: 'sessions', centreId },
        active: (r) =>
          r.page === 'sessions' || r.page === 'newSession' || 'sessionId' in r || 'candidateId' in r,
      },
      {
        key: 'app.nav.stations',
        route: { page: 'stations', centreId },
        active: (r) => r.page === 'stations',
      },
      { key: 'app.nav.content', route: { page: 'content', centreId }, active: (r) => r.page === 'content' },
    );
  }
  if (administrator) {
    items.push(
      { key: 'app.nav.accounts', route: { page: 'accounts' }, active: (r) => r.page === 'accounts' },
      { key: 'app.nav.centres', route: { page: 'centres' }, active: (r) => r.page === 'centres' },
    );
  }
  items.push({
    key: 'app.nav.myAccount',
    route: { page: 'myAccount' },
    active: (r) => r.page === 'myAccount',
  });
  return items;
}

export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const t = useT();
  const me = useMe();
  const { logout } = useAuth();
  const centreId = useCentreId();
  const centre = me.centres.find((c) => c.id === centreId) ?? null;
  const administrator = me.account.role === 'administrator';
  return (
    <div className="app">
      <header className="app-header">
        <a className="skip-link" href="#main" onClick={(e) => skipToMain(e)}>
          {t('app.skip')}
        </a>
        <div className="app-bar">
          <span className="brand">
            <span className="brand-logo">Pix</span> <span className="brand-name">{t('app.name')}</span>
          </span>
          {centre && (
            <p className="app-centre" data-testid="current-centre">
              {t('app.centre', { name: centre.name })}
            </p>
          )}
          <div className="app-tools">
            <span className="app-user">
              <span className="visually-hidden">{t('app.loggedInAs')} </span>
              {me.account.displayName} ({t(`app.roles.${me.account.role}`)})
            </span>
            <LanguageSwitch />
            <button type="button" className="button button-quiet" onClick={() => void logout()}>
              {t('app.logout')}
            </button>
          </div>
        </div>
        <nav className="app-nav" aria-label={t('app.nav.label')}>
          <ul>
            {navItems(centreId, administrator).map((item) => (
              <li key={item.key}>
                <a href={hrefFor(item.route)} aria-current={item.active(route) ? 'page' : undefined}>
                  {t(item.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <FlashNotice />
        {children}
      </main>
    </div>
  );
}

/** The skip link must not change the hash (the hash is the router's). */
function skipToMain(event: MouseEvent): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
