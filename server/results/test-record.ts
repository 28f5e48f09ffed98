// The jury's record of one candidate's test (core/contracts/candidate-record.ts), built from what the
// server holds about it (test-record-facts.ts reads it): pure, so that every rule here is tested
// without a server. The journal is the evidence scoring used (the signed result when it arrived, else
// the replicated records); each record is placed on the server's clock as the invigilator's room
// places it (room-view.ts onServerClock), by the offset measured for the station that wrote it; each
// question's status is scoring's own (scoring.ts answerStatuses) and counts as scoring counts it
// (core's countChallenge).
import type { AnswerStatus } from '../../core/challenge/answer.ts';
import {
  MAX_NAVIGATIONS_LISTED,
  MAX_STATION_EVENTS_LISTED,
  stationEventHalves,
  type CandidateTestRecord,
  type RecordAlert,
  type RecordNeutralization,
  type RecordQuestion,
  type TimelineEntry,
} from '../../core/contracts/candidate-record.ts';
import { IncidentCodeSchema } from '../../core/contracts/invigilator-api.ts';
import { AlertReasonCodeSchema, type JournalRecord } from '../../core/journal/journal-record.ts';
import { lockdownPayload, type LockdownFacts } from '../../core/journal/lockdown-facts.ts';
import { packageAllowedMs, type TestPackage } from '../../core/package/test-package.ts';
import { countChallenge } from '../../core/scoring/counted-challenge.ts';
import type { AbortReason } from '../../core/scoring/scoring-input.ts';
import { factsOnServerClock, onServerClock } from '../room/room-view.ts';
import type {
  ReplicatedRecord,
  StoredAlert,
  StoredCandidate,
  StoredCommand,
  StoredIncident,
  StoredSession,
  StoredTest,
} from '../storage/repositories.ts';
import { iso, isoOrNull, stationIso } from '../time.ts';
import { completionOf, isFinished, type Evidence } from './scoring.ts';
import { instructionExcerpt, recordedAnswer } from './test-record-text.ts';

/** Everything the record is made of, read from the store (test-record-facts.ts). */
export interface TestRecordFacts {
  candidate: StoredCandidate;
  session: StoredSession;
  centreName: string;
  test: StoredTest;
  evidence: Evidence;
  /** The signed result, when it arrived: the station that sealed it and its last measured offset. */
  bundle: { stationId: string; serverClockOffsetMs: number | null } | null;
  /** The records replicated during the test, with their writer's offset (server − station). */
  replicated: readonly ReplicatedRecord[];
  pkg: TestPackage;
  /** Scoring's statuses (scoring.ts answerStatuses). */
  statuses: ReadonlyMap<string, AnswerStatus>;
  /** Questions neutralized by a validated alert, with its code (scoring.ts alertNeutralizations). */
  alertNeutralized: ReadonlyMap<string, string | null>;
  juryNeutralized: readonly string[];
  alerts: readonly StoredAlert[];
  /** This candidate's incident reports. */
  incidents: readonly StoredIncident[];
  stationNames: ReadonlyMap<string, string>;
  /** The test's commands (the start and resume authorizations are read from them). */
  commands: readonly StoredCommand[];
  /** Given at finalization or since (scoring.ts knownAbortReason). */
  abortReason: AbortReason | null;
}

/**
 * The offset (server − station) of the station that wrote each record: kept with it when it was
 * replicated; else the last one kept for a record of the same station (a record that reached the
 * server only in the signed result, written offline); else, for the station that sealed the signed
 * result, the offset it sealed with. Null leaves it to onServerClock's fallback (the last measured).
 * A station's records follow its `testOpened` (a resume elsewhere opens the journal there again).
 */
