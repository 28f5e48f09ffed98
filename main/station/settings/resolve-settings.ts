// Settings precedence: managed (IT policy, the candidate cannot change it) > machine (installed for all
// accounts by IT) > user (the station's own store) > defaults. Each setting is taken whole from the
// highest layer that has a valid value: a URL policy is never merged rule by rule, so what IT deploys
// is exactly what applies. A bad value is reported and skipped alone; the rest of its layer still counts.
import {
  defaultStationSettings,
  STATION_SETTING_FIELDS,
  STATION_SETTING_KEYS,
  USER_SETTABLE_KEYS,
  type StationSettingKey,
  type StationSettings,
  type StationSettingsLayer,
} from '../../../core/lockdown/station-settings.ts';
import { describeIssues } from '../../../core/validation/describe-issues.ts';

export const SETTINGS_LAYERS = ['managed', 'machine', 'user'] as const;
export type SettingsLayerName = (typeof SETTINGS_LAYERS)[number];
export type SettingsSource = SettingsLayerName | 'default';

export interface SettingsProblem {
  layer: SettingsLayerName;
  /** Where the layer was read from (a file path, a registry key). */
  origin: string;
  key: string | null;
  message: string;
}

export interface ResolvedSettings {
  settings: StationSettings;
  /** Where each value came from: the settings screen shows managed ones as locked. */
  sources: Record<StationSettingKey, SettingsSource>;
  problems: SettingsProblem[];
}

/** A layer as read: its raw content (parsed JSON, registry values), or why it could not be used. */
export type RawLayer =
  | { status: 'absent' }
  | { status: 'present'; origin: string; values: unknown }
  | { status: 'refused'; origin: string; reason: string };

/** Checks one raw layer value by value; keeps what is valid and says what is not. */
export function readLayer(
  layer: SettingsLayerName,
  raw: RawLayer,
): { values: StationSettingsLayer; problems: SettingsProblem[] } {
  if (raw.status === 'absent') return { values: {}, problems: [] };
  if (raw.status === 'refused') {
    return { values: {}, problems: [{ layer, origin: raw.origin, key: null, message: raw.reason }] };
  }
  const problems: SettingsProblem[] = [];
  const problem = (key: string | null, message: string) =>
    problems.push({ layer, origin: raw.origin, key, message });
  if (typeof raw.values !== 'object' || raw.values === null || Array.isArray(raw.values)) {
    problem(null, 'the settings must be a JSON object');
    return { values: {}, problems };
  }
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw.values)) {
    if (key === '$schema' || key === '$comment') continue;
    if (!(STATION_SETTING_KEYS as readonly string[]).includes(key)) {
      problem(key, 'unknown setting (ignored)');
      continue;
    }
    const settingKey = key as StationSettingKey;
    if (layer === 'user' && !USER_SETTABLE_KEYS.includes(settingKey)) {
      problem(
        key,
        'only IT can set this (managed or machine settings); the value in the user store is ignored',
      );
      continue;
    }
    const parsed = STATION_SETTING_FIELDS[settingKey].safeParse(value);
    if (parsed.success) values[key] = parsed.data;
    else problem(key, describeIssues(parsed.error));
  }
  return { values: values as StationSettingsLayer, problems };
}

/** Resolves the layers into the settings in force. */
export function resolveSettings(layers: Partial<Record<SettingsLayerName, RawLayer>>): ResolvedSettings {
  const settings = defaultStationSettings();
  const sources = Object.fromEntries(STATION_SETTING_KEYS.map((k) => [k, 'default'])) as Record<
    StationSettingKey,
    SettingsSource
  >;
  const problems: SettingsProblem[] = [];
  // Lowest first, so each higher layer overwrites what it sets.
  for (const layer of [...SETTINGS_LAYERS].reverse()) {
    const read = readLayer(layer, layers[layer] ?? { status: 'absent' });
    problems.push(...read.problems);
    for (const key of STATION_SETTING_KEYS) {
      if (key in read.values) {
        (settings as Record<StationSettingKey, unknown>)[key] = read.values[key];
        sources[key] = layer;
      }
    }
  }
  return { settings, sources, problems };
}

/** The keys the user layer may change now: user-settable and not fixed by IT. */
export function editableKeys(sources: Record<StationSettingKey, SettingsSource>): StationSettingKey[] {
  return USER_SETTABLE_KEYS.filter((key) => sources[key] === 'user' || sources[key] === 'default');
}
