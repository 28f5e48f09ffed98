// "Managed settings found and their source": where each layer was read from, which settings IT fixed,
// and anything refused. A station whose server address comes from nowhere, or from the candidate's own
// profile, is not ready for an exam.
import type { SelfCheckLine } from '../../../core/contracts/station-self-check.ts';
import { untrustedLockdown } from '../settings/lockdown-trust.ts';
import type { RawLayer, ResolvedSettings } from '../settings/resolve-settings.ts';
import { checkLine } from './self-check-line.ts';

export interface SettingsEvidence {
  resolved: ResolvedSettings;
  /** The managed and machine layers as read, for their origins (file path, registry key). */
  layers: { managed: RawLayer; machine: RawLayer };
}

const DOC = 'voir docs/it/reglages.md';

function layerKeys(name: string, resolved: ResolvedSettings): string[] {
  return Object.entries(resolved.sources)
    .filter(([, source]) => source === name)
    .map(([key]) => key);
}

function describeLayer(name: string, layer: RawLayer, resolved: ResolvedSettings): string | null {
  if (layer.status !== 'present') return null;
  const keys = layerKeys(name, resolved);
  return `${name === 'managed' ? 'gérés' : 'machine'} : ${layer.origin} (${keys.length > 0 ? keys.join(', ') : 'aucune valeur retenue'})`;
}

/** Where the managed and machine layers were read from and what they set, for the screens to word. */
function layerParams(layers: SettingsEvidence['layers'], resolved: ResolvedSettings) {
  const { managed, machine } = layers;
  return {
    ...(managed.status === 'present'
      ? { managed: managed.origin, managedKeys: layerKeys('managed', resolved).join(', ') }
      : {}),
    ...(machine.status === 'present'
      ? { machine: machine.origin, machineKeys: layerKeys('machine', resolved).join(', ') }
      : {}),
  };
}

export function checkSettings({ resolved, layers }: SettingsEvidence): SelfCheckLine {
  const found = [
    describeLayer('managed', layers.managed, resolved),
    describeLayer('machine', layers.machine, resolved),
  ].filter((text): text is string => text !== null);
  const foundParams = layerParams(layers, resolved);
  const refused = resolved.problems.filter((p) => p.layer !== 'user' && p.key === null);
  if (refused.length > 0) {
    const [first] = refused;
    return checkLine(
      'settings',
      'failure',
      {
        code: 'settings.fileRefused',
        params: { origin: first?.origin ?? '', problem: first?.message ?? '' },
      },
      `fichier de réglages ignoré : ${first?.origin} ${first?.message}`,
      `Corrigez le fichier (propriétaire administrateur, non modifiable par les autres comptes, JSON valide), ${DOC}.`,
    );
  }
  if (resolved.settings.serverUrl === null) {
    const action = `Indiquez serverUrl (adresse du serveur de certification du centre) dans les réglages gérés, ${DOC}.`;
    return found.length > 0
      ? checkLine(
          'settings',
          'failure',
          { code: 'settings.noServerUrl', params: foundParams },
          `pas d’adresse de serveur (serverUrl) ; ${found.join(' ; ')}`,
          action,
        )
      : checkLine(
          'settings',
          'failure',
          { code: 'settings.nothingFound', params: {} },
          'aucun réglage trouvé',
          action,
        );
  }
  const badValues = resolved.problems.filter((p) => p.key !== null && p.layer !== 'user');
  if (badValues.length > 0) {
    // An invalid lockdown value IT meant to set falls back to a weaker default (the shipped block list
    // for an allow-list with one bad rule, no invigilator code, `cover` for `refuse`): not ready, and
    // the station does not start (lockdown-trust.ts says which values count).
    const lockdown = untrustedLockdown(resolved).filter((p) => p.key !== null);
    const shown = lockdown.length > 0 ? lockdown : badValues;
    const list = shown.map((p) => `${p.key} (${p.message})`).join(' ; ');
    const origin = shown[0]?.origin ?? '';
    return lockdown.length > 0
      ? checkLine(
          'settings',
          'failure',
          { code: 'settings.badLockdownValues', params: { values: list, origin } },
          `réglages de verrouillage invalides, remplacés par les valeurs par défaut : ${list}`,
          `Corrigez ces valeurs dans ${origin} avant l’épreuve : la valeur par défaut est moins stricte que celle voulue, ${DOC}.`,
        )
      : checkLine(
          'settings',
          'warning',
          { code: 'settings.badValues', params: { values: list, origin } },
          `valeurs ignorées : ${list}`,
          `Corrigez ces valeurs dans ${origin}, ${DOC}.`,
        );
  }
  if (found.length === 0) {
    return checkLine(
      'settings',
      'warning',
      { code: 'settings.noSystemSettings', params: { source: resolved.sources.serverUrl } },
      `aucun réglage géré ni machine : serverUrl vient de la source « ${resolved.sources.serverUrl} »`,
      `Déployez les réglages par stratégie (Windows), /etc/pix-certification (Linux) ou profil géré (macOS), ${DOC}.`,
    );
  }
  if (resolved.sources.serverUrl === 'user') {
    return checkLine(
      'settings',
      'warning',
      { code: 'settings.userServerUrl', params: foundParams },
      `l’adresse du serveur vient du profil du compte (modifiable par lui) ; ${found.join(' ; ')}`,
      `Fixez serverUrl dans les réglages gérés, ${DOC}.`,
    );
  }
  return checkLine('settings', 'ok', { code: 'settings.ok', params: foundParams }, found.join(' ; '));
}
