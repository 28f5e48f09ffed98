import { describe, expect, it } from 'vitest';
import {
  compileUrlPolicy,
  evaluateUrl,
  FORBIDDEN_SCHEMES,
  parseUrlPolicy,
  parseWildcardExpression,
  UrlPolicySchema,
  UrlRuleSchema,
  type UrlPolicy,
  type UrlRule,
} from './url-policy.ts';

const top = { topLevel: true };
const sub = { topLevel: false };

function rule(action: 'allow' | 'block', expression: string, extra: Partial<UrlRule> = {}): UrlRule {
  return { active: true, action, expression, regex: false, ...extra };
}

function policy(rules: UrlRule[], extra: Partial<UrlPolicy> = {}): UrlPolicy {
  return UrlPolicySchema.parse({ rules, ...extra });
}

/** Does this one allow rule (in whitelist mode) let the URL through? */
function allowedBy(expression: string, url: string): boolean {
  return evaluateUrl(url, policy([rule('allow', expression)], { schemes: ['https', 'http'] }), top).allowed;
}

describe('wildcard expressions (SEB syntax)', () => {
  it.each([
    // Host: a plain host matches itself and every subdomain, never a mere suffix.
    ['example.org', 'https://example.org/', true],
    ['example.org', 'https://www.example.org/', true],
    ['example.org', 'https://a.b.example.org/x', true],
    ['example.org', 'https://badexample.org/', false],
    ['example.org', 'https://example.org.evil.com/', false],
    ['example.org', 'https://example.com/', false],
    // A leading dot: that exact host only.
    ['.example.org', 'https://example.org/', true],
    ['.example.org', 'https://www.example.org/', false],
    ['.www.example.org', 'https://www.example.org/page', true],
    // A single label (intranet names): that machine only.
    ['localhost', 'http://localhost/', true],
    ['localhost', 'http://sub.localhost/', false],
    // Case-insensitive everywhere.
    ['EXAMPLE.org/Docs', 'https://example.ORG/docs', true],
    ['HTTPS://example.org', 'https://example.org/', true],
    // Wildcards in the host.
    ['*.example.org', 'https://www.example.org/', true],
    ['*.example.org', 'https://example.org/', false],
    ['ex*le.org', 'https://example.org/', true],
    ['ex*le.org', 'https://exle.org/', true],
    ['google.*', 'https://www.google.fr/', true],
    ['google.*', 'https://google.co.uk/', true],
    ['*', 'https://anything.example/', true],
    // Scheme.
    ['https://example.org', 'https://example.org/', true],
    ['https://example.org', 'http://example.org/', false],
    ['http*://example.org', 'http://example.org/', true],
    ['http*://example.org', 'https://example.org/', true],
    // Ports: a given port must match; default ports count; * is any port.
    ['example.org:8443', 'https://example.org:8443/', true],
    ['example.org:8443', 'https://example.org/', false],
    ['example.org:443', 'https://example.org/', true],
    ['example.org:80', 'http://example.org/', true],
    ['example.org:80', 'https://example.org/', false],
    ['example.org:*', 'https://example.org:9999/', true],
    ['example.org', 'https://example.org:9999/', true],
    // Paths: anchored, trailing slash optional, `/` or none is any path.
    ['example.org/', 'https://example.org/any/path', true],
    ['example.org', 'https://example.org/any/path', true],
    ['example.org/docs', 'https://example.org/docs', true],
    ['example.org/docs', 'https://example.org/docs/', true],
    ['example.org/docs/', 'https://example.org/docs', true],
    ['example.org/docs', 'https://example.org/docs/page', false],
    ['example.org/docs', 'https://example.org/documents', false],
    ['example.org/doc*', 'https://example.org/documents', true],
    ['example.org/docs*', 'https://example.org/docs-archive/2024', true],
    ['example.org/docs/*', 'https://example.org/docs/a/b.html', true],
    ['example.org/docs/*', 'https://example.org/other/docs/a', false],
    ['example.org/*/edit', 'https://example.org/doc/42/edit', true],
    // Escaped characters are compared decoded, so escaping cannot dodge a rule…
    ['example.org/admin', 'https://example.org/adm%69n', true],
    ['example.org/café', 'https://example.org/caf%C3%A9', true],
    // …but an escaped slash stays a different thing from a path separator.
    ['example.org/docs/*', 'https://example.org/docs%2F..%2Fadmin', false],
    // Dot segments are resolved before matching.
    ['example.org/docs/*', 'https://example.org/docs/../admin', false],
    // Queries: anchored; `.` means "no query"; none means any.
    ['example.org/search?q=*', 'https://example.org/search?q=pix', true],
    ['example.org/search?q=*', 'https://example.org/search?lang=fr', false],
    ['example.org/search?q=*', 'https://example.org/search', false],
    ['example.org/search?.', 'https://example.org/search', true],
    ['example.org/search?.', 'https://example.org/search?q=1', false],
    ['example.org/search', 'https://example.org/search?q=1', true],
    ['google.*/search?*udm=50*', 'https://www.google.fr/search?q=x&udm=50', true],
    ['google.*/search?*udm=50*', 'https://www.google.fr/search?q=x', false],
    // Fragments (SEB accepts them too).
    ['example.org/page#part*', 'https://example.org/page#part2', true],
    ['example.org/page#part*', 'https://example.org/page#other', false],
    // User info.
    ['alice@example.org', 'https://alice@example.org/', true],
    ['alice@example.org', 'https://alice:secret@example.org/', true],
    ['alice@example.org', 'https://bob@example.org/', false],
    ['alice:secret@example.org', 'https://alice:secret@example.org/', true],
    ['alice:secret@example.org', 'https://alice:other@example.org/', false],
    // Internationalized hosts are compared in punycode, as URLs carry them.
    ['café.fr', 'https://www.café.fr/', true],
    ['café.fr', 'https://www.xn--caf-dma.fr/', true],
    // Regex metacharacters in an expression are literal.
    ['example.org/a+b', 'https://example.org/a+b', true],
    ['example.org/a+b', 'https://example.org/aab', false],
    ['exa.ple.org', 'https://exaxple.org/', false],
  ])('%s on %s → %s', (expression, url, expected) => {
    expect(allowedBy(expression, url)).toBe(expected);
  });

  it('refuses expressions it cannot read, with a reason', () => {
    for (const bad of [
      '',
      '   ',
      'https://',
      'example.org:99999',
      'example.org:port',
      'a b.org',
      '.',
      '/only/path',
    ]) {
      const parsed = parseWildcardExpression(bad);
      expect(parsed.ok, bad).toBe(false);
    }
    expect(UrlRuleSchema.safeParse(rule('block', 'example.org:0')).success).toBe(false);
    expect(UrlRuleSchema.safeParse(rule('block', 'example.org:8080')).success).toBe(true);
  });
});

