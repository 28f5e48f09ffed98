// Demo mode (PLAN.md §8): the offline demo websites are reached at `https://<site>.pix-demo.test/…`
// (the .test domain never resolves) and served by the certification server at `/demo-sites/<site>/…`.
// Electron's demo mode and the browser harness both translate addresses with this one function.
import { DEMO_SITES_DOMAIN } from './default-block-list.ts';

const SITE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The server address that serves a demo-site URL, or null when the URL is not a demo site. */
export function demoSiteTarget(url: string, serverUrl: string): string | null {
  let parsed: URL;
  let server: URL;
  try {
    parsed = new URL(url);
    server = new URL(serverUrl);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username || parsed.password) return null;
  const suffix = `.${DEMO_SITES_DOMAIN}`;
  if (!parsed.hostname.endsWith(suffix)) return null;
  const site = parsed.hostname.slice(0, -suffix.length);
  if (!SITE.test(site)) return null;
  const base = server.pathname.replace(/\/+$/, '');
  return `${server.origin}${base}/demo-sites/${site}${parsed.pathname}${parsed.search}`;
}

/** The demo-site address a server path maps back to (for the address bar), or null. */
export function demoSiteUrl(site: string, path = '/'): string | null {
  if (!SITE.test(site)) return null;
  return `https://${site}.${DEMO_SITES_DOMAIN}${path.startsWith('/') ? path : `/${path}`}`;
}
