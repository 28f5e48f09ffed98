// The outbox of result e-mails in SQLite (migration 15, table result_emails): queued in the
// publication's transaction (queueResultEmails, called by the sessions' publish), then read and
// updated one row at a time by the mailer (mail/result-mailer.ts).
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { ResultEmailFailureKind, ResultEmailState } from '../../../core/contracts/result-emails.ts';
import type { ResultEmailPlan, ResultEmailRepository, StoredResultEmail } from '../repositories.ts';
import { candidateFromRow, json, num, numOrNull, resultFromRow, str, strOrNull, type Row } from './rows.ts';

function resultEmailFromRow(r: Row): StoredResultEmail {
  const kind = strOrNull(r.last_error_kind) as ResultEmailFailureKind | null;
  return {
    id: str(r.id),
    sessionId: str(r.session_id),
    recipient: str(r.recipient),
    candidateIds: json<string[]>(r.candidate_ids),
    state: str(r.state) as ResultEmailState,
    attempts: num(r.attempts),
    nextAttemptAt: num(r.next_attempt_at),
    lastAttemptAt: numOrNull(r.last_attempt_at),
    lastFailure: kind === null ? null : { kind, detail: str(r.last_error ?? '') },
    sentAt: numOrNull(r.sent_at),
    createdAt: num(r.created_at),
  };
}

/**
 * Writes the e-mails `plan` names from the session's candidates and results as they are now: to be
 * called inside the publication's transaction, which makes the two one write. A recipient already
 * queued for the session is left as it is (the UNIQUE key; a session is published once).
 */
export function resultEmailQueuer(
  db: SqliteDatabase,
): (sessionId: string, at: number, plan: ResultEmailPlan) => void {
  const candidates = db.prepare('SELECT * FROM candidates WHERE session_id = ?');
  const results = db.prepare('SELECT * FROM results WHERE session_id = ?');
  const insert = db.prepare(
    `INSERT OR IGNORE INTO result_emails (id, session_id, recipient, candidate_ids, state, attempts,
       next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`,
  );
  return (sessionId, at, plan) => {
    const emails = plan(
      (candidates.all(sessionId) as Row[]).map(candidateFromRow),
      (results.all(sessionId) as Row[]).map(resultFromRow),
    );
    for (const email of emails) {
      insert.run(email.id, sessionId, email.recipient, JSON.stringify(email.candidateIds), at, at);
    }
  };
}

export function resultEmails(db: SqliteDatabase): ResultEmailRepository {
  const bySession = db.prepare('SELECT * FROM result_emails WHERE session_id = ? ORDER BY recipient, id');
  const get = db.prepare('SELECT * FROM result_emails WHERE id = ?');
  const due = db.prepare(
    `SELECT * FROM result_emails WHERE state = 'pending' AND next_attempt_at <= ?
     ORDER BY next_attempt_at, created_at, id LIMIT ?`,
  );
  const nextAttemptAt = db
    .prepare("SELECT MIN(next_attempt_at) FROM result_emails WHERE state = 'pending'")
    .pluck();
  const pendingCount = db.prepare("SELECT COUNT(*) FROM result_emails WHERE state = 'pending'").pluck();
  const sent = db.prepare(
    `UPDATE result_emails SET state = 'sent', attempts = @attempts, sent_at = @at, last_attempt_at = @at,
       last_error = NULL, last_error_kind = NULL
     WHERE id = @id AND state = 'pending' AND attempts = @previous`,
  );
  const failed = db.prepare(
    `UPDATE result_emails SET state = @state, attempts = @attempts, next_attempt_at = @next,
       last_attempt_at = @at, last_error = @detail, last_error_kind = @kind
     WHERE id = @id AND state = 'pending' AND attempts = @previous`,
  );
  const resend = db.prepare(
    `UPDATE result_emails SET state = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL,
       last_error_kind = NULL
     WHERE id = ? AND state IN ('sent', 'failed')`,
  );
  const sendNow = db.prepare(
    `UPDATE result_emails SET next_attempt_at = MIN(next_attempt_at, ?) WHERE id = ? AND state = 'pending'`,
  );
  return {
    async listBySession(sessionId) {
      return (bySession.all(sessionId) as Row[]).map(resultEmailFromRow);
    },
    async get(id) {
      const row = get.get(id) as Row | undefined;
      return row ? resultEmailFromRow(row) : null;
    },
    async due(now, limit) {
      return (due.all(now, limit) as Row[]).map(resultEmailFromRow);
    },
    async nextAttemptAt() {
      return numOrNull(nextAttemptAt.get() ?? null);
    },
    async pendingCount() {
      return num(pendingCount.get());
    },
    async recordSent(id, previous, at) {
      return sent.run({ id, previous, attempts: previous + 1, at }).changes === 1;
    },
    async recordRetry(id, previous, failure, at, next) {
      return (
        failed.run({ id, previous, attempts: previous + 1, at, next, state: 'pending', ...failure })
          .changes === 1
      );
    },
    async recordFailed(id, previous, failure, at) {
      return (
        failed.run({ id, previous, attempts: previous + 1, at, next: at, state: 'failed', ...failure })
          .changes === 1
      );
    },
    async resend(id, at) {
      return resend.run(at, id).changes === 1;
    },
    async sendNow(id, at) {
      return sendNow.run(at, id).changes === 1;
    },
  };
}
