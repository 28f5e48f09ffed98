// "The challenge browser reaching the centre's test URLs through the policy": the addresses the centre
// opens to candidates (the browser's home page and the allow rules that name one site) must pass the
// URL policy and answer from this machine; and a few addresses that have no place in an exam must stay
// blocked. The probe goes through the challenge browser's own network stack in Electron (session with
// the system proxy, demo sites served by the server), and through Node with the same policy elsewhere.
import type { SelfCheckLine } from '../../../core/contracts/station-self-check.ts';
import { DEMO_SITES_DOMAIN, demoSitesAllowRule } from '../../../core/lockdown/default-block-list.ts';
import type { StationSettings } from '../../../core/lockdown/station-settings.ts';
import { evaluateUrl, parseWildcardExpression, type UrlPolicy } from '../../../core/lockdown/url-policy.ts';
import { checkLine } from './self-check-line.ts';

export type UrlProbe = (
  url: string,
) => Promise<{ ok: true; status: number } | { ok: false; message: string }>;

/** At most this many addresses are tried (a long allow list is sampled from its start). */
export const MAX_TEST_URLS = 6;
/** Must stay blocked whatever the centre allows (the shipped list's best-known entries). */
export const FORBIDDEN_SAMPLES = ['https://chatgpt.com/', 'https://mail.google.com/'];

/** The policy the challenge browser applies: the centre's, plus the demo sites in demo mode. */
export function challengePolicy(settings: StationSettings): UrlPolicy {
  if (!settings.demoMode) return settings.urlPolicy;
  return { ...settings.urlPolicy, rules: [...settings.urlPolicy.rules, demoSitesAllowRule()] };
}

/** A concrete address for an allow rule that names one site, or null (regex, wildcard host, demo domain). */
function ruleUrl(expression: string): string | null {
  const parsed = parseWildcardExpression(expression);
  if (!parsed.ok) return null;
  const { scheme, host, port, path } = parsed.parts;
  const bare = host.replace(/^\./, '');
  if (bare.includes('*') || bare === DEMO_SITES_DOMAIN || !bare.includes('.')) return null;
  if (port === '*') return null;
  const protocol = scheme === 'http' ? 'http' : 'https';
  let pathname = path ?? '/';
  const star = pathname.indexOf('*');
  if (star >= 0) pathname = pathname.slice(0, pathname.lastIndexOf('/', star) + 1) || '/';
  return `${protocol}://${bare}${port ? `:${port}` : ''}${pathname.startsWith('/') ? pathname : `/${pathname}`}`;
}

/** The centre's test addresses, home page first. */
export function centreTestUrls(settings: StationSettings): string[] {
  const urls = [
    ...(settings.browserHomeUrl ? [settings.browserHomeUrl] : []),
    ...settings.urlPolicy.rules
      .filter((rule) => rule.active && rule.action === 'allow' && !rule.regex)
      .map((rule) => ruleUrl(rule.expression))
      .filter((url): url is string => url !== null),
  ];
  return [...new Set(urls)].slice(0, MAX_TEST_URLS);
}

export async function checkChallengeBrowser(
  settings: StationSettings,
  probe: UrlProbe,
): Promise<SelfCheckLine> {
  const policy = challengePolicy(settings);
  const leaks = FORBIDDEN_SAMPLES.filter((url) => evaluateUrl(url, policy, { topLevel: true }).allowed);
  const urls = centreTestUrls(settings);
  const results = await Promise.all(
    urls.map(async (url): Promise<UrlOutcome> => {
      const decision = evaluateUrl(url, policy, { topLevel: true });
      if (!decision.allowed)
        return { url, outcome: 'blocked', status: 'failure', text: `${url} bloquée par le filtrage` };
      const answer = await probe(url);
      if (!answer.ok) {
        return {
          url: `${url} (${answer.message})`,
          outcome: 'unreachable',
          status: 'failure',
          text: `${url} injoignable (${answer.message})`,
        };
      }
      return answer.status < 500
        ? {
            url: `${url} (${answer.status})`,
            outcome: 'reached',
            status: 'ok',
            text: `${url} (${answer.status})`,
          }
        : {
            url: `${url} (${answer.status})`,
            outcome: 'erroring',
            status: 'warning',
            text: `${url} répond ${answer.status}`,
          };
    }),
  );
  const leakText = leaks.length > 0 ? ` ; non bloqués : ${leaks.join(', ')}` : '';
  if (results.length === 0) {
    const detail = `aucune adresse d’épreuve à essayer (ni browserHomeUrl, ni règle « allow » nommant un site)${leakText}`;
    return leaks.length > 0
      ? checkLine(
          'browser',
          'warning',
          { code: 'browser.noUrlsLeaks', params: { leaks: leaks.join(', ') } },
          detail,
          LEAK_ACTION,
        )
      : checkLine('browser', 'skipped', { code: 'browser.noUrls', params: {} }, detail);
  }
  const detail = `${results.map((r) => r.text).join(' ; ')}${leakText}`;
  const params = urlParams(results, leaks);
  if (results.some((r) => r.status === 'failure')) {
    const blocked = results.some((r) => r.outcome === 'blocked');
    return checkLine(
      'browser',
      'failure',
      { code: blocked ? 'browser.blocked' : 'browser.unreachable', params },
      detail,
      blocked
        ? 'Ajoutez une règle « allow » pour ces adresses dans urlPolicy (docs/lockdown/configuration.md).'
        : 'Autorisez ces sites dans le pare-feu et le proxy de l’établissement pour ce poste.',
    );
  }
  if (leaks.length > 0) {
    return checkLine('browser', 'warning', { code: 'browser.leaks', params }, detail, LEAK_ACTION);
  }
  if (results.some((r) => r.status === 'warning')) {
    return checkLine(
      'browser',
      'warning',
      { code: 'browser.erroring', params },
      detail,
      'Vérifiez ces sites : ils répondent par une erreur.',
    );
  }
  return checkLine('browser', 'ok', { code: 'browser.ok', params }, detail);
}

interface UrlOutcome {
  /** The address, with the answer's status or the reason it got none. */
  url: string;
  outcome: 'reached' | 'blocked' | 'unreachable' | 'erroring';
  status: 'ok' | 'warning' | 'failure';
  /** French, for the log. */
  text: string;
}

/** The addresses by outcome, each list comma-separated and left out when empty. */
function urlParams(results: readonly UrlOutcome[], leaks: readonly string[]) {
  const list = (outcome: UrlOutcome['outcome']) =>
    results
      .filter((r) => r.outcome === outcome)
      .map((r) => r.url)
      .join(', ');
  const lists = {
    reached: list('reached'),
    blocked: list('blocked'),
    unreachable: list('unreachable'),
    erroring: list('erroring'),
    leaks: leaks.join(', '),
  };
  return Object.fromEntries(Object.entries(lists).filter(([, text]) => text !== '')) as Partial<typeof lists>;
}

const LEAK_ACTION =
  'Le filtrage laisse passer des sites interdits pendant l’examen : reprenez la liste de blocage livrée dans urlPolicy (docs/lockdown/configuration.md).';