export function writerOffsets(
  records: readonly JournalRecord[],
  replicated: readonly ReplicatedRecord[],
  bundle: TestRecordFacts['bundle'],
): (number | null)[] {
  const kept = new Map(replicated.map((r) => [r.record.seq, r]));
  const lastOf = new Map<string, number>();
  let station: string | null = null;
  return records.map((record) => {
    if (record.kind === 'testOpened') station = record.payload.stationId;
    const same = kept.get(record.seq);
    // The same record (a rejoin before the start replaces the chain): its offset only then.
    const own = same && same.record.hash === record.hash ? same.clockOffsetMs : null;
    if (own !== null) {
      if (station !== null) lastOf.set(station, own);
      return own;
    }
    const last = station === null ? undefined : lastOf.get(station);
    if (last !== undefined) return last;
    return bundle && station === bundle.stationId ? bundle.serverClockOffsetMs : null;
  });
}

/** The challenge a record is about, if any. */
function challengeOf(record: JournalRecord): string | null {
  switch (record.kind) {
    case 'answered':
    case 'skipped':
    case 'focusLost':
    case 'alertRaised':
    case 'alertDecided':
    case 'alertWithdrawn':
      return record.payload.challengeId;
    default:
      return null;
  }
}

type Base = Pick<TimelineEntry, 'seq' | 'at' | 'elapsedMs' | 'questionNumber'>;

/** `toServer`: a lockdown record's facts with their instants on the server's clock, as `base.at` is. */
function timelineEntry(
  record: JournalRecord,
  base: Base,
  toServer: (facts: unknown) => LockdownFacts | undefined,
): TimelineEntry {
  switch (record.kind) {
    case 'testOpened':
      return { ...base, kind: 'testOpened', stationId: record.payload.stationId };
    case 'packageStored':
      return { ...base, kind: 'packageStored', challengeCount: record.payload.challengeCount };
    case 'started':
      return { ...base, kind: 'started' };
    case 'resumed':
      return { ...base, kind: 'resumed', downtimeMs: record.payload.downtimeMs };
    case 'answered':
      return {
        ...base,
        kind: 'answered',
        timedOut: record.payload.timedOut,
        focusedOut: record.payload.focusedOut,
      };
    case 'skipped':
      return { ...base, kind: 'skipped' };
    case 'focusLost':
      return { ...base, kind: 'focusLost' };
    case 'alertRaised':
      return { ...base, kind: 'alertRaised', alertId: record.payload.alertId };
    case 'alertDecided':
      return {
        ...base,
        kind: 'alertDecided',
        alertId: record.payload.alertId,
        decision: record.payload.decision,
        reasonCode: record.payload.reasonCode,
      };
    case 'alertWithdrawn':
      return { ...base, kind: 'alertWithdrawn', alertId: record.payload.alertId };
    case 'paused':
      return { ...base, kind: 'paused', cause: record.payload.cause, reason: record.payload.reason };
    case 'unpaused':
      return { ...base, kind: 'unpaused' };
    case 'timeAdded':
      return { ...base, kind: 'timeAdded', addedMs: record.payload.addedMs };
    case 'navigation':
      return {
        ...base,
        kind: 'navigation',
        url: record.payload.url,
        allowed: record.payload.allowed,
        rule: record.payload.rule,
      };
    case 'lockdown':
      // Facts that do not fit their event are left out (a record intake kept whole: it is signed).
      return {
        ...base,
        kind: 'lockdown',
        ...lockdownPayload(record.payload.event, record.payload.detail, toServer(record.payload.facts)),
      };
    case 'ended':
      return { ...base, kind: 'ended', reason: record.payload.reason };
  }
}

/**
 * Which navigations are listed: the blocked ones first, then the allowed ones, each in the order they
 * happened, MAX_NAVIGATIONS_LISTED in all; the others are counted.
 */
export function navigationsListed(
  records: readonly JournalRecord[],
  limit = MAX_NAVIGATIONS_LISTED,
): { listed: Set<number>; summary: CandidateTestRecord['navigation'] } {
  const navigations = records.filter((r) => r.kind === 'navigation');
  const blocked = navigations.filter((r) => !r.payload.allowed);
  const allowed = navigations.filter((r) => r.payload.allowed);
  const blockedListed = blocked.slice(0, limit);
  const allowedListed = allowed.slice(0, limit - blockedListed.length);
  return {
    listed: new Set([...blockedListed, ...allowedListed].map((r) => r.seq)),
    summary: {
      total: navigations.length,
      blocked: blocked.length,
      omitted: {
        allowed: allowed.length - allowedListed.length,
        blocked: blocked.length - blockedListed.length,
      },
      limit,
    },
  };
}

