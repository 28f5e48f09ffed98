// A test record for the screen's tests (checked by the contract's schema): Léa's test on two
// stations, with answers of every status, an alert validated, a report, a blocked page, a second
// display, a pause, time added and a resume after the station went down.
import {
  CandidateTestRecordSchema,
  type CandidateTestRecord,
  type TimelineEntry,
} from '../../../core/contracts/candidate-record.ts';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 11, 8, 8, minute, second)).toISOString();

let seq = 0;
const entry = <E extends Omit<TimelineEntry, 'seq' | 'elapsedMs'>>(e: E) => ({
  ...e,
  seq: ++seq,
  elapsedMs: seq * 10_000,
});

const timeline = [
  entry({ kind: 'testOpened', at: at(1), questionNumber: null, stationId: 'st-A' }),
  entry({ kind: 'packageStored', at: at(1), questionNumber: null, challengeCount: 5 }),
  entry({ kind: 'started', at: at(2), questionNumber: 1 }),
  entry({ kind: 'answered', at: at(3), questionNumber: 1, timedOut: false, focusedOut: false }),
  entry({
    kind: 'navigation',
    at: at(4, 5),
    questionNumber: 2,
    url: 'https://www.google.com/search?q=<b>reponse</b>',
    allowed: false,
    rule: 'google.com',
  }),
  entry({
    kind: 'navigation',
    at: at(4, 30),
    questionNumber: 2,
    url: 'https://fr.wikipedia.org/wiki/Lyon',
    allowed: true,
    rule: null,
  }),
  entry({ kind: 'lockdown', at: at(5), questionNumber: 2, event: 'displayAdded', detail: 'HDMI-1' }),
  entry({ kind: 'focusLost', at: at(6), questionNumber: 2 }),
  entry({ kind: 'answered', at: at(7), questionNumber: 2, timedOut: false, focusedOut: true }),
  entry({ kind: 'skipped', at: at(8), questionNumber: 3 }),
  entry({ kind: 'alertRaised', at: at(9), questionNumber: 4, alertId: 'al-1' }),
  entry({
    kind: 'alertDecided',
    at: at(10),
    questionNumber: 4,
    alertId: 'al-1',
    decision: 'validated',
    reasonCode: 'E5',
  }),
  entry({ kind: 'paused', at: at(11), questionNumber: 5, cause: 'invigilator', reason: 'Alarme incendie' }),
  entry({ kind: 'unpaused', at: at(16), questionNumber: 5 }),
  entry({ kind: 'timeAdded', at: at(17), questionNumber: 5, addedMs: 600_000 }),
  entry({ kind: 'testOpened', at: at(20), questionNumber: null, stationId: 'st-B' }),
  entry({ kind: 'resumed', at: at(21), questionNumber: 5, downtimeMs: 120_000 }),
  entry({ kind: 'answered', at: at(22), questionNumber: 5, timedOut: false, focusedOut: false }),
  entry({ kind: 'ended', at: at(23), questionNumber: null, reason: 'finished' }),
] satisfies TimelineEntry[];

