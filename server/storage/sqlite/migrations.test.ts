import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from './migrations.ts';

const CSV = 'a'.repeat(64);
const SVG = 'b'.repeat(64);
const NEVER_STORED = 'c'.repeat(64);

describe('migration 4: stored files belong to the centres that cite them', () => {
  it('gives each centre whose bank cites a stored file a reference under its challenges’ type', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 3));
    db.prepare("INSERT INTO centres (id, name, created_at) VALUES ('A', 'A', 0), ('B', 'B', 0)").run();
    const addContent = db.prepare(
      "INSERT INTO content (hash, media_type, size, stored_at, bytes) VALUES (?, 'text/html', 1, 0, x'00')",
    );
    addContent.run(CSV);
    addContent.run(SVG);
    const body = {
      attachments: [
        { hash: CSV, fileName: 'notes.csv', mediaType: 'text/csv', size: 1 },
        { hash: NEVER_STORED, fileName: 'lost.pdf', mediaType: 'application/pdf', size: 1 },
      ],
      illustration: { hash: SVG, mediaType: 'image/svg+xml', alt: 'a square' },
    };
    db.prepare(
      `INSERT INTO challenges (centre_id, id, competence, skill, type, status, body, imported_at)
       VALUES ('A', 'rec1', '1.1', '@s1', 'QCU', 'validé', ?, 7)`,
    ).run(JSON.stringify(body));

    migrate(db, ':memory:', MIGRATIONS);

    expect(db.prepare('SELECT * FROM centre_content ORDER BY hash').all()).toEqual([
      { centre_id: 'A', hash: CSV, media_type: 'text/csv', at: 7 },
      { centre_id: 'A', hash: SVG, media_type: 'image/svg+xml', at: 7 },
    ]);
    // The first uploader's type is no longer kept with the shared bytes.
    expect(db.prepare('SELECT DISTINCT media_type FROM content').pluck().all()).toEqual([
      'application/octet-stream',
    ]);
    db.close();
  });
});

describe('migration 5: a result refused for good is marked on its test', () => {
  it('adds the refusal’s code and time to every test, empty, and keeps the tests as they were', () => {
    const db = new Database(':memory:');
    // A test row alone: its session, candidate and station play no part here.
    db.pragma('foreign_keys = OFF');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 4));
    db.prepare(
      `INSERT INTO tests (id, session_id, candidate_id, station_id, joined_at, stored_through, ended_reason)
       VALUES ('tst_1', 'ses_1', 'cand_1', 'stn_1', 7, 12, 'finished')`,
    ).run();

    migrate(db, ':memory:', MIGRATIONS.slice(0, 5));

    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(
      db
        .prepare('SELECT id, stored_through, ended_reason, upload_refusal_code, upload_refused_at FROM tests')
        .all(),
    ).toEqual([
      {
        id: 'tst_1',
        stored_through: 12,
        ended_reason: 'finished',
        upload_refusal_code: null,
        upload_refused_at: null,
      },
    ]);
    db.prepare("UPDATE tests SET upload_refusal_code = 'CHAIN_BROKEN', upload_refused_at = 9").run();
    expect(db.prepare('SELECT upload_refusal_code, upload_refused_at FROM tests').get()).toEqual({
      upload_refusal_code: 'CHAIN_BROKEN',
      upload_refused_at: 9,
    });
    db.close();
  });
});

describe('migration 6: each result keeps the highest level open to certification it was scored with', () => {
  it('gives the results scored before the default cap, or the highest level one of them certifies', () => {
    const db = new Database(':memory:');
    // Result rows alone: their candidate and session play no part here.
    db.pragma('foreign_keys = OFF');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 5));
    const insert = db.prepare(
      `INSERT INTO results (candidate_id, session_id, test_id, status, pix_score, score, completion, source,
         neutralized, verification_code, scored_at)
       VALUES (?, 'ses_1', ?, 'validated', ?, ?, '{"finished":true}', 'bundle', '[]', NULL, 7)`,
    );
    const score = (...levels: number[]) =>
      JSON.stringify({
        competences: levels.map((level, i) => ({ code: `1.${i + 1}`, level, pix: level * 8 })),
      });
    insert.run('cand_5', 'tst_5', 72, score(5, 4));
    insert.run('cand_6', 'tst_6', 80, score(3, 6, 1));
    insert.run('cand_0', 'tst_0', 0, score());

    migrate(db, ':memory:', MIGRATIONS.slice(0, 6));

    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(
      db
        .prepare('SELECT candidate_id, pix_score, max_reachable_level FROM results ORDER BY candidate_id')
        .all(),
    ).toEqual([
      { candidate_id: 'cand_0', pix_score: 0, max_reachable_level: 5 },
      { candidate_id: 'cand_5', pix_score: 72, max_reachable_level: 5 },
      { candidate_id: 'cand_6', pix_score: 80, max_reachable_level: 6 },
    ]);
    db.close();
  });
});