/**
 * The station's events (lockdown events, focused questions left) listed: the first half of `limit`
 * and the last half, so that the jury sees how the test began and how it ended (the end is often
 * where it matters); the ones between are counted.
 */
export function stationEventsListed(
  records: readonly JournalRecord[],
  limit = MAX_STATION_EVENTS_LISTED,
): { listed: Set<number>; summary: CandidateTestRecord['stationEvents'] } {
  const events = records.filter((r) => r.kind === 'lockdown' || r.kind === 'focusLost');
  const { first, last } = stationEventHalves(limit);
  const listed =
    events.length <= limit ? events : [...events.slice(0, first), ...events.slice(events.length - last)];
  return {
    listed: new Set(listed.map((r) => r.seq)),
    summary: { total: events.length, omitted: events.length - listed.length, limit },
  };
}

/** The records the timeline leaves out: navigations and station events beyond their limits. */
interface Listed {
  navigations: ReadonlySet<number>;
  stationEvents: ReadonlySet<number>;
}

interface Timeline {
  entries: TimelineEntry[];
  /** Each record's time on the server's clock, by seq (every record, listed or not). */
  at: Map<number, string | null>;
}

function timelineOf(facts: TestRecordFacts, listed: Listed): Timeline {
  const { records } = facts.evidence;
  const order = facts.pkg.challenges.map((c) => c.id);
  const numberOf = new Map(order.map((id, i) => [id, i + 1]));
  const offsets = writerOffsets(records, facts.replicated, facts.bundle);
  // The question on screen: the first not answered, skipped or neutralized by a validated alert.
  const done = new Set<string>();
  let next = 0;
  const onScreen = () => {
    while (next < order.length && done.has(order[next] ?? '')) next += 1;
    return next < order.length ? next + 1 : null;
  };
  let running = false;
  const entries: TimelineEntry[] = [];
  const at = new Map<number, string | null>();
  records.forEach((record, i) => {
    const moment = stationIso(onServerClock(record.wallAt, offsets[i] ?? null, facts.test.heartbeat));
    at.set(record.seq, moment);
    if (record.kind === 'started' || record.kind === 'resumed') running = true;
    const challengeId = challengeOf(record);
    const questionNumber =
      challengeId !== null
        ? (numberOf.get(challengeId) ?? null)
        : running && record.kind !== 'testOpened' && record.kind !== 'packageStored'
          ? onScreen()
          : null;
    if (record.kind === 'answered' || record.kind === 'skipped') done.add(record.payload.challengeId);
    if (record.kind === 'alertDecided' && record.payload.decision === 'validated')
      done.add(record.payload.challengeId);
    if (record.kind === 'ended') running = false;
    if (record.kind === 'navigation' && !listed.navigations.has(record.seq)) return;
    if ((record.kind === 'lockdown' || record.kind === 'focusLost') && !listed.stationEvents.has(record.seq))
      return;
    entries.push(
      timelineEntry(
        record,
        { seq: record.seq, at: moment, elapsedMs: record.elapsedMs, questionNumber },
        (f) => factsOnServerClock(f, offsets[i] ?? null, facts.test.heartbeat),
      ),
    );
  });
  return { entries, at };
}

function neutralizationOf(facts: TestRecordFacts, challengeId: string): RecordNeutralization | null {
  // An alert's neutralization stands whatever the jury says (the jury cannot undo it).
  if (facts.alertNeutralized.has(challengeId)) {
    const code = AlertReasonCodeSchema.safeParse(facts.alertNeutralized.get(challengeId));
    return { by: 'alert', reasonCode: code.success ? code.data : null };
  }
  return facts.juryNeutralized.includes(challengeId) ? { by: 'jury' } : null;
}

