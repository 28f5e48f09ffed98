// Replication of the station's journal: records arrive in order (or again, after a retry); each new one
// must continue the stored chain exactly (core/journal/chain.ts's hashing), or nothing is stored.
import type { TestRecordsResponse } from '../../core/contracts/station-server.ts';
import { recordHash } from '../../core/journal/chain.ts';
import { GENESIS_HASH, type JournalRecord } from '../../core/journal/journal-record.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../http/api-error.ts';
import { ConcurrentChangeError, type StoredStation } from '../storage/repositories.ts';
import { nativeSha256Hex } from './intake-sha256.ts';
import { mainCause, readRecords } from './journal-reading.ts';
import { stationTest } from './test-package.ts';

export async function receiveRecords(
  ctx: ServerContext,
  station: StoredStation,
  testId: string,
  incoming: readonly JournalRecord[],
): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await receiveOnce(ctx, station, testId, incoming);
    } catch (error) {
      // Two uploads of the same records crossed: read again, the second finds them stored.
      if (!(error instanceof ConcurrentChangeError) || attempt >= 2) throw error;
    }
  }
}

async function receiveOnce(
  ctx: ServerContext,
  station: StoredStation,
  testId: string,
  incoming: readonly JournalRecord[],
): Promise<number> {
  const test = await stationTest(ctx, station, testId, 'write');
  const sorted = [...incoming].sort((a, b) => a.seq - b.seq);
  const through = test.journal.storedThrough;
  const already = sorted.filter((r) => r.seq <= through);
  if (already.length > 0) {
    const stored = new Map(
      (await ctx.store.tests.records(test.id, already[0]?.seq ?? 1)).map((r) => [r.seq, r.hash]),
    );
    const different = already.find((r) => stored.get(r.seq) !== r.hash);
    if (different) {
      throw new ApiError(
        409,
        'RECORD_CONFLICT',
        `record ${different.seq} differs from the one already stored for this test`,
      );
    }
  }
  const fresh: JournalRecord[] = [];
  let prev = test.journal.lastHash ?? GENESIS_HASH;
  for (const record of sorted) {
    if (record.seq <= through) continue;
    const expected = through + fresh.length + 1;
    if (record.seq !== expected) break; // after a gap: not stored, storedThrough says where to resume
    if (record.testId !== test.id) throw chainBroken(`record ${record.seq} belongs to another test`);
    if (record.prevHash !== prev)
      throw chainBroken(`record ${record.seq} does not follow record ${record.seq - 1}`);
    if (hashOf(record) !== record.hash) throw chainBroken(`record ${record.seq} was altered`);
    fresh.push(record);
    prev = record.hash;
  }
  if (fresh.length === 0) return through;

  const pkg = test.packageId === null ? null : ((await ctx.store.tests.package(test.id))?.package ?? null);
  // The stored heartbeat is this station's: only the test's station writes its records (stationTest).
  const reading = readRecords(test.journal, fresh, pkg, ctx.now(), test.heartbeat.clockOffsetMs);
  await ctx.store.tests.appendRecords(
    test.id,
    fresh,
    reading.journal,
    reading.newAlerts,
    ctx.now(),
    test.heartbeat.clockOffsetMs,
  );
  // Consumed by its kind, or by its command named in them: a resume elsewhere of a test whose start
  // never reached the server writes `started` under the resume's authorization (exam-runtime.ts).
  const named = test.authorizationId !== null && reading.applied.includes(test.authorizationId);
  if (reading.consumed !== null && (test.authorization === reading.consumed || named)) {
    await ctx.store.tests.clearAuthorization(test.id);
  }
  await acknowledgeApplied(ctx, test.id, reading.applied, reading.decidedAlerts);
  await ctx.feed.candidateChanged(test.sessionId, test.candidateId, mainCause(reading.causes));
  return reading.journal.storedThrough;
}

/** A record that names a command (its authorization) proves the station applied it. */
async function acknowledgeApplied(
  ctx: ServerContext,
  testId: string,
  commandIds: readonly string[],
  alertIds: readonly string[],
): Promise<void> {
  const ids = [...commandIds];
  for (const alertId of alertIds) {
    const alert = await ctx.store.alerts.get(alertId);
    if (alert?.commandId) ids.push(alert.commandId);
  }
  for (const id of ids) {
    const command = await ctx.store.commands.get(id);
    // Acknowledged already (its first time kept) or not: the record proves it was applied.
    if (command && command.testId === testId && command.acknowledgedOutcome !== 'applied')
      await ctx.store.commands.acknowledge(id, ctx.now(), 'applied');
  }
}

/** The record's hash (native SHA-256), or a refusal for text that has no canonical form. */
function hashOf(record: JournalRecord): string {
  try {
    return recordHash(record, nativeSha256Hex);
  } catch {
    throw chainBroken(`record ${record.seq} cannot be hashed`);
  }
}

function chainBroken(message: string): ApiError {
  return new ApiError(422, 'CHAIN_BROKEN', `${message}: nothing was stored`);
}

/**
 * Every stored record, for a resume on another station (after the invigilator authorized it), and the
 * time left the test's station last reported, when it reported it at the last of these records, or at
 * any point when none of them is the start: from memory, or after a server restart the one stored (at
 * most TIME_LEFT_STORED_EVERY_MS old).
 */
export async function recordsForResume(
  ctx: ServerContext,
  station: StoredStation,
  testId: string,
): Promise<TestRecordsResponse> {
  const test = await stationTest(ctx, station, testId, 'records');
  const records = await ctx.store.tests.records(test.id);
  const stored = test.heartbeat;
  const last = ctx.feed.heartbeats.get(test.id) ?? {
    lastSeq: stored.lastSeq ?? -1,
    timeLeftMs: stored.timeLeftMs,
  };
  // Only a report made at the last stored record counts: one made further on proves records the server
  // never received (answers the candidate gives again), whose time must not be charged twice.
  const atLastRecord = last.lastSeq === (records.at(-1)?.seq ?? 0);
  // Its start never arrived (the station died first): the new station starts the test again at the
  // first question, and this report is all the server knows of the time run there. It is charged, as
  // time always is as the server knows it (never the downtime, nor the whole time again); what was
  // answered there is lost, as the invigilator is told before authorizing (the card's startNotReceived).
  const startReceived = records.some((r) => r.kind === 'started');
  return { records, lastTimeLeftMs: atLastRecord || !startReceived ? last.timeLeftMs : null };
}
