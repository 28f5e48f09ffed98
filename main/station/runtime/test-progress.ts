// A test's progress, derived only from its journal records. The runtime applies each record as it is
// appended, and a relaunch replays the journal through the same reducer, so the state after a crash
// is exactly the state before it.
import type { EndReason } from '../../../core/contracts/station-api.ts';
import type { JournalRecord } from '../../../core/journal/journal-record.ts';

export interface TestProgress {
  packageStored: boolean;
  started: boolean;
  ended: EndReason | null;
  pause: { cause: 'invigilator' | 'lockdown'; reason: string } | null;
  alert: { alertId: string; challengeId: string } | null;
  /** Challenges answered, skipped or neutralized by a validated alert: the candidate moved past them. */
  done: Set<string>;
  answered: number;
  /** Exam time at which the current challenge was shown (the previous challenge's end, or the start). */
  currentShownAtMs: number;
  focusLost: Set<string>;
  addedMs: number;
  downtimeMs: number;
  /** Authorizations and commands already applied (idempotency across restarts). */
  authorizations: Set<string>;
  lastElapsedMs: number;
  lastSeq: number;
}

export function emptyProgress(): TestProgress {
  return {
    packageStored: false,
    started: false,
    ended: null,
    pause: null,
    alert: null,
    done: new Set(),
    answered: 0,
    currentShownAtMs: 0,
    focusLost: new Set(),
    addedMs: 0,
    downtimeMs: 0,
    authorizations: new Set(),
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
      progress.currentShownAtMs = record.elapsedMs;
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
      progress.currentShownAtMs = record.elapsedMs;
      break;
    case 'focusLost':
      progress.focusLost.add(record.payload.challengeId);
      break;
    case 'alertRaised':
      progress.alert = { alertId: record.payload.alertId, challengeId: record.payload.challengeId };
      break;
    case 'alertDecided':
      progress.alert = null;
      if (record.payload.decision === 'validated') {
        progress.done.add(record.payload.challengeId);
        progress.currentShownAtMs = record.elapsedMs;
      }
      break;
    case 'paused':
      progress.pause = { cause: record.payload.cause, reason: record.payload.reason };
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

export function replay(records: readonly JournalRecord[]): TestProgress {
  return records.reduce(applyRecord, emptyProgress());
}
