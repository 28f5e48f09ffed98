import { describe, expect, it } from 'vitest';
import { SelfCheckLineSchema } from '../../../core/contracts/station-self-check.ts';
import { resolveSettings, type RawLayer } from '../settings/resolve-settings.ts';
import { checkSettings } from './settings-check.ts';

const absent: RawLayer = { status: 'absent' };

function evidence(managed: RawLayer, machine: RawLayer = absent, user: RawLayer = absent) {
  return { resolved: resolveSettings({ managed, machine, user }), layers: { managed, machine } };
}

describe('the managed settings check', () => {
  it('names the file each setting came from', () => {
    const line = checkSettings(
      evidence(
        {
          status: 'present',
          origin: 'HKLM\\SOFTWARE\\Policies\\Pix\\CertificationStation',
          values: { serverUrl: 'https://certif.lycee.fr' },
        },
        {
          status: 'present',
          origin: 'C:\\ProgramData\\Pix\\CertificationStation\\station.json',
          values: { stationName: 'B12-07' },
        },
      ),
    );
    expect(line.status).toBe('ok');
    expect(line.detail).toBe(
      'gérés : HKLM\\SOFTWARE\\Policies\\Pix\\CertificationStation (serverUrl) ; machine : C:\\ProgramData\\Pix\\CertificationStation\\station.json (stationName)',
    );
    expect(SelfCheckLineSchema.parse(line)).toMatchObject({
      code: 'settings.ok',
      params: {
        managed: 'HKLM\\SOFTWARE\\Policies\\Pix\\CertificationStation',
        managedKeys: 'serverUrl',
        machine: 'C:\\ProgramData\\Pix\\CertificationStation\\station.json',
        machineKeys: 'stationName',
      },
    });
  });

  it('fails on a refused file or a missing server address, and warns on ignored values or a user-only address', () => {
    const refused = checkSettings(
      evidence({
        status: 'refused',
        origin: '/etc/pix-certification/managed.json',
        reason: 'must belong to root',
      }),
    );
    expect(refused.status).toBe('failure');
    expect(refused.detail).toContain('must belong to root');
    expect(refused).toMatchObject({
      code: 'settings.fileRefused',
      params: { origin: '/etc/pix-certification/managed.json', problem: 'must belong to root' },
    });
    expect(checkSettings(evidence(absent))).toMatchObject({
      status: 'failure',
      code: 'settings.nothingFound',
      params: {},
    });
    const noAddress = checkSettings(
      evidence({ status: 'present', origin: '/etc/x.json', values: { stationName: 'B12' } }),
    );
    expect(noAddress).toMatchObject({
      status: 'failure',
      code: 'settings.noServerUrl',
      params: { managed: '/etc/x.json', managedKeys: 'stationName' },
    });
    const bad = checkSettings(
      evidence({
        status: 'present',
        origin: '/etc/x.json',
        values: { serverUrl: 'https://a.fr', retentionDays: 0 },
      }),
    );
    expect(bad.status).toBe('warning');
    expect(bad.detail).toContain('retentionDays');
    expect(bad).toMatchObject({ code: 'settings.badValues', params: { origin: '/etc/x.json' } });
    expect(bad.params?.values).toMatch(/^retentionDays \(/);
    // A lockdown value falls back to a weaker default: the station is not ready until IT fixes it.
    const weaker = checkSettings(
      evidence({
        status: 'present',
        origin: '/etc/x.json',
        values: { serverUrl: 'https://a.fr', retentionDays: 0, invigilatorCodeHash: 'not a hash' },
      }),
    );
    expect(weaker).toMatchObject({
      status: 'failure',
      code: 'settings.badLockdownValues',
      params: { origin: '/etc/x.json' },
    });
    expect(weaker.params?.values).toMatch(/^invigilatorCodeHash \(/);
    const userOnly = checkSettings(
      evidence({ status: 'present', origin: '/etc/x.json', values: { stationName: 'B12' } }, absent, {
        status: 'present',
        origin: '~/.config',
        values: { serverUrl: 'https://a.fr' },
      }),
    );
    expect(userOnly.status).toBe('warning');
    expect(userOnly.detail).toMatch(/profil du compte/);
    expect(userOnly).toMatchObject({
      code: 'settings.userServerUrl',
      params: { managed: '/etc/x.json', managedKeys: 'stationName' },
    });
    const userFileOnly = checkSettings(
      evidence(absent, absent, {
        status: 'present',
        origin: '~/.config',
        values: { serverUrl: 'https://a.fr' },
      }),
    );
    expect(userFileOnly).toMatchObject({
      status: 'warning',
      code: 'settings.noSystemSettings',
      params: { source: 'user' },
    });
    for (const line of [refused, noAddress, bad, userOnly, userFileOnly]) SelfCheckLineSchema.parse(line);
  });
});
