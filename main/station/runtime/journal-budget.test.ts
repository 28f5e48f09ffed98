// The journal budget (journal-budget.ts): no amount of browsing or lockdown events keeps a test from
// being sealed. The worst case is driven through the runtime and sealed by the station's real sealer,
// which checks its bundle with the verifier the server uses.
import { describe, expect, it } from 'vitest';
import { MAX_FIELD_LENGTH } from '../../../core/challenge/answer.ts';
import type { PackagedChallenge } from '../../../core/challenge/challenge.ts';
import { MAX_BUNDLE_RECORDS } from '../../../core/bundle/result-bundle.ts';
import { MAX_BUNDLE_LENGTH } from '../../../core/bundle/verify-bundle.ts';
import {
  MAX_DISPLAY_LABEL,
  MAX_EXECUTABLE_NAME,
  MAX_EXECUTABLES,
  MAX_OMITTED,
  MAX_PROGRAM_NAME,
  type LockdownFacts,
} from '../../../core/journal/lockdown-facts.ts';
import { LOCKDOWN_EVENTS, type LockdownEvent } from '../../../core/contracts/station-api.ts';
import type { TestPackage } from '../../../core/package/test-package.ts';
import {
  emptyUsage,
  JournalBudget,
  lockdownSummary,
  LOCKDOWNS_PER_TEST,
  NAVIGATIONS_PER_TEST,
  navigationSummary,
  MAX_LOCKDOWN_DETAIL,
  PAYLOAD_LIMIT_BYTES,
  plannedRecordBytes,
  RESERVED_OTHER_RECORDS,
  shortenForJournal,
  TARGET_PAYLOAD_BYTES,
  TARGET_RECORDS,
  usageOf,
  worstSummaryBytes,
} from './journal-budget.ts';
import {
  MIN,
  pass,
  runtimeHarness,
  startedTest,
  testPackage,
  verifyingSealer,
  type RuntimeHarness,
} from './runtime-fixtures.ts';

/** JSON writes it as six bytes: the worst any character of a text can cost. */
const WORST = '\u0001';

/** A forbidden program's facts at their largest: every text at its longest, in the costliest characters. */
const worstProgram: LockdownFacts = {
  type: 'program',
  name: WORST.repeat(MAX_PROGRAM_NAME),
  category: 'screenSharing',
  executables: Array.from({ length: MAX_EXECUTABLES }, () => WORST.repeat(MAX_EXECUTABLE_NAME)),
};
const worstDisplay: LockdownFacts = {
  type: 'display',
  label: WORST.repeat(MAX_DISPLAY_LABEL),
  width: 99_999,
  height: 99_999,
  handling: 'covered',
};
/** A lockdown record at its worst: the longest sentence, and the facts given (which must fit the event). */
const worstLockdown = (event: LockdownEvent, facts?: LockdownFacts) => ({
  kind: 'lockdown' as const,
  payload: { event, detail: WORST.repeat(MAX_LOCKDOWN_DETAIL), ...(facts && { facts }) },
});

/** A full test of 48 focused QROCM with three text fields of the longest names (the bank's largest). */
function worstPackage(): TestPackage {
  const base = testPackage({ count: 48 });
  const names = ['a', 'b', 'c'].map((letter) => letter.repeat(40));
  return {
    ...base,
    challenges: base.challenges.map((c): PackagedChallenge => ({
      ...c,
      type: 'QROCM-ind',
      choices: undefined,
      proposals: names.map((name) => `\${${name}}`).join(' '),
      fields: names.map((name) => ({ kind: 'text' as const, name })),
      focused: true,
    })),
  };
}

