// What the finalization screen says of an unfinished test, beside its abort reason: the card's words,
// except for a test that went ahead while its card still shows the wait (its station started it, then
// died before saying more). « Autorisé, attend le lancement » would read as a candidate who never began,
// yet the server counts the test as started and asks why it stopped.
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { NOT_STARTED } from '../../../core/session/attendance.ts';
import type { Translate } from '../i18n/use-t.ts';
import { stateText } from '../room/card-text.ts';

/** `sessionOpen`: false once the session is finalized (the card's words say it then). */
export function unfinishedStateText(candidate: RoomCandidate, t: Translate, sessionOpen: boolean): string {
  if (sessionOpen && candidate.wentAhead && NOT_STARTED.has(candidate.state)) {
    return t('finalization.wentAheadUnheard');
  }
  return stateText(candidate, t, sessionOpen);
}
