// The outbox of result e-mails in SQLite: the publication's (migration 15, table result_emails),
// queued in the publication's transaction (queueResultEmails, called by the sessions' publish), and the
// updates of a published result (migration 16, table result_email_updates), queued in the change's
// transaction (resultEmailUpdateQueuer), or merged into the update to the same candidate and address
// still waiting (migration 17, table result_email_update_causes: the changes each update carries). The
// mailer (mail/result-mailer.ts) reads them as one outbox and updates one row at a time by its id,
// whichever table holds it: one machinery for both.
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type {
  ResultEmailFailureKind,
  ResultEmailState,
  ResultEmailUpdateCause,
} from '../../../core/contracts/result-emails.ts';
import type {
  ResultChange,
  ResultEmailPlan,
  ResultEmailRepository,
  ResultEmailUpdatePlan,
  StoredResultEmail,
} from '../repositories.ts';
import { candidateFromRow, json, num, numOrNull, resultFromRow, str, strOrNull, type Row } from './rows.ts';

const COLUMNS = `id, session_id, recipient, state, attempts, next_attempt_at, last_attempt_at, last_error,
  last_error_kind, sent_at, created_at`;

/**
 * Both tables as one outbox; an update carries its one candidate, and why: the changes it carries, in
 * the order they came (its own cause alone if the table of causes has none: it cannot be without one).
 */
const OUTBOX = `(
  SELECT ${COLUMNS}, candidate_ids, NULL AS update_candidate_id, NULL AS update_causes, 0 AS is_update
    FROM result_emails
  UNION ALL
  SELECT ${COLUMNS}, json_array(candidate_id), candidate_id,
    IFNULL((SELECT json_group_array(c.cause ORDER BY c.seq) FROM result_email_update_causes c
            WHERE c.update_id = u.id HAVING COUNT(*) > 0), json_array(cause)),
    1
  FROM result_email_updates u
)`;

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
    update:
      num(r.is_update) === 1
        ? {
            candidateId: str(r.update_candidate_id),
            causes: json<ResultEmailUpdateCause[]>(r.update_causes),
          }
        : null,
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

/**
 * Queues, inside the transaction of a change to a candidate's result, the update `plan` names: only
 * once the session is published (before, its publication's message will carry the change) and while the
 * candidate has a result (else there is nothing to send: their result, when it comes, queues its own).
 * None either while the publication's message to the same address, with this candidate, has not gone
 * yet (written when it goes, it will carry the change), nor for a result re-scored under the jury's
 * standing cancellation (it still reads cancelled: nothing new to say). While an update to the same
 * candidate and address waits, never sent (queued, or failed and waiting for its retry), and the mailer
 * has not taken it, the change is merged into it: one message saying both, not a second one explaining
 * the first. `causeKey` names the change (a jury decision's id, the result written): the same change is
 * never queued twice, merged or not. True when it was queued (on its own or merged).
 */
export function resultEmailUpdateQueuer(
  db: SqliteDatabase,
): (
  candidateId: string,
  change: ResultChange,
  causeKey: string,
  at: number,
  plan: ResultEmailUpdatePlan,
) => boolean {
  const candidate = db.prepare(
    `SELECT c.*, s.published_at AS session_published_at,
       EXISTS (SELECT 1 FROM results r WHERE r.candidate_id = c.id) AS has_result
     FROM candidates c JOIN sessions s ON s.id = c.session_id WHERE c.id = ?`,
  );
  const cancellationStands = db
    .prepare(
      `SELECT kind = 'cancel' FROM jury_decisions WHERE candidate_id = ? AND kind IN ('cancel', 'uncancel')
       ORDER BY seq DESC LIMIT 1`,
    )
    .pluck();
  // Pending and never sent: one put back by « Renvoyer » was already read as it was, so the update goes.
  // Nor one being sent: it may have been written before the change.
  const publicationUnsent = db
    .prepare(
      `SELECT 1 FROM result_emails e, json_each(e.candidate_ids) c
       WHERE e.session_id = @sessionId AND e.recipient = @recipient AND e.state = 'pending'
         AND e.sent_at IS NULL AND e.sending_since IS NULL AND c.value = @candidateId`,
    )
    .pluck();
  const known = db.prepare('SELECT 1 FROM result_email_update_causes WHERE cause_key = ?').pluck();
  // The same conditions for an update: its recipient has read none of what it says.
  const waiting = db
    .prepare(
      `SELECT id FROM result_email_updates
       WHERE session_id = @sessionId AND recipient = @recipient AND candidate_id = @candidateId
         AND state = 'pending' AND sent_at IS NULL AND sending_since IS NULL
       ORDER BY created_at DESC, id DESC LIMIT 1`,
    )
    .pluck();
  const insert = db.prepare(
    `INSERT INTO result_email_updates (id, session_id, candidate_id, recipient, cause, cause_key, state,
       attempts, next_attempt_at, created_at)
     VALUES (@id, @sessionId, @candidateId, @recipient, @cause, @causeKey, 'pending', 0, @at, @at)`,
  );
  const carry = db.prepare(
    `INSERT INTO result_email_update_causes (update_id, cause, cause_key, queued_at)
     VALUES (@updateId, @cause, @causeKey, @at)`,
  );
  return (candidateId, change, causeKey, at, plan) => {
    const row = candidate.get(candidateId) as Row | undefined;
    if (!row || row.session_published_at === null || num(row.has_result) !== 1) return false;
    // A result's change only: a jury's decision says something new even then (an uncancel is queued
    // before its row, while the cancellation it ends still stands).
    if (change.kind === 'result' && cancellationStands.get(candidateId) === 1) return false;
    const stored = candidateFromRow(row);
    const email = plan(stored, change);
    if (email === null) return false;
    if (known.get(causeKey) !== undefined) return false;
    const params = { sessionId: stored.sessionId, recipient: email.recipient, candidateId };
    if (publicationUnsent.get(params) !== undefined) return false;
    // A retry's time and attempts stay as they were: the merged message goes when that one would have.
    let updateId = waiting.get(params) as string | undefined;
    if (updateId === undefined) {
      updateId = email.id;
      insert.run({ ...params, id: updateId, cause: email.cause, causeKey, at });
    }
    carry.run({ updateId, cause: email.cause, causeKey, at });
    return true;
  };
}

