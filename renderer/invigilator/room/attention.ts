// What needs the invigilator now (DOMAIN.md §8: with 20+ candidates, who needs help must stand out):
// a pending alert (the candidate is blocked on the question), an alert the station says was raised but
// whose record has not reached the server (blocked as well, nothing to decide yet: go and see), a
// resume to authorize (blocked too),
// a candidate waiting for presence confirmation, a station gone silent, a lockdown event not yet seen,
// a result the server refused (kept on its station: finalize with a comment, the jury will look).
// Pure rules: the room screen sorts and highlights with them, and the unit tests pin them down.
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { connectionHealth, resumeStationHealth, type HealthView } from './connection-health.ts';

export const ATTENTION_KINDS = [
  'alert',
  'alertInTransit',
  'resume',
  'waiting',
  'stationMissing',
  'lockdown',
  'resultRefused',
] as const;
/** Highest priority first. */
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export interface Attention {
  kind: AttentionKind;
  /** Since when (server time, ms), when known: the oldest request comes first. */
  since: number | null;
}

/** Lockdown events that mean something went wrong (the others say it went back to normal). */
export const PROBLEM_LOCKDOWN_EVENTS: ReadonlySet<string> = new Set([
  'focusLost',
  'displayAdded',
  'lockScreen',
  'suspend',
  'rendererCrashed',
  'forbiddenProcess',
  'uncleanExit',
]);

export type RoomGroup = 'attention' | 'active' | 'finished' | 'absent';
const GROUP_RANK: Record<RoomGroup, number> = { attention: 0, active: 1, finished: 2, absent: 3 };

/**
 * urgent: the candidate is blocked until the invigilator acts (alert, alert in transit, resume);
 * action: someone waits for a decision or something happened at the station (waiting, lockdown, a
 * result refused by the server);
 * warning: the station stopped answering; finished: the test is over; none: all is well.
 */
export type Highlight = 'urgent' | 'action' | 'warning' | 'finished' | 'none';

export interface RoomContext {
  /** The server's time as the screen estimates it. */
  nowMs: number;
  /** The time to judge heartbeats by (the moment the screen lost the server, while it is cut off). */
  healthNowMs?: number;
  /** The time of the latest lockdown event the invigilator has seen on this card (ISO), if any. */
  lockdownSeenAt?: (candidateId: string) => string | null;
  /** False once the session is finalized: the room is a record then, nothing in it is to be handled. */
  sessionOpen?: boolean;
}

export interface RoomEntry {
  candidate: RoomCandidate;
  attention: Attention[];
  group: RoomGroup;
  highlight: Highlight;
  health: HealthView;
  /** The station where the candidate asks to resume, while the resume waits (null: no such request). */
  resumeHealth: HealthView | null;
  /** Problem lockdown events newer than the last one the invigilator acknowledged. */
  unseenLockdown: number;
}

const FINISHED = new Set<RoomCandidate['state']>(['ended', 'resultReceived']);

export function isFinished(candidate: Pick<RoomCandidate, 'state'>): boolean {
  return FINISHED.has(candidate.state);
}

const time = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

export function unseenLockdownEvents(candidate: RoomCandidate, seenAt: string | null): number {
  const seen = time(seenAt) ?? -Infinity;
  return candidate.lockdownEvents.filter(
    (e) => PROBLEM_LOCKDOWN_EVENTS.has(e.event) && (time(e.at) ?? Infinity) > seen,
  ).length;
}

export function attentionOf(candidate: RoomCandidate, context: RoomContext): Attention[] {
  const found: Attention[] = [];
  if (context.sessionOpen === false) return found;
  if (candidate.alert) found.push({ kind: 'alert', since: time(candidate.alert.raisedAt) });
  // The station says the question is frozen on an alert the server has not received yet: as urgent as
  // one, with nothing to decide until it arrives (then it is the alert itself).
  else if (candidate.alertInTransit) found.push({ kind: 'alertInTransit', since: null });
  if (candidate.state === 'resumePending' && candidate.authorization !== 'resume') {
    found.push({ kind: 'resume', since: time(candidate.resumeRequest?.at) });
  }
  if (candidate.state === 'waiting') found.push({ kind: 'waiting', since: null });
  const health = connectionHealth(candidate, context.healthNowMs ?? context.nowMs);
  if (health.health === 'lost' && candidate.state !== 'resumePending') {
    found.push({ kind: 'stationMissing', since: time(candidate.lastHeartbeatAt) });
  }
  if (!isFinished(candidate)) {
    const unseen = unseenLockdownEvents(candidate, context.lockdownSeenAt?.(candidate.candidateId) ?? null);
    const lockedByStation = candidate.state === 'paused' && candidate.pause?.cause === 'lockdown';
    if (unseen > 0 || lockedByStation) {
      const last = candidate.lockdownEvents.filter((e) => PROBLEM_LOCKDOWN_EVENTS.has(e.event)).at(-1);
      found.push({ kind: 'lockdown', since: time(last?.at) });
    }
  }
  // Nothing the station will do changes it: it stays until the session is finalized.
  if (candidate.upload === 'refused')
    found.push({ kind: 'resultRefused', since: time(candidate.uploadRefusal?.at) });
  return found.sort((a, b) => ATTENTION_KINDS.indexOf(a.kind) - ATTENTION_KINDS.indexOf(b.kind));
}

