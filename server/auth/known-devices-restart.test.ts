// Known devices survive a restart (a deployment on exam day): the same database file opened again knows
// the same browsers at the same targets, until the same expiry, in the same order of last logins, and
// still not those it forgot.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../storage/repositories.ts';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.ts';
import { seedCertificationDay } from '../testing/seed.ts';
import { errorOf, startTestServer, type TestServer } from '../testing/test-server.ts';
import { KnownDevices } from './known-devices.ts';
import { secretHash } from './secrets.ts';

const DAY = 24 * 3600_000;

describe('known devices across a restart of the store', () => {
  let dir: string;
  let file: string;
  let now: number;
  let store: Store | null = null;
  let known: KnownDevices;

  /** The server's way: the devices the store keeps, then every change written to it. */
  async function start(options: { max?: number } = {}): Promise<void> {
    store = openSqliteStore(file, () => now);
    known = await KnownDevices.open(store.knownDevices, {
      ttlMs: 30 * DAY,
      now: () => now,
      ...options,
      onStoreError: (error) => {
        throw error;
      },
    });
  }

  /** The process ends (its writes drained, as on a shutdown) and a new one opens the same file. */
  async function restart(options: { max?: number } = {}): Promise<void> {
    await store?.close();
    await start(options);
  }

  /** What the file holds, read by another connection (the store's writes settled first). */
  async function rows(): Promise<{ device_hash: string; target: string; expires_at: number }[]> {
    await known.settled();
    const db = new Database(file, { readonly: true });
    try {
      return db
        .prepare('SELECT device_hash, target, expires_at FROM known_devices ORDER BY seen, target')
        .all() as { device_hash: string; target: string; expires_at: number }[];
    } finally {
      db.close();
    }
  }

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pix-known-devices-'));
    file = path.join(dir, 'server.sqlite');
    now = Date.parse('2026-12-08T08:00:00Z');
    await start();
  });
  afterEach(async () => {
    await store?.close();
    store = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('still knows a device at its targets, and gives it back the same secret, storing only its hash', async () => {
    const secret = known.remember(null, 'session:1001');
    known.remember(secret, 'email:referent@example.org');
    const key = known.keyFor(secret, 'session:1001');
    expect(await rows()).toEqual([
      { device_hash: secretHash(secret), target: 'email:referent@example.org', expires_at: now + 30 * DAY },
      { device_hash: secretHash(secret), target: 'session:1001', expires_at: now + 30 * DAY },
    ]);

    await restart();
    expect(known.keyFor(secret, 'session:1001')).toBe(key);
    expect(known.keyFor(secret, 'email:referent@example.org')).toBe(key);
    expect(known.keyOfAny(secret)).toBe(key);
    expect(known.keyFor(secret, 'session:1002')).toBeNull();
    expect(known.remember(secret, 'session:1002')).toBe(secret);
    expect(known.keyFor('x'.repeat(43), 'session:1001')).toBeNull();
  });

  it('does not know again, after a restart, the devices forgotten at a target whose password changed', async () => {
    const laptop = known.remember(null, 'session:1001');
    known.remember(laptop, 'session:1002');
    const thief = known.remember(null, 'session:1001');
    known.forget('session:1001');

    await restart();
    expect(known.keyFor(laptop, 'session:1001')).toBeNull();
    expect(known.keyFor(thief, 'session:1001')).toBeNull();
    expect(known.keyOfAny(thief)).toBeNull();
    expect(known.keyFor(laptop, 'session:1002')).not.toBeNull();
    expect((await rows()).map((r) => r.target)).toEqual(['session:1002']);
  });

  it('forgets a target 30 days after the last login there, restarts or not, and deletes the expired rows', async () => {
    const secret = known.remember(null, 'session:1001');
    now += 20 * DAY;
    known.remember(secret, 'session:1002');
    await restart();
    now += 10 * DAY;
    await restart();
    expect(known.keyFor(secret, 'session:1001')).toBeNull();
    expect(known.keyFor(secret, 'session:1002')).not.toBeNull();
    expect((await rows()).map((r) => r.target)).toEqual(['session:1002']);
    now += 20 * DAY;
    expect(known.keyOfAny(secret)).toBeNull();
    // A new login: the rows of every expired device go with its write, only the new one stays.
    const other = known.remember(null, 'session:1003');
    expect(await rows()).toEqual([
      { device_hash: secretHash(other), target: 'session:1003', expires_at: now + 30 * DAY },
    ]);
    await restart();
    expect(known.keyOfAny(secret)).toBeNull();
    expect(known.keyOfAny(other)).not.toBeNull();
  });

  it('knows 20 devices per target across restarts, forgetting the least recently seen before the restart', async () => {
    const elsewhere = known.remember(null, 'session:2002');
    const devices = Array.from({ length: 20 }, () => known.remember(null, 'session:1001'));
    const [first, second, third] = devices as [string, string, string];
    known.remember(first, 'session:1001'); // seen again: now the most recent there
    await restart();
    // The 21st at the target: the least recently seen there (the second) is forgotten, the first stays.
    const newcomer = known.remember(null, 'session:1001');
    expect(known.keyFor(second, 'session:1001')).toBeNull();
    expect(known.keyFor(first, 'session:1001')).not.toBeNull();
    expect(known.keyFor(third, 'session:1001')).not.toBeNull();
    expect(known.keyFor(newcomer, 'session:1001')).not.toBeNull();
    expect(known.keyFor(elsewhere, 'session:2002')).not.toBeNull();

    await restart();
    expect(known.keyFor(second, 'session:1001')).toBeNull();
    expect(known.keyOfAny(second)).toBeNull();
    for (const device of [first, third, newcomer, ...devices.slice(3)]) {
      expect(known.keyFor(device, 'session:1001')).not.toBeNull();
    }
    const stored = await rows();
    expect(stored.filter((r) => r.target === 'session:1001')).toHaveLength(20);
    expect(stored.some((r) => r.device_hash === secretHash(second))).toBe(false);
  });

  it('forgets the devices not seen for longest beyond its size, in the order they had before the restart', async () => {
    await restart({ max: 2 });
    const first = known.remember(null, 'email:a@example.org');
    const second = known.remember(null, 'email:b@example.org');
    known.remember(first, 'email:a@example.org');
    await restart({ max: 2 });
    const third = known.remember(null, 'email:c@example.org');
    await restart({ max: 2 });
    expect(known.keyOfAny(second)).toBeNull();
    expect(known.keyOfAny(first)).not.toBeNull();
    expect(known.keyOfAny(third)).not.toBeNull();
    expect((await rows()).map((r) => r.target)).toEqual(['email:a@example.org', 'email:c@example.org']);
  });
});