describe('regex rules', () => {
  it('are searched case-insensitively in the whole URL', () => {
    const p = policy([rule('block', 'chat(gpt)?\\.', { regex: true })]);
    expect(evaluateUrl('https://CHATGPT.com/', p, top)).toMatchObject({
      allowed: false,
      reason: 'blockRule',
      rule: 'block regex chat(gpt)?\\.',
    });
    expect(evaluateUrl('https://example.org/?q=chat.', p, top).allowed).toBe(false);
    expect(evaluateUrl('https://example.org/', p, top).allowed).toBe(true);
  });

  it('can be anchored by the rule author', () => {
    const p = policy([rule('allow', '^https://([a-z]+\\.)?example\\.org/', { regex: true })]);
    expect(evaluateUrl('https://www.example.org/a', p, top).allowed).toBe(true);
    expect(evaluateUrl('https://evil.com/?https://example.org/', p, top).allowed).toBe(false);
  });

  it('must compile', () => {
    const parsed = UrlRuleSchema.safeParse(rule('block', '(unclosed', { regex: true }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['expression']);
  });
});

describe('schemes', () => {
  it.each(FORBIDDEN_SCHEMES.map((s) => [s]))(
    '%s: is never allowed, even by an allow-everything rule',
    (s) => {
      const open = policy([rule('allow', '*'), rule('allow', '.*', { regex: true })], {
        schemes: ['https', 'http'],
        defaultAction: 'allow',
      });
      const url =
        s === 'javascript'
          ? 'javascript:alert(1)'
          : s === 'view-source'
            ? 'view-source:https://a.org/'
            : `${s}://x/y`;
      for (const options of [top, sub]) {
        expect(evaluateUrl(url, open, options)).toEqual({
          allowed: false,
          rule: null,
          reason: 'forbiddenScheme',
          category: null,
        });
      }
    },
  );

  it.each([
    ['file:///etc/passwd'],
    ['FILE:///C:/Windows/System32/cmd.exe'],
    ['chrome://settings'],
    ['chrome://gpu'],
    ['devtools://devtools/bundled/inspector.html'],
    ['javascript:void(0)'],
    ['JavaScript:alert(document.cookie)'],
    ['app://station/index.html'],
  ])('%s is blocked', (url) => {
    expect(evaluateUrl(url, policy([]), top)).toMatchObject({ allowed: false, reason: 'forbiddenScheme' });
  });

  it('opens https only by default; http only when the centre says so', () => {
    expect(evaluateUrl('https://example.org/', policy([]), top).allowed).toBe(true);
    expect(evaluateUrl('http://example.org/', policy([]), top)).toMatchObject({
      allowed: false,
      reason: 'schemeNotAllowed',
    });
    expect(evaluateUrl('http://example.org/', policy([], { schemes: ['https', 'http'] }), top).allowed).toBe(
      true,
    );
  });

  it.each([
    ['ftp://example.org/f'],
    ['mailto:someone@example.org'],
    ['tel:+33100000000'],
    ['ms-settings:'],
    ['intent://x'],
  ])('%s: is not a web scheme', (url) => {
    expect(evaluateUrl(url, policy([], { schemes: ['https', 'http'] }), top)).toMatchObject({
      allowed: false,
      reason: 'schemeNotAllowed',
    });
  });

  it('blocks data: as a page and allows it inside one', () => {
    const p = policy([]);
    expect(evaluateUrl('data:text/html,<script>alert(1)</script>', p, top)).toMatchObject({
      allowed: false,
      reason: 'topLevelData',
    });
    expect(evaluateUrl('data:image/png;base64,iVBORw0KGgo=', p, sub)).toMatchObject({
      allowed: true,
      reason: 'inlineData',
    });
  });

  it('allows about:blank and about:srcdoc, nothing else under about:', () => {
    const p = policy([rule('allow', 'example.org')]);
    expect(evaluateUrl('about:blank', p, top)).toMatchObject({ allowed: true, reason: 'blankPage' });
    expect(evaluateUrl('about:srcdoc', p, sub).allowed).toBe(true);
    expect(evaluateUrl('about:settings', p, top).allowed).toBe(false);
  });

  it('judges blob: by the origin that made it', () => {
    const p = policy([rule('allow', 'example.org')]);
    expect(evaluateUrl('blob:https://example.org/6f1c', p, top)).toMatchObject({
      allowed: true,
      reason: 'allowRule',
    });
    expect(evaluateUrl('blob:https://evil.com/6f1c', p, sub).allowed).toBe(false);
    expect(evaluateUrl('blob:null/6f1c', p, sub).allowed).toBe(false);
  });

  it('judges WebSockets as the page they belong to', () => {
    const p = policy([rule('block', 'https://chat.example.org'), rule('allow', 'example.org')]);
    expect(evaluateUrl('wss://www.example.org/socket', p, sub).allowed).toBe(true);
    expect(evaluateUrl('wss://chat.example.org/socket', p, sub)).toMatchObject({
      allowed: false,
      reason: 'blockRule',
    });
    expect(evaluateUrl('ws://www.example.org/socket', p, sub).reason).toBe('schemeNotAllowed');
  });

  it('refuses what is not a URL', () => {
    for (const bad of ['', 'example.org', 'https://', '://x', 'https://exa mple.org/']) {
      expect(evaluateUrl(bad, policy([]), top)).toMatchObject({ allowed: false, reason: 'invalidUrl' });
    }
  });
});

describe('rule order and default action', () => {
  it('applies block rules before allow rules, whatever their order in the list', () => {
    const p = policy([rule('allow', 'example.org'), rule('block', 'forum.example.org')]);
    expect(evaluateUrl('https://forum.example.org/', p, top)).toEqual({
      allowed: false,
      rule: 'block forum.example.org',
      reason: 'blockRule',
      category: null,
    });
    expect(evaluateUrl('https://www.example.org/', p, top)).toEqual({
      allowed: true,
      rule: 'allow example.org',
      reason: 'allowRule',
      category: null,
    });
  });

  it('blocks what no rule allows once one allow rule exists', () => {
    const p = policy([rule('allow', 'example.org')]);
    expect(evaluateUrl('https://other.org/', p, top)).toEqual({
      allowed: false,
      rule: null,
      reason: 'defaultBlock',
      category: null,
    });
  });

  it('reads a host with its final dot (a fully qualified name) as the same host', () => {
    const blocking = policy([
      rule('block', 'chatgpt.com'),
      rule('block', '.openai.com.'),
      rule('block', 'mistral\\.ai/', { regex: true }),
    ]);
    for (const url of [
      'https://chatgpt.com./',
      'https://CHAT.chatgpt.com./x',
      'https://openai.com/',
      'https://chat.mistral.ai./',
    ]) {
      expect(evaluateUrl(url, blocking, top), url).toMatchObject({ allowed: false, reason: 'blockRule' });
    }
    const allowing = policy([rule('allow', '.fr.wikipedia.org')]);
    expect(evaluateUrl('https://fr.wikipedia.org./wiki/X', allowing, top).allowed).toBe(true);
  });

  it('allows what no rule blocks when there is no allow rule', () => {
    const p = policy([rule('block', 'chatgpt.com')]);
    expect(evaluateUrl('https://fr.wikipedia.org/', p, top)).toMatchObject({
      allowed: true,
      reason: 'defaultAllow',
    });
  });

  it('ignores inactive rules, including for the default action', () => {
    const p = policy([
      rule('allow', 'example.org', { active: false }),
      rule('block', 'other.org', { active: false }),
    ]);
    expect(evaluateUrl('https://other.org/', p, top)).toMatchObject({
      allowed: true,
      reason: 'defaultAllow',
    });
  });

  it('lets the centre set the default action explicitly', () => {
    const p = policy([rule('block', 'chatgpt.com')], { defaultAction: 'block' });
    expect(evaluateUrl('https://fr.wikipedia.org/', p, top).reason).toBe('defaultBlock');
  });

  it('the first matching block rule is the one named', () => {
    const p = policy([rule('block', 'example.org'), rule('block', 'www.example.org')]);
    expect(evaluateUrl('https://www.example.org/', p, top).rule).toBe('block example.org');
  });
});

describe('policy schema', () => {
  it('defaults to https only and no rules', () => {
    expect(UrlPolicySchema.parse({})).toEqual({ schemes: ['https'], rules: [] });
  });

  it('never lets a centre open a forbidden scheme', () => {
    expect(parseUrlPolicy({ schemes: ['https', 'file'] }).success).toBe(false);
    expect(parseUrlPolicy({ schemes: [] }).success).toBe(false);
  });

  it('names the bad rule', () => {
    const parsed = parseUrlPolicy({
      rules: [
        { action: 'block', expression: 'ok.org' },
        { action: 'block', expression: 'a:b:c' },
      ],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['rules', 1, 'expression']);
  });

  it('refuses unknown fields and actions', () => {
    expect(parseUrlPolicy({ rules: [{ action: 'maybe', expression: 'a.org' }] }).success).toBe(false);
    expect(parseUrlPolicy({ rules: [{ action: 'block', expression: 'a.org', extra: 1 }] }).success).toBe(
      false,
    );
  });

  it('fills SEB defaults for active and regex', () => {
    expect(parseUrlPolicy({ rules: [{ action: 'allow', expression: 'a.org' }] }).data?.rules).toEqual([
      { active: true, action: 'allow', expression: 'a.org', regex: false },
    ]);
  });
});

describe('compiled policies', () => {
  it('gives the same answers as evaluateUrl', () => {
    const p = policy([rule('block', 'chatgpt.com'), rule('allow', 'example.org')]);
    const compiled = compileUrlPolicy(p);
    for (const url of ['https://chatgpt.com/', 'https://example.org/', 'https://x.org/', 'file:///x']) {
      expect(compiled.evaluate(url, top)).toEqual(evaluateUrl(url, p, top));
    }
  });
});