export function highlightOf(group: RoomGroup, attention: readonly Attention[]): Highlight {
  const top = attention[0]?.kind;
  if (top === 'alert' || top === 'alertInTransit' || top === 'resume') return 'urgent';
  if (top === 'waiting' || top === 'lockdown' || top === 'resultRefused') return 'action';
  if (top === 'stationMissing') return 'warning';
  return group === 'finished' ? 'finished' : 'none';
}

export function roomEntry(candidate: RoomCandidate, context: RoomContext): RoomEntry {
  const attention = attentionOf(candidate, context);
  const group: RoomGroup =
    attention.length > 0
      ? 'attention'
      : isFinished(candidate)
        ? 'finished'
        : candidate.state === 'notArrived'
          ? 'absent'
          : 'active';
  return {
    candidate,
    attention,
    group,
    highlight: highlightOf(group, attention),
    health: connectionHealth(candidate, context.healthNowMs ?? context.nowMs),
    resumeHealth: resumeStationHealth(candidate, context.healthNowMs ?? context.nowMs),
    unseenLockdown: unseenLockdownEvents(candidate, context.lockdownSeenAt?.(candidate.candidateId) ?? null),
  };
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function byName(a: RoomCandidate, b: RoomCandidate): number {
  return (
    collator.compare(a.lastName, b.lastName) ||
    collator.compare(a.firstName, b.firstName) ||
    a.candidateId.localeCompare(b.candidateId)
  );
}

function compareAttention(a: RoomEntry, b: RoomEntry): number {
  const ka = a.attention[0];
  const kb = b.attention[0];
  if (!ka || !kb) return 0;
  const rank = ATTENTION_KINDS.indexOf(ka.kind) - ATTENTION_KINDS.indexOf(kb.kind);
  if (rank !== 0) return rank;
  // The one waiting longest first; unknown times after known ones.
  const sa = ka.since ?? Infinity;
  const sb = kb.since ?? Infinity;
  return sa === sb ? 0 : sa < sb ? -1 : 1;
}

/**
 * The room in the order the invigilator reads it: what needs them now (most urgent, then longest
 * waiting), then the tests under way, then the finished ones, then those not arrived; by name inside
 * each group so that cards do not jump around.
 */
export function sortRoom(candidates: readonly RoomCandidate[], context: RoomContext): RoomEntry[] {
  return candidates
    .map((c) => roomEntry(c, context))
    .sort(
      (a, b) =>
        GROUP_RANK[a.group] - GROUP_RANK[b.group] ||
        (a.group === 'attention' ? compareAttention(a, b) : 0) ||
        byName(a.candidate, b.candidate),
    );
}

export interface RoomCounts {
  total: number;
  attention: number;
  alerts: number;
  /** Candidates blocked until the invigilator acts: an alert (received or in transit), a resume. */
  blocked: number;
  active: number;
  finished: number;
  absent: number;
}

/** What blocks the candidate until the invigilator acts (the chime, the banner on every page). */
export const BLOCKING: ReadonlySet<AttentionKind> = new Set(['alert', 'alertInTransit', 'resume']);

export function roomCounts(entries: readonly RoomEntry[]): RoomCounts {
  return {
    total: entries.length,
    attention: entries.filter((e) => e.group === 'attention').length,
    // An alert in transit blocks the candidate as much: it counts (title, banner) as one.
    alerts: entries.filter((e) => e.attention.some((a) => a.kind === 'alert' || a.kind === 'alertInTransit'))
      .length,
    blocked: entries.filter((e) => e.attention.some((a) => BLOCKING.has(a.kind))).length,
    active: entries.filter((e) => e.group === 'active').length,
    finished: entries.filter((e) => isFinished(e.candidate)).length,
    absent: entries.filter((e) => e.candidate.state === 'notArrived').length,
  };
}
