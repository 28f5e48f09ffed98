// The `packageStored` record the bundle verifier needs (core/bundle/verify-bundle.ts): every path to
// `started` writes it first, and a journal that lacks it still seals instead of holding the station.
import { describe, expect, it } from 'vitest';
import { canonicalHash } from '../../../core/hashing/canonical-hash.ts';
import type { StationCommand } from '../../../core/contracts/station-server.ts';
import {
  MIN,
  choice,
  runtimeHarness,
  signIn,
  testPackage,
  verifyingSealer,
  type RuntimeHarness,
} from './runtime-fixtures.ts';

const pkg = testPackage({ count: 2 });
const start = (id: string): StationCommand => ({ type: 'authorizeStart', id, testId: 'test-1' });
const kinds = (h: RuntimeHarness) => h.journal.records('test-1').map((r) => r.kind);

async function answerAll(h: RuntimeHarness): Promise<void> {
  for (const challenge of pkg.challenges) {
    const answered = await h.runtime.submitAnswer(challenge.id, choice('1'));
    if (!answered.ok) throw new Error(answered.error.message);
  }
}

/** A journal as earlier versions could leave it: the package stored, `started` without its record. */
async function journalWithoutPackageRecord(ended: boolean): Promise<string> {
  const h = runtimeHarness({ pkg });
  await h.runtime.signIn(signIn);
  h.journal.storePackage('test-1', pkg, canonicalHash(pkg));
  h.journal.append(
    'test-1',
    { kind: 'started', payload: { authorization: 'c1' } },
    {
      wallAt: h.wall.now,
      elapsedMs: 0,
    },
  );
  if (ended) {
    h.journal.append(
      'test-1',
      { kind: 'ended', payload: { reason: 'endedByInvigilator', authorization: 'e1' } },
      { wallAt: h.wall.now + MIN, elapsedMs: MIN },
    );
  }
  h.journal.close();
  return h.file;
}

describe('the packageStored record', () => {
  it('is written at the start after a power cut that fell between the package and its record', async () => {
    const h = runtimeHarness({ pkg });
    await h.runtime.signIn(signIn);
    await h.runtime.acceptInstructions();
    const append = h.journal.append.bind(h.journal);
    h.journal.append = (testId, body, at) => {
      if (body.kind === 'packageStored') throw new Error('power cut');
      return append(testId, body, at);
    };
    // Not started, the authorization held (the tick tries again): acknowledged `pending`.
    expect(await h.runtime.handleCommand(start('c1'))).toBe('pending');
    expect(h.journal.package('test-1')).not.toBeNull();
    h.journal.close();

    const relaunched = runtimeHarness({ pkg, file: h.file, seal: await verifyingSealer() });
    await relaunched.runtime.restore();
    expect(relaunched.runtime.phase).toBe('signedIn');
    // Never sent again: the start goes on the authorization the journal holds.
    await relaunched.runtime.acceptInstructions();
    expect(relaunched.runtime.phase).toBe('inProgress');
    expect(kinds(relaunched)).toEqual(['testOpened', 'packageStored', 'started']);
    await answerAll(relaunched);
    expect(relaunched.runtime.phase).toBe('sealed');
  });

  it('is written on a resume elsewhere when the server never got it (the start known from a heartbeat)', async () => {
    const dead = runtimeHarness({ pkg });
    await dead.runtime.signIn(signIn);
    const h = runtimeHarness({ pkg, seal: await verifyingSealer() });
    h.server.resuming = true;
    h.server.records = dead.journal.records('test-1'); // testOpened only
    await h.runtime.signIn(signIn);
    expect(await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' })).toBe(
      'applied',
    );
    expect(kinds(h)).toEqual(['testOpened', 'testOpened', 'packageStored', 'started']);
    await answerAll(h);
    expect(h.runtime.phase).toBe('sealed');
  });

  it('is written on a resume elsewhere when the server holds no record at all (the start applied there, acknowledged only)', async () => {
    const h = runtimeHarness({ pkg, seal: await verifyingSealer() });
    h.server.resuming = true;
    h.server.records = [];
    await h.runtime.signIn(signIn);
    expect(await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' })).toBe(
      'applied',
    );
    expect(h.runtime.phase).toBe('inProgress');
    expect(kinds(h)).toEqual(['testOpened', 'packageStored', 'started']);
    expect(h.journal.records('test-1').at(-1)?.payload).toEqual({ authorization: 'r1' });
    // Nothing of the old station's time is known: the clock runs from this start.
    expect(h.runtime.status().exam.timeLeftMs).toBe(h.runtime.status().exam.allowedMs);
    await answerAll(h);
    expect(h.runtime.phase).toBe('sealed');
  });

  it('is written on a resume elsewhere of records that started without it', async () => {
    const file = await journalWithoutPackageRecord(false);
    const old = runtimeHarness({ pkg, file });
    const h = runtimeHarness({ pkg, seal: await verifyingSealer() });
    h.server.resuming = true;
    h.server.records = old.journal.records('test-1');
    await h.runtime.signIn(signIn);
    await h.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' });
    expect(kinds(h)).toEqual(['testOpened', 'started', 'testOpened', 'packageStored', 'resumed']);
    await answerAll(h);
    expect(h.runtime.phase).toBe('sealed');
  });

  it('is written late in a journal left without it, which seals at relaunch and frees the station', async () => {
    const relaunched = runtimeHarness({
      pkg,
      file: await journalWithoutPackageRecord(true),
      seal: await verifyingSealer(),
    });
    await relaunched.runtime.restore();
    expect(relaunched.runtime.phase).toBe('sealed');
    expect(kinds(relaunched)).toEqual(['testOpened', 'started', 'ended', 'packageStored']);
    expect(relaunched.journal.test('test-1')?.bundle).not.toBeNull();
    expect((await relaunched.runtime.returnHome()).ok).toBe(true);
    expect(relaunched.runtime.phase).toBe('idle');
  });

  it('is written before sealing a test that started without it and goes on after a relaunch', async () => {
    const relaunched = runtimeHarness({
      pkg,
      file: await journalWithoutPackageRecord(false),
      seal: await verifyingSealer(),
    });
    await relaunched.runtime.restore();
    expect(relaunched.runtime.phase).toBe('resumePending');
    await relaunched.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' });
    await answerAll(relaunched);
    expect(relaunched.runtime.phase).toBe('sealed');
    expect(kinds(relaunched).slice(-2)).toEqual(['ended', 'packageStored']);
  });
});

