// Pure rules for the privileged app:// scheme that serves the renderer (no Electron import here, so
// the rules are tested in plain Node). Requests resolve inside the renderer folder or not at all.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'station';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** Strict policy: only the app's own code; no inline script, no remote anything. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Maps an app:// URL to a file under `root`, or null when the URL is foreign or escapes the root
 * (encoded `..`, backslashes, absolute paths). `/` serves index.html.
 */
export function resolveAppAsset(
  root: string,
  requestUrl: string,
): { file: string; contentType: string } | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const rootResolved = path.resolve(root);
  const file = path.resolve(rootResolved, relative);
  if (file !== rootResolved && !file.startsWith(rootResolved + path.sep)) return null;
  const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()];
  if (!contentType) return null;
  return { file, contentType };
}

/** Switches that open the app to remote control; the station refuses to run an exam with them. */
const DEBUG_SWITCHES = [
  /^--remote-debugging-(port|pipe)/,
  /^--inspect(-brk|-port)?(=|$)/,
  /^--js-flags/,
  /^--remote-allow-origins/,
];

export function debuggingSwitches(argv: readonly string[]): string[] {
  return argv.filter((arg) => DEBUG_SWITCHES.some((re) => re.test(arg)));
}
