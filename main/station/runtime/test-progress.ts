// A test's progress, derived only from its journal records. The runtime applies each record as it is
// appended, and a relaunch replays the journal through the same reducer, so the state after a crash
// is exactly the state before it.
import type { EndReason } from '../../../core/contracts/station-api.ts';
import type { StationCommand } from '../../../core/contracts/station-server.ts';
import type { JournalRecord } from '../../../core/journal/journal-record.ts';
import { challengeTimerLeftMs } from '../clock/exam-clock.ts';

export interface TestProgress {
  packageStored: boolean;
  started: boolean;
  ended: EndReason | null;
  pause: { cause: 'invigilator' | 'lockdown'; reason: string } | null;
  /** The pending alert; `seq` is its record's, `raisedAtMs` the exam time it froze the challenge at. */
  alert: { alertId: string; challengeId: string; seq: number; raisedAtMs: number } | null;
  /** Reports the candidate withdrew before they reached the server (capped: exam-runtime.ts). */
  withdrawnAlerts: number;
  /** Challenges answered, skipped or neutralized by a validated alert: the candidate moved past them. */
  done: Set<string>;
  answered: number;
  /** Exam time at which the current challenge was shown (the previous challenge's end, or the start). */
  currentShownAtMs: number;
  /** Exam time the current challenge spent frozen by alerts the invigilator dismissed (not withdrawn ones). */
  currentFrozenMs: number;
  focusLost: Set<string>;
  addedMs: number;
  downtimeMs: number;
  /** Authorizations and commands already applied (idempotency across restarts). */
  authorizations: Set<string>;
  /** Alerts decided, and how: their record names the alert, not the command that decided it. */
  decidedAlerts: Map<string, AlertDecision>;
  lastElapsedMs: number;
  lastSeq: number;
}

type AlertDecision = Extract<JournalRecord, { kind: 'alertDecided' }>['payload']['decision'];

export function emptyProgress(): TestProgress {
  return {
    packageStored: false,
    started: false,
    ended: null,
    pause: null,
    alert: null,
    withdrawnAlerts: 0,
    done: new Set(),
    answered: 0,
    currentShownAtMs: 0,
    currentFrozenMs: 0,
    focusLost: new Set(),
    addedMs: 0,
    downtimeMs: 0,
    authorizations: new Set(),
    decidedAlerts: new Map(),
    lastElapsedMs: 0,
    lastSeq: 0,
  };
}

/** Applies one record (mutates and returns `progress`). */
export function applyRecord(progress: TestProgress, record: JournalRecord): TestProgress {
  progress.lastElapsedMs = record.elapsedMs;
  progress.lastSeq = record.seq;
  switch (record.kind) {
    case 'testOpened':
    case 'navigation':
    case 'lockdown':
      break;
    case 'packageStored':
      progress.packageStored = true;
      break;
    case 'started':
      progress.started = true;
      showNext(progress, record.elapsedMs);
      progress.authorizations.add(record.payload.authorization);
      break;
    case 'resumed':
      progress.authorizations.add(record.payload.authorization);
      progress.downtimeMs += record.payload.downtimeMs;
      break;
    case 'answered':
    case 'skipped':
      progress.done.add(record.payload.challengeId);
      progress.answered += 1;
      showNext(progress, record.elapsedMs);
      break;
    case 'focusLost':
      progress.focusLost.add(record.payload.challengeId);
      break;
    case 'alertRaised':
      progress.alert = {
        alertId: record.payload.alertId,
        challengeId: record.payload.challengeId,
        seq: record.seq,
        raisedAtMs: record.elapsedMs,
      };
      break;
    case 'alertDecided':
      // DOMAIN §7: the question was frozen until now; a dismissed one is answered with the time it had.
      if (progress.alert)
        progress.currentFrozenMs += Math.max(0, record.elapsedMs - progress.alert.raisedAtMs);
      progress.alert = null;
      progress.decidedAlerts.set(record.payload.alertId, record.payload.decision);
      if (record.payload.decision === 'validated') {
        progress.done.add(record.payload.challengeId);
        showNext(progress, record.elapsedMs);
      }
      break;
    case 'alertWithdrawn':
      // The candidate's choice, no invigilator decided: the frozen time is not given back, the
      // challenge's timer counts as if it had never stopped (else report, search, withdraw, answer
      // « in time »). It may be up already: the ticker then says so.
      if (progress.alert?.alertId === record.payload.alertId) progress.alert = null;
      progress.withdrawnAlerts += 1;
      break;
    case 'paused':
      progress.pause = { cause: record.payload.cause, reason: record.payload.reason };
      if (record.payload.authorization) progress.authorizations.add(record.payload.authorization);
      break;
    case 'unpaused':
      progress.pause = null;
      if (record.payload.authorization) progress.authorizations.add(record.payload.authorization);
      break;
    case 'timeAdded':
      progress.addedMs += record.payload.addedMs;
      progress.authorizations.add(record.payload.authorization);
      break;
    case 'ended':
      progress.ended = record.payload.reason;
      if (record.payload.authorization) progress.authorizations.add(record.payload.authorization);
      break;
  }
  return progress;
}

/**
 * Whether the journal shows `command` applied to this test: a record names it (its authorization),
 * or, for an alert decision, the alert was decided the same way (the server allows one decision per
 * alert). Such a command delivered again (its acknowledgment lost in a relaunch) is applied already:
 * it is acknowledged `applied`, never applied twice.
 */
export function commandApplied(progress: TestProgress, command: StationCommand): boolean {
  if (progress.authorizations.has(command.id)) return true;
  return command.type === 'alertDecision' && progress.decidedAlerts.get(command.alertId) === command.decision;
}

/** A new challenge is shown: its own timer starts afresh. */
function showNext(progress: TestProgress, elapsedMs: number): void {
  progress.currentShownAtMs = elapsedMs;
  progress.currentFrozenMs = 0;
}

/**
 * Milliseconds left on the current challenge's own timer at exam time `elapsedMs`: it does not run
 * while an alert freezes the challenge, nor counts the time earlier alerts froze it.
 */
export function currentTimerLeftMs(progress: TestProgress, timerSeconds: number, elapsedMs: number): number {
  const until = progress.alert ? Math.min(elapsedMs, progress.alert.raisedAtMs) : elapsedMs;
  return challengeTimerLeftMs(timerSeconds, progress.currentShownAtMs + progress.currentFrozenMs, until);
}

export function replay(records: readonly JournalRecord[]): TestProgress {
  return records.reduce(applyRecord, emptyProgress());
}
