// Automated accessibility checks with axe-core on the screen as it is now: every rule axe runs by
// default (WCAG A and AA, best practices); a scenario fails on any violation, with what and where.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  screen: string;
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export async function axeViolations(page: Page, screen: string): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => ({
    screen,
    rule: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .map(
      (f) =>
        `[${f.screen}] ${f.rule} (${f.impact ?? 'n/a'}): ${f.help} → ${f.targets.slice(0, 4).join(', ')}`,
    )
    .join('\n');
}
