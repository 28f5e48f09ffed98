// Sends the invigilator's decisions to the server, puts the card the server answers with on the
// screen at once unless the live stream already brought it or a newer one, and says what happened, to everyone and to screen
// readers. A refusal comes back as a sentence to show next to the button.
import { useCallback, useState } from 'react';
import type { InvigilatorCommandRequest, RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import type { AlertReasonCode } from '../../../core/journal/journal-record.ts';
import { announce } from '../../shared/announcer.tsx';
import { refusalOf } from '../../shared/server-errors/server-error-messages.ts';
import { useServerErrorMessage } from '../../shared/server-errors/use-server-error-message.ts';
import { ApiFailure } from '../api/invigilator-client.ts';
import { actionKey } from '../api/request-id.ts';
import { useT } from '../i18n/use-t.ts';
import { useClient, useRoomStore } from '../state/room-context.tsx';
import { confirmedAtCardStation, unpauseWord } from './candidate-actions.ts';
import { useCandidateName } from './use-candidate-name.ts';

export type Outcome = { ok: true } | { ok: false; message: string };

/** Refusals the room explains in its own words; the others get the shared sentence for their code
 * (the server's English message is for the logs). */
const REFUSALS = ['STATION_OFFLINE', 'TEST_IN_PROGRESS'] as const;
const isRefusalCode = (code: string): code is (typeof REFUSALS)[number] =>
  (REFUSALS as readonly string[]).includes(code);

export function useCandidateActions() {
  const client = useClient();
  const store = useRoomStore();
  const t = useT();
  const serverMessage = useServerErrorMessage();
  const nameOf = useCandidateName();
  const [busy, setBusy] = useState<string | null>(null);

  const failure = useCallback(
    (error: unknown): Outcome => {
      if (error instanceof ApiFailure && error.unauthorized) store.getState().endLogin(error);
      const message =
        error instanceof ApiFailure && error.status !== 0 && isRefusalCode(error.code)
          ? t(`actions.refused.${error.code}`)
          : serverMessage(refusalOf(error));
      return { ok: false, message: t('actions.failed', { message }) };
    },
    [store, t, serverMessage],
  );

  const command = useCallback(
    async (candidate: RoomCandidate, request: InvigilatorCommandRequest): Promise<Outcome> => {
      setBusy(candidate.candidateId);
      // In the room store: a retry sends the same request id, also from a dialog opened again for it.
      const key = actionKey(candidate.candidateId, 'command', request);
      // Ending the invigilator's own pause continues the test, it is not an unlock (candidate-actions.ts).
      const done = (): Outcome => {
        const word = request.type === 'unlock' ? unpauseWord(candidate) : request.type;
        announce(
          t(`actions.done.${word}`, {
            name: nameOf(candidate),
            minutes: request.type === 'addTime' ? request.minutes : 0,
          }),
        );
        return { ok: true };
      };
      try {
        const requestId = store.getState().requestIdFor(key);
        store.getState().applyIssued(
          await client.command(store.getState().sessionId, candidate.candidateId, {
            ...confirmedAtCardStation(candidate, request),
            requestId,
          }),
        );
        store.getState().requestAnswered(key);
        return done();
      } catch (error) {
        // The answer was lost, but the room already showed the action done: it is (another try would
        // be a new action).
        if (store.getState().requestAnswered(key, error) === 'done') return done();
        return failure(error);
      } finally {
        setBusy(null);
      }
    },
    [client, store, t, failure, nameOf],
  );

  const decideAlert = useCallback(
    async (
      candidate: RoomCandidate,
      alertId: string,
      decision:
        { decision: 'dismissed'; reasonCode: null } | { decision: 'validated'; reasonCode: AlertReasonCode },
    ): Promise<Outcome> => {
      setBusy(candidate.candidateId);
      const key = actionKey(candidate.candidateId, 'alertDecision', { alertId, ...decision });
      const done = (): Outcome => {
        announce(
          t(`actions.done.${decision.decision}`, {
            name: nameOf(candidate),
            code: decision.reasonCode ?? '',
          }),
        );
        return { ok: true };
      };
      try {
        const requestId = store.getState().requestIdFor(key);
        store
          .getState()
          .applyIssued(
            await client.decideAlert(store.getState().sessionId, alertId, { ...decision, requestId }),
          );
        store.getState().requestAnswered(key);
        return done();
      } catch (error) {
        if (store.getState().requestAnswered(key, error) === 'done') return done();
        return failure(error);
      } finally {
        setBusy(null);
      }
    },
    [client, store, t, failure, nameOf],
  );

  return { busy, command, decideAlert };
}
