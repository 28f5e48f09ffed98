// The session's finalization record (« Procès-verbal de session », core/contracts/finalization-record.ts)
// from what the server stores: the finalization as it was kept (finalization.ts: the answers, the
// comment, who finalized — the invigilator or an account's id — and when), the candidates with their
// tests, results and incident reports. Presence follows the attendance sheet's rule
// (core/session/attendance.ts), how each test ended follows scoring (the result's completion, the abort
// reason given). `finalizationRecordFacts` reads the store; `buildFinalizationRecord` is pure.
import type {
  FinalizationRecord,
  Finalizer,
  RecordCandidate,
  RecordOutcome,
} from '../../core/contracts/finalization-record.ts';
import { isQuestionCode, type IncidentCode } from '../../core/contracts/invigilator-api.ts';
import type { EndReason } from '../../core/contracts/station-api.ts';
import { attendanceOf } from '../../core/session/attendance.ts';
import type { ServerContext } from '../context.ts';
import { roomState } from '../room/room-view.ts';
import { centreName } from '../sessions/session-service.ts';
import type {
  StoredAccount,
  StoredCandidate,
  StoredIncident,
  StoredResult,
  StoredSession,
  StoredTest,
} from '../storage/repositories.ts';
import { iso, isoOrNull } from '../time.ts';
import { loadStartedTests } from './finalization.ts';
import { evidenceOf, knownAbortReason } from './scoring.ts';

export interface FinalizationRecordFacts {
  session: StoredSession;
  centreName: string;
  /** The account that finalized (null: the invigilator did, or the account is gone). */
  finalizer: StoredAccount | null;
  candidates: readonly StoredCandidate[];
  tests: ReadonlyMap<string, StoredTest>;
  results: ReadonlyMap<string, StoredResult>;
  /** Candidates whose test went ahead (finalization.ts startedTests): present, whatever their card shows. */
  wentAhead: ReadonlySet<string>;
  /** The end the station recorded, per candidate whose test has evidence of one. */
  endReasons: ReadonlyMap<string, EndReason | null>;
  incidents: readonly StoredIncident[];
  /** When the record is made (the server's clock). */
  now: number;
}

/** The invigilator screen finalizes as 'invigilator' (finalization.ts), the back office as the account's id. */
const INVIGILATOR = 'invigilator';

/** The id of the account that finalized the session, or null when the invigilator did (or none yet). */
function finalizingAccountId(session: StoredSession): string | null {
  const by = session.finalization?.finalizedBy ?? INVIGILATOR;
  return by === INVIGILATOR ? null : by;
}

export async function finalizationRecordFacts(
  ctx: ServerContext,
  session: StoredSession,
): Promise<FinalizationRecordFacts> {
  const accountId = finalizingAccountId(session);
  const [centre, finalizer, candidates, tests, results, incidents] = await Promise.all([
    centreName(ctx, session.centreId),
    accountId === null ? null : ctx.store.accounts.get(accountId),
    ctx.store.candidates.listBySession(session.id),
    ctx.store.tests.listBySession(session.id),
    ctx.store.results.listBySession(session.id),
    ctx.store.incidents.listBySession(session.id),
  ]);
  // Only tests that were opened have an end to read (the journal's or the signed result's).
  const opened = tests.filter((test) => test.packageId !== null);
  const wentAhead = await loadStartedTests(ctx, session.id, tests);
  const ends = await Promise.all(opened.map(async (test) => (await evidenceOf(ctx, test)).endReason));
  const endReasons = new Map<string, EndReason | null>(
    opened.map((test, i) => [test.candidateId, ends[i] ?? null]),
  );
  return {
    session,
    centreName: centre,
    finalizer,
    candidates,
    tests: new Map(tests.map((t) => [t.candidateId, t])),
    results: new Map(results.map((r) => [r.candidateId, r])),
    wentAhead: new Set(wentAhead.map((t) => t.candidateId)),
    endReasons,
    incidents,
    now: ctx.now(),
  };
}

function finalizerOf(facts: FinalizationRecordFacts): Finalizer {
  if (finalizingAccountId(facts.session) === null) return { kind: 'invigilator' };
  return {
    kind: 'account',
    displayName: facts.finalizer?.displayName ?? null,
    role: facts.finalizer?.role ?? null,
  };
}

const byName = (a: StoredCandidate, b: StoredCandidate) =>
  a.lastName.localeCompare(b.lastName, 'fr', { sensitivity: 'base' }) ||
  a.firstName.localeCompare(b.firstName, 'fr', { sensitivity: 'base' }) ||
  a.id.localeCompare(b.id);

function candidateLine(facts: FinalizationRecordFacts, candidate: StoredCandidate): RecordCandidate {
  const test = facts.tests.get(candidate.id) ?? null;
  const result = facts.results.get(candidate.id) ?? null;
  // Present as finalization counts it: a test whose start its station applied before dying shows the
  // wait on its card (startAuthorized), yet finalization scored it (finalization.ts startedTests).
  const attendance = attendanceOf(
    roomState(test),
    facts.session.state === 'created',
    facts.wentAhead.has(candidate.id),
  );
  const abortReason =
    result && !result.completion.finished ? knownAbortReason(facts.session, candidate.id, result) : null;
  const outcome: RecordOutcome = result
    ? result.completion.finished
      ? 'finished'
      : 'aborted'
    : attendance === 'present'
      ? 'pending'
      : 'none';
  return {
    candidateId: candidate.id,
    lastName: candidate.lastName,
    firstName: candidate.firstName,
    birthdate: candidate.birthdate,
    extraTimePercentage: candidate.extraTimePercentage,
    attendance,
    outcome,
    endReason: facts.endReasons.get(candidate.id) ?? null,
    abortReason: outcome === 'aborted' ? abortReason : null,
    neutralizedQuestions: result ? result.neutralized.length : null,
    incidents: facts.incidents
      .filter((i) => i.candidateId === candidate.id)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
      .map((i) => {
        const code = i.code as IncidentCode;
        return {
          code,
          questionNumber: isQuestionCode(code) ? i.questionNumber : null,
          description: i.description,
        };
      }),
  };
}

export function buildFinalizationRecord(facts: FinalizationRecordFacts): FinalizationRecord {
  const { session } = facts;
  const f = session.finalization;
  const candidates = [...facts.candidates].sort(byName).map((c) => candidateLine(facts, c));
  const count = (test: (c: RecordCandidate) => boolean) => candidates.filter(test).length;
  return {
    session: {
      id: session.id,
      number: session.number,
      centreId: session.centreId,
      centreName: facts.centreName,
      address: session.address,
      room: session.room,
      date: session.date,
      time: session.time,
      examiner: session.examiner,
    },
    finalization: {
      finalizedAt: isoOrNull(session.finalizedAt),
      finalizedBy: finalizerOf(facts),
      hadIncident: f?.hadIncident ?? false,
      candidateCouldNotJoin: f?.candidateCouldNotJoin ?? false,
      globalComment: f?.globalComment ?? '',
    },
    generatedAt: iso(facts.now),
    candidates,
    counts: {
      enrolled: candidates.length,
      present: count((c) => c.attendance === 'present'),
      absent: count((c) => c.attendance === 'absent'),
      finished: count((c) => c.outcome === 'finished'),
      aborted: count((c) => c.outcome === 'aborted'),
      pending: count((c) => c.outcome === 'pending'),
    },
  };
}
