// The screen's pages, in the address's hash (the server serves one page at /invigilator/, and a reload
// or a second tab lands on the same place): #/ the login, #/sessions/<id>/<page> the rest.
import { useSyncExternalStore } from 'react';

export const SESSION_PAGES = ['room', 'finalization', 'results', 'attendance'] as const;
export type SessionPage = (typeof SESSION_PAGES)[number];

/**
 * Why the login page is shown after the invigilator's login ended (state/ended-login.ts reads it from
 * the server's 401): `expired` (30 min without contact, or the 10 h maximum), `passwordChanged` (the
 * referent changed the invigilator password), `accessClosed` (the results were calculated more than 7 days
 * ago: the screen is closed for good), `ended` (the server does not know the login: a logout in
 * another tab, the cookie gone, or ended long ago), `unknown` (the server did not say).
 */
export const LOGIN_ENDS = ['expired', 'passwordChanged', 'accessClosed', 'ended', 'unknown'] as const;
export type LoginEnd = (typeof LOGIN_ENDS)[number];

export type Route =
  | { page: 'login'; ended: LoginEnd | null; sessionNumber: string | null }
  | { page: SessionPage; sessionId: string };

export function isSessionPage(page: unknown): page is SessionPage {
  return (SESSION_PAGES as readonly unknown[]).includes(page);
}

function loginEndOfParams(params: URLSearchParams): LoginEnd | null {
  const ended = params.get('ended');
  if (ended !== null)
    return (LOGIN_ENDS as readonly string[]).includes(ended) ? (ended as LoginEnd) : 'unknown';
  // The address before the reason was told (a page left open across an update).
  return params.get('expired') === '1' ? 'unknown' : null;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'sessions' && parts[1]) {
    const page = isSessionPage(parts[2]) ? parts[2] : 'room';
    return { page, sessionId: decodeURIComponent(parts[1]) };
  }
  const params = new URLSearchParams(query);
  return { page: 'login', ended: loginEndOfParams(params), sessionNumber: params.get('session') };
}

export function hrefFor(route: Route): string {
  if (route.page === 'login') {
    const params = new URLSearchParams();
    if (route.ended) params.set('ended', route.ended);
    if (route.sessionNumber) params.set('session', route.sessionNumber);
    const query = params.toString();
    return `#/${query ? `?${query}` : ''}`;
  }
  return `#/sessions/${encodeURIComponent(route.sessionId)}/${route.page}`;
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