function questionsOf(facts: TestRecordFacts, at: Timeline['at']): RecordQuestion[] {
  const { records } = facts.evidence;
  const completion = completionOf(facts.evidence, facts.abortReason);
  return facts.pkg.challenges.map((challenge, i) => {
    // The first answer or skip, as scoring reads it.
    const given = records.find(
      (r) => (r.kind === 'answered' || r.kind === 'skipped') && r.payload.challengeId === challenge.id,
    );
    const status = facts.statuses.get(challenge.id) ?? null;
    const neutralization = neutralizationOf(facts, challenge.id);
    const asked = {
      challengeId: challenge.id,
      competence: challenge.competence,
      status,
      neutralized: neutralization !== null,
    };
    return {
      number: i + 1,
      challengeId: challenge.id,
      competence: challenge.competence,
      type: challenge.type,
      instruction: instructionExcerpt(challenge.instruction),
      focused: challenge.focused,
      timerSeconds: challenge.timer ?? null,
      answer: given?.kind === 'answered' ? recordedAnswer(challenge, given.payload.value) : null,
      status,
      counted: completion ? countChallenge(asked, completion) : null,
      neutralization,
      timeSpentMs: given?.kind === 'answered' || given?.kind === 'skipped' ? given.payload.timeSpentMs : null,
      answeredAt: given ? (at.get(given.seq) ?? null) : null,
      focusLosses: records.filter((r) => r.kind === 'focusLost' && r.payload.challengeId === challenge.id)
        .length,
    };
  });
}

/**
 * Every alert: those the journal raised (offline ones reached the server only in the signed result)
 * and those the server stored, with the invigilator's decision (the server's, else the journal's);
 * one the candidate withdrew is said withdrawn whatever was decided, as scoring ignores it.
 */
