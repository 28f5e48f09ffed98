// One line of the self-check: what was checked (a fixed French title per check), what was found and,
// when it is not ok, what to do. French: the self-check speaks to IT staff and referents in France.
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
  detail: string,
  action: string | null = null,
): SelfCheckLine {
  return {
    id,
    status,
    title: SELF_CHECK_TITLES[id],
    detail: clip(detail),
    action: status === 'ok' || action === null ? null : clip(action),
  };
}

/** "3,2 ms", "1,5 Go": numbers as a French reader writes them. */
export function frenchNumber(value: number, digits = 1): string {
  return value.toLocaleString('fr-FR', { maximumFractionDigits: digits });
}