describe('migration 7: logins given under a changed invigilator password stop working', () => {
  it('starts every session and every login at version 0, so that logins made before still work', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = OFF');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 6));
    db.prepare(
      `INSERT INTO sessions (id, number, centre_id, address, room, date, time, examiner, access_code,
         invigilator_password, created_at, updated_at)
       VALUES ('ses_1', 1001, 'ctr_1', 'a', 'b', '2026-12-08', '09:00', 'c', 'BCDF23', 'abc234', 0, 0)`,
    ).run();
    db.prepare(
      `INSERT INTO auth_tokens (token_hash, kind, account_id, session_id, created_at, expires_at, max_expires_at)
       VALUES ('h1', 'invigilator', NULL, 'ses_1', 0, 10, 20)`,
    ).run();

    migrate(db, ':memory:', MIGRATIONS.slice(0, 7));

    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(
      db.prepare('SELECT invigilator_password, invigilator_password_version FROM sessions').get(),
    ).toEqual({ invigilator_password: 'abc234', invigilator_password_version: 0 });
    expect(db.prepare('SELECT token_hash, password_version FROM auth_tokens').get()).toEqual({
      token_hash: 'h1',
      password_version: 0,
    });
    db.close();
  });
});

describe('migration 8: one command per request id in a session', () => {
  it('keeps the commands issued before (no request id), and refuses a second command under the same id', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = OFF');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 7));
    const insert = (id: string, session: string, extra = '') =>
      db
        .prepare(
          `INSERT INTO commands (id, session_id, test_id, station_id, type, command, issued_at${extra ? ', request_id' : ''})
           VALUES (?, ?, 'tst_1', 'stn_1', 'addTime', '{}', 0${extra ? ', ?' : ''})`,
        )
        .run(id, session, ...(extra ? [extra] : []));
    insert('cmd_0', 'ses_1');

    migrate(db, ':memory:', MIGRATIONS.slice(0, 8));

    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare('SELECT id, request_id, request_key, answer FROM commands').all()).toEqual([
      { id: 'cmd_0', request_id: null, request_key: null, answer: null },
    ]);
    // Commands without a request id (the server's own, or a screen that sends none) never collide.
    insert('cmd_1', 'ses_1');
    insert('cmd_2', 'ses_1', 'req-a');
    insert('cmd_3', 'ses_2', 'req-a');
    expect(() => insert('cmd_4', 'ses_1', 'req-a')).toThrow(
      /UNIQUE constraint failed: commands.session_id, commands.request_id/,
    );
    db.close();
  });
});

describe('migration 9: the offset of the station that wrote the start, kept with it', () => {
  it('leaves tests started before without one (the last measured offset stands in)', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = OFF');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 8));
    db.prepare(
      `INSERT INTO tests (id, session_id, candidate_id, station_id, joined_at, started_at, clock_offset_ms)
       VALUES ('tst_1', 'ses_1', 'cnd_1', 'stn_1', 0, 1000, -180000)`,
    ).run();

    migrate(db, ':memory:', MIGRATIONS.slice(0, 9));

    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(
      db.prepare('SELECT started_at, started_clock_offset_ms, clock_offset_ms FROM tests').get(),
    ).toEqual({
      started_at: 1000,
      started_clock_offset_ms: null,
      clock_offset_ms: -180000,
    });
    db.close();
  });
});

