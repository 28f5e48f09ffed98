// What the server hands over with the records of a resume from another station (migration 6): kept in
// the import's transaction, until this station's own `testOpened` continues the chain, across a
// relaunch; gone with its test.
import { afterAll, describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../../core/journal/journal-record.ts';
import { AnswerJournal } from './answer-journal.ts';
import { openJournalDatabase } from './journal-database.ts';
import { InvalidInputError } from './journal-errors.ts';
import {
  answered,
  opened,
  removeTempJournals,
  tempJournalFile,
  testInfo,
  testWithPackage,
} from './journal-fixtures.ts';
import { MIGRATIONS, latestVersion } from './migrations.ts';

afterAll(removeTempJournals);

const at = (elapsedMs = 0) => ({ wallAt: 1_700_000_000_000 + elapsedMs, elapsedMs });

/** The chain another station wrote, as the server replicated it: opened, then two answers. */
function recordsFromElsewhere(): JournalRecord[] {
  const other = AnswerJournal.open({ file: tempJournalFile() });
  testWithPackage(other, 't', 4);
  other.append('t', opened, at());
  other.append('t', answered('rec1'), at(60_000));
  other.append('t', answered('rec2'), at(120_000));
  const records = other.records('t');
  other.close();
  return records;
}

describe('the hand-over of a resume from another station', () => {
  it('is kept with the imported records, across a reopening, until this station’s testOpened', () => {
    const records = recordsFromElsewhere();
    const file = tempJournalFile();
    const journal = AnswerJournal.open({ file });
    testWithPackage(journal, 't', 4);
    journal.importRecords('t', records, { timeLeftMs: 6_150_000, receivedAt: 42 });
    journal.close();

    const reopened = AnswerJournal.open({ file });
    expect(reopened.resumeHandover('t')).toEqual({ timeLeftMs: 6_150_000, atSeq: 3, receivedAt: 42 });
    // Not part of the chain.
    expect(reopened.verify('t').ok).toBe(true);
    reopened.append('t', opened, at(130_000));
    expect(reopened.resumeHandover('t')).toBeNull();
    reopened.close();
  });

  it('keeps a hand-over without a time-left report, and nothing when there is none', () => {
    const records = recordsFromElsewhere();
    const journal = AnswerJournal.open({ file: tempJournalFile() });
    testWithPackage(journal, 't', 4);
    testWithPackage(journal, 'u', 4);
    journal.importRecords('t', records, { timeLeftMs: null, receivedAt: 42 });
    expect(journal.resumeHandover('t')).toEqual({ timeLeftMs: null, atSeq: 3, receivedAt: 42 });
    expect(journal.resumeHandover('u')).toBeNull();
    journal.close();
  });

  it('is not kept when the import is refused, nor when the hand-over is not one', () => {
    const records = recordsFromElsewhere();
    const journal = AnswerJournal.open({ file: tempJournalFile() });
    journal.createTest(testInfo('t'));
    // No package stored: the import is refused, and with it the hand-over.
    expect(() => journal.importRecords('t', records, { timeLeftMs: 1000, receivedAt: 42 })).toThrow(
      /package is not stored/,
    );
    expect(journal.resumeHandover('t')).toBeNull();
    testWithPackage(journal, 'u', 4);
    expect(() => journal.importRecords('u', records, { timeLeftMs: -1, receivedAt: 42 })).toThrow(
      InvalidInputError,
    );
    expect(journal.records('u')).toEqual([]);
    journal.close();
  });

  it('goes with its test', () => {
    const journal = AnswerJournal.open({ file: tempJournalFile() });
    testWithPackage(journal, 't', 4);
    journal.importRecords('t', recordsFromElsewhere(), { timeLeftMs: 1000, receivedAt: 42 });
    journal.markMovedElsewhere('t', 1, 0);
    journal.purgeExpired(1);
    expect(journal.test('t')).toBeNull();
    expect(journal.resumeHandover('t')).toBeNull();
    journal.close();
  });

  it('comes with migration 6, which keeps the tests of a version 5 file and holds nothing for them', () => {
    const file = tempJournalFile();
    const v5 = openJournalDatabase(file, MIGRATIONS.slice(0, 5));
    v5.prepare(
      "INSERT INTO tests (test_id, session_id, candidate_id, station_id, candidate, session, created_at) VALUES ('t', 's', 'c', 'st', '{}', '{}', 1)",
    ).run();
    v5.close();
    const journal = AnswerJournal.open({ file });
    expect(journal.settings().schemaVersion).toBe(latestVersion());
    expect(journal.testIds()).toEqual(['t']);
    expect(journal.resumeHandover('t')).toBeNull();
    journal.close();
  });
});