describe('a resume elsewhere of a test whose start never reached the server', () => {
  const resume = { type: 'authorizeResume', id: 'r1', testId: 'test-1' } as const;

  it('starts again at the first question with the time left the old station’s heartbeats reported', async () => {
    const h = runtimeHarness({ pkg, seal: await verifyingSealer() });
    h.server.resuming = true;
    h.server.records = [];
    h.server.lastTimeLeftMs = 97 * MIN;
    await h.runtime.signIn(signIn);
    expect(await h.runtime.handleCommand(resume)).toBe('applied');
    expect(h.runtime.phase).toBe('inProgress');
    const { allowedMs, timeLeftMs } = h.runtime.status().exam;
    // Charged as the server knows it: neither the whole time again nor the time the station was down.
    expect(timeLeftMs).toBe(97 * MIN);
    const started = h.journal.records('test-1').at(-1);
    expect(started).toMatchObject({ kind: 'started', elapsedMs: (allowedMs ?? 0) - 97 * MIN });
    const current = h.runtime.currentChallenge();
    expect(current.ok && current.value.challenge.id).toBe(pkg.challenges[0]?.id);
    h.journal.close();

    // A relaunch keeps it: the journal's own start carries the time run.
    const relaunched = runtimeHarness({ pkg, file: h.file, seal: await verifyingSealer() });
    await relaunched.runtime.restore();
    expect(relaunched.runtime.phase).toBe('resumePending');
    expect(relaunched.runtime.status().exam.timeLeftMs).toBe(97 * MIN);
  });

  it('charges it too when its sign-in arrived but not its start', async () => {
    const dead = runtimeHarness({ pkg });
    await dead.runtime.signIn(signIn);
    const h = runtimeHarness({ pkg, seal: await verifyingSealer() });
    h.server.resuming = true;
    h.server.records = dead.journal.records('test-1'); // testOpened only
    h.server.lastTimeLeftMs = 100 * MIN;
    await h.runtime.signIn(signIn);
    expect(await h.runtime.handleCommand(resume)).toBe('applied');
    expect(kinds(h)).toEqual(['testOpened', 'testOpened', 'packageStored', 'started']);
    expect(h.runtime.status().exam.timeLeftMs).toBe(100 * MIN);
    await answerAll(h);
    expect(h.runtime.phase).toBe('sealed');
  });
});
