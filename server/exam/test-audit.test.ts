// A test regenerated for audit from its recorded seed, profile and bank snapshot (DOMAIN.md §3), on a
// real server and SQLite file: it matches the test asked, still after an import changed the bank (which
// the same seed no longer draws from the same way), and an altered record is a difference.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Challenge } from '../../core/challenge/challenge.ts';
import { generateTest } from '../../core/generation/generate-test.ts';
import type { GeneratedTest } from '../../core/generation/generated-test.ts';
import type { Profile } from '../../core/profile/profile.ts';
import { centreBank } from '../content/bank-service.ts';
import { enrolledStation, invigilator, join, type Invigilator } from '../testing/exam-helpers.ts';
import { seedCertificationDay, type SeededCandidate, type SeededDay } from '../testing/seed.ts';
import type { TestStation } from '../testing/station-client.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { auditTest } from './test-audit.ts';
import { ensurePackage } from './test-package.ts';

describe('a test regenerated for audit', () => {
  let server: TestServer;
  let day: SeededDay;
  let station: TestStation;
  let inv: Invigilator;
  beforeEach(async () => {
    server = await startTestServer();
    day = await seedCertificationDay(server.app, { count: 2 });
    station = await enrolledStation(server, day);
    inv = await invigilator(server, day);
  });
  afterEach(() => server.close());

  const ctx = () => server.app.pix;
  const candidate = (i: number) => day.candidates[i] as SeededCandidate;

  /** Joined and started by the invigilator: its package generated, as on exam day. */
  async function startedTestId(who: SeededCandidate): Promise<string> {
    const { testId } = await join(server, day, station, who);
    await inv.command(who.id, { type: 'authorizeStart' });
    return testId;
  }

  async function recorded(testId: string): Promise<{ generated: GeneratedTest; profile: Profile }> {
    const generation = await ctx().store.tests.generation(testId);
    if (!generation) throw new Error('no generation');
    return generation;
  }

  /** Writes to the server's file from another connection, as someone altering the database would. */
  function alter(sql: string, ...params: unknown[]): void {
    const db = new Database(server.dbFile, { timeout: 5000 });
    try {
      expect(db.prepare(sql).run(...params).changes).toBe(1);
    } finally {
      db.close();
    }
  }

  it('matches the challenges asked, from the seed, profile and bank snapshot recorded', async () => {
    const testId = await startedTestId(candidate(0));
    const { generated } = await recorded(testId);
    const audit = await auditTest(ctx().store, testId);
    expect(audit).toMatchObject({ verdict: 'matches', testId, seed: generated.seed });
    expect(audit.verdict === 'matches' && audit.asked).toBe(generated.challenges.length);
    expect(generated.challenges.length).toBeGreaterThanOrEqual(15);
  });

  it('still matches after an import changed the bank, which the same seed no longer draws the same from', async () => {
    const testId = await startedTestId(candidate(0));
    const { generated, profile } = await recorded(testId);
    // Each asked challenge is replaced by a new version under another id (the old one obsolete): the
    // live bank can no longer draw any of them.
    const asked = new Set(generated.challenges.map((c) => c.challengeId));
    const replaced = day.bank
      .filter((c) => asked.has(c.id))
      .flatMap((c) => [
        { ...c, status: 'obsolete' },
        { ...c, id: `${c.id}v2`, status: 'validated' },
      ]);
    const reimport = await day.api({
      method: 'POST',
      url: `/api/centre/centres/${day.centreId}/bank/import`,
      payload: { challenges: replaced, content: [] },
    });
    expect(reimport.statusCode).toBe(200);

    const live = await centreBank(ctx(), day.centreId);
    const onLiveBank = generateTest({
      profile,
      bank: live.index,
      seed: generated.seed,
    });
    expect(onLiveBank.challenges.filter((c) => asked.has(c.challengeId))).toEqual([]);
    expect(onLiveBank.challenges).toHaveLength(generated.challenges.length);
    expect(await auditTest(ctx().store, testId)).toMatchObject({ verdict: 'matches', testId });

    // A test generated after the import is drawn from the new bank state: a second snapshot.
    const after = await startedTestId(candidate(1));
    expect(await auditTest(ctx().store, after)).toMatchObject({ verdict: 'matches' });
    const [first, second] = await Promise.all(
      [testId, after].map(async (id) => {
        const r = await ctx().store.tests.generationRecord(id);
        return r?.generationBank?.hash;
      }),
    );
    expect(second).not.toBe(first);
  });

  it('reports an altered bank snapshot as a difference', async () => {
    const testId = await startedTestId(candidate(0));
    const record = await ctx().store.tests.generationRecord(testId);
    const content = record?.generationBank?.content ?? '';
    // One challenge id more: the text no longer has its hash (whether or not the draw changes).
    alter(
      'UPDATE generation_banks SET content = ? WHERE hash = ?',
      content.replace('"challenges":["', '"challenges":["recZZZZZZZ","'),
      record?.generationBank?.hash,
    );
    const audit = await auditTest(ctx().store, testId);
    expect(audit.verdict).toBe('differs');
    expect(audit.verdict === 'differs' && audit.differences[0]).toMatch(
      /^the bank snapshot [0-9a-f]{12} was altered: its content no longer has that hash$/,
    );
  });

  it('reports an altered asked list, question by question', async () => {
    const testId = await startedTestId(candidate(0));
    const { generated } = await recorded(testId);
    const first = generated.challenges[0] as GeneratedTest['challenges'][number];
    const other = day.bank.find(
      (c) => c.skill === first.skill && c.id !== first.challengeId && c.status === 'validated',
    ) as Challenge | undefined;
    const swapped = { ...first, challengeId: other?.id ?? 'recSWAPPED0' };
    alter(
      'UPDATE test_packages SET generated = ? WHERE test_id = ?',
      JSON.stringify({ ...generated, challenges: [swapped, ...generated.challenges.slice(1)] }),
      testId,
    );
    const audit = await auditTest(ctx().store, testId);
    expect(audit).toEqual({
      verdict: 'differs',
      testId,
      differences: [
        `question 1: the recorded generation has ${swapped.challengeId} (${first.competence} ${first.skill}), ` +
          `regeneration gives ${first.challengeId} (${first.competence} ${first.skill})`,
      ],
    });
  });

  it('reports a package whose challenges were altered', async () => {
    const testId = await startedTestId(candidate(0));
    alter(
      `UPDATE test_packages SET package = json_set(package, '$.challenges[1].id', 'recALTERED1') WHERE test_id = ?`,
      testId,
    );
    const audit = await auditTest(ctx().store, testId);
    expect(audit.verdict === 'differs' && audit.differences).toEqual([
      'the package was altered since it was generated: it no longer has its recorded hash',
      expect.stringMatching(
        /^question 2: the package sent to the station has recALTERED1, regeneration gives rec\w+$/,
      ),
    ]);
  });

  it('says a test generated before the bank was kept has no snapshot, and a test never generated no package', async () => {
    const testId = await startedTestId(candidate(0));
    alter('UPDATE test_packages SET generation_bank = NULL WHERE test_id = ?', testId);
    expect(await auditTest(ctx().store, testId)).toEqual({
      verdict: 'cannotAudit',
      testId,
      reason:
        `test ${testId} was generated by an older server, before the bank each test is drawn from ` +
        'was kept: it has no bank snapshot, so it cannot be regenerated',
    });
    const joined = await join(server, day, station, candidate(1));
    expect(await auditTest(ctx().store, joined.testId)).toMatchObject({
      verdict: 'cannotAudit',
      reason: `test ${joined.testId} has no package: it was never generated (the invigilator has not authorized its start)`,
    });
    expect(await auditTest(ctx().store, 'tst_nothing')).toMatchObject({
      verdict: 'cannotAudit',
      reason: 'no test tst_nothing in this database',
    });
  });
});

