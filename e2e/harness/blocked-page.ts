// The page the harness's challenge browser shows in place of an address the URL policy refuses.
// Calm, in the candidate's words: what happened and what to do next.
import { URL_RULE_CATEGORY_LABELS } from '../../core/lockdown/default-block-list.ts';
import type { UrlDecision } from '../../core/lockdown/url-policy.ts';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function blockedReason(decision: UrlDecision): string {
  if (decision.category)
    return `site bloqué pendant la certification (${URL_RULE_CATEGORY_LABELS[decision.category].fr})`;
  switch (decision.reason) {
    case 'forbiddenScheme':
    case 'schemeNotAllowed':
    case 'topLevelData':
      return 'ce type d’adresse ne peut pas être ouvert pendant la certification';
    case 'invalidUrl':
      return 'cette adresse n’est pas valide';
    default:
      return 'site non autorisé pendant la certification';
  }
}

export function blockedPageHtml(url: string, decision: UrlDecision): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Page bloquée</title>
<style>
  body { font: 18px/1.5 system-ui, sans-serif; color: #1b1f3a; background: #f4f6fb; margin: 0; }
  main { max-width: 36rem; margin: 3rem auto; padding: 1.5rem 2rem; background: #fff;
         border-left: 6px solid #8a4b00; border-radius: 8px; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  code { word-break: break-all; }
</style></head>
<body><main>
  <h1>Cette page est bloquée</h1>
  <p><strong>Raison :</strong> ${escape(blockedReason(decision))}.</p>
  <p>Adresse demandée : <code>${escape(url.slice(0, 300))}</code></p>
  <p>Revenez en arrière ou utilisez un autre site. Si vous pensez que cette page est nécessaire pour
  répondre, cliquez sur « Signaler un problème » sous la question.</p>
</main></body></html>`;
}
