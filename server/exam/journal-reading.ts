// The server's reading of a test's journal records (replicated as they are written, or from the sealed
// bundle): where the candidate is, what is pending, for the invigilator's room. The records' hash chain
// is checked by the caller (core/journal/chain.ts); this only interprets them.
import type { JournalRecord } from '../../core/journal/journal-record.ts';
import type { TestPackage } from '../../core/package/test-package.ts';
import type { JournalState, QuestionContentFlags, StoredAlert } from '../storage/repositories.ts';

export interface Reading {
  journal: JournalState;
  newAlerts: StoredAlert[];
  /** What happened, most significant last (the cause of the room event). */
  causes: string[];
  /** The station consumed the pending start or resume authorization. */
  consumed: 'start' | 'resume' | null;
  /** Commands the records show applied (their ids are the records' authorizations). */
  applied: string[];
  /** Alerts whose decision the station applied. */
  decidedAlerts: string[];
}

export function questionContent(
  pkg: TestPackage | null,
  challengeId: string,
): {
  questionNumber: number | null;
  content: QuestionContentFlags;
} {
  const index = pkg ? pkg.challenges.findIndex((c) => c.id === challengeId) : -1;
  const challenge = index >= 0 ? pkg?.challenges[index] : undefined;
  return {
    questionNumber: index >= 0 ? index + 1 : null,
    content: {
      image: challenge?.illustration !== undefined,
      attachment: (challenge?.attachments.length ?? 0) > 0,
      embed: challenge?.embed !== undefined,
      focused: challenge?.focused ?? false,
    },
  };
}

/**
 * `clockOffsetMs`: the offset (server − station) last measured for the station writing these records,
 * kept with the start and the alerts it writes (null when unknown).
 */
export function readRecords(
  previous: JournalState,
  records: readonly JournalRecord[],
  pkg: TestPackage | null,
  receivedAt: number,
  clockOffsetMs: number | null = null,
): Reading {
  const journal = { ...previous };
  const newAlerts: StoredAlert[] = [];
  const causes: string[] = [];
  let consumed: Reading['consumed'] = null;
  const applied: string[] = [];
  const decidedAlerts: string[] = [];
  for (const record of records) {
    if ('authorization' in record.payload && typeof record.payload.authorization === 'string') {
      applied.push(record.payload.authorization);
    }
    journal.storedThrough = record.seq;
    journal.lastHash = record.hash;
    switch (record.kind) {
      case 'started':
        if (journal.startedAt === null) {
          journal.startedAt = record.wallAt;
          journal.startedClockOffsetMs = clockOffsetMs;
        }
        consumed = 'start';
        causes.push('started');
        break;
      case 'resumed':
        journal.downtimeMs += record.payload.downtimeMs;
        consumed = 'resume';
        causes.push('resumed');
        break;
      case 'answered':
      case 'skipped':
        journal.answered += 1;
        causes.push('answered');
        break;
      case 'alertRaised': {
        const { questionNumber, content } = questionContent(pkg, record.payload.challengeId);
        newAlerts.push({
          id: record.payload.alertId,
          testId: record.testId,
          challengeId: record.payload.challengeId,
          questionNumber,
          content,
          raisedAt: record.wallAt,
          clockOffsetMs,
          receivedAt,
          decision: null,
          reasonCode: null,
          decidedAt: null,
          commandId: null,
        });
        causes.push('alertRaised');
        break;
      }
      case 'alertDecided':
        decidedAlerts.push(record.payload.alertId);
        causes.push('alertDecided');
        break;
      case 'alertWithdrawn': {
        // Withdrawn before it reached the server (offline): raised in the same batch, it is never
        // stored, so the room never shows nor chimes for it. One stored already is left out of the
        // room, finalization and scoring by this record (withdrawnAlertIds).
        const raised = newAlerts.findIndex((a) => a.id === record.payload.alertId);
        if (raised >= 0) {
          newAlerts.splice(raised, 1);
          causes.splice(causes.indexOf('alertRaised'), 1);
        }
        causes.push('alertWithdrawn');
        break;
      }
      case 'paused':
        journal.pausedCause = record.payload.cause;
        journal.pausedReason = record.payload.reason;
        causes.push('paused');
        break;
      case 'unpaused':
        journal.pausedCause = null;
        journal.pausedReason = null;
        causes.push('unpaused');
        break;
      case 'timeAdded':
        journal.addedMs += record.payload.addedMs;
        causes.push('timeAdded');
        break;
      case 'lockdown':
        causes.push('lockdown');
        break;
      case 'ended':
        journal.endedReason = record.payload.reason;
        journal.pausedCause = null;
        journal.pausedReason = null;
        causes.push('ended');
        break;
      default:
        break;
    }
  }
  return { journal, newAlerts, causes, consumed, applied, decidedAlerts };
}

/** The most telling cause for the room (an alert beats an answer). */
export function mainCause(causes: readonly string[]): string {
  const order = [
    'alertRaised',
    'ended',
    'paused',
    'lockdown',
    'resumed',
    'started',
    'unpaused',
    'timeAdded',
    'alertDecided',
    'alertWithdrawn',
    'answered',
  ];
  for (const cause of order) if (causes.includes(cause)) return cause;
  return 'records';
}