export function sampleRecord(overrides: Partial<CandidateTestRecord> = {}): CandidateTestRecord {
  return CandidateTestRecordSchema.parse({
    candidate: {
      id: 'can-1',
      firstName: 'Léa',
      lastName: 'Martin',
      birthdate: '2011-03-14',
      extraTimePercentage: 30,
      accessibilityAdjustment: false,
    },
    session: {
      id: 'ses-1',
      number: 1042,
      centreId: 'cen-1',
      centreName: 'Collège Jean Moulin',
      date: '2026-12-08',
      time: '09:00',
      room: 'B12',
      examiner: 'Mme Sophie Leroy',
      state: 'processed',
    },
    testId: 'test-1',
    evidence: {
      source: 'bundle',
      signedResult: { state: 'verified', receivedAt: at(24), refusalCode: null },
      recordCount: timeline.length,
    },
    stations: [
      { id: 'st-A', name: 'Poste 01' },
      { id: 'st-B', name: 'Poste 02' },
    ],
    authorizations: [
      {
        kind: 'start',
        stationId: 'st-A',
        stationName: 'Poste 01',
        issuedAt: at(1, 50),
        acknowledgedAt: at(2),
      },
      {
        kind: 'resume',
        stationId: 'st-B',
        stationName: 'Poste 02',
        issuedAt: at(20, 30),
        acknowledgedAt: null,
      },
    ],
    startedAt: at(2),
    end: { reason: 'finished', at: at(23), abortReason: null, confirmedOver: false },
    time: {
      allowedMs: 136.5 * 60_000 + 600_000,
      addedMs: 600_000,
      downtimeMs: 120_000,
      elapsedMs: 52 * 60_000,
    },
    questions: [
      {
        number: 1,
        challengeId: 'ch1',
        competence: '1.1',
        type: 'QCU',
        instruction: 'Quel outil sert à chercher sur le web ?',
        focused: false,
        timerSeconds: null,
        answer: { type: 'choices', choices: [{ id: '2', text: 'Un moteur de recherche' }] },
        status: 'ok',
        counted: 'correct',
        neutralization: null,
        timeSpentMs: 31_000,
        answeredAt: at(3),
        focusLosses: 0,
      },
      {
        number: 2,
        challengeId: 'ch2',
        competence: '1.2',
        type: 'QROC',
        instruction: 'Dans quelle ville…',
        focused: true,
        timerSeconds: 90,
        answer: {
          type: 'fields',
          fields: [{ name: 'ville', label: null, value: '<script>alert(1)</script>' }],
        },
        status: 'focusedOut',
        counted: 'wrong',
        neutralization: null,
        timeSpentMs: 65_000,
        answeredAt: at(7),
        focusLosses: 1,
      },
      {
        number: 3,
        challengeId: 'ch3',
        competence: '2.1',
        type: 'QCM',
        instruction: 'Cochez…',
        focused: false,
        timerSeconds: null,
        answer: null,
        status: 'aband',
        counted: 'wrong',
        neutralization: { by: 'jury' },
        timeSpentMs: 5_000,
        answeredAt: at(8),
        focusLosses: 0,
      },
      {
        number: 4,
        challengeId: 'ch4',
        competence: '3.1',
        type: 'QROCM-ind',
        instruction: 'Complétez…',
        focused: false,
        timerSeconds: null,
        answer: null,
        status: null,
        counted: 'neutralized',
        neutralization: { by: 'alert', reasonCode: 'E5' },
        timeSpentMs: null,
        answeredAt: null,
        focusLosses: 0,
      },
      {
        number: 5,
        challengeId: 'ch5',
        competence: '4.1',
        type: 'QROCM-dep',
        instruction: 'Citez deux…',
        focused: false,
        timerSeconds: null,
        answer: {
          type: 'fields',
          fields: [
            { name: 'a', label: 'Premier', value: 'pare-feu' },
            { name: 'b', label: 'Second', value: '' },
          ],
        },
        status: 'ko',
        counted: 'wrong',
        neutralization: null,
        timeSpentMs: 40_000,
        answeredAt: at(22),
        focusLosses: 0,
      },
    ],
    alerts: [
      {
        alertId: 'al-1',
        questionNumber: 4,
        raisedAt: at(9),
        decision: 'validated',
        reasonCode: 'E5',
        decidedAt: at(10),
      },
    ],
    incidents: [
      {
        code: 'C6',
        questionNumber: null,
        description: 'Téléphone sur les genoux.',
        createdAt: at(30),
      },
    ],
    navigation: { total: 2, blocked: 1, omitted: { allowed: 0, blocked: 0 }, limit: 300 },
    stationEvents: { total: 2, omitted: 0, limit: 300 },
    timeline,
    ...overrides,
  });
}

type LockdownEntry = Extract<TimelineEntry, { kind: 'lockdown' }>;

/**
 * Léa's record with these lockdown events in place of hers, on question 5: from a newer station (with
 * `facts`) or an older one (its French sentence only).
 */
export function recordWithLockdown(
  events: Omit<LockdownEntry, 'kind' | 'seq' | 'elapsedMs' | 'questionNumber'>[],
): CandidateTestRecord {
  const base = sampleRecord();
  const others = base.timeline.filter((e) => e.kind !== 'lockdown' && e.kind !== 'focusLost');
  const lockdown = events.map((e, i): LockdownEntry => ({
    ...e,
    kind: 'lockdown',
    seq: 1000 + i,
    elapsedMs: 0,
    questionNumber: 5,
  }));
  return sampleRecord({
    timeline: [...others, ...lockdown],
    stationEvents: { total: events.length, omitted: 0, limit: 300 },
  });
}
