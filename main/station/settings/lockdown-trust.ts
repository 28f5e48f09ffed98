// Lockdown settings IT meant to set but the station could not use: a managed or machine file it
// refused (writable by the candidate's account, not JSON…) or an invalid value of a setting whose
// default is less strict than what IT may have meant (the shipped block list for an allow-list with one
// bad rule, no invigilator code, `cover` for `refuse`). A station in that state is not trusted with a
// candidate: it does not start (the kiosk shows why), and a reload while it runs keeps the lockdown
// values in force instead of weakening them mid-test. The self-check (`--check`) says the same to IT.
import type { StationSettingKey } from '../../../core/lockdown/station-settings.ts';
import type { ResolvedSettings, SettingsProblem } from './resolve-settings.ts';

export const LOCKDOWN_SETTING_KEYS: readonly StationSettingKey[] = [
  'urlPolicy',
  'processDenyList',
  'invigilatorCodeHash',
  'extraDisplays',
];

const LOCKDOWN_KEYS: ReadonlySet<string> = new Set(LOCKDOWN_SETTING_KEYS);

/**
 * A bad value of a lockdown setting, or a whole IT layer refused (it may have held some). A bad value
 * in the machine layer under a valid managed one is overridden anyway: it weakens nothing.
 */
export function untrustedLockdown(
  resolved: Pick<ResolvedSettings, 'problems'> & Partial<Pick<ResolvedSettings, 'sources'>>,
): SettingsProblem[] {
  return resolved.problems.filter(
    (p) =>
      p.layer !== 'user' &&
      (p.key === null ||
        (LOCKDOWN_KEYS.has(p.key) &&
          !(p.layer === 'machine' && resolved.sources?.[p.key as StationSettingKey] === 'managed'))),
  );
}

/** `next`, with the lockdown values (and their sources) of `inForce`. */
export function keepLockdownValues(next: ResolvedSettings, inForce: ResolvedSettings): ResolvedSettings {
  const settings = { ...next.settings };
  const sources = { ...next.sources };
  for (const key of LOCKDOWN_SETTING_KEYS) {
    (settings as Record<StationSettingKey, unknown>)[key] = inForce.settings[key];
    sources[key] = inForce.sources[key];
  }
  return { settings, sources, problems: next.problems };
}

/** Thrown at start when IT's lockdown settings cannot be used: the kiosk shows the failure page. */
export class LockdownSettingsError extends Error {
  readonly code = 'LOCKDOWN_SETTINGS_INVALID';
  readonly problems: readonly SettingsProblem[];
  constructor(problems: readonly SettingsProblem[]) {
    super(
      `lockdown settings not usable: ${problems
        .map((p) => `${p.origin} ${p.key ?? '(whole file)'}: ${p.message}`)
        .join('; ')}`,
    );
    this.name = 'LockdownSettingsError';
    this.problems = problems;
  }
}

/** Throws when IT's lockdown settings cannot be used. */
export function assertLockdownTrusted(
  resolved: Pick<ResolvedSettings, 'problems'> & Partial<Pick<ResolvedSettings, 'sources'>>,
): void {
  const untrusted = untrustedLockdown(resolved);
  if (untrusted.length > 0) throw new LockdownSettingsError(untrusted);
}