describe('the invigilator’s browser across a server restart', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('is still let in behind the school’s blocked address after the server restarts', async () => {
    server = await startTestServer();
    const day = await seedCertificationDay(server.app, { count: 1 });
    const { clock, dbFile } = server;
    const login = (password: string, device?: string) =>
      (server as TestServer).app.inject({
        method: 'POST',
        url: '/api/invigilator/login',
        payload: { sessionNumber: day.session.number, password },
        remoteAddress: '203.0.113.9',
        ...(device === undefined ? {} : { cookies: { pix_invigilator_device: device } }),
      });
    const first = await login(day.session.invigilatorPassword);
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => c.name === 'pix_invigilator_device')?.value ?? '';
    expect(device).not.toBe('');

    // A deployment: the same database file, a new process.
    await server.close();
    server = await startTestServer({ dbFile, clock });
    clock.advance(60_000);
    // A pupil guesses from the school's address, then floods the route past its rate limit.
    for (let i = 0; i < 5; i++) expect((await login('wrong!')).statusCode).toBe(401);
    const flood = await Promise.all(Array.from({ length: 30 }, () => login('wrong!')));
    expect(flood.some((r) => errorOf(r).code === 'RATE_LIMITED')).toBe(true);
    const stranger = await login(day.session.invigilatorPassword);
    expect(stranger.statusCode).toBe(429);

    const again = await login(day.session.invigilatorPassword, device);
    expect(again.statusCode).toBe(200);
    expect(again.cookies.find((c) => c.name === 'pix_invigilator_device')?.value).toBe(device);
  });
});
