import { describe, expect, it } from 'vitest';
import {
  createDefaultUrlPolicy,
  createDemoUrlPolicy,
  defaultBlockRules,
  DEMO_SITES_DOMAIN,
  demoSitesAllowRule,
  URL_RULE_CATEGORY_LABELS,
} from './default-block-list.ts';
import { evaluateUrl, URL_RULE_CATEGORIES, UrlPolicySchema, UrlRuleSchema } from './url-policy.ts';

const top = { topLevel: true };

describe('the shipped block list', () => {
  it('is valid SEB rules, every one active, with a category', () => {
    const rules = defaultBlockRules();
    expect(rules.length).toBeGreaterThan(50);
    for (const rule of rules) {
      expect(UrlRuleSchema.safeParse(rule).success, rule.expression).toBe(true);
      expect(rule).toMatchObject({ active: true, action: 'block', regex: false });
      expect(rule.category).toBeDefined();
    }
    expect(UrlPolicySchema.parse(createDefaultUrlPolicy())).toEqual(createDefaultUrlPolicy());
  });

  it('covers every category', () => {
    const seen = new Set(defaultBlockRules().map((r) => r.category));
    expect([...seen].sort()).toEqual([...URL_RULE_CATEGORIES].sort());
    for (const c of URL_RULE_CATEGORIES) expect(URL_RULE_CATEGORY_LABELS[c].fr.length).toBeGreaterThan(0);
  });

  it.each([
    ['https://chatgpt.com/', 'generativeAi'],
    ['https://chat.openai.com/c/123', 'generativeAi'],
    ['https://claude.ai/new', 'generativeAi'],
    ['https://gemini.google.com/app', 'generativeAi'],
    ['https://www.bing.com/chat?q=x', 'generativeAi'],
    ['https://www.google.fr/search?q=pix&udm=50', 'generativeAi'],
    ['https://chat.mistral.ai/chat', 'generativeAi'],
    ['https://www.perplexity.ai/', 'generativeAi'],
    ['https://mail.google.com/mail/u/0/', 'webmail'],
    ['https://outlook.live.com/mail/', 'webmail'],
    ['https://web.whatsapp.com/', 'messaging'],
    ['https://discord.com/channels/@me', 'messaging'],
    ['https://meet.google.com/abc-defg-hij', 'messaging'],
    ['https://www.instagram.com/', 'socialNetwork'],
    ['https://www.tiktok.com/', 'socialNetwork'],
    ['https://x.com/home', 'socialNetwork'],
    ['https://drive.google.com/drive/my-drive', 'fileSharing'],
    ['https://docs.google.com/document/d/1', 'fileSharing'],
    ['https://wetransfer.com/', 'fileSharing'],
    ['https://remotedesktop.google.com/access', 'remoteDesktop'],
    ['https://web.teamviewer.com/', 'remoteDesktop'],
  ])('blocks %s (%s)', (url, category) => {
    expect(evaluateUrl(url, createDefaultUrlPolicy(), top)).toMatchObject({
      allowed: false,
      reason: 'blockRule',
      category,
    });
  });

  it.each([
    ['https://fr.wikipedia.org/wiki/Pix'],
    ['https://www.google.fr/search?q=pix'],
    ['https://www.bing.com/search?q=pix'],
    ['https://www.youtube.com/watch?v=x'],
    ['https://www.legifrance.gouv.fr/'],
    ['https://gmail.fr.example.org/'],
    ['https://www.dropboxfans.example/'],
  ])('leaves the rest of the web open: %s', (url) => {
    expect(evaluateUrl(url, createDefaultUrlPolicy(), top)).toMatchObject({
      allowed: true,
      reason: 'defaultAllow',
    });
  });

  it('a centre can switch one rule off', () => {
    const policy = createDefaultUrlPolicy();
    const edited = {
      ...policy,
      rules: policy.rules.map((r) => (r.expression === 'linkedin.com' ? { ...r, active: false } : r)),
    };
    expect(evaluateUrl('https://www.linkedin.com/', policy, top).allowed).toBe(false);
    expect(evaluateUrl('https://www.linkedin.com/', edited, top).allowed).toBe(true);
  });
});

describe('demo sites', () => {
  it('are reachable through one allow rule, and nothing else is in demo mode', () => {
    const policy = createDemoUrlPolicy();
    expect(demoSitesAllowRule().expression).toBe(DEMO_SITES_DOMAIN);
    expect(evaluateUrl('https://meteo.pix-demo.test/', policy, top)).toMatchObject({
      allowed: true,
      rule: 'allow pix-demo.test',
    });
    expect(evaluateUrl('https://boutique.pix-demo.test/produits?id=3', policy, top).allowed).toBe(true);
    expect(evaluateUrl('https://fr.wikipedia.org/', policy, top)).toMatchObject({
      allowed: false,
      reason: 'defaultBlock',
    });
    expect(evaluateUrl('http://meteo.pix-demo.test/', policy, top).allowed).toBe(false);
  });

  it('can be added to a whitelist policy of a centre', () => {
    const policy = UrlPolicySchema.parse({
      rules: [{ action: 'allow', expression: 'fr.wikipedia.org' }, demoSitesAllowRule()],
    });
    expect(evaluateUrl('https://annuaire.pix-demo.test/a', policy, top).allowed).toBe(true);
  });
});
