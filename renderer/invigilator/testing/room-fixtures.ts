// Room cards for unit tests: a candidate in progress on "Poste 01" unless told otherwise.
import {
  alertReasonCodesFor,
  type QuestionContent,
  type RoomCandidate,
} from '../../../core/contracts/invigilator-api.ts';

export const T0 = Date.parse('2026-12-08T09:00:00.000Z');
export const at = (ms: number) => new Date(T0 + ms).toISOString();

let next = 1;

/** States the server only shows for a test that went ahead: `wentAhead` follows the state unless told. */
const WENT_AHEAD_STATES = new Set<RoomCandidate['state']>([
  'inProgress',
  'paused',
  'resumePending',
  'ended',
  'resultReceived',
]);

export function card(overrides: Partial<RoomCandidate> = {}): RoomCandidate {
  const n = next++;
  const state = overrides.state ?? 'inProgress';
  return {
    candidateId: `cand-${n}`,
    testId: `test-${n}`,
    firstName: 'Léa',
    lastName: `Martin${n}`,
    birthdate: '2011-04-02',
    extraTimePercentage: 0,
    accessibilityAdjustment: false,
    station: { id: `st-${n}`, name: `Poste ${String(n).padStart(2, '0')}` },
    state: 'inProgress',
    progress: { question: 3, answered: 2, total: 48 },
    pause: null,
    alert: null,
    alertInTransit: false,
    lastAlertDecision: null,
    resumeRequest: null,
    authorization: null,
    endReason: null,
    timeLeftMs: 60 * 60_000,
    timeLeftAt: at(0),
    timeLeftAddedMs: null,
    allowedMs: 105 * 60_000,
    addedMs: 0,
    downtimeMs: 0,
    startedAt: at(-45 * 60_000),
    theoreticalEndAt: at(60 * 60_000),
    lastHeartbeatAt: at(0),
    goAheadAt: null,
    wentAhead: WENT_AHEAD_STATES.has(state),
    startNotReceived: false,
    upload: 'none',
    uploadRefusal: null,
    lockdownEvents: [],
    pendingCommands: [],
    incidents: 0,
    ...overrides,
  };
}

export function alertOn(
  questionNumber: number,
  raisedAtMs: number,
  content: Partial<QuestionContent> = {},
): NonNullable<RoomCandidate['alert']> {
  const full = { image: false, attachment: false, embed: false, focused: false, ...content };
  return {
    id: `alert-${questionNumber}-${raisedAtMs}`,
    challengeId: `rec${questionNumber}`,
    questionNumber,
    raisedAt: at(raisedAtMs),
    content: full,
    reasonCodes: alertReasonCodesFor(full),
  };
}