describe('migration 11: the files each package cites, kept with its test', () => {
  it('lists the attachments and illustrations of the packages generated before, once each', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = OFF');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 10));
    db.prepare(
      `INSERT INTO tests (id, session_id, candidate_id, station_id, joined_at, package_id, package_hash)
       VALUES ('tst_1', 'ses_1', 'cnd_1', 'stn_1', 0, 'pkg_1', 'h')`,
    ).run();
    const pkg = {
      challenges: [
        {
          id: 'rec1',
          attachments: [{ hash: CSV, fileName: 'notes.csv', mediaType: 'text/csv', size: 1 }],
          illustration: { hash: SVG, mediaType: 'image/svg+xml', alt: 'a square' },
        },
        { id: 'rec2', attachments: [{ hash: CSV, fileName: 'notes.csv', mediaType: 'text/csv', size: 1 }] },
        { id: 'rec3', attachments: [] },
      ],
    };
    db.prepare(
      `INSERT INTO test_packages (test_id, package, generated, profile_snapshot, bank_snapshot)
       VALUES ('tst_1', ?, '{}', '{}', '[]')`,
    ).run(JSON.stringify(pkg));

    migrate(db, ':memory:', MIGRATIONS.slice(0, 11));

    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(db.prepare('SELECT test_id, hash FROM package_content ORDER BY hash').all()).toEqual([
      { test_id: 'tst_1', hash: CSV },
      { test_id: 'tst_1', hash: SVG },
    ]);
    db.close();
  });
});

describe('migration 12: an enrollment code may be issued for one revoked station', () => {
  it('keeps the codes issued before as codes for new stations', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = OFF');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 11));
    db.prepare(
      `INSERT INTO enrollment_codes (code_hash, centre_id, created_by, created_at, expires_at)
       VALUES ('h1', 'cen_1', NULL, 0, 1)`,
    ).run();

    migrate(db, ':memory:', MIGRATIONS.slice(0, 12));

    expect(db.pragma('user_version', { simple: true })).toBe(12);
    expect(db.prepare('SELECT code_hash, for_station_id FROM enrollment_codes').all()).toEqual([
      { code_hash: 'h1', for_station_id: null },
    ]);
    db.close();
  });
});

describe('migration 13: the browsers that logged in stay known across a restart', () => {
  it('adds an empty table of devices by target, one row per device and target', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 12));

    migrate(db, ':memory:', MIGRATIONS.slice(0, 13));

    expect(db.pragma('user_version', { simple: true })).toBe(13);
    expect(db.prepare('SELECT COUNT(*) FROM known_devices').pluck().get()).toBe(0);
    const insert = db.prepare(
      'INSERT INTO known_devices (device_hash, target, expires_at, seen) VALUES (?, ?, ?, ?)',
    );
    insert.run(CSV, 'session:1001', 10, 1);
    insert.run(CSV, 'email:a@example.org', 20, 1);
    insert.run(SVG, 'session:1001', 30, 2);
    expect(() => insert.run(CSV, 'session:1001', 40, 3)).toThrow(
      /UNIQUE constraint failed: known_devices.device_hash, known_devices.target/,
    );
    // STRICT: no time stored as text by mistake.
    expect(() => insert.run(SVG, 'session:1002', 'tomorrow', 3)).toThrow(/cannot store TEXT value/);
    // A password change (by target) and the purge (by expiry) use their indexes.
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join();
    expect(plan("DELETE FROM known_devices WHERE target = 'session:1001'")).toContain(
      'known_devices_by_target',
    );
    expect(plan('DELETE FROM known_devices WHERE expires_at <= 15')).toContain('known_devices_expiry');
    db.close();
  });
});

describe('migration 16: the updates of a published result, beside the publication’s messages', () => {
  it('keeps the messages queued before as they were, and adds an empty table of updates, one per change', () => {
    const db = new Database(':memory:');
    // Rows alone: their session and candidate play no part here.
    db.pragma('foreign_keys = OFF');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 15));
    db.prepare(
      `INSERT INTO result_emails (id, session_id, recipient, candidate_ids, state, attempts, next_attempt_at,
         sent_at, created_at)
       VALUES ('eml_1', 'ses_1', 'prof@college.fr', '["cnd_1","cnd_2"]', 'sent', 1, 5, 6, 5)`,
    ).run();

    migrate(db, ':memory:', MIGRATIONS.slice(0, 16));

    expect(db.pragma('user_version', { simple: true })).toBe(16);
    expect(db.prepare('SELECT id, state, sent_at, candidate_ids FROM result_emails').all()).toEqual([
      { id: 'eml_1', state: 'sent', sent_at: 6, candidate_ids: '["cnd_1","cnd_2"]' },
    ]);
    expect(db.prepare('SELECT COUNT(*) FROM result_email_updates').pluck().get()).toBe(0);
    const insert = db.prepare(
      `INSERT INTO result_email_updates (id, session_id, candidate_id, recipient, cause, cause_key, state,
         next_attempt_at, created_at)
       VALUES (?, 'ses_1', 'cnd_1', 'prof@college.fr', ?, ?, 'pending', 7, 7)`,
    );
    // The same address as the publication's message, as many times as there are changes…
    insert.run('emu_1', 'cancelled', 'jury:jur_1');
    insert.run('emu_2', 'restored', 'jury:jur_2');
    // …but one message per change, and only for a reason the back office can word.
    expect(() => insert.run('emu_3', 'cancelled', 'jury:jur_1')).toThrow(
      /UNIQUE constraint failed: result_email_updates.cause_key/,
    );
    expect(() => insert.run('emu_4', 'fraud', 'jury:jur_4')).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT attempts, state FROM result_email_updates WHERE id = ?').get('emu_1')).toEqual({
      attempts: 0,
      state: 'pending',
    });
    // The mailer's due rows use their index.
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join();
    expect(
      plan("SELECT * FROM result_email_updates WHERE state = 'pending' AND next_attempt_at <= 10"),
    ).toContain('result_email_updates_due');
    db.close();
  });
});

