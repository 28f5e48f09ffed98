import { describe, expect, it } from 'vitest';
import { assertLockdownTrusted, LockdownSettingsError, untrustedLockdown } from './lockdown-trust.ts';
import { resolveSettings, type SettingsProblem } from './resolve-settings.ts';

const problem = (layer: SettingsProblem['layer'], key: string | null): SettingsProblem => ({
  layer,
  origin: `${layer}.json`,
  key,
  message: 'invalid',
});

describe('untrustedLockdown', () => {
  it('takes IT’s bad lockdown values and IT files refused whole, nothing else', () => {
    const problems = [
      problem('managed', 'urlPolicy'),
      problem('machine', 'processDenyList'),
      problem('managed', 'invigilatorCodeHash'),
      problem('machine', 'extraDisplays'),
      problem('managed', null),
      // Not lockdown: its fallback weakens nothing.
      problem('managed', 'retentionDays'),
      // The user layer cannot set lockdown values at all: what it holds is ignored, never in force.
      problem('user', 'urlPolicy'),
      problem('user', null),
    ];
    expect(untrustedLockdown({ problems })).toEqual(problems.slice(0, 5));
  });

  it('leaves out a bad machine value under a valid managed one, which overrides it anyway', () => {
    const problems = [problem('machine', 'urlPolicy'), problem('machine', 'extraDisplays')];
    const sources = {
      ...resolveSettings({}).sources,
      urlPolicy: 'managed' as const,
    };
    expect(untrustedLockdown({ problems, sources })).toEqual([problems[1]]);
  });

  it('lets a station with usable settings start, and stops one without, naming each value', () => {
    expect(() => assertLockdownTrusted({ problems: [problem('managed', 'retentionDays')] })).not.toThrow();
    const untrusted = [problem('managed', 'urlPolicy'), problem('machine', null)];
    let thrown: unknown;
    try {
      assertLockdownTrusted({ problems: untrusted });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LockdownSettingsError);
    expect(thrown).toMatchObject({ code: 'LOCKDOWN_SETTINGS_INVALID', problems: untrusted });
    expect((thrown as Error).message).toBe(
      'lockdown settings not usable: managed.json urlPolicy: invalid; machine.json (whole file): invalid',
    );
  });
});
