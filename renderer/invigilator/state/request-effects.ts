// Whether the room shows that an invigilator's action took effect, for its kept request id
// (pending-requests.ts). The server answers a request id with its first answer forever
// (server/exam/command-requests.ts): an id may be sent again only to retry the same action the
// invigilator did not see succeed. Once the room shows it done, the same action again is a new one
// (« Ajouter 10 min » a second time must add 10 more minutes, not replay the first answer).
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';

/** What an action key (api/request-id.ts, actionKey) asks: the candidate, the action, its parameters. */
export interface KeyedAction {
  candidateId: string;
  /** `command` (with `type`) or `alertDecision` (with `alertId`, `decision`, `reasonCode`). */
  action: string;
  parameters: Record<string, unknown>;
}

export function parseActionKey(key: string): KeyedAction | null {
  try {
    const parsed: unknown = JSON.parse(key);
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [candidateId, action, parameters] = parsed as unknown[];
    if (typeof candidateId !== 'string' || typeof action !== 'string') return null;
    if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters)) return null;
    return { candidateId, action, parameters: parameters as Record<string, unknown> };
  } catch {
    return null;
  }
}

export interface SentAction {
  action: KeyedAction;
  /** Server time of the last send (null: unknown, read back after a reload). */
  sentAtServerMs: number | null;
  /** The time added on the card when it was sent (null: unknown): « Ajouter » is told done from it. */
  addedMsBefore: number | null;
}

/** A command's time on the card is the server's; the screen's estimate of it may be this far off. */
export const CLOCK_SLACK_MS = 2_000;

/**
 * The card shows this very action done: a command of its type issued since it was sent, the minutes
 * it adds added, the decision it takes on its alert taken. Strong enough to tell the invigilator
 * « done » when the answer itself was lost.
 */
export function effectShown(sent: SentAction, card: RoomCandidate): boolean {
  const { action, sentAtServerMs, addedMsBefore } = sent;
  const p = action.parameters;
  if (action.action === 'alertDecision') {
    const decided = card.lastAlertDecision;
    return (
      decided !== null &&
      decided.alertId === p['alertId'] &&
      decided.decision === p['decision'] &&
      decided.reasonCode === (p['reasonCode'] ?? null)
    );
  }
  if (action.action !== 'command') return false;
  if (
    sentAtServerMs !== null &&
    card.pendingCommands.some(
      (c) => c.type === p['type'] && Date.parse(c.issuedAt) >= sentAtServerMs - CLOCK_SLACK_MS,
    )
  ) {
    return true;
  }
  const minutes = p['minutes'];
  return (
    p['type'] === 'addTime' &&
    addedMsBefore !== null &&
    typeof minutes === 'number' &&
    card.addedMs - addedMsBefore >= minutes * 60_000
  );
}
