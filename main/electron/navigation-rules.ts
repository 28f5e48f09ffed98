// Where each kind of web contents may go (pure: tested in plain Node). Origins are compared parsed,
// never as string prefixes (LOCKDOWN.md): "app://station.evil" is not "app://station".
import { evaluateUrl, type UrlDecision, type UrlPolicy } from '../../core/lockdown/url-policy.ts';
import type { Navigation } from '../station/runtime/ports.ts';
import { APP_HOST, APP_SCHEME } from './app-protocol.ts';

export function isAppOrigin(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The station window: its top frame stays in the app; frames inside it (PDF viewer, a challenge's
 * embedded simulator) may also load what the URL policy allows inside a page.
 */
export function appNavigationAllowed(url: string, isMainFrame: boolean, policy: UrlPolicy): boolean {
  if (isAppOrigin(url) || isBuiltInViewer(url)) return true;
  if (isMainFrame) return false;
  return (
    url === 'about:blank' ||
    (url.startsWith('https:') && evaluateUrl(url, policy, { topLevel: false }).allowed)
  );
}

/**
 * A navigation of the station window as the jury reads it (LOCKDOWN.md: every navigation goes to the
 * journal): a web page a challenge's embedded simulator frame loads, or a page the window was kept
 * from, allowed or blocked, with the rule that decided. The app's own pages, the PDF viewer and the
 * blank documents frames start from are not visits. Null when there is nothing to journal.
 */
export function appFrameVisit(url: string, isMainFrame: boolean, policy: UrlPolicy): Navigation | null {
  if (isAppOrigin(url) || isBuiltInViewer(url) || url === 'about:blank') return null;
  if (isMainFrame) return { url, allowed: false, rule: 'station window: the app only' };
  if (!url.startsWith('https:')) return { url, allowed: false, rule: 'embedded frame: https only' };
  const decision = evaluateUrl(url, policy, { topLevel: false });
  return { url, allowed: decision.allowed, rule: `embedded frame: ${decision.rule ?? decision.reason}` };
}

/** Chromium's built-in PDF viewer (a component extension with a fixed id): how PDFs are shown. */
export const PDF_VIEWER_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

export function isBuiltInViewer(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'chrome-extension:' && parsed.host === PDF_VIEWER_ID;
  } catch {
    return false;
  }
}

/** The challenge browser: the URL policy, plus the candidate's own downloaded files and the PDF viewer. */
export function challengeDecision(
  url: string,
  topLevel: boolean,
  policy: UrlPolicy,
  isServedDownload: (url: string) => boolean,
): UrlDecision {
  if (isServedDownload(url))
    return { allowed: true, rule: 'downloaded file', reason: 'allowRule', category: null };
  if (isBuiltInViewer(url))
    return { allowed: true, rule: 'built-in PDF viewer', reason: 'allowRule', category: null };
  return evaluateUrl(url, policy, { topLevel });
}