describe('migration 17: an update not sent yet carries the later changes of its candidate', () => {
  it('makes each update queued before its own first change, and frees every row for the mailer', () => {
    const db = new Database(':memory:');
    // Rows alone: their session and candidate play no part here.
    db.pragma('foreign_keys = OFF');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 16));
    db.prepare(
      `INSERT INTO result_emails (id, session_id, recipient, candidate_ids, state, attempts, next_attempt_at,
         created_at)
       VALUES ('eml_1', 'ses_1', 'prof@college.fr', '["cnd_1"]', 'pending', 0, 5, 5)`,
    ).run();
    const update = db.prepare(
      `INSERT INTO result_email_updates (id, session_id, candidate_id, recipient, cause, cause_key, state,
         attempts, next_attempt_at, sent_at, created_at)
       VALUES (?, 'ses_1', 'cnd_1', 'prof@college.fr', ?, ?, ?, ?, 9, ?, ?)`,
    );
    update.run('emu_2', 'restored', 'jury:jur_2', 'pending', 0, null, 8);
    update.run('emu_1', 'cancelled', 'jury:jur_1', 'sent', 1, 7, 6);

    migrate(db, ':memory:', MIGRATIONS.slice(0, 17));

    expect(db.pragma('user_version', { simple: true })).toBe(17);
    // In the order they were queued.
    expect(db.prepare('SELECT * FROM result_email_update_causes ORDER BY seq').all()).toEqual([
      { seq: 1, update_id: 'emu_1', cause: 'cancelled', cause_key: 'jury:jur_1', queued_at: 6 },
      { seq: 2, update_id: 'emu_2', cause: 'restored', cause_key: 'jury:jur_2', queued_at: 8 },
    ]);
    expect(db.prepare('SELECT id, sending_since FROM result_emails').all()).toEqual([
      { id: 'eml_1', sending_since: null },
    ]);
    expect(db.prepare('SELECT id, state, sending_since FROM result_email_updates ORDER BY id').all()).toEqual(
      [
        { id: 'emu_1', state: 'sent', sending_since: null },
        { id: 'emu_2', state: 'pending', sending_since: null },
      ],
    );
    const carry = db.prepare(
      'INSERT INTO result_email_update_causes (update_id, cause, cause_key, queued_at) VALUES (?, ?, ?, 10)',
    );
    // A change merged into the waiting one; never a change twice, nor a cause the back office cannot word.
    carry.run('emu_2', 'identityCorrected', 'jury:jur_3');
    expect(() => carry.run('emu_2', 'identityCorrected', 'jury:jur_1')).toThrow(
      /UNIQUE constraint failed: result_email_update_causes.cause_key/,
    );
    expect(() => carry.run('emu_2', 'fraud', 'jury:jur_4')).toThrow(/CHECK constraint failed/);
    // An update's causes go with it (a session deleted deletes its updates).
    db.pragma('foreign_keys = ON');
    db.prepare("DELETE FROM result_email_updates WHERE id = 'emu_2'").run();
    expect(db.prepare('SELECT update_id FROM result_email_update_causes').pluck().all()).toEqual(['emu_1']);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join();
    expect(
      plan("SELECT cause FROM result_email_update_causes WHERE update_id = 'emu_1' ORDER BY seq"),
    ).toContain('result_email_update_causes_by_update');
    db.close();
  });
});

