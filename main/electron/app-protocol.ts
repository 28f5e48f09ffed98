// Pure rules for the privileged app:// scheme that serves the renderer (no Electron import here, so
// the rules are tested in plain Node). Requests resolve inside the renderer folder or not at all.
import path from 'node:path';
import { viewerKindOf } from '../../core/challenge/station-viewers.ts';

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

/**
 * Strict policy: only the app's own code; no inline script, no remote code. Frames: the app's own
 * attachment viewer (PDF) and the challenges' embedded simulators (https, sandboxed by the screen and
 * checked by the URL policy in the navigation handlers).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Candidates' files are data, never code: no script, shown only inside the app. */
export const SANDBOX_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "img-src 'self'",
  "style-src 'unsafe-inline'",
  "frame-ancestors 'self'",
].join('; ');

/** Where the candidates' files are served from: app://station/__sandbox/<test folder>/<…>. */
export const SANDBOX_PATH = '/__sandbox/';

// The types a candidate's file is served as, from its extension: whatever a file claims to be, it is
// never served as HTML or script in the app's origin.
const SANDBOX_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/plain; charset=utf-8',
  '.tsv': 'text/plain; charset=utf-8',
  '.json': 'text/plain; charset=utf-8',
  '.xml': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  // Office files are read as bytes by the screens' viewers (spreadsheet, document): opaque data here.
  '.xlsx': 'application/octet-stream',
  '.xls': 'application/octet-stream',
  '.ods': 'application/octet-stream',
  '.docx': 'application/octet-stream',
  '.odt': 'application/octet-stream',
};

const SERVED_IMAGE_TYPES = new Set(Object.values(SANDBOX_TYPES).filter((type) => type.startsWith('image/')));

/**
 * The type a file is served as from the attachment's declared media type (what the screen's viewer
 * was chosen by), within the same safe types as by extension; null for a type the station does not
 * open. A file named without its extension ("releve" for a spreadsheet) is served so all the same.
 */
export function sandboxTypeOf(mediaType: string): string | null {
  const type = mediaType.toLowerCase();
  switch (viewerKindOf(type)) {
    case 'pdf':
      return 'application/pdf';
    case 'image':
      return SERVED_IMAGE_TYPES.has(type) ? type : null;
    case 'text':
    case 'csv':
      return 'text/plain; charset=utf-8';
    case 'spreadsheet':
    case 'document':
      return 'application/octet-stream';
    default:
      return null;
  }
}

/**
 * The app:// address of a file under the sandbox root (null when the file is not under it). With the
 * attachment's media type, the address carries it (`?type=`): a file whose name has no extension the
 * station knows is served by it (never as SVG).
 */
export function sandboxFileUrl(sandboxRoot: string, file: string, mediaType?: string): string | null {
  const root = path.resolve(sandboxRoot);
  const resolved = path.resolve(file);
  if (!resolved.startsWith(root + path.sep)) return null;
  const parts = path.relative(root, resolved).split(path.sep).map(encodeURIComponent);
  const type = mediaType && sandboxTypeOf(mediaType) ? `?type=${encodeURIComponent(mediaType)}` : '';
  return `${APP_ORIGIN}${SANDBOX_PATH}${parts.join('/')}${type}`;
}

/** Maps an app://station/__sandbox/… URL back to its file, refusing anything that leaves the root. */
export function resolveSandboxFile(
  sandboxRoot: string,
  requestUrl: string,
): { file: string; contentType: string } | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || !url.pathname.startsWith(SANDBOX_PATH)) {
    return null;
  }
  const segments = url.pathname.slice(SANDBOX_PATH.length).split('/');
  let decoded: string[];
  try {
    decoded = segments.map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
  if (decoded.some((s) => s === '' || s === '.' || s === '..' || /[\\/\0]/.test(s))) return null;
  const root = path.resolve(sandboxRoot);
  const file = path.resolve(root, ...decoded);
  if (!file.startsWith(root + path.sep)) return null;
  // The file's own extension decides when the station knows it: the address's type is only for a
  // file named without one ("releve"), and is never SVG (an image that can hold script and links).
  const byExtension = SANDBOX_TYPES[path.extname(file).toLowerCase()];
  const declared = byExtension === undefined ? url.searchParams.get('type') : null;
  const byDeclared = declared === null ? null : sandboxTypeOf(declared);
  const contentType = byExtension ?? (byDeclared === 'image/svg+xml' ? null : byDeclared);
  return contentType ? { file, contentType } : null;
}

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

/**
 * Switches the station refuses to run an exam with: remote control (debugging, inspector, V8 flags), and
 * those that would let another site pass for an allowed one or turn protections off (certificate
 * errors ignored, host rules, a proxy, no sandbox, web security off, extensions).
 */
const FORBIDDEN_SWITCHES = new Set([
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'js-flags',
  'ignore-certificate-errors',
  'ignore-certificate-errors-spki-list',
  'host-resolver-rules',
  'host-rules',
  'proxy-server',
  'proxy-pac-url',
  'no-sandbox',
  'disable-web-security',
  'load-extension',
]);

/**
 * A switch's name as Chromium reads it: after `--` or `-` (and `/` on Windows), before `=`, and
 * lower-cased on Windows, where switch names are not case-sensitive. Null for an argument that is not a
 * switch (a path, the app's own name).
 */
function switchName(arg: string, platform: NodeJS.Platform): string | null {
  const prefix = /^(--|-)/.exec(arg) ?? (platform === 'win32' ? /^\//.exec(arg) : null);
  if (!prefix) return null;
  const name = arg.slice(prefix[0].length).split('=')[0] ?? '';
  return platform === 'win32' ? name.toLowerCase() : name;
}

export function debuggingSwitches(
  argv: readonly string[],
  platform: NodeJS.Platform = process.platform,
): string[] {
  return argv.filter((arg) => {
    const name = switchName(arg, platform);
    return name !== null && FORBIDDEN_SWITCHES.has(name);
  });
}
