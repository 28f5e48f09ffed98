// The settings port: what the rest of the station reads (the resolved settings and where each came
// from) and the one thing it may change (the user layer, within USER_SETTABLE_KEYS). The user layer's
// storage is a port too: electron-store in the Electron shell, a JSON file or memory elsewhere.
import type { StationSettingKey, StationSettings } from '../../../core/lockdown/station-settings.ts';
import { keepLockdownValues, untrustedLockdown } from './lockdown-trust.ts';
import { readSystemLayers, type SettingsSystemPorts } from './managed-sources.ts';
import {
  editableKeys,
  readLayer,
  resolveSettings,
  type RawLayer,
  type ResolvedSettings,
} from './resolve-settings.ts';

/** Where the user layer lives. */
export interface UserSettingsStore {
  /** Where it is (for problem reports). */
  readonly origin: string;
  read(): Record<string, unknown>;
  write(values: Record<string, unknown>): void;
}

export interface SettingsPort {
  current(): ResolvedSettings;
  /**
   * Re-reads every layer (IT may change a managed file while the station runs). Lockdown values IT set
   * that cannot be used now do not weaken those in force: the station keeps them (lockdown-trust.ts).
   */
  reload(): Promise<ResolvedSettings>;
  /** Changes user settings; refuses keys IT fixed or that only IT may set, and invalid values. */
  setUserValues(
    values: Partial<StationSettings>,
  ): { ok: true; settings: ResolvedSettings } | { ok: false; message: string };
  onChange(listener: (settings: ResolvedSettings) => void): () => void;
}

export class SettingsService implements SettingsPort {
  readonly #system: () => Promise<{ managed: RawLayer; machine: RawLayer }>;
  readonly #user: UserSettingsStore;
  #systemLayers: { managed: RawLayer; machine: RawLayer } = {
    managed: { status: 'absent' },
    machine: { status: 'absent' },
  };
  #resolved: ResolvedSettings;
  /** Set once the system layers were first read: before, the settings in force are only defaults. */
  #loaded = false;
  readonly #listeners = new Set<(settings: ResolvedSettings) => void>();

  private constructor(
    system: () => Promise<{ managed: RawLayer; machine: RawLayer }>,
    user: UserSettingsStore,
  ) {
    this.#system = system;
    this.#user = user;
    this.#resolved = this.#resolve();
  }

  static async open(options: {
    system: SettingsSystemPorts | (() => Promise<{ managed: RawLayer; machine: RawLayer }>);
    user: UserSettingsStore;
  }): Promise<SettingsService> {
    const system =
      typeof options.system === 'function'
        ? options.system
        : () => readSystemLayers(options.system as SettingsSystemPorts);
    const service = new SettingsService(system, options.user);
    await service.reload();
    return service;
  }

  #userLayer(): RawLayer {
    try {
      return { status: 'present', origin: this.#user.origin, values: this.#user.read() };
    } catch (error) {
      return {
        status: 'refused',
        origin: this.#user.origin,
        reason: `could not be read (${error instanceof Error ? error.message : 'error'})`,
      };
    }
  }

  /**
   * The layers resolved. Once the system layers were read, IT's lockdown values that cannot be used
   * never replace those in force (lockdown-trust.ts), whatever else changed.
   */
  #resolve(): ResolvedSettings {
    const next = resolveSettings({ ...this.#systemLayers, user: this.#userLayer() });
    return this.#loaded && untrustedLockdown(next).length > 0
      ? keepLockdownValues(next, this.#resolved)
      : next;
  }

  #publish(): void {
    for (const listener of this.#listeners) listener(this.#resolved);
  }

  current(): ResolvedSettings {
    return this.#resolved;
  }

  async reload(): Promise<ResolvedSettings> {
    this.#systemLayers = await this.#system();
    const before = JSON.stringify(this.#resolved.settings);
    this.#resolved = this.#resolve();
    this.#loaded = true;
    if (JSON.stringify(this.#resolved.settings) !== before) this.#publish();
    return this.#resolved;
  }

  setUserValues(
    values: Partial<StationSettings>,
  ): { ok: true; settings: ResolvedSettings } | { ok: false; message: string } {
    const editable = editableKeys(this.#resolved.sources);
    const refused = Object.keys(values).filter((key) => !editable.includes(key as StationSettingKey));
    if (refused.length > 0)
      return {
        ok: false,
        message: `these settings are fixed by IT or reserved to IT: ${refused.join(', ')}`,
      };
    const checked = readLayer('user', { status: 'present', origin: this.#user.origin, values });
    if (checked.problems.length > 0) {
      return {
        ok: false,
        message: checked.problems.map((p) => `${p.key ?? '(all)'}: ${p.message}`).join('; '),
      };
    }
    this.#user.write({ ...this.#user.read(), ...checked.values });
    this.#resolved = this.#resolve();
    this.#publish();
    return { ok: true, settings: this.#resolved };
  }

  onChange(listener: (settings: ResolvedSettings) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** A user store in memory (tests, the harness). */
export class MemoryUserSettingsStore implements UserSettingsStore {
  readonly origin = 'memory';
  #values: Record<string, unknown>;
  constructor(values: Record<string, unknown> = {}) {
    this.#values = { ...values };
  }
  read(): Record<string, unknown> {
    return { ...this.#values };
  }
  write(values: Record<string, unknown>): void {
    this.#values = { ...values };
  }
}
