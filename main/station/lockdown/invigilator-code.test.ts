import { describe, expect, it } from 'vitest';
import { InvigilatorCodeHashSchema } from '../../../core/lockdown/station-settings.ts';
import {
  hashInvigilatorCode,
  InvigilatorCodeGuard,
  quitNeedsCode,
  verifyInvigilatorCode,
} from './invigilator-code.ts';

// Made with Python (docs/lockdown/): hashlib.pbkdf2_hmac('sha256', code, salt, 100000, 32).
const FROM_PYTHON =
  'pbkdf2-sha256$100000$AQIDBAUGBwgJCgsMDQ4PEA==$+rdnswpN4LXuyJUJIYFh2wURxKsGAx3A8WSltAl+O3Y=';

describe('invigilator code hash', () => {
  it('matches what IT makes with standard tools', async () => {
    expect(InvigilatorCodeHashSchema.safeParse(FROM_PYTHON).success).toBe(true);
    expect(await verifyInvigilatorCode('Surv-2026é', FROM_PYTHON)).toBe(true);
    expect(await verifyInvigilatorCode('Surv-2026e', FROM_PYTHON)).toBe(false);
    expect(
      await hashInvigilatorCode('Surv-2026é', {
        iterations: 100_000,
        salt: Uint8Array.from({ length: 16 }, (_, i) => i + 1),
      }),
    ).toBe(FROM_PYTHON);
  });

  it('hashes with a fresh salt each time, and verifies its own hashes', async () => {
    const a = await hashInvigilatorCode('1234abcd', { iterations: 100_000 });
    const b = await hashInvigilatorCode('1234abcd', { iterations: 100_000 });
    expect(a).not.toBe(b);
    expect(InvigilatorCodeHashSchema.safeParse(a).success).toBe(true);
    expect(await verifyInvigilatorCode('1234abcd', a)).toBe(true);
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    expect(await verifyInvigilatorCode('x', 'plain')).toBe(false);
    expect(await verifyInvigilatorCode('x', 'pbkdf2-sha256$100$AAAA$BBBB')).toBe(false);
  });
});

describe('InvigilatorCodeGuard', () => {
  it('makes the station wait after five wrong codes, then accepts the right one', async () => {
    let now = 0;
    const guard = new InvigilatorCodeGuard({ hash: () => FROM_PYTHON, now: () => now, lockoutMs: 60_000 });
    for (let i = 0; i < 5; i++) expect(await guard.attempt('wrong')).toBe('wrong');
    expect(await guard.attempt('Surv-2026é')).toBe('wait');
    expect(guard.waitMs()).toBe(60_000);
    now += 60_000;
    expect(await guard.attempt('Surv-2026é')).toBe('accepted');
  });

  it('says when no code is set', async () => {
    const guard = new InvigilatorCodeGuard({ hash: () => null });
    expect(await guard.attempt('anything')).toBe('noCodeSet');
  });
});

describe('quitting', () => {
  it('needs the code when one is set; without one, only between candidates', () => {
    expect(quitNeedsCode({ codeSet: true, testUnderWay: false })).toBe('code');
    expect(quitNeedsCode({ codeSet: true, testUnderWay: true })).toBe('code');
    expect(quitNeedsCode({ codeSet: false, testUnderWay: false })).toBe('free');
    expect(quitNeedsCode({ codeSet: false, testUnderWay: true })).toBe('refused');
  });
});
