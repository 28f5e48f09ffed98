// The offline demo websites (PLAN.md §8): challenges address them as https://<site>.pix-demo.test/<path>,
// and the files live in resources/demo/sites/<site>/<path>. The `.test` top-level domain never resolves,
// so whoever shows these pages (the harness's routed browser, Electron's demo mode, the server's
// /demo-sites/<site>/ route) maps the address to a file with `demoSiteFile` and serves it itself.
import path from 'node:path';

export const DEMO_SITES_DIR = path.join(import.meta.dirname, 'sites');
/** The host suffix of every demo site: `mediatheque.pix-demo.test` is the site `mediatheque`. */
export const DEMO_SITE_DOMAIN = 'pix-demo.test';

const SITE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DEMO_URL = /https?:\/\/[a-z0-9-]+\.pix-demo\.test(?:\/[^\s)\]>"'`]*)?/g;

export interface DemoSitePage {
  /** The site's folder name under sites/ (the first label of the host). */
  site: string;
  /** The absolute path of the file to serve; it may not exist (then answer 404). */
  file: string;
}

/**
 * The file behind a demo-site address, or null when the address is not one (another host, a malformed
 * URL, a path that would leave the site's folder). A path ending in "/" serves its index.html.
 */
export function demoSiteFile(address: string | URL, sitesDir: string = DEMO_SITES_DIR): DemoSitePage | null {
  let url: URL;
  try {
    url = typeof address === 'string' ? new URL(address) : address;
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const suffix = `.${DEMO_SITE_DOMAIN}`;
  if (!url.hostname.endsWith(suffix)) return null;
  const site = url.hostname.slice(0, -suffix.length);
  if (!SITE_NAME.test(site)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const root = path.resolve(sitesDir, site);
  const file = path.resolve(root, `.${pathname}`);
  // URL parsing already removes "..", but a decoded "%2e%2e%2f" could still climb out: check the result.
  if (!file.startsWith(root + path.sep)) return null;
  return { site, file };
}

/** The Content-Type to serve a demo-site file with. */
export function demoSiteMediaType(file: string): string {
  switch (path.extname(file).toLowerCase()) {
    case '.html':
      return 'text/html; charset=utf-8';
    case '.css':
      return 'text/css; charset=utf-8';
    case '.svg':
      return 'image/svg+xml';
    case '.png':
      return 'image/png';
    case '.xml':
      return 'application/rss+xml; charset=utf-8';
    case '.pdf':
      return 'application/pdf';
    case '.odt':
      return 'application/vnd.oasis.opendocument.text';
    default:
      return 'application/octet-stream';
  }
}

/** Every demo-site address written in a text (a challenge's Markdown, an embed URL). */
export function demoSiteUrls(text: string): string[] {
  return [...text.matchAll(DEMO_URL)].map((match) => match[0]);
}
