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
import {
  SENDING_CLAIM_MS,
  type ResultChange,
  type ResultEmailPlan,
  type ResultEmailRepository,
  type ResultEmailUpdatePlan,
  type StoredResultEmail,
} from '../repositories.ts';
import { candidateFromRow, json, num, numOrNull, resultFromRow, str, strOrNull, type Row } from './rows.ts';

const COLUMNS = `id, session_id, recipient, state, attempts, next_attempt_at, last_attempt_at, last_error,
  last_error_kind, sent_at, created_at, sending_since`;

/**
 * When a change is merged into an update that waits for a retry, the update goes at the latest this
 * long after it (the first retry's wait: a greylisting server's own delay): the new change must not
 * wait hours behind a retry schedule that was not its own.
 */
const MERGED_RETRY_MS = 60_000;

/**
 * A change merged into a waiting update is a new message's worth: it gets every attempt again, and
 * goes soon rather than at a far retry (an update deep in its retries would otherwise carry it hours
 * late, and give it up after one try). Safe: only an update nobody is sending is ever merged into.
 */
const FRESH_BUDGET = `UPDATE result_email_updates SET attempts = 0, next_attempt_at = MIN(next_attempt_at, @soon)
  WHERE id = @id AND state = 'pending'`;

/**
 * Whether the outbox row `o` is an update that must wait: an older message to the same address about
 * the same candidate (the publication's, or an update) has not gone yet. It was queued on its own
 * because that one was taken; if that one is taken again, still being sent by a mailer that stopped, or
 * waiting for its retry, this one must not arrive first (« the jury restored » before « cancelled »).
 */
const HELD_BACK = `o.is_update = 1 AND (
  EXISTS (SELECT 1 FROM result_emails e, json_each(e.candidate_ids) c
          WHERE e.session_id = o.session_id AND e.recipient = o.recipient AND e.state = 'pending'
            AND e.sent_at IS NULL AND c.value = o.update_candidate_id)
  OR EXISTS (SELECT 1 FROM result_email_updates p
             WHERE p.session_id = o.session_id AND p.recipient = o.recipient
               AND p.candidate_id = o.update_candidate_id AND p.state = 'pending' AND p.sent_at IS NULL
               AND (p.created_at < o.created_at OR (p.created_at = o.created_at AND p.id < o.id))))`;

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
  const freshBudget = db.prepare(FRESH_BUDGET);
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
    let updateId = waiting.get(params) as string | undefined;
    if (updateId === undefined) {
      updateId = email.id;
      insert.run({ ...params, id: updateId, cause: email.cause, causeKey, at });
    } else freshBudget.run({ id: updateId, soon: at + MERGED_RETRY_MS });
    carry.run({ updateId, cause: email.cause, causeKey, at });
    return true;
  };
}

/**
 * The outbox, for the mailer and the back office. Opening it frees the rows a mailer took and could not
 * finish (stopped or killed mid-send), once no live send can still hold them (SENDING_CLAIM_MS): a
 * server restarted without a mail server would otherwise keep them taken, every change to their
 * candidates queueing a message of its own.
 */
