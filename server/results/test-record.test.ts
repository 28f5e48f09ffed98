// The jury's record built from what the server holds, without a server: which station's clock each
// record is read on, which navigations are listed, which question each event happened on, how alerts
// read (withdrawn, decided offline), how questions count, which stations and authorizations.
import { describe, expect, it } from 'vitest';
import type { Challenge } from '../../core/challenge/challenge.ts';
import type { JournalRecord } from '../../core/journal/journal-record.ts';
import type { TestPackage } from '../../core/package/test-package.ts';
import { qcuChallenge } from '../../core/testing/challenge-fixtures.ts';
import { toPackagedChallenge } from '../../core/challenge/challenge.ts';
import type {
  ReplicatedRecord,
  StoredCandidate,
  StoredCommand,
  StoredSession,
  StoredTest,
} from '../storage/repositories.ts';
import { EMPTY_JOURNAL } from '../exam/bundle-check.ts';
import { TestJournal } from '../testing/journal-builder.ts';
import { answerStatuses } from './scoring.ts';
import {
  buildTestRecord,
  navigationsListed,
  stationEventsListed,
  writerOffsets,
  type TestRecordFacts,
} from './test-record.ts';

const START = Date.parse('2026-12-08T08:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const challenges: Challenge[] = [
  qcuChallenge({ id: 'ch1', skill: '@web3', competence: '1.1' }),
  qcuChallenge({ id: 'ch2', skill: '@donnees2', competence: '1.2' }),
  qcuChallenge({ id: 'ch3', skill: '@tableur2', competence: '1.3' }),
];
const pkg: TestPackage = {
  formatVersion: 1,
  packageId: 'pkg-1',
  generatedAt: iso(START),
  seed: 7,
  session: { id: 'ses-1', number: 12, centreName: 'Collège', room: 'B12', examiner: 'Mme Leroy' },
  candidate: {
    id: 'can-1',
    firstName: 'Léa',
    lastName: 'Martin',
    birthdate: '2011-01-01',
    extraTimePercentage: 0,
    accessibilityAdjustment: false,
  },
  challenges: challenges.map(toPackagedChallenge),
};
const PACKAGE_HASH = 'a'.repeat(64);

const candidate: StoredCandidate = {
  id: 'can-1',
  sessionId: 'ses-1',
  matchKey: 'MARTIN LEA',
  profile: null,
  profileImportedAt: null,
  createdAt: START,
  updatedAt: START,
  lastName: 'Martin',
  firstName: 'Léa',
  sex: 'F',
  birthdate: '2011-01-01',
  birthCountry: 'FRANCE',
  birthCity: null,
  birthInseeCode: '69123',
  birthPostalCode: null,
  externalId: null,
  resultEmail: null,
  extraTimePercentage: 0,
  accessibilityAdjustment: false,
};
const session: StoredSession = {
  id: 'ses-1',
  number: 12,
  centreId: 'cen-1',
  accessCode: 'BCDF23',
  invigilatorPassword: 'x',
  invigilatorPasswordVersion: 1,
  state: 'processed',
  finalization: null,
  finalizedAt: START,
  processedAt: START,
  publishedAt: null,
  createdAt: START,
  updatedAt: START,
  address: '12 rue des Écoles',
  room: 'B12',
  date: '2026-12-08',
  time: '09:00',
  examiner: 'Mme Leroy',
  description: '',
};

function storedTest(overrides: Partial<StoredTest> = {}): StoredTest {
  return {
    id: 'test-1',
    sessionId: 'ses-1',
    candidateId: 'can-1',
    stationId: 'st-A',
    joinedAt: START,
    packageId: 'pkg-1',
    packageHash: PACKAGE_HASH,
    generatedAt: START,
    authorization: null,
    authorizationId: null,
    resumeStationId: null,
    resumeRequestedAt: null,
    journal: EMPTY_JOURNAL,
    heartbeat: {
      phase: null,
      currentIndex: null,
      total: null,
      timeLeftMs: null,
      timeLeftAt: null,
      timeLeftAddedMs: null,
      alertPending: false,
      lastSeq: null,
      lastHeartbeatAt: null,
      clockOffsetMs: null,
    },
    bundleReceivedAt: null,
    uploadRefusal: null,
    ...overrides,
  };
}