export function resultEmails(db: SqliteDatabase): ResultEmailRepository {
  // The publication's message first, then the updates in the order they came.
  const bySession = db.prepare(
    `SELECT * FROM ${OUTBOX} WHERE session_id = ? ORDER BY recipient, is_update, created_at, id`,
  );
  const get = db.prepare(`SELECT * FROM ${OUTBOX} WHERE id = ?`);
  const due = db.prepare(
    `SELECT * FROM ${OUTBOX} WHERE state = 'pending' AND next_attempt_at <= ?
     ORDER BY next_attempt_at, created_at, is_update, id LIMIT ?`,
  );
  const nextAttemptAt = db
    .prepare(
      `SELECT MIN(at) FROM (
         SELECT MIN(next_attempt_at) AS at FROM result_emails WHERE state = 'pending'
         UNION ALL SELECT MIN(next_attempt_at) FROM result_email_updates WHERE state = 'pending')`,
    )
    .pluck();
  const pendingCount = db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM result_emails WHERE state = 'pending')
         + (SELECT COUNT(*) FROM result_email_updates WHERE state = 'pending')`,
    )
    .pluck();
  // Each write prepared for both tables and run on both: an id is in one of them only.
  const onBoth = (sql: (table: string) => string) =>
    ['result_emails', 'result_email_updates'].map((table) => db.prepare(sql(table)));
  const changed = (statements: Statement[], ...params: unknown[]) =>
    statements.reduce((sum, statement) => sum + statement.run(...params).changes, 0) === 1;
  // Taken in the same transaction as it is read: no change merges into it after that.
  const take = onBoth(
    (table) => `UPDATE ${table} SET sending_since = @at
     WHERE id = @id AND state = 'pending' AND attempts = @previous`,
  );
  const takeForSending = db.transaction((id: string, previous: number, at: number) =>
    changed(take, { id, previous, at }) ? (get.get(id) as Row | undefined) : undefined,
  );
  const release = onBoth(
    (table) => `UPDATE ${table} SET sending_since = NULL WHERE sending_since IS NOT NULL`,
  );
  // Each outcome frees the row: a retry may carry the changes that come until then.
  const sent = onBoth(
    (
      table,
    ) => `UPDATE ${table} SET state = 'sent', attempts = @attempts, sent_at = @at, last_attempt_at = @at,
       last_error = NULL, last_error_kind = NULL, sending_since = NULL
     WHERE id = @id AND state = 'pending' AND attempts = @previous`,
  );
  const failed = onBoth(
    (table) => `UPDATE ${table} SET state = @state, attempts = @attempts, next_attempt_at = @next,
       last_attempt_at = @at, last_error = @detail, last_error_kind = @kind, sending_since = NULL
     WHERE id = @id AND state = 'pending' AND attempts = @previous`,
  );
  const resend = onBoth(
    (table) => `UPDATE ${table} SET state = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL,
       last_error_kind = NULL, sending_since = NULL
     WHERE id = ? AND state IN ('sent', 'failed')`,
  );
  const sendNow = onBoth(
    (table) =>
      `UPDATE ${table} SET next_attempt_at = MIN(next_attempt_at, ?) WHERE id = ? AND state = 'pending'`,
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
    async takeForSending(id, previous, at) {
      const row = takeForSending(id, previous, at);
      return row ? resultEmailFromRow(row) : null;
    },
    async releaseSending() {
      return release.reduce((sum, statement) => sum + statement.run().changes, 0);
    },
    async nextAttemptAt() {
      return numOrNull(nextAttemptAt.get() ?? null);
    },
    async pendingCount() {
      return num(pendingCount.get());
    },
    async recordSent(id, previous, at) {
      return changed(sent, { id, previous, attempts: previous + 1, at });
    },
    async recordRetry(id, previous, failure, at, next) {
      return changed(failed, {
        id,
        previous,
        attempts: previous + 1,
        at,
        next,
        state: 'pending',
        ...failure,
      });
    },
    async recordFailed(id, previous, failure, at) {
      return changed(failed, {
        id,
        previous,
        attempts: previous + 1,
        at,
        next: at,
        state: 'failed',
        ...failure,
      });
    },
    async resend(id, at) {
      return changed(resend, at, id);
    },
    async sendNow(id, at) {
      return changed(sendNow, at, id);
    },
  };
}
