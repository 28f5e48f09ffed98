import { describe, expect, it } from 'vitest';
import { addressKey, LoginThrottle } from './login-throttle.ts';

describe('login throttle', () => {
  const throttle = (now = () => 0) =>
    new LoginThrottle({ limits: { default: 2, ip: 3 }, windowMs: 60_000, now, slowDownMs: 0 });

  it('counts an attempt at once, and forgets it when it succeeds', async () => {
    const t = throttle();
    await t.attempt('session:1', '10.0.0.1');
    await t.attempt('session:1', '10.0.0.1');
    await expect(t.attempt('session:1', '10.0.0.1')).rejects.toMatchObject({ status: 429 });
    // Another address still gets in; a right attempt does not count against its address overall.
    const right = await t.attempt('session:1', '10.0.0.2');
    t.succeeded(right);
    t.succeeded(await t.attempt('session:2', '10.0.0.1'));
    await t.attempt('session:3', '10.0.0.1');
    await expect(t.attempt('session:4', '10.0.0.1')).rejects.toMatchObject({ status: 429 });
  });

  it('forgives every failure aimed at a target, from every address, and only those', async () => {
    const t = new LoginThrottle({
      limits: { default: 2, ip: 3 },
      windowMs: 60_000,
      now: () => 0,
      slowDownMs: 400,
    });
    const quick = (attempt: Promise<unknown>) =>
      Promise.race([attempt.then(() => 'admitted'), new Promise((r) => setTimeout(() => r('slowed'), 100))]);
    // 10.0.0.1: blocked for session:1, and at its overall limit with one failure at session:2.
    await t.attempt('session:1', '10.0.0.1');
    await t.attempt('session:1', '10.0.0.1');
    await t.attempt('session:2', '10.0.0.1');
    await expect(t.attempt('session:1', '10.0.0.1')).rejects.toMatchObject({ status: 429 });
    await expect(t.attempt('session:9', '10.0.0.1')).rejects.toMatchObject({ status: 429 });
    // session:1 is now past its own limit: any attempt on it is slowed down.
    const slowed = t.attempt('session:1', '10.0.0.2');
    expect(await quick(slowed)).toBe('slowed');

    t.forgive('session:1');
    // The block for session:1 is lifted, and the target's slow-down with it.
    expect(await quick(t.attempt('session:1', '10.0.0.3'))).toBe('admitted');
    t.succeeded(await t.attempt('session:1', '10.0.0.1'));
    // The overall count of 10.0.0.1 keeps its failure at session:2 only: two more, then blocked.
    await t.attempt('session:3', '10.0.0.1');
    await t.attempt('session:4', '10.0.0.1');
    await expect(t.attempt('session:5', '10.0.0.1')).rejects.toMatchObject({ status: 429 });
    // The attempt slowed down before is still admitted (and was forgiven with the others).
    await slowed;
  });

  it('lets an address blocked by guesses at other targets in at the forgiven one, only for a few tries', async () => {
    let now = 0;
    const t = new LoginThrottle({
      limits: { default: 5, ip: 30 },
      windowMs: 15 * 60_000,
      now: () => now,
      slowDownMs: 0,
    });
    // A candidate on the school's wifi guesses across session numbers, 4 per number: the address's
    // overall count fills up without any per-session block, and the invigilator is refused there too.
    for (let n = 0; n < 30; n++) await t.attempt(`session:${2000 + (n % 8)}`, '10.0.0.1');
    await expect(t.attempt('session:1001', '10.0.0.1')).rejects.toMatchObject({ status: 429 });

    t.forgive('session:1001'); // the referent changes session 1001's password
    now += 1000;
    // The invigilator logs in at once, from the same address, with the new password.
    t.succeeded(await t.attempt('session:1001', '10.0.0.1'));
    // The guesser is still blocked everywhere else…
    await expect(t.attempt('session:2000', '10.0.0.1')).rejects.toMatchObject({ status: 429 });
    await expect(t.attempt('session:3000', '10.0.0.1')).rejects.toMatchObject({ status: 429 });
    // …and gets 5 guesses at the fresh password, then is blocked there again.
    for (let i = 0; i < 5; i++) await t.attempt('session:1001', '10.0.0.1');
    await expect(t.attempt('session:1001', '10.0.0.1')).rejects.toMatchObject({ status: 429 });
    // The other addresses are not given anything by it.
    for (let n = 0; n < 30; n++) await t.attempt(`session:${2000 + (n % 8)}`, '10.0.0.2');
    await expect(t.attempt('session:2000', '10.0.0.2')).rejects.toMatchObject({ status: 429 });
    // Failures made after the forgiveness block this target as usual (the new guesses count overall).
    t.forgive('session:1001');
    now += 1000;
    for (let n = 0; n < 30; n++) await t.attempt(`session:${4000 + n}`, '10.0.0.3');
    await expect(t.attempt('session:1001', '10.0.0.3')).rejects.toMatchObject({ status: 429 });
  });

  it('counts a known device on its own: its address’s failures do not block it, its own failures do', async () => {
    const t = throttle();
    // A pupil blocks the school's address, for this session and overall.
    await t.attempt('session:1', '10.0.0.1');
    await t.attempt('session:1', '10.0.0.1');
    await t.attempt('session:2', '10.0.0.1');
    await expect(t.attempt('session:1', '10.0.0.1')).rejects.toMatchObject({ status: 429 });
    // The invigilator's laptop, behind the same address, logged in to session 1 before.
    const laptop = await t.attempt('session:1', '10.0.0.1', 'device:aa');
    t.succeeded(laptop);
    // Its own mistypes count, against it alone: the address's counts do not move.
    await t.attempt('session:1', '10.0.0.1', 'device:aa');
    await t.attempt('session:1', '10.0.0.1', 'device:aa');
    await expect(t.attempt('session:1', '10.0.0.1', 'device:aa')).rejects.toMatchObject({ status: 429 });
    await t.attempt('session:1', '10.0.0.1', 'device:bb');
    await expect(t.attempt('session:3', '10.0.0.2')).resolves.toMatchObject({ target: 'session:3' });
  });

  it('forgets a known device’s failures only at the target it then logged in to', async () => {
    const t = throttle();
    await t.attempt('session:1', '10.0.0.1', 'device:aa');
    // A right password at another session it knows does not wipe its guess at session 1.
    t.succeeded(await t.attempt('session:2', '10.0.0.1', 'device:aa'));
    await t.attempt('session:1', '10.0.0.1', 'device:aa');
    await expect(t.attempt('session:1', '10.0.0.1', 'device:aa')).rejects.toMatchObject({ status: 429 });
  });

  it('keys IPv6 addresses by /64, IPv4 ones as they are', () => {
    expect(addressKey('2001:db8:0:1:2:3:4:5')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:DB8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('203.0.113.4')).toBe('203.0.113.4');
    expect(addressKey('::ffff:203.0.113.4')).toBe('::ffff:203.0.113.4');
  });
});
