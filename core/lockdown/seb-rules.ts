// Centres that already filter with Safe Exam Browser can bring their rules: SEB's configuration keeps
// them as `URLFilterRules`, each `{ active, action, expression, regex }` with action 0 = block and
// 1 = allow. This turns them into station rules, naming each rule that cannot be used.
import { z } from 'zod';
import { describeIssues } from '../validation/describe-issues.ts';
import { UrlRuleSchema, type UrlRule } from './url-rule.ts';

const SebRuleSchema = z.looseObject({
  active: z.boolean().default(true),
  action: z.union([z.literal(0), z.literal(1), z.enum(['block', 'allow'])]),
  expression: z.string(),
  regex: z.boolean().default(false),
});

export function fromSebUrlFilterRules(input: unknown): { rules: UrlRule[]; problems: string[] } {
  if (!Array.isArray(input)) return { rules: [], problems: ['URLFilterRules must be a list of rules'] };
  const rules: UrlRule[] = [];
  const problems: string[] = [];
  input.forEach((raw, index) => {
    const seb = SebRuleSchema.safeParse(raw);
    if (!seb.success) {
      problems.push(`rule ${index + 1}: ${describeIssues(seb.error)}`);
      return;
    }
    const { active, action, expression, regex } = seb.data;
    const rule = UrlRuleSchema.safeParse({
      active,
      action: action === 0 || action === 'block' ? 'block' : 'allow',
      expression,
      regex,
    });
    if (rule.success) rules.push(rule.data);
    else problems.push(`rule ${index + 1} (${expression}): ${describeIssues(rule.error)}`);
  });
  return { rules, problems };
}
