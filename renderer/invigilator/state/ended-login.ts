// When the invigilator's login ends mid-session (DOMAIN.md §7; server/invigilator/invigilator-auth.ts):
// why, as far as the server's 401 tells; the page to come back to once logged in again; and what the
// login page says about it. The server keeps an ended login (authenticating nothing) until its 10 h
// maximum and a margin have passed, and answers its requests SESSION_EXPIRED when it is past its time
// (30 min without contact, or the 10 h maximum), PASSWORD_CHANGED when the referent changed the
// invigilator password since; NOT_AUTHENTICATED for a login it does not know (a logout in another tab,
// one forgotten long after it ended), or a request without its cookie (the browser drops it after 10 h):
// the page then says neither.
import { z } from 'zod';
import type { MessageKey } from '../i18n/use-t.ts';
import { SESSION_PAGES, type LoginEnd, type Route, type SessionPage } from './router.ts';
import { readJson, removeKey, writeJson, type TabStorage } from './tab-storage.ts';

/** Why a refused request ended the login. */
export function loginEndOf(refusal: { status: number; code: string }): LoginEnd {
  if (refusal.status !== 401) return 'unknown';
  if (refusal.code === 'SESSION_EXPIRED') return 'expired';
  if (refusal.code === 'PASSWORD_CHANGED') return 'passwordChanged';
  if (refusal.code === 'INVIGILATOR_ACCESS_CLOSED') return 'accessClosed';
  if (refusal.code === 'NOT_AUTHENTICATED') return 'ended';
  return 'unknown';
}

// Closed for good comes first: logging in again cannot help.
const WEIGHT: Record<LoginEnd, number> = {
  unknown: 0,
  ended: 1,
  expired: 2,
  passwordChanged: 3,
  accessClosed: 4,
};

/**
 * The cause to tell when several requests were refused (the stream and a fetch often are together):
 * the most precise one (a server of an earlier version deleted an expired login when it first found it
 * so, and answered the requests after that NOT_AUTHENTICATED); the new password is what logging in
 * needs, so a change of it comes first.
 */
export function likelierEnd(known: LoginEnd | null, next: LoginEnd): LoginEnd {
  return known !== null && WEIGHT[known] >= WEIGHT[next] ? known : next;
}

const RETURN_KEY = 'pix-invigilator:return-to';

const ReturnPointSchema = z
  .object({ sessionId: z.string().min(1).max(200), page: z.enum(SESSION_PAGES) })
  .strict();

/** The page the invigilator was on when the login ended. */
export type ReturnPoint = z.infer<typeof ReturnPointSchema>;

export function rememberReturn(storage: TabStorage | null, point: ReturnPoint): void {
  writeJson(storage, RETURN_KEY, point);
}

/** The page to come back to, if one was kept and reads as one of the screen's pages. */
export function readReturn(storage: TabStorage | null): ReturnPoint | null {
  const parsed = ReturnPointSchema.safeParse(readJson(storage, RETURN_KEY));
  return parsed.success ? parsed.data : null;
}

export function forgetReturn(storage: TabStorage | null): void {
  removeKey(storage, RETURN_KEY);
}

/**
 * Where a login opens: the page kept when the previous login of that same session ended, else the
 * room. Only a page of the screen's own, of the session just logged into (by the id the server gave).
 */
export function returnRoute(point: ReturnPoint | null, loggedInSessionId: string): Route {
  const page: SessionPage = point?.sessionId === loggedInSessionId ? point.page : 'room';
  return { page, sessionId: loggedInSessionId };
}

/**
 * What the login page says after an ended login: why, then what logging in again brings back (the
 * finalization being typed, kept for that session; else the page the invigilator was on).
 */
export function endedLoginWords(
  end: LoginEnd,
  kept: { draft: boolean; page: boolean },
): { why: MessageKey; next: MessageKey | null } {
  // Closed for good: logging in again brings nothing back.
  if (end === 'accessClosed') return { why: 'login.ended.accessClosed', next: null };
  return {
    why: `login.ended.${end}`,
    next: kept.draft ? 'login.ended.draftKept' : kept.page ? 'login.ended.pageKept' : 'login.ended.again',
  };
}