/** A journal opened on station A: testOpened, packageStored, started. */
function openedJournal(): TestJournal {
  const journal = new TestJournal('test-1', START);
  journal.open({ sessionId: 'ses-1', candidateId: 'can-1', stationId: 'st-A' }, pkg, PACKAGE_HASH);
  return journal;
}

const challenge = (i: number) => challenges[i] as Challenge;

function facts(journal: TestJournal, overrides: Partial<TestRecordFacts> = {}): TestRecordFacts {
  const ended = journal.records.findLast((r) => r.kind === 'ended');
  return {
    candidate,
    session,
    centreName: 'Collège Jean Moulin',
    test: storedTest(),
    evidence: {
      records: journal.records,
      source: 'records',
      endReason: ended?.kind === 'ended' ? ended.payload.reason : null,
    },
    bundle: null,
    replicated: [],
    pkg,
    statuses: answerStatuses(journal.records, challenges, { accessibilityAdjustment: false }),
    alertNeutralized: new Map(),
    juryNeutralized: [],
    alerts: [],
    incidents: [],
    stationNames: new Map([
      ['st-A', 'Poste 01'],
      ['st-B', 'Poste 02'],
    ]),
    commands: [],
    abortReason: null,
    ...overrides,
  };
}

const replicatedWith = (
  records: readonly JournalRecord[],
  clockOffsetMs: number | null,
): ReplicatedRecord[] => records.map((record) => ({ record, clockOffsetMs }));

