import { describe, expect, it } from 'vitest';
import type { RawLayer } from './resolve-settings.ts';
import { MemoryUserSettingsStore, SettingsService } from './settings-service.ts';

function system(managed: unknown = null, machine: unknown = null) {
  const layer = (values: unknown): RawLayer =>
    values === null ? { status: 'absent' } : { status: 'present', origin: 'x', values };
  let current = { managed: layer(managed), machine: layer(machine) };
  return {
    read: async () => current,
    set: (m: unknown, mc: unknown = null) => (current = { managed: layer(m), machine: layer(mc) }),
  };
}

describe('SettingsService', () => {
  it('resolves the layers at open and lets the user change only what IT left open', async () => {
    const sys = system({ serverUrl: 'https://it.example' });
    const user = new MemoryUserSettingsStore({ stationName: 'poste 1' });
    const service = await SettingsService.open({ system: sys.read, user });
    expect(service.current().settings).toMatchObject({
      serverUrl: 'https://it.example',
      stationName: 'poste 1',
    });

    expect(service.setUserValues({ serverUrl: 'https://elsewhere.example' })).toEqual({
      ok: false,
      message: 'these settings are fixed by IT or reserved to IT: serverUrl',
    });
    expect(service.setUserValues({ extraDisplays: 'cover' }).ok).toBe(false);
    expect(service.setUserValues({ stationName: '' }).ok).toBe(false);
    const changed = service.setUserValues({ stationName: 'Salle B - 3' });
    expect(changed.ok && changed.settings.settings.stationName).toBe('Salle B - 3');
    expect(user.read()).toEqual({ stationName: 'Salle B - 3' });
  });

  it('tells listeners when a reload changes the settings, and only then', async () => {
    const sys = system({ extraDisplays: 'cover' });
    const service = await SettingsService.open({ system: sys.read, user: new MemoryUserSettingsStore() });
    const seen: string[] = [];
    service.onChange((s) => seen.push(s.settings.extraDisplays));
    await service.reload();
    sys.set({ extraDisplays: 'refuse' });
    await service.reload();
    expect(seen).toEqual(['refuse']);
  });

  it('keeps the lockdown values in force when IT’s new ones cannot be used, and takes the rest', async () => {
    const sys = system({ extraDisplays: 'refuse', serverUrl: 'https://a.example' });
    const user = new MemoryUserSettingsStore();
    const service = await SettingsService.open({ system: sys.read, user });
    // A typo in the policy while a test runs: `cover` (the default) would be less strict than `refuse`.
    sys.set({ extraDisplays: 'refus', serverUrl: 'https://b.example' });
    const reloaded = await service.reload();
    expect(reloaded.settings).toMatchObject({ extraDisplays: 'refuse', serverUrl: 'https://b.example' });
    expect(reloaded.sources.extraDisplays).toBe('managed');
    expect(reloaded.problems).toEqual([expect.objectContaining({ layer: 'managed', key: 'extraDisplays' })]);
    // Nor does a user change in between.
    expect(service.setUserValues({ stationName: 'Poste 4' }).ok).toBe(true);
    expect(service.current().settings).toMatchObject({ extraDisplays: 'refuse', stationName: 'Poste 4' });
    // Corrected: taken at once.
    sys.set({ extraDisplays: 'cover', serverUrl: 'https://b.example' });
    expect((await service.reload()).settings.extraDisplays).toBe('cover');
  });

  it('opens on the defaults when IT’s lockdown values are invalid from the start (the station then refuses to start)', async () => {
    const sys = system({ extraDisplays: 'refus', invigilatorCodeHash: 'not a hash' });
    const service = await SettingsService.open({ system: sys.read, user: new MemoryUserSettingsStore() });
    expect(service.current().settings).toMatchObject({ extraDisplays: 'cover', invigilatorCodeHash: null });
    expect(service.current().problems.map((p) => p.key)).toEqual(['extraDisplays', 'invigilatorCodeHash']);
  });

  it('reports an unreadable user store instead of failing', async () => {
    const broken = {
      origin: 'user.json',
      read: () => {
        throw new Error('EACCES');
      },
      write: () => {},
    };
    const service = await SettingsService.open({ system: system().read, user: broken });
    expect(service.current().problems).toEqual([
      { layer: 'user', origin: 'user.json', key: null, message: 'could not be read (EACCES)' },
    ]);
  });
});
