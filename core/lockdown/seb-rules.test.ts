import { describe, expect, it } from 'vitest';
import { fromSebUrlFilterRules } from './seb-rules.ts';
import { evaluateUrl, UrlPolicySchema } from './url-policy.ts';

describe('rules imported from a Safe Exam Browser configuration', () => {
  it('maps action 0 to block and 1 to allow, and keeps active and regex', () => {
    const { rules, problems } = fromSebUrlFilterRules([
      { active: true, action: 1, expression: 'moodle.lycee.example', regex: false },
      { active: false, action: 0, expression: 'moodle.lycee.example/message*', regex: false },
      { active: true, action: 0, expression: 'forum', regex: true },
    ]);
    expect(problems).toEqual([]);
    expect(rules).toEqual([
      { active: true, action: 'allow', expression: 'moodle.lycee.example', regex: false },
      { active: false, action: 'block', expression: 'moodle.lycee.example/message*', regex: false },
      { active: true, action: 'block', expression: 'forum', regex: true },
    ]);
    const policy = UrlPolicySchema.parse({ rules });
    expect(evaluateUrl('https://moodle.lycee.example/course/1', policy, { topLevel: true }).allowed).toBe(
      true,
    );
    expect(evaluateUrl('https://moodle.lycee.example/forum/1', policy, { topLevel: true }).allowed).toBe(
      false,
    );
    expect(evaluateUrl('https://other.example/', policy, { topLevel: true }).allowed).toBe(false);
  });

  it('names each rule it cannot use and keeps the others', () => {
    const { rules, problems } = fromSebUrlFilterRules([
      { active: true, action: 2, expression: 'a.example' },
      { active: true, action: 0, expression: '(unclosed', regex: true },
      { active: true, action: 0, expression: 'b.example' },
    ]);
    expect(rules.map((r) => r.expression)).toEqual(['b.example']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^rule 1: action/);
    expect(problems[1]).toMatch(
      /^rule 2 \(\(unclosed\): expression: the regular expression does not compile/,
    );
    expect(fromSebUrlFilterRules({}).problems).toEqual(['URLFilterRules must be a list of rules']);
  });
});