describe('the station clock each record is read on', () => {
  it('takes the offset kept with a replicated record, and carries a station’s last one to its records sent only sealed', () => {
    const journal = openedJournal();
    journal.answer(challenge(0), true);
    const replicated = replicatedWith(journal.records, 5_000);
    journal.answer(challenge(1), true);
    const offsets = writerOffsets(journal.records, replicated, null);
    expect(offsets).toEqual([5_000, 5_000, 5_000, 5_000, 5_000]);
  });

  it('does not lend one station’s offset to another’s records: the sealer’s own offset, else none', () => {
    const journal = openedJournal();
    journal.answer(challenge(0), true);
    const replicated = replicatedWith(journal.records, 5_000);
    // A resume on station B, whose records reached the server only in its signed result.
    journal.append({
      kind: 'testOpened',
      payload: { sessionId: 'ses-1', candidateId: 'can-1', stationId: 'st-B' },
    });
    journal.answer(challenge(1), true);
    expect(writerOffsets(journal.records, replicated, null).slice(4)).toEqual([null, null]);
    expect(
      writerOffsets(journal.records, replicated, { stationId: 'st-B', serverClockOffsetMs: -2_000 }).slice(4),
    ).toEqual([-2_000, -2_000]);
  });

  it('ignores an offset kept with another record of the same number (the chain was replaced)', () => {
    const journal = openedJournal();
    const other = new TestJournal('test-1', START + 1);
    other.open({ sessionId: 'ses-1', candidateId: 'can-1', stationId: 'st-A' }, pkg, PACKAGE_HASH);
    expect(writerOffsets(journal.records, replicatedWith(other.records, 5_000), null)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('places each entry on the server’s clock, by the last offset measured when none was kept', () => {
    const journal = openedJournal();
    journal.answer(challenge(0), true);
    const heartbeat = { ...storedTest().heartbeat, clockOffsetMs: 7_000 };
    const record = buildTestRecord(facts(journal, { test: storedTest({ heartbeat }) }));
    expect(record.timeline.map((e) => e.at)).toEqual(journal.records.map((r) => iso(r.wallAt + 7_000)));
    expect(record.startedAt).toBe(iso((journal.records[2]?.wallAt ?? 0) + 7_000));
  });
});

describe('the navigations listed', () => {
  const journalWith = (allowed: boolean[]) => {
    const journal = openedJournal();
    allowed.forEach((ok, i) =>
      journal.append({
        kind: 'navigation',
        payload: { url: `https://site${i}.test/`, allowed: ok, rule: null },
      }),
    );
    return journal;
  };

  it('lists the blocked ones first, then the allowed ones, and counts the others', () => {
    const journal = journalWith([true, false, true, true, false, false]);
    const { listed, summary } = navigationsListed(journal.records, 4);
    const urls = journal.records
      .filter((r) => listed.has(r.seq))
      .map((r) => (r.kind === 'navigation' ? r.payload.url : ''));
    // The three blocked ones, and the first allowed one, in the order they happened.
    expect(urls).toEqual([
      'https://site0.test/',
      'https://site1.test/',
      'https://site4.test/',
      'https://site5.test/',
    ]);
    expect(summary).toEqual({ total: 6, blocked: 3, omitted: { allowed: 2, blocked: 0 }, limit: 4 });
    expect(navigationsListed(journal.records, 2).summary.omitted).toEqual({ allowed: 3, blocked: 1 });
  });

  it('leaves the others out of the timeline, every other record in', () => {
    const journal = journalWith([true, true, false]);
    const record = buildTestRecord(facts(journal));
    expect(record.navigation.total).toBe(3);
    expect(record.timeline).toHaveLength(journal.records.length);
  });
});

describe('the station events listed', () => {
  const journalWith = (events: number) => {
    const journal = openedJournal();
    for (let i = 0; i < events; i += 1)
      journal.append({ kind: 'lockdown', payload: { event: 'displayAdded', detail: `écran ${i}` } });
    journal.answer(challenge(0), true);
    return journal;
  };

  it('lists the first half and the last half in the order they happened, and counts the ones between', () => {
    const journal = journalWith(7);
    const { listed, summary } = stationEventsListed(journal.records, 4);
    const details = journal.records
      .filter((r) => listed.has(r.seq))
      .map((r) => (r.kind === 'lockdown' ? r.payload.detail : ''));
    expect(details).toEqual(['écran 0', 'écran 1', 'écran 5', 'écran 6']);
    expect(summary).toEqual({ total: 7, omitted: 3, limit: 4 });
    expect(stationEventsListed(journal.records, 7).summary.omitted).toBe(0);
  });

  it('carry the facts the station journaled beside its sentence, none for an older station', () => {
    const journal = openedJournal();
    const display = {
      type: 'display',
      label: 'HP E24',
      width: 1280,
      height: 1024,
      handling: 'covered',
    } as const;
    journal.append({ kind: 'lockdown', payload: { event: 'displayAdded', detail: 'écran', facts: display } });
    journal.append({ kind: 'lockdown', payload: { event: 'focusLost', detail: '' } });
    const listed = buildTestRecord(facts(journal)).timeline.filter((e) => e.kind === 'lockdown');
    expect(listed).toMatchObject([
      { event: 'displayAdded', detail: 'écran', facts: display },
      { event: 'focusLost' },
    ]);
    expect(listed[1]).not.toHaveProperty('facts');
  });

  it('leave out facts that do not fit their event, and read a last sign of life on the server’s clock', () => {
    const journal = openedJournal();
    const away = { type: 'away', awayMs: 5_000 } as const;
    const lastSeenAt = START - 3600_000;
    // Well formed, signed and kept whole at intake: only what is shown of it is left out.
    journal.append({ kind: 'lockdown', payload: { event: 'forbiddenProcess', detail: 'x', facts: away } });
    journal.append({
      kind: 'lockdown',
      payload: { event: 'uncleanExit', detail: 'y', facts: { type: 'lastSeen', lastSeenAt } },
    });
    const heartbeat = { ...storedTest().heartbeat, clockOffsetMs: 7_000 };
    const listed = buildTestRecord(facts(journal, { test: storedTest({ heartbeat }) })).timeline.filter(
      (e) => e.kind === 'lockdown',
    );
    expect(listed).toEqual([
      expect.not.objectContaining({ facts: expect.anything() }),
      expect.objectContaining({ facts: { type: 'lastSeen', lastSeenAt: lastSeenAt + 7_000 } }),
    ]);
    expect(listed[0]).toMatchObject({ event: 'forbiddenProcess', detail: 'x' });
  });

  it('leaves the others out of the timeline, and keeps every other record', () => {
    const journal = journalWith(320);
    const record = buildTestRecord(facts(journal));
    expect(record.stationEvents).toEqual({ total: 320, omitted: 20, limit: 300 });
    const listed = record.timeline.filter((e) => e.kind === 'lockdown');
    expect(listed).toHaveLength(300);
    expect(listed.map((e) => (e.kind === 'lockdown' ? e.detail : '')).slice(149, 151)).toEqual([
      'écran 149',
      'écran 170',
    ]);
    expect(record.timeline).toHaveLength(journal.records.length - 20);
    expect(record.timeline.at(-1)?.kind).toBe('answered');
  });
});

describe('the question each entry is about', () => {
  it('is its own for an answer or an alert, the one on screen for any other, none outside the test', () => {
    const journal = openedJournal();
    journal.append({ kind: 'navigation', payload: { url: 'https://a.test/', allowed: true, rule: null } });
    journal.answer(challenge(0), true);
    journal.append({ kind: 'alertRaised', payload: { alertId: 'al-1', challengeId: challenge(1).id } });
    journal.append({ kind: 'lockdown', payload: { event: 'focusLost', detail: '' } });
    journal.append({
      kind: 'alertDecided',
      payload: { alertId: 'al-1', challengeId: challenge(1).id, decision: 'validated', reasonCode: 'E4' },
    });
    journal.append({ kind: 'navigation', payload: { url: 'https://b.test/', allowed: false, rule: null } });
    journal.answer(challenge(2), true);
    journal.append({ kind: 'lockdown', payload: { event: 'focusRegained', detail: '' } });
    journal.end('finished');
    const record = buildTestRecord(facts(journal));
    expect(record.timeline.map((e) => [e.kind, e.questionNumber])).toEqual([
      ['testOpened', null],
      ['packageStored', null],
      ['started', 1],
      ['navigation', 1],
      ['answered', 1],
      ['alertRaised', 2],
      ['lockdown', 2],
      ['alertDecided', 2],
      // The validated alert moved the candidate on to question 3.
      ['navigation', 3],
      ['answered', 3],
      // Every question done.
      ['lockdown', null],
      ['ended', null],
    ]);
  });
});

describe('the alerts and the questions', () => {
  it('says a withdrawn alert withdrawn, and an alert raised and decided offline as the journal says', () => {
    const journal = openedJournal();
    journal.append({ kind: 'alertRaised', payload: { alertId: 'al-1', challengeId: challenge(0).id } });
    journal.append({ kind: 'alertWithdrawn', payload: { alertId: 'al-1', challengeId: challenge(0).id } });
    journal.answer(challenge(0), true);
    journal.append({ kind: 'alertRaised', payload: { alertId: 'al-2', challengeId: challenge(1).id } });
    journal.append({
      kind: 'alertDecided',
      payload: { alertId: 'al-2', challengeId: challenge(1).id, decision: 'dismissed', reasonCode: null },
    });
    journal.answer(challenge(1), false);
    const record = buildTestRecord(
      facts(journal, {
        // Stored before its withdrawal arrived, and decided meanwhile: still withdrawn.
        alerts: [
          {
            id: 'al-1',
            testId: 'test-1',
            challengeId: challenge(0).id,
            questionNumber: 1,
            content: { image: false, attachment: false, embed: false, focused: false },
            raisedAt: START,
            clockOffsetMs: 0,
            receivedAt: START,
            decision: 'validated',
            reasonCode: 'E1',
            decidedAt: START + 60_000,
            commandId: null,
          },
        ],
      }),
    );
    expect(record.alerts.map((a) => [a.alertId, a.questionNumber, a.decision, a.reasonCode])).toEqual([
      ['al-1', 1, 'withdrawn', null],
      ['al-2', 2, 'dismissed', null],
    ]);
    expect(record.alerts[0]?.decidedAt).toBe(iso(START + 60_000));
  });

  it('counts the questions as scoring does, and not at all while how the test ended is unknown', () => {
    const journal = openedJournal();
    journal.answer(challenge(0), true);
    journal.answer(challenge(1), false);
    // No end: the station died. Nobody has said why yet.
    const unknown = buildTestRecord(facts(journal, { juryNeutralized: [challenge(1).id] }));
    expect(unknown.questions.map((q) => [q.status, q.counted])).toEqual([
      ['ok', null],
      ['ko', null],
      [null, null],
    ]);
    expect(unknown.questions[1]?.neutralization).toEqual({ by: 'jury' });
    expect(unknown.end).toMatchObject({ reason: null, at: null, abortReason: null });
    // The candidate's abort: the unanswered question counts as skipped.
    const aborted = buildTestRecord(
      facts(journal, { juryNeutralized: [challenge(1).id], abortReason: 'candidate' }),
    );
    expect(aborted.questions.map((q) => q.counted)).toEqual(['correct', 'neutralized', 'wrong']);
    expect(aborted.end.abortReason).toBe('candidate');
    expect(aborted.questions[0]?.answer).toEqual({ type: 'choices', choices: [{ id: '1', text: 'Oui' }] });
    expect(aborted.questions[0]?.instruction).toBe('Question ch1');
  });

  it('keeps an alert’s neutralization, with its code, over the jury’s', () => {
    const journal = openedJournal();
    const record = buildTestRecord(
      facts(journal, {
        alertNeutralized: new Map([[challenge(2).id, 'E9']]),
        juryNeutralized: [challenge(2).id],
      }),
    );
    expect(record.questions[2]?.neutralization).toEqual({ by: 'alert', reasonCode: 'E9' });
  });
});

describe('the stations and the authorizations', () => {
  const command = (seq: number, type: 'authorizeStart' | 'authorizeResume' | 'pause', stationId: string) =>
    ({
      seq,
      id: `cmd-${seq}`,
      sessionId: 'ses-1',
      testId: 'test-1',
      stationId,
      command:
        type === 'pause'
          ? { type, id: `cmd-${seq}`, testId: 'test-1', reason: 'pause' }
          : { type, id: `cmd-${seq}`, testId: 'test-1' },
      issuedAt: START + seq * 60_000,
      acknowledgedAt: seq === 3 ? null : START + seq * 60_000 + 500,
      acknowledgedOutcome: seq === 3 ? null : 'applied',
    }) satisfies StoredCommand;

  it('lists the stations in the order the test ran on them, and each start and resume given', () => {
    const journal = openedJournal();
    journal.answer(challenge(0), true);
    journal.append({
      kind: 'testOpened',
      payload: { sessionId: 'ses-1', candidateId: 'can-1', stationId: 'st-B' },
    });
    journal.append({ kind: 'resumed', payload: { authorization: 'cmd-2', downtimeMs: 120_000 } });
    const record = buildTestRecord(
      facts(journal, {
        test: storedTest({ stationId: 'st-B' }),
        commands: [
          command(2, 'authorizeResume', 'st-B'),
          command(1, 'authorizeStart', 'st-A'),
          command(3, 'pause', 'st-B'),
        ],
      }),
    );
    expect(record.stations).toEqual([
      { id: 'st-A', name: 'Poste 01' },
      { id: 'st-B', name: 'Poste 02' },
    ]);
    expect(record.authorizations).toEqual([
      {
        kind: 'start',
        stationId: 'st-A',
        stationName: 'Poste 01',
        issuedAt: iso(START + 60_000),
        acknowledgedAt: iso(START + 60_500),
      },
      {
        kind: 'resume',
        stationId: 'st-B',
        stationName: 'Poste 02',
        issuedAt: iso(START + 120_000),
        acknowledgedAt: iso(START + 120_500),
      },
    ]);
    expect(record.time.downtimeMs).toBe(120_000);
    expect(record.timeline.find((e) => e.kind === 'resumed')).toMatchObject({
      downtimeMs: 120_000,
      questionNumber: 2,
    });
  });
});
