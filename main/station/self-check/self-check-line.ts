// One line of the self-check: what was checked (a fixed French title per check), what was found and,
// when it is not ok, what to do. French: the self-check speaks to IT staff and referents in France.
// What was found also travels as a code and its parameters (core/contracts/station-self-check-codes.ts),
// from which the screens word the line in their own language.
import type { SelfCheckFinding, SelfCheckParams } from '../../../core/contracts/station-self-check-codes.ts';
import type {
  SelfCheckId,
  SelfCheckLine,
  SelfCheckStatus,
} from '../../../core/contracts/station-self-check.ts';

export const SELF_CHECK_TITLES: Record<SelfCheckId, string> = {
  settings: 'Réglages gérés par l’informatique',
  server: 'Serveur de certification joignable',
  tls: 'Connexion sécurisée (TLS)',
  clock: 'Horloge du poste',
  version: 'Version de la station acceptée par le serveur',
  enrollment: 'Inscription du poste auprès du centre',
  displays: 'Écrans branchés',
  disk: 'Espace disque libre',
  journal: 'Journal des réponses (écriture durable)',
  browser: 'Navigateur d’épreuve : sites du centre',
};

const MAX_DETAIL = 500;

function clip(text: string): string {
  return text.length <= MAX_DETAIL ? text : `${text.slice(0, MAX_DETAIL - 1)}…`;
}

export function checkLine(
  id: SelfCheckId,
  status: SelfCheckStatus,
  { code, params }: SelfCheckFinding,
  detail: string,
  action: string | null = null,
): SelfCheckLine {
  return {
    id,
    status,
    title: SELF_CHECK_TITLES[id],
    detail: clip(detail),
    action: status === 'ok' || action === null ? null : clip(action),
    code,
    params: cleanParams(params),
  };
}

/** The parameters as they travel: absent ones left out, texts clipped like the detail. */
function cleanParams(params: object): SelfCheckParams {
  const out: SelfCheckParams = {};
  for (const [name, value] of Object.entries(params) as [string, unknown][]) {
    if (typeof value === 'string') out[name] = clip(value);
    else if (typeof value === 'number' && Number.isFinite(value)) out[name] = value;
  }
  return out;
}

/** A measure kept to one decimal in the parameters (the screens format it for their language). */
export function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/** "3,2 ms", "1,5 Go": numbers as a French reader writes them. */
export function frenchNumber(value: number, digits = 1): string {
  return value.toLocaleString('fr-FR', { maximumFractionDigits: digits });
}
