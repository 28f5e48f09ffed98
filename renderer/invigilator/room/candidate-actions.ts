// Which of the invigilator's actions make sense for a candidate's card now (the server checks again
// and refuses the others with a clear message). The screen shows only these, so that a button is
// never offered for something that cannot happen.
import type { AlertReasonCode } from '../../../core/journal/journal-record.ts';
import type {
  InvigilatorCommandRequest,
  QuestionContent,
  RoomCandidate,
} from '../../../core/contracts/invigilator-api.ts';

export type CandidateAction =
  | 'authorizeStart'
  | 'withdrawAuthorization'
  | 'authorizeResume'
  | 'pause'
  | 'unlock'
  | 'addTime'
  | 'endTest'
  | 'closeStation';

const RUNNING = new Set<RoomCandidate['state']>(['inProgress', 'paused', 'resumePending']);
/**
 * A station may be closed from here when no test is under way on it (the server checks again): the
 * test is over, or its candidate signed in but has not started (left, or will not sit it), who would
 * otherwise hold finalization back as long as the station stays on.
 */
const STATION_CLOSABLE = new Set<RoomCandidate['state']>([
  'signedIn',
  'waiting',
  'startAuthorized',
  'ended',
  'resultReceived',
]);
const NOT_STARTED = new Set<RoomCandidate['state']>(['signedIn', 'waiting', 'startAuthorized']);

/** The candidate signed in on a station but the test has not started there. */
export function notStarted(candidate: Pick<RoomCandidate, 'state'>): boolean {
  return NOT_STARTED.has(candidate.state);
}

export function availableActions(candidate: RoomCandidate, sessionOpen = true): CandidateAction[] {
  if (!sessionOpen || candidate.testId === null) return [];
  const actions: CandidateAction[] = [];
  const { state } = candidate;
  if ((state === 'signedIn' || state === 'waiting') && candidate.authorization !== 'start') {
    actions.push('authorizeStart');
  }
  // Not once its station applied the start (the card may still show the wait): the server refuses it.
  if (state === 'startAuthorized' && !candidate.wentAhead) actions.push('withdrawAuthorization');
  if (state === 'resumePending' && candidate.authorization !== 'resume') actions.push('authorizeResume');
  if (state === 'inProgress') actions.push('pause');
  if (state === 'paused') actions.push('unlock');
  if (RUNNING.has(state)) actions.push('addTime', 'endTest');
  if (STATION_CLOSABLE.has(state) && candidate.station) actions.push('closeStation');
  return actions;
}

/**
 * How ending a pause is worded (one `unlock` order either way): a station that locked itself is
 * unlocked; the invigilator's own pause ends with « Reprendre le test » (it goes on where it was, never
 * from the start; « Autoriser la reprise » is for a test interrupted on its station). « Verrouillé »
 * stays for the station's locks only.
 */
export function unpauseWord(candidate: Pick<RoomCandidate, 'pause'>): 'unlock' | 'continue' {
  return candidate.pause?.cause === 'lockdown' ? 'unlock' : 'continue';
}

/** Irreversible actions ask for confirmation first. */
export const NEEDS_CONFIRMATION: ReadonlySet<CandidateAction> = new Set([
  'endTest',
  'addTime',
  'authorizeResume',
  'closeStation',
]);

/**
 * The E codes for an alert, split in two: those the question's content points to (E1 image, E3 file,
 * E2 embedded content, E10 focused question), shown first, and the others (websites, time, software,
 * skip, accessibility). `allowed` is what the server offers for this alert.
 */
export function alertCodeGroups(
  content: QuestionContent,
  allowed: readonly AlertReasonCode[],
): { suggested: AlertReasonCode[]; others: AlertReasonCode[] } {
  const byContent: AlertReasonCode[] = [];
  if (content.image) byContent.push('E1');
  if (content.attachment) byContent.push('E3');
  if (content.embed) byContent.push('E2');
  if (content.focused) byContent.push('E10');
  const suggested = byContent.filter((code) => allowed.includes(code));
  const rest: AlertReasonCode[] = ['E4', 'E5', 'E9', 'E11', 'E12', 'E8'];
  const others = [
    ...rest.filter((code) => allowed.includes(code)),
    ...allowed.filter((code) => !suggested.includes(code) && !rest.includes(code)),
  ];
  return { suggested, others };
}

/**
 * A presence is confirmed for the station the card shows: the server refuses the start (STATION_CHANGED)
 * if the candidate has signed in elsewhere since the card was drawn, rather than start a station nobody
 * looked at.
 */
export function confirmedAtCardStation(
  candidate: Pick<RoomCandidate, 'station'>,
  request: InvigilatorCommandRequest,
): InvigilatorCommandRequest {
  return request.type === 'authorizeStart' && candidate.station
    ? { ...request, stationId: candidate.station.id }
    : request;
}