describe('the bank snapshots of a session', () => {
  let server: TestServer;
  afterEach(() => server.close());

  it('are one row for the thirty tests drawn from one bank state', async () => {
    server = await startTestServer();
    const day = await seedCertificationDay(server.app, { count: 30 });
    const station = await enrolledStation(server, day);
    const ctx = server.app.pix;
    const session = await ctx.store.sessions.get(day.session.id);
    if (!session) throw new Error('no session');
    for (const [i, seeded] of day.candidates.entries()) {
      const candidate = await ctx.store.candidates.get(seeded.id);
      if (!candidate) throw new Error('no candidate');
      const id = `tst_audit${i}`;
      await ctx.store.tests.create({
        id,
        sessionId: session.id,
        candidateId: candidate.id,
        stationId: station.id,
        joinedAt: server.clock.now,
      });
      const test = await ctx.store.tests.get(id);
      if (!test) throw new Error('no test');
      await ensurePackage(ctx, session, candidate, test);
    }
    const db = new Database(server.dbFile, { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) FROM generation_banks').pluck().get()).toBe(1);
      expect(
        db
          .prepare('SELECT COUNT(DISTINCT generation_bank) AS banks, COUNT(*) AS tests FROM test_packages')
          .get(),
      ).toEqual({ banks: 1, tests: 30 });
    } finally {
      db.close();
    }
    for (let i = 0; i < 30; i += 7) {
      expect(await auditTest(ctx.store, `tst_audit${i}`)).toMatchObject({ verdict: 'matches' });
    }
  }, 60_000);
});
