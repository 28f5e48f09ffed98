import { describe, expect, it } from 'vitest';
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
    expect(checkSettings(evidence(absent)).status).toBe('failure');
    const bad = checkSettings(
      evidence({
        status: 'present',
        origin: '/etc/x.json',
        values: { serverUrl: 'https://a.fr', retentionDays: 0 },
      }),
    );
    expect(bad.status).toBe('warning');
    expect(bad.detail).toContain('retentionDays');
    const userOnly = checkSettings(
      evidence({ status: 'present', origin: '/etc/x.json', values: { stationName: 'B12' } }, absent, {
        status: 'present',
        origin: '~/.config',
        values: { serverUrl: 'https://a.fr' },
      }),
    );
    expect(userOnly.status).toBe('warning');
    expect(userOnly.detail).toMatch(/profil du compte/);
  });
});
