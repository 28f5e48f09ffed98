// Test helper: a piece of the invigilator screen rendered to HTML, in French or English, around a room
// store holding `candidates` (an open session unless told otherwise) and a client that is never called.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import type { InvigilatorSession, RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { createI18n, type Language } from '../../shared/i18n/i18n.ts';
import type { InvigilatorClient } from '../api/invigilator-client.ts';
import { addInvigilatorMessages } from '../i18n/use-t.ts';
import { RoomViewProvider } from '../room/use-room-entries.ts';
import { ClientProvider, RoomProvider } from '../state/room-context.tsx';
import { createRoomStore, type RoomState, type RoomStore } from '../state/room-store.ts';

export const testSession: InvigilatorSession = {
  id: 'ses-1',
  number: 12345,
  centreName: 'Collège Jean Moulin',
  address: '12 rue des Écoles',
  room: 'Salle B12',
  date: '2026-12-08',
  time: '09:00',
  examiner: 'Mme Leroy',
  state: 'created',
  finalizedAt: null,
  publishedAt: null,
};

const unusedClient = new Proxy({} as InvigilatorClient, {
  get: () => () => new Promise(() => undefined),
});

export function renderRoom(
  node: ReactNode,
  {
    candidates = [],
    language = 'fr',
    loaded = true,
    session = testSession,
    state = {},
  }: {
    candidates?: RoomCandidate[];
    language?: Language;
    loaded?: boolean;
    session?: InvigilatorSession;
    /** More of the store's state (the stream, a failed resync…). */
    state?: Partial<RoomState>;
  } = {},
): string {
  const store = createRoomStore({ sessionId: session.id, client: unusedClient, storage: null });
  store.setState({
    session: loaded ? session : null,
    candidates: Object.fromEntries(candidates.map((c) => [c.candidateId, c])),
    loaded,
    ...state,
  });
  // Rendered to HTML, the store is read through its initial state: here, the one just set.
  const rendered: RoomStore = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(
    <I18nextProvider i18n={addInvigilatorMessages(createI18n(language))}>
      <ClientProvider client={unusedClient}>
        <RoomProvider store={rendered}>
          <RoomViewProvider>{node}</RoomViewProvider>
        </RoomProvider>
      </ClientProvider>
    </I18nextProvider>,
  );
}
