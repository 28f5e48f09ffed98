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

/** A display as the screens show it in any language: "DELL U2419H (1920×1080)", or its size alone. */
export function displayName(display: DisplayInfo): string {
  const size = `${display.bounds.width}×${display.bounds.height}`;
  return display.label ? `${display.label} (${size})` : size;
}

export function checkDisplays(snapshot: DisplaySnapshot | null, rule: ExtraDisplayRule): SelfCheckLine {
  if (!snapshot) {
    return checkLine(
      'displays',
      'skipped',
      { code: 'displays.notMeasurable', params: {} },
      'non mesurable hors de l’application : lancez la vérification depuis la station (--check ou « Vérifier ce poste »)',
    );
  }
  const verdict = evaluateDisplays(snapshot.displays, snapshot.primaryId, rule);
  if (!verdict) {
    return checkLine(
      'displays',
      'failure',
      { code: 'displays.none', params: {} },
      'aucun écran détecté',
      'Branchez un écran et allumez-le.',
    );
  }
  const count = snapshot.displays.length;
  const ruleText = rule === 'cover' ? 'règle : écrans en plus couverts' : 'règle : écrans en plus refusés';
  if (!verdict.ok) {
    const offending = verdict.offending.map(displayName).join(', ');
    return checkLine(
      'displays',
      'failure',
      {
        code: verdict.reason === 'extraDisplays' ? 'displays.extraRefused' : 'displays.mirrorRefused',
        params: { count, rule, offending },
      },
      `${count} écrans (${ruleText}) : l’examen serait refusé`,
      `${verdict.message} (Ou choisissez extraDisplays: "cover" dans les réglages gérés.)`,
    );
  }
  if (verdict.cover.length > 0 || verdict.mirrors.length > 0) {
    const others = [...verdict.cover, ...verdict.mirrors];
    const mirrored = verdict.mirrors.length > 0;
    return checkLine(
      'displays',
      'warning',
      {
        code: mirrored ? 'displays.mirrored' : 'displays.covered',
        params: { count, rule, extra: others.map(displayName).join(', ') },
      },
      `${count} écrans (${ruleText}) : ${others.map(describeDisplay).join(', ')} ${mirrored ? 'recopie l’écran d’examen (signalé au surveillant)' : 'sera couvert d’un écran vide'}`,
      'Débranchez les écrans en plus si possible : le surveillant voit moins bien ce qu’ils affichent.',
    );
  }
  return checkLine(
    'displays',
    'ok',
    { code: 'displays.ok', params: { display: displayName(verdict.exam), rule } },
    `1 écran : ${describeDisplay(verdict.exam)} (${ruleText})`,
  );
}
