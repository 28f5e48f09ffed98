// Device cookies: given after a right password, known for that target only, for a while, and never
// made up by a client.
import { describe, expect, it } from 'vitest';
import { KnownDevices } from './known-devices.ts';

const DAY = 24 * 3600_000;

function devices(max?: number, maxPerTarget?: number) {
  let now = 0;
  const known = new KnownDevices({
    ttlMs: 30 * DAY,
    now: () => now,
    ...(max ? { max } : {}),
    ...(maxPerTarget ? { maxPerTarget } : {}),
  });
  return { known, advance: (ms: number) => (now += ms) };
}

describe('known devices', () => {
  it('knows a device at the target it logged in to, and nowhere else', () => {
    const { known } = devices();
    const secret = known.remember(null, 'session:1001');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(known.keyFor(secret, 'session:1001')).toMatch(/^device:[0-9a-f]{32}$/);
    expect(known.keyFor(secret, 'session:1002')).toBeNull();
    expect(known.keyOfAny(secret)).toBe(known.keyFor(secret, 'session:1001'));
    // The key names the device without giving its secret away.
    expect(known.keyFor(secret, 'session:1001')).not.toContain(secret);
  });

  it('keeps the secret a known device comes back with, and adds the new target to it', () => {
    const { known } = devices();
    const secret = known.remember(null, 'session:1001');
    expect(known.remember(secret, 'session:1002')).toBe(secret);
    expect(known.keyFor(secret, 'session:1001')).not.toBeNull();
    expect(known.keyFor(secret, 'session:1002')).toBe(known.keyFor(secret, 'session:1001'));
  });

  it('never takes a secret it did not give: a made-up one gets a new secret, and is known nowhere', () => {
    const { known } = devices();
    const madeUp = 'x'.repeat(43);
    expect(known.keyFor(madeUp, 'session:1001')).toBeNull();
    expect(known.keyOfAny(madeUp)).toBeNull();
    const given = known.remember(madeUp, 'session:1001');
    expect(given).not.toBe(madeUp);
    expect(known.keyFor(madeUp, 'session:1001')).toBeNull();
    expect(known.keyFor('', 'session:1001')).toBeNull();
    expect(known.keyFor('y'.repeat(10_000), 'session:1001')).toBeNull();
  });

  it('forgets a target 30 days after the last login there', () => {
    const { known, advance } = devices();
    const secret = known.remember(null, 'session:1001');
    advance(20 * DAY);
    known.remember(secret, 'session:1002');
    advance(10 * DAY);
    expect(known.keyFor(secret, 'session:1001')).toBeNull();
    expect(known.keyFor(secret, 'session:1002')).not.toBeNull();
    advance(20 * DAY);
    expect(known.keyOfAny(secret)).toBeNull();
  });

  it('forgets the devices not seen for longest beyond its size', () => {
    const { known } = devices(2);
    const first = known.remember(null, 'email:a@example.org');
    const second = known.remember(null, 'email:b@example.org');
    known.remember(first, 'email:a@example.org'); // seen again: now the most recent
    const third = known.remember(null, 'email:c@example.org');
    expect(known.keyOfAny(second)).toBeNull();
    expect(known.keyOfAny(first)).not.toBeNull();
    expect(known.keyOfAny(third)).not.toBeNull();
  });

  it('forgets every device at a target whose password changed, and only there', () => {
    const { known } = devices();
    const laptop = known.remember(null, 'session:1001');
    known.remember(laptop, 'session:1002');
    const thief = known.remember(null, 'session:1001');
    known.forget('session:1001');
    expect(known.keyFor(laptop, 'session:1001')).toBeNull();
    expect(known.keyFor(thief, 'session:1001')).toBeNull();
    expect(known.keyOfAny(thief)).toBeNull();
    expect(known.keyFor(laptop, 'session:1002')).not.toBeNull();
  });

  it('knows a few devices per target: one password making devices at will crowds out only its own target', () => {
    const { known } = devices(undefined, 3);
    const elsewhere = known.remember(null, 'session:2002');
    const first = known.remember(null, 'session:1001');
    for (let i = 0; i < 3; i++) known.remember(null, 'session:1001');
    expect(known.keyFor(first, 'session:1001')).toBeNull();
    expect(known.keyFor(elsewhere, 'session:2002')).not.toBeNull();
  });
});
