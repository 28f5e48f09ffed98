// What the jury's record of a test is made of (test-record.ts), read from the store: the evidence
// scoring uses (scoring.ts evidenceOf) and what scoring makes of it (statuses, neutralizations, abort
// reason), the test package, the alerts, the candidate's incident reports, the stations and the
// invigilator's commands. Null when the candidate never started a test.
import type { ServerContext } from '../context.ts';
import { centreName } from '../sessions/session-service.ts';
import type { StoredCandidate, StoredSession } from '../storage/repositories.ts';
import { startedTests } from './finalization.ts';
import { alertNeutralizations, answerStatuses, evidenceFrom, knownAbortReason } from './scoring.ts';
import type { TestRecordFacts } from './test-record.ts';

export async function testRecordFacts(
  ctx: ServerContext,
  candidate: StoredCandidate,
  session: StoredSession,
): Promise<TestRecordFacts | null> {
  const test = await ctx.store.tests.getByCandidate(candidate.id);
  if (!test) return null;
  const [commands, previous] = await Promise.all([
    ctx.store.commands.listByTests([test.id]),
    ctx.store.results.get(candidate.id),
  ]);
  // Went ahead as finalization counts it: a package, and a start heard of (or applied by its
  // station), a signed result received or a result stored.
  const scored = new Set(previous ? [candidate.id] : []);
  if (startedTests([test], commands, scored).length === 0) return null;
  const [generation, stored, bundle, replicated] = await Promise.all([
    ctx.store.tests.generation(test.id),
    ctx.store.tests.package(test.id),
    ctx.store.bundles.get(test.id),
    ctx.store.tests.replicatedRecords(test.id),
  ]);
  if (!generation || !stored) return null;
  // Read once: the evidence scoring uses (evidenceOf) and the records' writers' offsets.
  const evidence = evidenceFrom(
    bundle,
    replicated.map((r) => r.record),
  );
  const [alertNeutralized, juryNeutralized, alerts, incidents, centre] = await Promise.all([
    alertNeutralizations(ctx, test, evidence),
    ctx.store.tests.juryNeutralizations(test.id),
    ctx.store.alerts.listByTests([test.id]),
    ctx.store.incidents.listBySession(session.id),
    centreName(ctx, session.centreId),
  ]);
  const stationIds = new Set([
    test.stationId,
    ...(bundle ? [bundle.stationId] : []),
    ...commands.map((c) => c.stationId),
    ...evidence.records.flatMap((r) => (r.kind === 'testOpened' ? [r.payload.stationId] : [])),
  ]);
  const stationNames = new Map<string, string>();
  for (const id of stationIds) {
    const station = await ctx.store.stations.get(id);
    if (station) stationNames.set(id, station.name);
  }
  return {
    candidate,
    session,
    centreName: centre,
    test,
    evidence,
    bundle: bundle
      ? { stationId: bundle.stationId, serverClockOffsetMs: bundle.payload.serverClockOffsetMs }
      : null,
    replicated,
    pkg: stored.package,
    statuses: answerStatuses(evidence.records, generation.challenges, {
      accessibilityAdjustment: candidate.accessibilityAdjustment,
    }),
    alertNeutralized,
    juryNeutralized,
    alerts,
    incidents: incidents.filter((i) => i.candidateId === candidate.id),
    stationNames,
    commands,
    abortReason: knownAbortReason(session, candidate.id, previous),
  };
}