export function resultEmails(db: SqliteDatabase, now: () => number): ResultEmailRepository {
  // The publication's message first, then the updates in the order they came.
  const bySession = db.prepare(
    `SELECT * FROM ${OUTBOX} WHERE session_id = ? ORDER BY recipient, is_update, created_at, id`,
  );
  const get = db.prepare(`SELECT * FROM ${OUTBOX} WHERE id = ?`);
  const due = db.prepare(
    `SELECT * FROM ${OUTBOX} o
     WHERE o.state = 'pending' AND o.sending_since IS NULL AND o.next_attempt_at <= ? AND NOT (${HELD_BACK})
     ORDER BY o.next_attempt_at, o.created_at, o.is_update, o.id LIMIT ?`,
  );
  // A taken row is due again when releaseSending may free it; one held back, once the one before has
  // gone (recording that wakes the mailer).
  const nextAttemptAt = db
    .prepare(
      `SELECT MIN(CASE WHEN o.sending_since IS NULL THEN o.next_attempt_at
                       ELSE MAX(o.next_attempt_at, o.sending_since + ${SENDING_CLAIM_MS}) END)
       FROM ${OUTBOX} o WHERE o.state = 'pending' AND NOT (${HELD_BACK})`,
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
  // Taken in the same transaction as it is read: no change merges into it after that. Only if no one
  // holds it: another server on the same file, or one still stopping, may be sending it.
  const take = onBoth(
    (table) => `UPDATE ${table} SET sending_since = @at
     WHERE id = @id AND state = 'pending' AND attempts = @previous AND sending_since IS NULL`,
  );
  const takeForSending = db.transaction((id: string, previous: number, at: number) =>
    changed(take, { id, previous, at }) ? (get.get(id) as Row | undefined) : undefined,
  );
  const stale = db
    .prepare(
      `SELECT id FROM result_emails WHERE sending_since <= @before
       UNION ALL SELECT id FROM result_email_updates WHERE sending_since <= @before`,
    )
    .pluck();
  const release = onBoth((table) => `UPDATE ${table} SET sending_since = NULL WHERE id = ?`);
  const releaseStale = db.transaction((at: number) => {
    const ids = stale.all({ before: at - SENDING_CLAIM_MS }) as string[];
    for (const id of ids) {
      changed(release, id);
      foldQueued(id, at);
    }
    return ids.length;
  });
  // Updates queued while a row was taken, to its address and about its candidates, never sent nor taken
  // (held back by `due` meanwhile). The update's own are its later ones, as they came. None into a row
  // sent before and put back by « Renvoyer »: its recipient read it, the updates explain what changed.
  const queuedBehindUpdate = db
    .prepare(
      `SELECT q.id FROM result_email_updates u JOIN result_email_updates q
         ON q.session_id = u.session_id AND q.recipient = u.recipient AND q.candidate_id = u.candidate_id
       WHERE u.id = ? AND u.sent_at IS NULL
         AND q.state = 'pending' AND q.sent_at IS NULL AND q.sending_since IS NULL
         AND (q.created_at > u.created_at OR (q.created_at = u.created_at AND q.id > u.id))
       ORDER BY q.created_at, q.id`,
    )
    .pluck();
  const moveCauses = db.prepare('UPDATE result_email_update_causes SET update_id = ? WHERE update_id = ?');
  const deleteUpdate = db.prepare('DELETE FROM result_email_updates WHERE id = ?');
  const freshBudget = db.prepare(FRESH_BUDGET);
  const dropBehindPublication = db.prepare(
    `DELETE FROM result_email_updates
     WHERE id IN (SELECT q.id FROM result_emails e, json_each(e.candidate_ids) c
                    JOIN result_email_updates q ON q.candidate_id = c.value
                  WHERE e.id = ? AND e.sent_at IS NULL
                    AND q.session_id = e.session_id AND q.recipient = e.recipient
                    AND q.state = 'pending' AND q.sent_at IS NULL AND q.sending_since IS NULL)`,
  );
  /**
   * A taken row goes back without having been sent (its attempt failed, or its mailer stopped): the
   * updates queued meanwhile, which its recipient has not read either, fold into it, so that it never
   * arrives after them nor alongside them (two messages, the second explaining the first). An update
   * takes their changes (and a fresh budget: FRESH_BUDGET); the publication's message, written from the
   * results as they are when it goes, says them already: they are dropped. Chosen over only holding
   * them back in `due` (which stays, for the time a stopped mailer's claim runs): one message, and each
   * path that frees a row without sending it (retry, a stopped mailer, a give-up for a refused address:
   * recordFailure) goes through here.
   */
  function foldQueued(id: string, at: number): void {
    const row = get.get(id) as Row | undefined;
    if (!row) return;
    if (num(row.is_update) !== 1) {
      dropBehindPublication.run(id);
      return;
    }
    const queued = queuedBehindUpdate.all(id) as string[];
    for (const later of queued) {
      moveCauses.run(id, later);
      deleteUpdate.run(later);
    }
    if (queued.length > 0) freshBudget.run({ id, soon: at + MERGED_RETRY_MS });
  }
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
  // Given up, a row is never sent again unless « Renvoyer »: the changes queued behind it fold into it
  // only when its address was refused (sent alone, they would explain a message never read, to an
  // address that refuses it too). Any other give-up leaves them alone: a failed row holds nothing back,
  // so they go on their own attempts.
  type Outcome = { id: string; at: number; state: 'pending' | 'failed'; kind: ResultEmailFailureKind };
  const recordFailure = db.transaction((params: Outcome & Record<string, unknown>) => {
    if (!changed(failed, params)) return false;
    if (params.state === 'pending' || params.kind === 'rejected') foldQueued(params.id, params.at);
    return true;
  });
  const resend = onBoth(
    (table) => `UPDATE ${table} SET state = 'pending', attempts = 0, next_attempt_at = ?, last_error = NULL,
       last_error_kind = NULL, sending_since = NULL
     WHERE id = ? AND state IN ('sent', 'failed')`,
  );
  const sendNow = onBoth(
    (table) =>
      `UPDATE ${table} SET next_attempt_at = MIN(next_attempt_at, ?) WHERE id = ? AND state = 'pending'`,
  );
  // Nothing is written unless a stopped mailer left a row taken. A write refused here (a full disk) must
  // not keep the server from starting: every mailer round releases stale claims again.
  try {
    releaseStale(now());
  } catch {
    // Released by the mailer's next round.
  }
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
    async releaseSending(at) {
      return releaseStale(at);
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
      return recordFailure({
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
      return recordFailure({
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
