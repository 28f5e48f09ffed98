// Properties of the URL policy that must hold for every URL and every rule list, not only the examples.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultUrlPolicy } from './default-block-list.ts';
import {
  evaluateUrl,
  FORBIDDEN_SCHEMES,
  UrlPolicySchema,
  type UrlPolicy,
  type UrlRule,
} from './url-policy.ts';

const top = { topLevel: true };

const domain = fc.domain().filter((d) => d.includes('.'));
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const action = fc.constantFrom<'allow' | 'block'>('allow', 'block');

/** A rule of any form the syntax has: host, exact host, path, port, query, regex. */
const anyRule: fc.Arbitrary<UrlRule> = fc.oneof(
  fc.record({ active: fc.boolean(), action, expression: domain, regex: fc.constant(false) }),
  fc.record({
    active: fc.boolean(),
    action,
    expression: domain.map((d) => `.${d}`),
    regex: fc.constant(false),
  }),
  fc.record({
    active: fc.boolean(),
    action,
    expression: fc.tuple(domain, label).map(([d, p]) => `${d}/${p}*`),
    regex: fc.constant(false),
  }),
  fc.record({
    active: fc.boolean(),
    action,
    expression: fc.tuple(domain, fc.integer({ min: 1, max: 65535 })).map(([d, p]) => `${d}:${p}`),
    regex: fc.constant(false),
  }),
  fc.record({
    active: fc.boolean(),
    action,
    expression: fc.tuple(domain, label).map(([d, q]) => `${d}/?${q}=*`),
    regex: fc.constant(false),
  }),
  fc.record({
    active: fc.boolean(),
    action,
    expression: label.map((l) => `${l}\\.`),
    regex: fc.constant(true),
  }),
);

const anyPolicy: fc.Arbitrary<UrlPolicy> = fc
  .record({
    schemes: fc.constantFrom<UrlPolicy['schemes']>(['https'], ['https', 'http'], ['http']),
    rules: fc.array(anyRule, { maxLength: 12 }),
    defaultAction: fc.option(action, { nil: undefined }),
  })
  .map((p) => UrlPolicySchema.parse(p.defaultAction ? p : { schemes: p.schemes, rules: p.rules }));

const anyUrl = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string());