function alertsOf(facts: TestRecordFacts, at: Timeline['at']): RecordAlert[] {
  const numberOf = new Map(facts.pkg.challenges.map((c, i) => [c.id, i + 1]));
  const alerts = new Map<string, RecordAlert>();
  const code = (value: string | null) => {
    const parsed = AlertReasonCodeSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
  const withdrawn = new Set<string>();
  const journalDecisions = new Map<
    string,
    { decision: 'validated' | 'dismissed'; reasonCode: string | null }
  >();
  for (const r of facts.evidence.records) {
    if (r.kind === 'alertRaised' && !alerts.has(r.payload.alertId)) {
      alerts.set(r.payload.alertId, {
        alertId: r.payload.alertId,
        questionNumber: numberOf.get(r.payload.challengeId) ?? null,
        raisedAt: at.get(r.seq) ?? null,
        decision: 'undecided',
        reasonCode: null,
        decidedAt: null,
      });
    } else if (r.kind === 'alertDecided') {
      journalDecisions.set(r.payload.alertId, r.payload);
    } else if (r.kind === 'alertWithdrawn') {
      withdrawn.add(r.payload.alertId);
    }
  }
  for (const stored of facts.alerts) {
    const known = alerts.get(stored.id);
    alerts.set(stored.id, {
      alertId: stored.id,
      questionNumber: known?.questionNumber ?? stored.questionNumber,
      raisedAt:
        known?.raisedAt ??
        stationIso(onServerClock(stored.raisedAt, stored.clockOffsetMs, facts.test.heartbeat)),
      decision: stored.decision ?? 'undecided',
      reasonCode: stored.decision === 'validated' ? code(stored.reasonCode) : null,
      decidedAt: isoOrNull(stored.decidedAt),
    });
  }
  return [...alerts.values()].map((alert) => {
    if (withdrawn.has(alert.alertId)) return { ...alert, decision: 'withdrawn', reasonCode: null };
    const journal = journalDecisions.get(alert.alertId);
    if (alert.decision !== 'undecided' || !journal) return alert;
    return {
      ...alert,
      decision: journal.decision,
      reasonCode: journal.decision === 'validated' ? code(journal.reasonCode) : null,
    };
  });
}

/** The stations the test ran on, in order: each journal part's, then the test's and the sealer's. */
function stationsOf(facts: TestRecordFacts): CandidateTestRecord['stations'] {
  const ids: string[] = [];
  for (const r of facts.evidence.records) if (r.kind === 'testOpened') ids.push(r.payload.stationId);
  ids.push(facts.test.stationId);
  if (facts.bundle) ids.push(facts.bundle.stationId);
  return [...new Set(ids)].map((id) => ({ id, name: facts.stationNames.get(id) ?? id }));
}

function authorizationsOf(facts: TestRecordFacts): CandidateTestRecord['authorizations'] {
  return facts.commands
    .filter((c) => c.testId === facts.test.id)
    .flatMap((c) => {
      const kind: 'start' | 'resume' | null =
        c.command.type === 'authorizeStart'
          ? 'start'
          : c.command.type === 'authorizeResume'
            ? 'resume'
            : null;
      if (kind === null) return [];
      return [
        {
          kind,
          stationId: c.stationId,
          stationName: facts.stationNames.get(c.stationId) ?? c.stationId,
          issuedAt: iso(c.issuedAt),
          acknowledgedAt: isoOrNull(c.acknowledgedAt),
        },
      ];
    })
    .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
}

function evidenceSummary(facts: TestRecordFacts): CandidateTestRecord['evidence'] {
  const { test, evidence } = facts;
  const state = test.bundleReceivedAt !== null ? 'verified' : test.uploadRefusal ? 'refused' : 'awaited';
  return {
    source: evidence.source,
    signedResult: {
      state,
      receivedAt: isoOrNull(test.bundleReceivedAt),
      refusalCode: state === 'refused' ? (test.uploadRefusal?.code ?? null) : null,
    },
    recordCount: evidence.records.length,
  };
}

export function buildTestRecord(facts: TestRecordFacts): CandidateTestRecord {
  const { candidate, session, evidence } = facts;
  const { records } = evidence;
  const navigation = navigationsListed(records);
  const stationEvents = stationEventsListed(records);
  const timeline = timelineOf(facts, { navigations: navigation.listed, stationEvents: stationEvents.listed });
  const firstOf = (kind: JournalRecord['kind']) => records.find((r) => r.kind === kind);
  const lastEnd = records.findLast((r) => r.kind === 'ended');
  let addedMs = 0;
  let downtimeMs = 0;
  for (const r of records) {
    if (r.kind === 'timeAdded') addedMs += r.payload.addedMs;
    if (r.kind === 'resumed') downtimeMs += r.payload.downtimeMs;
  }
  const started = firstOf('started');
  return {
    candidate: {
      id: candidate.id,
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      birthdate: candidate.birthdate,
      extraTimePercentage: candidate.extraTimePercentage,
      accessibilityAdjustment: candidate.accessibilityAdjustment,
    },
    session: {
      id: session.id,
      number: session.number,
      centreId: session.centreId,
      centreName: facts.centreName,
      date: session.date,
      time: session.time,
      room: session.room,
      examiner: session.examiner,
      state: session.state,
    },
    testId: facts.test.id,
    evidence: evidenceSummary(facts),
    stations: stationsOf(facts),
    authorizations: authorizationsOf(facts),
    startedAt: started ? (timeline.at.get(started.seq) ?? null) : null,
    end: {
      reason: evidence.endReason,
      at: lastEnd ? (timeline.at.get(lastEnd.seq) ?? null) : null,
      abortReason: isFinished(evidence.endReason) ? null : facts.abortReason,
      confirmedOver: session.finalization?.confirmedOver?.includes(candidate.id) ?? false,
    },
    time: {
      allowedMs: packageAllowedMs(facts.pkg) + addedMs,
      addedMs,
      downtimeMs,
      elapsedMs: records.at(-1)?.elapsedMs ?? 0,
    },
    questions: questionsOf(facts, timeline.at),
    alerts: alertsOf(facts, timeline.at),
    incidents: facts.incidents.flatMap((i) => {
      const code = IncidentCodeSchema.safeParse(i.code);
      return code.success
        ? [
            {
              code: code.data,
              questionNumber: i.questionNumber,
              description: i.description,
              createdAt: iso(i.createdAt),
            },
          ]
        : [];
    }),
    navigation: navigation.summary,
    stationEvents: stationEvents.summary,
    timeline: timeline.entries,
  };
}
