// The challenge browser's URL policy: one pure function that request filtering, navigation handlers and
// the window-open handler all call (Electron's WebContentsView and the Chromium harness's page.route).
// Order: schemes first (some can never be allowed), then the centre's block rules, then its allow rules,
// then the default action, which is "block" as soon as one active allow rule exists (SEB's behaviour).
import { z } from 'zod';
import {
  describeUrlRule,
  urlForMatching,
  urlRuleMatcher,
  UrlRuleActionSchema,
  UrlRuleSchema,
  type UrlMatcher,
  type UrlRule,
  type UrlRuleCategory,
} from './url-rule.ts';

export * from './url-rule.ts';

/** Schemes a centre may open to candidates. Everything else is refused before any rule is read. */
export const WEB_SCHEMES = ['https', 'http'] as const;

/** Schemes no rule can allow: they reach the local machine, the browser's internals, or run script. */
export const FORBIDDEN_SCHEMES = [
  'file',
  'chrome',
  'chrome-extension',
  'chrome-untrusted',
  'devtools',
  'javascript',
  'view-source',
  'filesystem',
  'app',
] as const;

export const UrlPolicySchema = z
  .object({
    /** `https` only unless the centre opens `http` too; `wss`/`ws` follow `https`/`http`. */
    schemes: z.array(z.enum(WEB_SCHEMES)).min(1).default(['https']),
    rules: z.array(UrlRuleSchema).max(5000).default([]),
    /** Overrides SEB's default (block when an active allow rule exists, allow otherwise). */
    defaultAction: UrlRuleActionSchema.optional(),
  })
  .strict();
export type UrlPolicy = z.infer<typeof UrlPolicySchema>;
export type UrlPolicyInput = z.input<typeof UrlPolicySchema>;

export type UrlDecisionReason =
  /** Not a URL at all. */
  | 'invalidUrl'
  /** file:, chrome:, devtools:, javascript:… (FORBIDDEN_SCHEMES). */
  | 'forbiddenScheme'
  /** A scheme the centre has not opened (http: by default, ftp:, mailto:…). */
  | 'schemeNotAllowed'
  /** A data: URL as a page: it can show anything, so it never becomes the page. */
  | 'topLevelData'
  /** data: inside a page (an inline image): part of a page already allowed. */
  | 'inlineData'
  /** about:blank and about:srcdoc, the empty documents frames and new windows start from. */
  | 'blankPage'
  | 'blockRule'
  | 'allowRule'
  | 'defaultAllow'
  | 'defaultBlock';

export interface UrlDecision {
  allowed: boolean;
  /** The rule that decided, as "block chatgpt.com" (null when no rule did). Goes to the journal. */
  rule: string | null;
  reason: UrlDecisionReason;
  /** The shipped category of the deciding rule, so the blocked page can say "messagerie". */
  category: UrlRuleCategory | null;
}

export interface EvaluateOptions {
  /** The URL would become a page (main frame navigation, new window), not a resource inside one. */
  topLevel: boolean;
}

interface CompiledRule {
  rule: UrlRule;
  label: string;
  matches: UrlMatcher;
}

export interface CompiledUrlPolicy {
  evaluate(url: string, options: EvaluateOptions): UrlDecision;
}

function decision(
  allowed: boolean,
  reason: UrlDecisionReason,
  rule: CompiledRule | null = null,
): UrlDecision {
  return { allowed, reason, rule: rule?.label ?? null, category: rule?.rule.category ?? null };
}

/** Compiles the rules once; the result is reused for every request of the candidate's session. */
export function compileUrlPolicy(policy: UrlPolicy): CompiledUrlPolicy {
  const compile = (rule: UrlRule): CompiledRule => ({
    rule,
    label: describeUrlRule(rule),
    matches: urlRuleMatcher(rule),
  });
  const active = policy.rules.filter((rule) => rule.active);
  const blockRules = active.filter((rule) => rule.action === 'block').map(compile);
  const allowRules = active.filter((rule) => rule.action === 'allow').map(compile);
  const defaultAction = policy.defaultAction ?? (allowRules.length > 0 ? 'block' : 'allow');
  const schemes = new Set<string>(policy.schemes);
  const forbidden = new Set<string>(FORBIDDEN_SCHEMES);

  function evaluateWeb(url: URL): UrlDecision {
    const target = urlForMatching(url);
    for (const rule of blockRules) if (rule.matches(target)) return decision(false, 'blockRule', rule);
    for (const rule of allowRules) if (rule.matches(target)) return decision(true, 'allowRule', rule);
    return defaultAction === 'allow' ? decision(true, 'defaultAllow') : decision(false, 'defaultBlock');
  }

  function evaluate(raw: string, options: EvaluateOptions, depth: number): UrlDecision {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return decision(false, 'invalidUrl');
    }
    const scheme = url.protocol.slice(0, -1).toLowerCase();
    if (forbidden.has(scheme)) return decision(false, 'forbiddenScheme');
    if (scheme === 'data')
      return options.topLevel ? decision(false, 'topLevelData') : decision(true, 'inlineData');
    if (scheme === 'about') {
      return url.pathname === 'blank' || url.pathname === 'srcdoc'
        ? decision(true, 'blankPage')
        : decision(false, 'forbiddenScheme');
    }
    if (scheme === 'blob') {
      // A blob: belongs to the page that made it: it is allowed exactly when its origin is.
      if (depth > 0 || url.origin === 'null') return decision(false, 'schemeNotAllowed');
      return evaluate(`${url.origin}/`, options, depth + 1);
    }
    if (scheme === 'ws' || scheme === 'wss') {
      // WebSockets are the same site over another scheme: judged as the http(s) page they belong to.
      const asWeb = new URL(url.href);
      asWeb.protocol = scheme === 'wss' ? 'https:' : 'http:';
      return schemes.has(asWeb.protocol.slice(0, -1))
        ? evaluateWeb(asWeb)
        : decision(false, 'schemeNotAllowed');
    }
    if (!schemes.has(scheme)) return decision(false, 'schemeNotAllowed');
    return evaluateWeb(url);
  }

  return { evaluate: (url, options) => evaluate(url, options, 0) };
}

// Policies are values: compiled once per policy object, so callers can pass the same policy on every
// request (page.route, onBeforeRequest) without recompiling. Do not mutate a policy after use; build a
// new one (the settings and the server always do).
const compiled = new WeakMap<UrlPolicy, CompiledUrlPolicy>();

/** Decides whether the challenge browser may load `url`. Never throws for any string. */
export function evaluateUrl(url: string, policy: UrlPolicy, options: EvaluateOptions): UrlDecision {
  let policyCompiled = compiled.get(policy);
  if (!policyCompiled) {
    policyCompiled = compileUrlPolicy(policy);
    compiled.set(policy, policyCompiled);
  }
  return policyCompiled.evaluate(url, options);
}

/** Parses outside input (settings file, server, centre back office) into a policy. */
export function parseUrlPolicy(input: unknown): z.ZodSafeParseResult<UrlPolicy> {
  return UrlPolicySchema.safeParse(input);
}
