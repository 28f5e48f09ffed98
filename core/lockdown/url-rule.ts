// One URL filter rule in Safe Exam Browser's syntax (LOCKDOWN.md), the form exam admins already know:
// `{ active, action, expression, regex }`. A wildcard expression reads
// `[scheme://][user[:pass]@]host[:port][/path][?query][#fragment]`; each part is anchored and
// case-insensitive, `*` is any sequence, a missing part matches anything. Host `example.org` also matches
// its subdomains, `.example.org` only that host; path `/` (or none) matches any path and a trailing slash
// is optional; query `.` means "no query"; a given port must equal the URL's (default ports count).
// A regex rule is a case-insensitive regular expression searched in the whole URL.
import { z } from 'zod';

export const URL_RULE_ACTIONS = ['allow', 'block'] as const;
export const UrlRuleActionSchema = z.enum(URL_RULE_ACTIONS);
export type UrlRuleAction = z.infer<typeof UrlRuleActionSchema>;

/** The shipped block-list categories (default-block-list.ts); a centre's own rules have none. */
export const URL_RULE_CATEGORIES = [
  'generativeAi',
  'webmail',
  'messaging',
  'socialNetwork',
  'fileSharing',
  'remoteDesktop',
] as const;
export const UrlRuleCategorySchema = z.enum(URL_RULE_CATEGORIES);
export type UrlRuleCategory = z.infer<typeof UrlRuleCategorySchema>;

/** The parts of a wildcard expression; null means "not given, matches anything". */
export interface WildcardParts {
  scheme: string | null;
  user: string | null;
  password: string | null;
  host: string;
  port: number | '*' | null;
  path: string | null;
  query: string | null;
  fragment: string | null;
}

// Strict, anchored reading of the SEB expression grammar: an expression that does not read cleanly is
// refused with a message instead of being half-understood (a half-understood block rule lets things in).
const EXPRESSION =
  /^(?:([^:/?#@]*):\/\/)?(?:([^:@/?#]*)(?::([^@/?#]*))?@)?([^/:?#@]*)(?::([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;

/** Splits a wildcard expression into its parts, or says why it cannot. */
export function parseWildcardExpression(
  expression: string,
): { ok: true; parts: WildcardParts } | { ok: false; error: string } {
  const text = expression.trim();
  if (text.length === 0) return { ok: false, error: 'the expression is empty' };
  if (/\s/.test(text)) return { ok: false, error: 'the expression contains a space' };
  const m = EXPRESSION.exec(text);
  if (!m)
    return { ok: false, error: 'the expression is not [scheme://][user[:pass]@]host[:port][/path][?query]' };
  const [, scheme, user, password, host = '', port, path, query, fragment] = m;
  if (scheme !== undefined && !/^[a-z*][a-z0-9+.\-*]*$/i.test(scheme)) {
    return { ok: false, error: `"${scheme}" is not a scheme` };
  }
  if (host.length === 0) return { ok: false, error: 'the expression names no host (write * for any host)' };
  if (host === '.') return { ok: false, error: 'the host "." names nothing' };
  let parsedPort: number | '*' | null = null;
  if (port !== undefined) {
    if (port === '*') parsedPort = '*';
    else if (/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535) parsedPort = Number(port);
    else return { ok: false, error: `"${port}" is not a port (1 to 65535, or *)` };
  }
  return {
    ok: true,
    parts: {
      scheme: scheme ? scheme.toLowerCase() : null,
      user: user ? user : null,
      password: password ? password : null,
      host: host.toLowerCase(),
      port: parsedPort,
      path: path ? path : null,
      query: query ? query : null,
      fragment: fragment ? fragment : null,
    },
  };
}

/** Checks that a regex rule compiles (JavaScript syntax, which SEB's .NET syntax mostly shares). */
export function checkRegexExpression(expression: string): string | null {
  try {
    new RegExp(expression, 'i');
    return null;
  } catch (error) {
    return `the regular expression does not compile (${error instanceof Error ? error.message : 'syntax'})`;
  }
}

export const UrlRuleSchema = z
  .object({
    active: z.boolean().default(true),
    action: UrlRuleActionSchema,
    expression: z.string().trim().min(1).max(2048),
    regex: z.boolean().default(false),
    /** Set on the shipped block list so the blocked page can say why ("messagerie"). */
    category: UrlRuleCategorySchema.optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const error = rule.regex
      ? checkRegexExpression(rule.expression)
      : (() => {
          const parsed = parseWildcardExpression(rule.expression);
          return parsed.ok ? null : parsed.error;
        })();
    if (error) ctx.addIssue({ code: 'custom', path: ['expression'], message: error });
  });
export type UrlRule = z.infer<typeof UrlRuleSchema>;

/** How a rule names itself in the journal and on the blocked page: "block chatgpt.com". */
export function describeUrlRule(rule: Pick<UrlRule, 'action' | 'expression' | 'regex'>): string {
  return `${rule.action} ${rule.regex ? 'regex ' : ''}${rule.expression}`.slice(0, 500);
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

/** The URL as the rules see it: the WHATWG parse, with paths and queries decoded where it is safe. */
export interface UrlForMatching {
  href: string;
  scheme: string;
  userInfo: string;
  host: string;
  port: number | null;
  path: string;
  query: string;
  fragment: string;
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ws: 80, wss: 443, ftp: 21 };

// Characters whose escaped and plain forms mean different things: they stay escaped, so `%2F` never
// passes for a path separator and `%26` never splits a query parameter.
const PATH_RESERVED = new Set(['/', '?', '#', '%', '\\']);
const QUERY_RESERVED = new Set(['&', '=', '+', '#', '%', ';']);

/**
 * Decodes percent-escapes that stand for ordinary characters, so `/adm%69n` is seen as `/admin` (a block
 * rule must not be dodged by escaping) and `/caf%C3%A9` matches a rule written `/café`.
 */
export function decodeSafely(text: string, reserved: ReadonlySet<string>): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(run);
    } catch {
      return run.toUpperCase();
    }
    let out = '';
    for (const char of decoded) {
      const code = char.codePointAt(0) ?? 0;
      out +=
        reserved.has(char) || code < 0x20 || code === 0x7f
          ? `%${code.toString(16).toUpperCase().padStart(2, '0')}`
          : char;
    }
    return out;
  });
}

