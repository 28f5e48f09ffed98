// What people type or follow to check a certificate: a code from the form (lower case and spaces
// accepted, the "P-" may be forgotten), or from the address (/verification/P-BCDF2346, the link printed
// on the certificate, or /verification/?code=P-BCDF2346).
import {
  VERIFICATION_CODE_PREFIX,
  VerificationCodeLookupSchema,
} from '../../core/codes/verification-code.ts';

export const BASE_PATH = '/verification/';

/** The code as the server reads it, or null when it cannot be one. */
export function readCode(input: string): string | null {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  const withPrefix = compact.startsWith(VERIFICATION_CODE_PREFIX)
    ? compact
    : `${VERIFICATION_CODE_PREFIX}${compact}`;
  const parsed = VerificationCodeLookupSchema.safeParse(withPrefix);
  return parsed.success ? parsed.data : null;
}

/** The code in the page's address, if any (already checked or not: the page checks it). */
export function codeInPath(pathname: string): string | null {
  if (!pathname.startsWith(BASE_PATH)) return null;
  const rest = pathname.slice(BASE_PATH.length).split('/')[0] ?? '';
  try {
    const decoded = decodeURIComponent(rest);
    return decoded === '' ? null : decoded;
  } catch {
    return null;
  }
}

/** The code a link carries: in the path, or as `?code=` (a form or a QR code reader may write that). */
export function codeInAddress(address: { pathname: string; search: string }): string | null {
  const inPath = codeInPath(address.pathname);
  if (inPath !== null) return inPath;
  if (!address.pathname.startsWith(BASE_PATH.slice(0, -1))) return null;
  const inQuery = new URLSearchParams(address.search).get('code')?.trim() ?? '';
  return inQuery === '' ? null : inQuery;
}

export function pathFor(code: string): string {
  return `${BASE_PATH}${encodeURIComponent(code)}`;
}
