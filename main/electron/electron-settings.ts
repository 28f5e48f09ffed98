// Settings in the Electron shell: the managed and machine layers read and checked by the plain-Node
// settings code, the user layer kept by electron-store in the app's user-data folder.
import Store from 'electron-store';
import { nodeSettingsPorts } from '../station/settings/node-ports.ts';
import { SettingsService, type UserSettingsStore } from '../station/settings/settings-service.ts';

class ElectronUserSettingsStore implements UserSettingsStore {
  readonly #store = new Store<Record<string, unknown>>({
    name: 'station-settings',
    clearInvalidConfig: false,
  });
  get origin(): string {
    return this.#store.path;
  }
  read(): Record<string, unknown> {
    return { ...this.#store.store };
  }
  write(values: Record<string, unknown>): void {
    this.#store.store = values;
  }
}

export function openElectronSettings(): Promise<SettingsService> {
  return SettingsService.open({ system: nodeSettingsPorts(), user: new ElectronUserSettingsStore() });
}