/** The URL without its host's final dot ("chatgpt.com." is the same site as "chatgpt.com"). */
function withoutFinalDot(url: URL): URL {
  if (!url.hostname.endsWith('.')) return url;
  const copy = new URL(url.href);
  copy.hostname = url.hostname.replace(/\.+$/, '');
  return copy;
}

export function urlForMatching(given: URL): UrlForMatching {
  const url = withoutFinalDot(given);
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  return {
    href: url.href,
    scheme,
    userInfo: url.password ? `${url.username}:${url.password}` : url.username,
    host: url.hostname.toLowerCase(),
    port: url.port ? Number(url.port) : (DEFAULT_PORTS[scheme] ?? null),
    path: decodeSafely(url.pathname, PATH_RESERVED),
    query: decodeSafely(url.search, QUERY_RESERVED),
    fragment: url.hash,
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Escapes the text and turns each `*` into "any sequence". */
function wildcard(text: string): string {
  return escapeRegex(text).replaceAll('\\*', '.*');
}

function anchored(source: string): RegExp {
  return new RegExp(`^(?:${source})$`, 'i');
}

/** Internationalized host labels are compared in their ASCII (punycode) form, as URLs carry them. */
function asciiHost(host: string): string {
  return host
    .split('.')
    .map((label) => {
      if ([...label].every((c) => c.charCodeAt(0) < 0x80) || label.includes('*')) return label;
      try {
        return new URL(`https://${label}.invalid/`).hostname.slice(0, -'.invalid'.length);
      } catch {
        return label;
      }
    })
    .join('.');
}

export type UrlMatcher = (url: UrlForMatching) => boolean;

/** Builds the matcher of a wildcard expression (parsed by parseWildcardExpression). */
export function wildcardMatcher(parts: WildcardParts): UrlMatcher {
  const scheme = parts.scheme === null ? null : anchored(wildcard(parts.scheme));
  const userInfo =
    parts.user === null
      ? null
      : anchored(
          parts.password === null
            ? `${wildcard(parts.user)}(?::.*)?`
            : `${wildcard(parts.user)}:${wildcard(parts.password)}`,
        );
  const exactHost = parts.host.startsWith('.');
  const hostText = asciiHost(exactHost ? parts.host.slice(1) : parts.host).replace(/\.$/, '');
  // A single-label host ("localhost", "intranet") names that machine only, as in SEB.
  const singleLabel = /^[a-z0-9]+$/i.test(hostText);
  const ownHostOnly = exactHost || singleLabel;
  // Plain host names (most rules) are compared as strings: the same meaning as the pattern, without
  // running a regular expression per rule on every request.
  const hostPattern = anchored(ownHostOnly ? wildcard(hostText) : `(?:.+?\\.)*${wildcard(hostText)}`);
  const host: (name: string) => boolean = hostText.includes('*')
    ? (name) => hostPattern.test(name)
    : ownHostOnly
      ? (name) => name === hostText
      : (name) => name === hostText || name.endsWith(`.${hostText}`);
  const port = parts.port === '*' ? null : parts.port;
  let path: RegExp | null = null;
  if (parts.path !== null && parts.path !== '/') {
    const text = wildcard(decodeSafely(parts.path, PATH_RESERVED));
    path = anchored(text.endsWith('/') ? `${text}?` : `${text}/?`);
  }
  let query: RegExp | null = null;
  if (parts.query !== null) {
    query =
      parts.query === '.'
        ? anchored('\\??')
        : anchored(`\\??${wildcard(decodeSafely(parts.query, QUERY_RESERVED))}`);
  }
  const fragment = parts.fragment === null ? null : anchored(`#?${wildcard(parts.fragment)}`);
  return (url) =>
    host(url.host) &&
    (scheme === null || scheme.test(url.scheme)) &&
    (userInfo === null || userInfo.test(url.userInfo)) &&
    (port === null || port === url.port) &&
    (path === null || path.test(url.path)) &&
    (query === null || query.test(url.query)) &&
    (fragment === null || fragment.test(url.fragment));
}

/** Builds a rule's matcher; throws on an expression the schema would have refused. */
export function urlRuleMatcher(rule: Pick<UrlRule, 'expression' | 'regex'>): UrlMatcher {
  if (rule.regex) {
    const error = checkRegexExpression(rule.expression);
    if (error) throw new Error(`URL rule "${rule.expression}": ${error}`);
    const re = new RegExp(rule.expression, 'i');
    return (url) => re.test(url.href);
  }
  const parsed = parseWildcardExpression(rule.expression);
  if (!parsed.ok) throw new Error(`URL rule "${rule.expression}": ${parsed.error}`);
  return wildcardMatcher(parsed.parts);
}