describe('shortening for the journal', () => {
  it('keeps what fits, and cuts the rest with a marker that says how much', () => {
    expect(shortenForJournal('https://a.example/', 1024)).toBe('https://a.example/');
    const long = `https://a.example/?q=${'x'.repeat(5000)}`;
    const short = shortenForJournal(long, 1024);
    expect(short).toHaveLength(1024);
    const cut = Number(/…\[\+(\d+)\]$/.exec(short)?.[1]);
    expect(long.startsWith(short.slice(0, short.length - `…[+${cut}]`.length))).toBe(true);
    expect(short.length - `…[+${cut}]`.length + cut).toBe(long.length);
  });

  it('never splits a character written as two UTF-16 units', () => {
    const short = shortenForJournal('😀'.repeat(100), 21);
    expect(short.length).toBeLessThanOrEqual(21);
    expect(short).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('the budget', () => {
  const pkg = worstPackage();
  const navigation = {
    kind: 'navigation' as const,
    payload: { url: 'https://a.example/', allowed: true, rule: null },
  };
  const lockdown = { kind: 'lockdown' as const, payload: { event: 'focusLost' as const, detail: 'x' } };

  it('stops each kind at its cap, counted from the journal (the same after a relaunch)', () => {
    const budget = new JournalBudget('test-1');
    const usage = { ...emptyUsage(), navigations: NAVIGATIONS_PER_TEST, lockdowns: LOCKDOWNS_PER_TEST - 1 };
    expect(budget.admits(usage, navigation, pkg, new Set())).toBe(false);
    expect(budget.admits(usage, lockdown, pkg, new Set())).toBe(true);
    expect(budget.admits({ ...usage, lockdowns: LOCKDOWNS_PER_TEST }, lockdown, pkg, new Set())).toBe(false);
  });

  it('keeps the worst of what the test may still write, and frees it as the candidate answers', () => {
    const budget = new JournalBudget('test-1');
    const all = budget.reserve(pkg, new Set());
    const done = budget.reserve(pkg, new Set(pkg.challenges.slice(0, 24).map((c) => c.id)));
    expect(all.bytes).toBeGreaterThan(48 * 3 * MAX_FIELD_LENGTH * 6);
    expect(done.bytes).toBeLessThan(all.bytes);
    const nearlyFull = { ...emptyUsage(), bytes: TARGET_PAYLOAD_BYTES - all.bytes - 100 };
    expect(budget.admits(nearlyFull, navigation, pkg, new Set())).toBe(false);
    expect(budget.admits({ ...nearlyFull, bytes: nearlyFull.bytes - 1000 }, navigation, pkg, new Set())).toBe(
      true,
    );
    expect(
      budget.admits({ ...emptyUsage(), records: TARGET_RECORDS - 100 }, navigation, pkg, new Set()),
    ).toBe(false);
  });

  it('keeps room for each invigilator action as large as a lockdown pause with its largest facts', () => {
    const budget = new JournalBudget('test-1');
    const allDone = new Set(pkg.challenges.map((c) => c.id));
    const pausing = plannedRecordBytes('test-1', worstLockdown('forbiddenProcess', worstProgram));
    expect(pausing).toBeGreaterThan(5000);
    expect(budget.reserve(pkg, allDone).bytes).toBeGreaterThanOrEqual(RESERVED_OTHER_RECORDS * pausing);
  });

  it('keeps room for each record saying what was left out, its facts included', () => {
    for (const event of LOCKDOWN_EVENTS) {
      const summary = plannedRecordBytes('test-1', {
        kind: 'lockdown',
        payload: {
          event,
          detail: lockdownSummary(MAX_OMITTED),
          facts: { type: 'omitted', count: MAX_OMITTED },
        },
      });
      expect(worstSummaryBytes('test-1'), event).toBeGreaterThanOrEqual(summary);
    }
  });

  it('sizes a record as the sealed payload holds it, or more', async () => {
    const h = runtimeHarness();
    await startedTest(h);
    await h.runtime.recordNavigation({
      url: `https://a.example/${WORST.repeat(500)}`,
      allowed: false,
      rule: 'r',
    });
    const records = h.journal.records('test-1');
    const last = records.at(-1);
    if (last?.kind !== 'navigation') throw new Error('no navigation');
    const measured = usageOf(records).bytes - usageOf(records.slice(0, -1)).bytes;
    expect(measured).toBe(Buffer.byteLength(JSON.stringify(last)) + 1);
    expect(plannedRecordBytes('test-1', { kind: last.kind, payload: last.payload })).toBeGreaterThanOrEqual(
      measured,
    );
  });
});

describe('a test with endless browsing and lockdown events', () => {
  it('is sealed by the real sealer, under both of the verifier’s limits with a margin', async () => {
    const lines: string[] = [];
    const h = runtimeHarness({
      pkg: worstPackage(),
      seal: await verifyingSealer(),
      log: (l) => lines.push(l),
    });
    await startedTest(h);

    // A flapping focus and a process coming back, every kind of event, details at their worst.
    let lockdownsTried = 0;
    for (let i = 0; i < LOCKDOWNS_PER_TEST + 500; i++) {
      // Each with the largest facts its event carries.
      const [event, facts] = (
        [
          ['focusLost', undefined],
          ['focusRegained', { type: 'away', awayMs: 3600_000 }],
          ['displayAdded', worstDisplay],
          ['forbiddenProcess', worstProgram],
        ] as const
      )[i % 4] ?? ['focusLost', undefined];
      await h.runtime.reportLockdown(worstLockdown(event, facts), false);
      lockdownsTried += 1;
    }
    // Pages, in-page addresses and blocked frames without end, addresses and rules far too long.
    let navigationsTried = 0;
    let navigationsJournaled = 0;
    for (let i = 0; i < NAVIGATIONS_PER_TEST + 2000; i++) {
      const url = `https://www.example.org/search?q=${'moyenne+pondérée+'.repeat(300)}&n=${i}`;
      const recorded = await h.runtime.recordNavigation({
        url,
        allowed: i % 3 !== 0,
        rule: WORST.repeat(900),
      });
      navigationsTried += 1;
      if (recorded) navigationsJournaled += 1;
    }
    expect(navigationsJournaled).toBeGreaterThan(300);
    expect(navigationsJournaled).toBeLessThan(navigationsTried);
    expect(lines.filter((l) => l.includes('journal budget is reached'))).toHaveLength(2);

    // Then the invigilator's actions, past the 200 records kept for them, reasons at their worst: pauses,
    // and forbidden software that pauses the test (outside the budget), its facts at their largest.
    for (let i = 0; i < 100; i++) {
      await h.runtime.reportLockdown(worstLockdown('forbiddenProcess', worstProgram), true);
      lockdownsTried += 1;
      expect(h.runtime.phase).toBe('paused');
      expect(await h.runtime.handleCommand({ type: 'unlock', id: `l${i}`, testId: 'test-1' })).toBe(
        'applied',
      );
    }
    for (let i = 0; i < 100; i++) {
      expect(
        await h.runtime.handleCommand({
          type: 'pause',
          id: `p${i}`,
          testId: 'test-1',
          reason: WORST.repeat(500),
        }),
      ).toBe('applied');
      expect(await h.runtime.handleCommand({ type: 'unlock', id: `u${i}`, testId: 'test-1' })).toBe(
        'applied',
      );
    }
    await h.runtime.handleCommand({ type: 'addTime', id: 'more', testId: 'test-1', addedMs: 10 * MIN });
    // And every answer as long as it may be: three fields of 2,000 characters, each written as 6 bytes.
    const pkg = h.server.pkg;
    for (const challenge of pkg.challenges) {
      expect((await h.runtime.reportFocusLost(challenge.id)).ok).toBe(true);
      const fields = Object.fromEntries(
        (challenge.fields ?? []).map((f) => [f.name, WORST.repeat(MAX_FIELD_LENGTH)]),
      );
      pass(h, 1000);
      const answered = await h.runtime.submitAnswer(challenge.id, { type: 'fields', fields });
      expect(answered.ok).toBe(true);
    }

    expect(h.runtime.phase).toBe('sealed');
    const jws = h.journal.test('test-1')?.bundle ?? '';
    const records = h.journal.records('test-1');
    // What was left out is said, once per kind, just before the end.
    const summaries = records.filter(
      (r) =>
        (r.kind === 'navigation' && r.payload.url === '') ||
        (r.kind === 'lockdown' && r.payload.detail.includes('non journalisé')),
    );
    const tail = records.slice(-summaries.length - 1).map((r) => r.kind);
    expect(tail.at(-1)).toBe('ended');
    const navigationSummary = summaries.find((r) => r.kind === 'navigation');
    expect(navigationSummary?.kind === 'navigation' && navigationSummary.payload.rule).toContain(
      `${navigationsTried - navigationsJournaled} navigation(s)`,
    );
    const journaledLockdowns = records.filter((r) => r.kind === 'lockdown' && !summaries.includes(r)).length;
    const leftOut = summaries
      .filter((r) => r.kind === 'lockdown')
      .reduce((sum, r) => sum + Number(r.kind === 'lockdown' ? /^(\d+)/.exec(r.payload.detail)?.[1] : 0), 0);
    expect(journaledLockdowns + leftOut).toBe(lockdownsTried);
    for (const summary of summaries)
      if (summary.kind === 'lockdown')
        expect(summary.payload.facts).toEqual({
          type: 'omitted',
          count: Number(/^(\d+)/.exec(summary.payload.detail)?.[1]),
        });

    // Both limits, with the margin the budget promises (journal-budget.ts).
    const payloadBytes = Math.ceil(((jws.split('.')[1] ?? '').length * 3) / 4);
    expect(jws.length).toBeLessThan(MAX_BUNDLE_LENGTH * 0.8);
    expect(payloadBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES * 0.8);
    expect(records.length).toBeLessThan(MAX_BUNDLE_RECORDS * 0.75);
    console.info(
      `worst case sealed: ${records.length} records, payload ${payloadBytes} bytes, JWS ${jws.length} characters ` +
        `(${navigationsJournaled}/${navigationsTried} navigations, ${journaledLockdowns}/${lockdownsTried} lockdown events journaled)`,
    );
  }, 180_000);
});

describe('what the budget left out, across a relaunch', () => {
  it('is said in full before the end: what was counted before the relaunch and after it', async () => {
    const first = runtimeHarness({ pkg: worstPackage() });
    await startedTest(first);
    const focusLost = (h: RuntimeHarness) =>
      h.runtime.reportLockdown(
        { kind: 'lockdown', payload: { event: 'focusLost', detail: WORST.repeat(500) } },
        false,
      );
    const browse = (h: RuntimeHarness, i: number) =>
      h.runtime.recordNavigation({
        url: `https://www.example.org/?q=${'x'.repeat(2000)}&n=${i}`,
        allowed: true,
        rule: WORST.repeat(900),
      });
    // Lockdown records reach their share of the journal, then browsing reaches what is left.
    let lockdownsLeftOut = 0;
    for (let i = 0; i < 250; i++) {
      const before = first.journal.records('test-1').length;
      await focusLost(first);
      if (first.journal.records('test-1').length === before) lockdownsLeftOut += 1;
    }
    let navigationsLeftOut = 0;
    for (let i = 0; i < 700; i++) if (!(await browse(first, i))) navigationsLeftOut += 1;
    expect(lockdownsLeftOut).toBeGreaterThan(0);
    expect(navigationsLeftOut).toBeGreaterThan(0);
    // The counts are kept in the journal with the next tick (at most once a second).
    pass(first, 1000);
    await first.runtime.tick();
    first.journal.close();

    // The station dies; it is relaunched, the invigilator authorizes the resume, the budget still holds.
    const second = runtimeHarness({
      file: first.file,
      pkg: first.server.pkg,
      wallStart: first.wall.now + MIN,
    });
    await second.runtime.restore();
    await second.runtime.handleCommand({ type: 'authorizeResume', id: 'r1', testId: 'test-1' });
    expect(second.runtime.phase).toBe('inProgress');
    for (let i = 0; i < 3; i++) expect(await browse(second, 1000 + i)).toBe(false);
    for (let i = 0; i < 2; i++) await focusLost(second);
    await second.runtime.handleCommand({ type: 'endTest', id: 'e1', testId: 'test-1' });

    const records = second.journal.records('test-1');
    const said = records.filter(
      (r) =>
        (r.kind === 'navigation' && r.payload.url === '') ||
        (r.kind === 'lockdown' && r.payload.detail.includes('non journalisé')),
    );
    expect(
      said.map((r) => (r.kind === 'navigation' ? r.payload.rule : r.kind === 'lockdown' && r.payload.detail)),
    ).toEqual([navigationSummary(navigationsLeftOut + 3), lockdownSummary(lockdownsLeftOut + 2)]);
    // The count as data too, for the screens to say it in their language.
    expect(said.map((r) => r.kind === 'lockdown' && r.payload)).toEqual([
      false,
      {
        event: 'focusLost',
        detail: expect.any(String),
        facts: { type: 'omitted', count: lockdownsLeftOut + 2 },
      },
    ]);
    expect(records.at(-1)?.kind).toBe('ended');
    expect(second.journal.omittedRecords('test-1')).toEqual({ navigations: 0, lockdowns: new Map() });
  }, 60_000);
});
