// The jury's decisions in SQLite (migration 14): identity corrections written with the candidate row
// they change, cancellations and their undoing checked against the standing one, all in one transaction
// each. Results are read with the standing cancellation applied (sqlite-store.ts results()). Once the
// session is published, the decision's update e-mail is queued in its transaction (result-email-store.ts):
// no decision without its message, no message without its decision.
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { juryCancelled } from '../../../core/scoring/jury-cancellation.ts';
import type {
  CandidateIdentityFields,
  JuryDecisionRepository,
  ResultEmailUpdatePlan,
  StoredJuryDecision,
  StoredResult,
} from '../repositories.ts';
import { resultEmailUpdateQueuer } from './result-email-store.ts';
import { json, num, numOrNull, str, type Row } from './rows.ts';

/**
 * When the candidate's certification stands cancelled by the jury: the time of its latest cancel or
 * uncancel if that is a cancel, else NULL. A scalar subquery on a result row aliased `alias`.
 */
export function juryCancelledAtSql(alias: string): string {
  return `(SELECT CASE WHEN d.kind = 'cancel' THEN d.decided_at END FROM jury_decisions d
     WHERE d.candidate_id = ${alias}.candidate_id AND d.kind IN ('cancel', 'uncancel')
     ORDER BY d.seq DESC LIMIT 1)`;
}

/** A result as read: the score as scored, or the jury's cancellation of it while that stands. */
export function withJuryCancellation(result: StoredResult, cancelledAt: number | null): StoredResult {
  if (cancelledAt === null) return { ...result, juryCancelledAt: null };
  return { ...result, score: juryCancelled(result.score), juryCancelledAt: cancelledAt };
}

/** The row's `jury_cancelled_at` column (juryCancelledAtSql). */
export const juryCancelledAtOf = (row: Row): number | null => numOrNull(row.jury_cancelled_at ?? null);

interface IdentityDetail {
  before: CandidateIdentityFields;
  after: CandidateIdentityFields;
}

function decisionFromRow(r: Row): StoredJuryDecision {
  const kind = str(r.kind) as StoredJuryDecision['kind'];
  const detail = json<Partial<IdentityDetail>>(r.detail);
  return {
    id: str(r.id),
    candidateId: str(r.candidate_id),
    kind,
    identity:
      kind === 'identity' && detail.before && detail.after
        ? { before: detail.before, after: detail.after }
        : null,
    reason: str(r.reason),
    decidedAt: num(r.decided_at),
    decidedBy: str(r.decided_by),
  };
}

export function juryDecisions(db: SqliteDatabase): JuryDecisionRepository {
  const insert = db.prepare(
    `INSERT INTO jury_decisions (id, candidate_id, kind, detail, reason, decided_at, decided_by)
     VALUES (@id, @candidateId, @kind, @detail, @reason, @decidedAt, @decidedBy)`,
  );
  const byCandidate = db.prepare('SELECT * FROM jury_decisions WHERE candidate_id = ? ORDER BY seq');
  const bySession = db.prepare(
    `SELECT d.* FROM jury_decisions d JOIN candidates c ON c.id = d.candidate_id
     WHERE c.session_id = ? ORDER BY d.seq`,
  );
  const started = db.prepare('SELECT 1 FROM tests WHERE candidate_id = ? AND package_id IS NOT NULL').pluck();
  const sameIdentity = db
    .prepare(
      `SELECT 1 FROM candidates o JOIN candidates c ON c.session_id = o.session_id
       WHERE c.id = @id AND o.id <> @id AND o.match_key = @matchKey AND o.birthdate = @birthdate`,
    )
    .pluck();
  // Only from the identity the decision corrects: one corrected meanwhile is not overwritten unseen.
  const correct = db.prepare(
    `UPDATE candidates SET last_name = @lastName, first_name = @firstName, birthdate = @birthdate,
       match_key = @matchKey, updated_at = @at
     WHERE id = @id AND last_name = @beforeLastName AND first_name = @beforeFirstName
       AND birthdate = @beforeBirthdate`,
  );
  const hasResult = db.prepare('SELECT 1 FROM results WHERE candidate_id = ?').pluck();
  const standing = db
    .prepare(
      `SELECT kind FROM jury_decisions WHERE candidate_id = ? AND kind IN ('cancel', 'uncancel')
       ORDER BY seq DESC LIMIT 1`,
    )
    .pluck();

  const row = (d: StoredJuryDecision) => ({
    id: d.id,
    candidateId: d.candidateId,
    kind: d.kind,
    detail: JSON.stringify(d.identity ?? {}),
    reason: d.reason,
    decidedAt: d.decidedAt,
    decidedBy: d.decidedBy,
  });

  const queueUpdate = resultEmailUpdateQueuer(db);
  // The message before the decision's row: were that row refused, the message would go with it.
  const queueUpdateOf = (d: StoredJuryDecision, plan: ResultEmailUpdatePlan | undefined) => {
    if (!plan) return;
    const cause =
      d.kind === 'identity' ? 'identityCorrected' : d.kind === 'cancel' ? 'cancelled' : 'restored';
    queueUpdate(d.candidateId, { kind: 'jury', cause }, `jury:${d.id}`, d.decidedAt, plan);
  };

  const correctIdentity = db.transaction(
    (d: StoredJuryDecision, matchKey: string, plan: ResultEmailUpdatePlan | undefined) => {
      if (!d.identity) throw new Error('an identity correction without its identities');
      const { before, after } = d.identity;
      if (!started.get(d.candidateId)) return 'notStarted' as const;
      if (sameIdentity.get({ id: d.candidateId, matchKey, birthdate: after.birthdate }))
        return 'duplicate' as const;
      const changed = correct.run({
        ...after,
        matchKey,
        at: d.decidedAt,
        id: d.candidateId,
        beforeLastName: before.lastName,
        beforeFirstName: before.firstName,
        beforeBirthdate: before.birthdate,
      }).changes;
      if (changed !== 1) return 'stale' as const;
      queueUpdateOf(d, plan);
      insert.run(row(d));
      return 'corrected' as const;
    },
  );

  const decideCancellation = db.transaction(
    (d: StoredJuryDecision, plan: ResultEmailUpdatePlan | undefined) => {
      if (d.kind === 'identity') throw new Error('not a cancellation');
      if (!hasResult.get(d.candidateId)) return 'noResult' as const;
      const cancelled = standing.get(d.candidateId) === 'cancel';
      // The same decision again changes nothing: refused, and no second message.
      if (cancelled === (d.kind === 'cancel')) return 'unchanged' as const;
      queueUpdateOf(d, plan);
      insert.run(row(d));
      return 'decided' as const;
    },
  );

  return {
    async listByCandidate(candidateId) {
      return (byCandidate.all(candidateId) as Row[]).map(decisionFromRow);
    },
    async listBySession(sessionId) {
      return (bySession.all(sessionId) as Row[]).map(decisionFromRow);
    },
    async correctIdentity(decision, matchKey, resultEmailUpdate) {
      return correctIdentity(decision, matchKey, resultEmailUpdate);
    },
    async decideCancellation(decision, resultEmailUpdate) {
      return decideCancellation(decision, resultEmailUpdate);
    },
  };
}