describe('URL policy properties', () => {
  it('never throws and always answers', () => {
    fc.assert(
      fc.property(anyUrl, anyPolicy, fc.boolean(), (url, policy, topLevel) => {
        const d = evaluateUrl(url, policy, { topLevel });
        expect(typeof d.allowed).toBe('boolean');
        expect(d.allowed).toBe(['allowRule', 'defaultAllow', 'inlineData', 'blankPage'].includes(d.reason));
      }),
    );
  });

  it('never allows a forbidden scheme, whatever the rules', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORBIDDEN_SCHEMES),
        fc.webUrl(),
        anyPolicy,
        fc.boolean(),
        (s, web, p, topLevel) => {
          const url = `${s}:${web.replace(/^https?:/, '')}`;
          expect(evaluateUrl(url, p, { topLevel }).allowed).toBe(false);
          expect(evaluateUrl(url.toUpperCase(), p, { topLevel }).allowed).toBe(false);
        },
      ),
    );
  });

  it('never allows a top-level data: URL', () => {
    fc.assert(
      fc.property(fc.string(), anyPolicy, (body, p) => {
        expect(evaluateUrl(`data:text/html,${encodeURIComponent(body)}`, p, top).allowed).toBe(false);
      }),
    );
  });

  it('a matching block rule wins over any allow rules, wherever it sits in the list', () => {
    fc.assert(
      fc.property(
        domain,
        fc.array(label, { maxLength: 3 }),
        fc.webPath(),
        fc.array(anyRule, { maxLength: 8 }),
        fc.nat(),
        (d, subdomains, path, others, at) => {
          const url = `https://${[...subdomains, d].join('.')}${path}`;
          const allows = others.map((r): UrlRule => ({ ...r, action: 'allow' }));
          const rules: UrlRule[] = [
            ...allows,
            { active: true, action: 'allow', expression: d, regex: false },
          ];
          rules.splice(at % (rules.length + 1), 0, {
            active: true,
            action: 'block',
            expression: d,
            regex: false,
          });
          const d2 = evaluateUrl(url, UrlPolicySchema.parse({ rules }), top);
          expect(d2).toMatchObject({ allowed: false, reason: 'blockRule', rule: `block ${d}` });
        },
      ),
    );
  });

  it('a host rule covers every subdomain; a dotted one only the host itself', () => {
    fc.assert(
      fc.property(
        domain,
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.webPath(),
        (d, subdomains, path) => {
          const policyOf = (expression: string) =>
            UrlPolicySchema.parse({ rules: [{ action: 'allow', expression }] });
          const sub = `https://${[...subdomains, d].join('.')}${path}`;
          const exact = `https://${d}${path}`;
          expect(evaluateUrl(sub, policyOf(d), top).allowed).toBe(true);
          expect(evaluateUrl(exact, policyOf(d), top).allowed).toBe(true);
          expect(evaluateUrl(exact, policyOf(`.${d}`), top).allowed).toBe(true);
          expect(evaluateUrl(sub, policyOf(`.${d}`), top).allowed).toBe(false);
          // A look-alike that only ends with the same letters is another site.
          expect(evaluateUrl(`https://x${d}${path}`, policyOf(d), top).allowed).toBe(false);
        },
      ),
    );
  });

  it('plain host rules mean exactly SEB’s host pattern', () => {
    // SEB turns host `h` into ^(.+?\.)*h$ (and `.h` into ^h$); the station compares strings instead.
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    fc.assert(
      fc.property(
        domain,
        fc.array(label, { maxLength: 3 }),
        fc.oneof(domain, label),
        fc.boolean(),
        fc.boolean(),
        (d, subs, other, sameSite, exact) => {
          const host = [...subs, sameSite ? d : other].join('.');
          const expression = exact ? `.${d}` : d;
          const seb = new RegExp(exact ? `^${escape(d)}$` : `^(.+?\\.)*${escape(d)}$`, 'i');
          const policy = UrlPolicySchema.parse({ rules: [{ action: 'allow', expression }] });
          expect(evaluateUrl(`https://${host}/`, policy, top).allowed).toBe(seb.test(host));
        },
      ),
    );
  });

  it('a rule naming a URL’s own path matches it with or without a trailing slash', () => {
    fc.assert(
      fc.property(domain, fc.webPath(), (d, rawPath) => {
        const path = new URL(`https://${d}${rawPath}`).pathname.replace(/\/+$/, '');
        fc.pre(path.length > 0 && !path.includes('*'));
        const policy = UrlPolicySchema.parse({ rules: [{ action: 'allow', expression: `${d}${path}` }] });
        expect(evaluateUrl(`https://${d}${path}`, policy, top).allowed).toBe(true);
        expect(evaluateUrl(`https://${d}${path}/`, policy, top).allowed).toBe(true);
        expect(evaluateUrl(`https://${d}${path}/deeper-than-the-rule`, policy, top).allowed).toBe(false);
      }),
    );
  });

  it('inactive rules change nothing', () => {
    fc.assert(
      fc.property(anyUrl, anyPolicy, fc.array(anyRule, { maxLength: 5 }), (url, p, extra) => {
        const withInactive = { ...p, rules: [...p.rules, ...extra.map((r) => ({ ...r, active: false }))] };
        expect(evaluateUrl(url, withInactive, top)).toEqual(evaluateUrl(url, p, top));
      }),
    );
  });

  it('the order of the rules never changes whether a URL is allowed', () => {
    fc.assert(
      fc.property(fc.webUrl(), anyPolicy, (url, p) => {
        const reversed = { ...p, rules: [...p.rules].reverse() };
        expect(evaluateUrl(url, reversed, top).allowed).toBe(evaluateUrl(url, p, top).allowed);
      }),
    );
  });

  it('the letter case of a wildcard rule changes nothing', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true }), anyPolicy, (url, p) => {
        const upper = {
          ...p,
          rules: p.rules.map((r) => (r.regex ? r : { ...r, expression: r.expression.toUpperCase() })),
        };
        expect(evaluateUrl(url, upper, top)).toEqual({
          ...evaluateUrl(url, p, top),
          rule: evaluateUrl(url, upper, top).rule,
        });
      }),
    );
  });

  it('the shipped list blocks every subdomain of what it names', () => {
    const policy = createDefaultUrlPolicy();
    const hosts = policy.rules.map((r) => r.expression).filter((e) => /^[a-z0-9.-]+$/.test(e));
    fc.assert(
      fc.property(fc.constantFrom(...hosts), label, fc.webPath(), (host, sub, path) => {
        expect(evaluateUrl(`https://${sub}.${host}${path}`, policy, top).allowed).toBe(false);
      }),
    );
  });
});
