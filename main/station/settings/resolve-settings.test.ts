import { describe, expect, it } from 'vitest';
import { createDefaultUrlPolicy } from '../../../core/lockdown/default-block-list.ts';
import { defaultStationSettings } from '../../../core/lockdown/station-settings.ts';
import { editableKeys, readLayer, resolveSettings, type RawLayer } from './resolve-settings.ts';

const present = (values: unknown, origin = 'test'): RawLayer => ({ status: 'present', origin, values });
const HASH = `pbkdf2-sha256$600000$${'A'.repeat(22)}==$${'B'.repeat(43)}=`;

describe('settings precedence: managed > machine > user > defaults', () => {
  it('uses the defaults when no layer exists', () => {
    const resolved = resolveSettings({});
    expect(resolved.settings).toEqual(defaultStationSettings());
    expect(resolved.settings.urlPolicy).toEqual(createDefaultUrlPolicy());
    expect(new Set(Object.values(resolved.sources))).toEqual(new Set(['default']));
    expect(resolved.problems).toEqual([]);
  });

  it('takes each setting from the highest layer that sets it', () => {
    const resolved = resolveSettings({
      managed: present({ serverUrl: 'https://managed.example', extraDisplays: 'refuse' }),
      machine: present({
        serverUrl: 'https://machine.example',
        stationName: 'Salle B - 12',
        retentionDays: 10,
      }),
      user: present({ serverUrl: 'https://user.example', stationName: 'mon poste', language: 'en' }),
    });
    expect(resolved.settings).toMatchObject({
      serverUrl: 'https://managed.example',
      extraDisplays: 'refuse',
      stationName: 'Salle B - 12',
      retentionDays: 10,
      language: 'en',
      demoMode: false,
    });
    expect(resolved.sources).toMatchObject({
      serverUrl: 'managed',
      extraDisplays: 'managed',
      stationName: 'machine',
      retentionDays: 'machine',
      language: 'user',
      demoMode: 'default',
    });
  });

  it('replaces the URL policy whole, never merging rules across layers', () => {
    const machinePolicy = { rules: [{ action: 'allow', expression: 'fr.wikipedia.org' }] };
    const resolved = resolveSettings({ machine: present({ urlPolicy: machinePolicy }) });
    expect(resolved.settings.urlPolicy).toEqual({
      schemes: ['https'],
      rules: [{ active: true, action: 'allow', expression: 'fr.wikipedia.org', regex: false }],
    });
  });

  it('never lets the user layer weaken the lockdown', () => {
    const resolved = resolveSettings({
      user: present({
        urlPolicy: { rules: [], defaultAction: 'allow' },
        extraDisplays: 'cover',
        invigilatorCodeHash: null,
        demoMode: true,
        stationName: 'poste 3',
      }),
      managed: present({ extraDisplays: 'refuse' }),
    });
    expect(resolved.settings.urlPolicy).toEqual(createDefaultUrlPolicy());
    expect(resolved.settings.extraDisplays).toBe('refuse');
    expect(resolved.settings.demoMode).toBe(false);
    expect(resolved.settings.stationName).toBe('poste 3');
    expect(resolved.problems.map((p) => p.key).sort()).toEqual(
      ['demoMode', 'extraDisplays', 'invigilatorCodeHash', 'urlPolicy'].sort(),
    );
    expect(resolved.problems.every((p) => p.layer === 'user')).toBe(true);
  });

  it('drops a bad value alone and says which one, keeping the rest of its layer', () => {
    const resolved = resolveSettings({
      managed: present(
        {
          serverUrl: 'ftp://nope',
          extraDisplays: 'refuse',
          retentionDays: 0,
          invigilatorCodeHash: 'plain-code',
          urlPolicy: { rules: [{ action: 'block', expression: 'a:b:c' }] },
          colour: 'blue',
        },
        '/etc/pix-certification/managed.json',
      ),
      machine: present({ serverUrl: 'https://machine.example', retentionDays: 7 }),
    });
    expect(resolved.settings.serverUrl).toBe('https://machine.example');
    expect(resolved.settings.retentionDays).toBe(7);
    expect(resolved.settings.extraDisplays).toBe('refuse');
    expect(resolved.settings.invigilatorCodeHash).toBeNull();
    expect(resolved.settings.urlPolicy).toEqual(createDefaultUrlPolicy());
    const byKey = Object.fromEntries(resolved.problems.map((p) => [p.key, p]));
    expect(Object.keys(byKey).sort()).toEqual(
      ['colour', 'invigilatorCodeHash', 'retentionDays', 'serverUrl', 'urlPolicy'].sort(),
    );
    expect(byKey.urlPolicy?.message).toContain('rules.0.expression');
    expect(byKey.serverUrl?.origin).toBe('/etc/pix-certification/managed.json');
  });

  it('reports a refused layer (untrusted file) and ignores all of it', () => {
    const resolved = resolveSettings({
      managed: {
        status: 'refused',
        origin: '/etc/pix-certification/managed.json',
        reason: 'belongs to user 1000',
      },
      user: present({ stationName: 'poste 4' }),
    });
    expect(resolved.settings.stationName).toBe('poste 4');
    expect(resolved.problems).toEqual([
      {
        layer: 'managed',
        origin: '/etc/pix-certification/managed.json',
        key: null,
        message: 'belongs to user 1000',
      },
    ]);
  });

  it('accepts a valid invigilator code hash and ignores $schema', () => {
    const resolved = resolveSettings({ managed: present({ $schema: 'x', invigilatorCodeHash: HASH }) });
    expect(resolved.settings.invigilatorCodeHash).toBe(HASH);
    expect(resolved.problems).toEqual([]);
  });

  it('refuses a layer that is not an object', () => {
    expect(readLayer('machine', present([1, 2])).problems[0]?.message).toMatch(/JSON object/);
    expect(readLayer('machine', present('text')).problems).toHaveLength(1);
  });

  it('tells which user settings remain editable', () => {
    const resolved = resolveSettings({ managed: present({ serverUrl: 'https://m.example' }) });
    expect(editableKeys(resolved.sources)).toEqual(['stationName', 'centre', 'language']);
  });
});