describe('migration 18: the stored files are found by hash among the references', () => {
  it('lets the uncited files’ deletion and its foreign-key check look each file up by hash, not scan', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 18));
    expect(db.pragma('user_version', { simple: true })).toBe(18);
    // The sweep's statement (sqlite-store.ts): each stored file looked up in both lists by its hash.
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN DELETE FROM content WHERE hash IN (
           SELECT hash FROM (
             SELECT hash, SUM(size) OVER (ORDER BY hash ROWS UNBOUNDED PRECEDING) - size AS before
             FROM content c
             WHERE NOT EXISTS (SELECT 1 FROM centre_content r WHERE r.hash = c.hash)
               AND NOT EXISTS (SELECT 1 FROM package_content p WHERE p.hash = c.hash)
           ) WHERE before < ?
         )`,
      )
      .all(1)
      .map((row) => (row as { detail: string }).detail);
    expect(plan).toContainEqual(
      expect.stringMatching(/SEARCH r USING COVERING INDEX centre_content_by_hash/),
    );
    expect(plan).toContainEqual(
      expect.stringMatching(/SEARCH p USING COVERING INDEX package_content_by_hash/),
    );
    // The foreign key from centre_content to content is checked through the same index.
    expect(
      db
        .prepare("EXPLAIN QUERY PLAN SELECT 1 FROM centre_content WHERE hash = 'x'")
        .all()
        .map((row) => (row as { detail: string }).detail),
    ).toEqual([expect.stringMatching(/USING COVERING INDEX centre_content_by_hash/)]);
  });
});

describe('migration 19: the time added the last heartbeat’s time left counts', () => {
  it('leaves a time left stored before it without one (the screen guesses as before)', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = OFF');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 18));
    db.prepare(
      `INSERT INTO tests (id, session_id, candidate_id, station_id, joined_at, time_left_ms, time_left_at)
       VALUES ('tst_1', 'ses_1', 'cnd_1', 'stn_1', 0, 600000, 5000)`,
    ).run();

    migrate(db, ':memory:', MIGRATIONS.slice(0, 19));

    expect(db.pragma('user_version', { simple: true })).toBe(19);
    expect(db.prepare('SELECT time_left_ms, time_left_at, time_left_added_ms FROM tests').get()).toEqual({
      time_left_ms: 600000,
      time_left_at: 5000,
      time_left_added_ms: null,
    });
    db.close();
  });
});

describe('migration 20: an acknowledged command keeps what the station did with it', () => {
  it('leaves the acknowledgements made before it unsaid, and takes only the outcomes', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = OFF');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 19));
    db.prepare(
      `INSERT INTO commands (id, session_id, test_id, station_id, type, command, issued_at, acknowledged_at)
       VALUES ('cmd_1', 'ses_1', 'tst_1', 'stn_1', 'authorizeStart', '{}', 1000, 2000)`,
    ).run();

    migrate(db, ':memory:', MIGRATIONS.slice(0, 20));

    expect(db.pragma('user_version', { simple: true })).toBe(20);
    expect(db.prepare('SELECT acknowledged_at, ack_outcome FROM commands').get()).toEqual({
      acknowledged_at: 2000,
      ack_outcome: null,
    });
    const set = db.prepare("UPDATE commands SET ack_outcome = ? WHERE id = 'cmd_1'");
    for (const outcome of ['applied', 'pending', 'ignored']) expect(set.run(outcome).changes).toBe(1);
    expect(() => set.run('deferred')).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 21: each test package keeps the bank its test was drawn from', () => {
  it('leaves the packages generated before without one, and lets new ones name a stored bank only', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = OFF');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 20));
    db.prepare(
      `INSERT INTO test_packages (test_id, package, generated, profile_snapshot, bank_snapshot)
       VALUES ('tst_1', '{}', '{}', '{}', '[]')`,
    ).run();

    migrate(db, ':memory:', MIGRATIONS.slice(0, 21));

    expect(db.pragma('user_version', { simple: true })).toBe(21);
    expect(db.prepare('SELECT generation_bank FROM test_packages').pluck().get()).toBeNull();
    expect(db.prepare('SELECT COUNT(*) FROM generation_banks').pluck().get()).toBe(0);
    db.pragma('foreign_keys = ON');
    const point = db.prepare("UPDATE test_packages SET generation_bank = ? WHERE test_id = 'tst_1'");
    expect(() => point.run('d'.repeat(64))).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO generation_banks (hash, content, stored_at) VALUES (?, '{}', 1)").run(
      'd'.repeat(64),
    );
    expect(point.run('d'.repeat(64)).changes).toBe(1);
    db.close();
  });
});
