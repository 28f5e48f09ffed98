// The back office's pages, in the address's hash (the server serves one page at /centre/, and a reload,
// a bookmark or a second tab lands on the same place). Centre pages carry the centre, session and
// candidate pages their own id (the centre follows from it).
import { useSyncExternalStore } from 'react';

export const CENTRE_PAGES = ['sessions', 'newSession', 'stations', 'content'] as const;
export type CentrePage = (typeof CENTRE_PAGES)[number];
export const SESSION_PAGES = [
  'session',
  'editSession',
  'newCandidate',
  'import',
  'profiles',
  'kit',
  'finalization',
  'results',
  /** The printable finalization record (« Procès-verbal »), once the session is finalized. */
  'finalizationRecord',
] as const;
export type SessionPage = (typeof SESSION_PAGES)[number];

export type Route =
  | { page: 'login' }
  | { page: 'home' }
  | { page: 'centres' }
  | { page: 'accounts' }
  | { page: 'myAccount' }
  | { page: CentrePage; centreId: string }
  | { page: SessionPage; sessionId: string }
  | { page: 'candidate' | 'editCandidate'; candidateId: string }
  /** The jury's record of the candidate's test (« Dossier du test »), once the session is finalized. */
  | { page: 'testRecord'; candidateId: string }
  | { page: 'notFound' };

/** The path segment after /sessions/<id>/ for each session page ('' for the session itself). */
const SESSION_SEGMENTS: Record<SessionPage, string> = {
  session: '',
  editSession: 'edit',
  newCandidate: 'candidates/new',
  import: 'import',
  profiles: 'profiles',
  kit: 'kit',
  finalization: 'finalization',
  results: 'results',
  finalizationRecord: 'finalization-record',
};
const CENTRE_SEGMENTS: Record<CentrePage, string> = {
  sessions: 'sessions',
  newSession: 'sessions/new',
  stations: 'stations',
  content: 'content',
};

function decode(part: string): string | null {
  try {
    const value = decodeURIComponent(part);
    return value === '' ? null : value;
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter(Boolean);
  const [head, rawId, ...rest] = parts;
  const tail = rest.join('/');
  if (parts.length === 0) return { page: 'home' };
  if (parts.length === 1) {
    if (head === 'login') return { page: 'login' };
    if (head === 'centres') return { page: 'centres' };
    if (head === 'accounts') return { page: 'accounts' };
    if (head === 'account') return { page: 'myAccount' };
    return { page: 'notFound' };
  }
  const itemId = decode(rawId ?? '');
  if (itemId === null) return { page: 'notFound' };
  if (head === 'centres') {
    const page = (Object.keys(CENTRE_SEGMENTS) as CentrePage[]).find((p) => CENTRE_SEGMENTS[p] === tail);
    return page ? { page, centreId: itemId } : { page: 'notFound' };
  }
  if (head === 'sessions') {
    const page = (Object.keys(SESSION_SEGMENTS) as SessionPage[]).find((p) => SESSION_SEGMENTS[p] === tail);
    return page ? { page, sessionId: itemId } : { page: 'notFound' };
  }
  if (head === 'candidates' && (tail === '' || tail === 'edit')) {
    return { page: tail === 'edit' ? 'editCandidate' : 'candidate', candidateId: itemId };
  }
  if (head === 'candidates' && tail === 'test-record') return { page: 'testRecord', candidateId: itemId };
  return { page: 'notFound' };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'login':
      return '#/login';
    case 'home':
      return '#/';
    case 'centres':
      return '#/centres';
    case 'accounts':
      return '#/accounts';
    case 'myAccount':
      return '#/account';
    case 'notFound':
      return '#/not-found';
    case 'candidate':
    case 'editCandidate':
      return `#/candidates/${encodeURIComponent(route.candidateId)}${route.page === 'editCandidate' ? '/edit' : ''}`;
    case 'testRecord':
      return `#/candidates/${encodeURIComponent(route.candidateId)}/test-record`;
    default:
      if ('centreId' in route) {
        return `#/centres/${encodeURIComponent(route.centreId)}/${CENTRE_SEGMENTS[route.page]}`;
      }
      if ('sessionId' in route) {
        const segment = SESSION_SEGMENTS[route.page];
        return `#/sessions/${encodeURIComponent(route.sessionId)}${segment ? `/${segment}` : ''}`;
      }
      return '#/';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function useRoute(): Route {
  return parseRoute(useHash());
}
