// The displays against the centre's rule, as the kiosk applies it: each outcome with its code and the
// displays described the same way in any language (label and size, or size alone).
import { describe, expect, it } from 'vitest';
import { SelfCheckLineSchema } from '../../../core/contracts/station-self-check.ts';
import type { DisplayInfo } from '../lockdown/display-rule.ts';
import { checkDisplays } from './display-check.ts';

const exam: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, label: 'DELL U2419H' };
const extra: DisplayInfo = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 1024 } };
const mirror: DisplayInfo = { id: 3, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };

const check = (displays: DisplayInfo[], rule: 'cover' | 'refuse') =>
  SelfCheckLineSchema.parse(checkDisplays({ displays, primaryId: 1 }, rule));

describe('the displays check', () => {
  it('accepts one display, naming it', () => {
    expect(check([exam], 'refuse')).toMatchObject({
      status: 'ok',
      detail: '1 écran : DELL U2419H (1920×1080) (règle : écrans en plus refusés)',
      code: 'displays.ok',
      params: { display: 'DELL U2419H (1920×1080)', rule: 'refuse' },
    });
  });

  it('warns on a display to cover or a mirror, and fails when the rule refuses them', () => {
    expect(check([exam, extra], 'cover')).toMatchObject({
      status: 'warning',
      code: 'displays.covered',
      params: { count: 2, rule: 'cover', extra: '1280×1024' },
    });
    expect(check([exam, mirror], 'cover')).toMatchObject({
      status: 'warning',
      code: 'displays.mirrored',
      params: { count: 2, rule: 'cover', extra: '1920×1080' },
    });
    const refused = check([exam, extra], 'refuse');
    expect(refused).toMatchObject({
      status: 'failure',
      code: 'displays.extraRefused',
      params: { count: 2, rule: 'refuse', offending: '1280×1024' },
    });
    expect(refused.action).toMatch(/écran 2/);
    expect(check([exam, mirror], 'refuse')).toMatchObject({
      status: 'failure',
      code: 'displays.mirrorRefused',
      params: { count: 2, rule: 'refuse', offending: '1920×1080' },
    });
  });

  it('fails with no display, and skips where displays cannot be counted', () => {
    expect(check([], 'cover')).toMatchObject({ status: 'failure', code: 'displays.none', params: {} });
    expect(SelfCheckLineSchema.parse(checkDisplays(null, 'cover'))).toMatchObject({
      status: 'skipped',
      code: 'displays.notMeasurable',
    });
  });
});
