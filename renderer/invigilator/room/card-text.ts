// The words on a candidate's card, from its state (one place, so the card, the dialog and the
// attendance sheet say the same thing).
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import type { Translate } from '../i18n/use-t.ts';
import type { ConnectionHealth } from './connection-health.ts';

/** `sessionOpen`: false once the session is finalized, when whoever has not come is absent. */
export function stateText(candidate: RoomCandidate, t: Translate, sessionOpen: boolean): string {
  // A test still under way when the session was finalized ended there (with the reason the invigilator
  // gave): its last live state would read as if it were still running.
  if (
    !sessionOpen &&
    candidate.state !== 'notArrived' &&
    candidate.state !== 'ended' &&
    candidate.state !== 'resultReceived'
  ) {
    return t('state.unfinishedClosed');
  }
  switch (candidate.state) {
    case 'notArrived':
      return sessionOpen ? t('state.notArrived') : t('state.absent');
    case 'signedIn':
      return t('state.signedIn');
    case 'waiting':
      return t('state.waiting');
    case 'startAuthorized':
      return t('state.startAuthorized');
    case 'inProgress':
      return candidate.progress
        ? t('state.inProgress', { question: candidate.progress.question, total: candidate.progress.total })
        : t('state.inProgressUnknown');
    case 'paused':
      return candidate.pause?.cause === 'lockdown' ? t('state.pausedLockdown') : t('state.pausedInvigilator');
    case 'resumePending':
      return candidate.authorization === 'resume' ? t('state.resumeAuthorized') : t('state.resumePending');
    case 'ended':
    case 'resultReceived':
      return t(`state.ended.${candidate.endReason ?? 'unknown'}`);
  }
}

/**
 * The state as the card says it: shorter where the words would be cut on a narrow card (1366×768 with
 * 30 cards, 200 % zoom); `long` is the whole wording, the card's accessible name and title.
 */
export function cardStateText(
  candidate: RoomCandidate,
  t: Translate,
  sessionOpen: boolean,
): { short: string; long: string } {
  const long = stateText(candidate, t, sessionOpen);
  const ended = candidate.state === 'ended' || candidate.state === 'resultReceived';
  return ended && candidate.endReason === 'endedByInvigilator'
    ? { short: t('state.endedShort.endedByInvigilator'), long }
    : { short: long, long };
}

/**
 * A finished test's result: received, being sent, or waiting for its station (closed or switched off
 * before sending it: only switching it back on sends it). Calm words, not the missing-station alarm.
 * Refused by the server, it is no longer on its way whatever the station does: that one is to act on
 * (keep the station, finalize with a comment for the jury).
 */
export function uploadWord(
  upload: RoomCandidate['upload'],
  health: ConnectionHealth,
  sessionOpen = true,
): 'received' | 'pending' | 'waitingStation' | 'refused' | 'refusedClosed' {
  if (upload === 'received') return 'received';
  if (upload === 'refused') return sessionOpen ? 'refused' : 'refusedClosed';
  return health === 'off' ? 'waitingStation' : 'pending';
}
