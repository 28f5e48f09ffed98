// "Number of displays against the rule": the centre's extraDisplays rule applied as the kiosk applies it
// (main/station/lockdown/display-rule.ts). Outside Electron the displays cannot be counted: skipped.
import type { SelfCheckLine } from '../../../core/contracts/station-self-check.ts';
import type { ExtraDisplayRule } from '../../../core/lockdown/station-settings.ts';
import { describeDisplay, evaluateDisplays, type DisplayInfo } from '../lockdown/display-rule.ts';
import { checkLine } from './self-check-line.ts';

export interface DisplaySnapshot {
  displays: DisplayInfo[];
  primaryId: number;
}

export function checkDisplays(snapshot: DisplaySnapshot | null, rule: ExtraDisplayRule): SelfCheckLine {
  if (!snapshot) {
    return checkLine(
      'displays',
      'skipped',
      'non mesurable hors de l’application : lancez la vérification depuis la station (--check ou « Vérifier ce poste »)',
    );
  }
  const verdict = evaluateDisplays(snapshot.displays, snapshot.primaryId, rule);
  if (!verdict) {
    return checkLine('displays', 'failure', 'aucun écran détecté', 'Branchez un écran et allumez-le.');
  }
  const count = snapshot.displays.length;
  const ruleText = rule === 'cover' ? 'règle : écrans en plus couverts' : 'règle : écrans en plus refusés';
  if (!verdict.ok) {
    return checkLine(
      'displays',
      'failure',
      `${count} écrans (${ruleText}) : l’examen serait refusé`,
      `${verdict.message} (Ou choisissez extraDisplays: "cover" dans les réglages gérés.)`,
    );
  }
  if (verdict.cover.length > 0 || verdict.mirrors.length > 0) {
    const extra = [...verdict.cover, ...verdict.mirrors].map(describeDisplay).join(', ');
    return checkLine(
      'displays',
      'warning',
      `${count} écrans (${ruleText}) : ${extra} ${verdict.mirrors.length > 0 ? 'recopie l’écran d’examen (signalé au surveillant)' : 'sera couvert d’un écran vide'}`,
      'Débranchez les écrans en plus si possible : le surveillant voit moins bien ce qu’ils affichent.',
    );
  }
  return checkLine('displays', 'ok', `1 écran : ${describeDisplay(verdict.exam)} (${ruleText})`);
}
