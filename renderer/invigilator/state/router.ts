// The screen's pages, in the address's hash (the server serves one page at /invigilator/, and a reload
// or a second tab lands on the same place): #/ the login, #/sessions/<id>/<page> the rest.
import { useSyncExternalStore } from 'react';

export const SESSION_PAGES = ['room', 'finalization', 'results', 'attendance'] as const;
export type SessionPage = (typeof SESSION_PAGES)[number];

export type Route =
  | { page: 'login'; expired: boolean; sessionNumber: string | null }
  | { page: SessionPage; sessionId: string };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'sessions' && parts[1]) {
    const page = (SESSION_PAGES as readonly string[]).includes(parts[2] ?? '')
      ? (parts[2] as SessionPage)
      : 'room';
    return { page, sessionId: decodeURIComponent(parts[1]) };
  }
  const params = new URLSearchParams(query);
  return { page: 'login', expired: params.get('expired') === '1', sessionNumber: params.get('session') };
}

export function hrefFor(route: Route): string {
  if (route.page === 'login') {
    const params = new URLSearchParams();
    if (route.expired) params.set('expired', '1');
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
