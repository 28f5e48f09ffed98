// The invigilator screen: the login, then one session's pages (the room, finalization, results,
// attendance sheet) around one room store that stays connected to the live stream.
import { useEffect, useMemo } from 'react';
import { LiveAnnouncer } from '../shared/announcer.tsx';
import { AttendanceScreen } from './attendance/attendance-screen.tsx';
import { FinalizationScreen } from './finalization/finalization-screen.tsx';
import { LoginScreen } from './login/login-screen.tsx';
import { ResultsScreen } from './results/results-screen.tsx';
import { RoomScreen } from './room/room-screen.tsx';
import { RoomViewProvider } from './room/use-room-entries.ts';
import { SessionHeader } from './session/session-header.tsx';
import { SessionWatch } from './session/session-watch.tsx';
import { RoomProvider, useClient, useRoom } from './state/room-context.tsx';
import { rememberReturn } from './state/ended-login.ts';
import { createRoomStore } from './state/room-store.ts';
import { navigate, useRoute, type SessionPage } from './state/router.ts';
import { tabStorage } from './state/tab-storage.ts';

export function InvigilatorApp() {
  const route = useRoute();
  return (
    <>
      <LiveAnnouncer />
      {route.page === 'login' ? (
        <LoginScreen ended={route.ended} sessionNumber={route.sessionNumber} />
      ) : (
        <SessionShell key={route.sessionId} sessionId={route.sessionId} page={route.page} />
      )}
    </>
  );
}

function SessionShell({ sessionId, page }: { sessionId: string; page: SessionPage }) {
  const client = useClient();
  const store = useMemo(() => createRoomStore({ sessionId, client }), [sessionId, client]);
  // The live stream opens once the room is loaded (at once, or after a retry if the first load failed).
  useEffect(() => {
    let disconnect: (() => void) | null = null;
    const connectOnce = () => {
      if (!disconnect && store.getState().loaded) disconnect = store.getState().connect();
    };
    const unsubscribe = store.subscribe(connectOnce);
    void store.getState().load();
    return () => {
      unsubscribe();
      disconnect?.();
    };
  }, [store]);
  return (
    <RoomProvider store={store}>
      <SessionPages page={page} />
    </RoomProvider>
  );
}

function SessionPages({ page }: { page: SessionPage }) {
  const unauthorized = useRoom((s) => s.unauthorized);
  const loginEnd = useRoom((s) => s.loginEnd);
  const sessionId = useRoom((s) => s.sessionId);
  const number = useRoom((s) => s.session?.number ?? null);
  // The login ended (30 min without contact, 10 h, a new invigilator password): to the login page,
  // which says why; once logged in again, back to this page (a finalization being typed is kept by
  // its page: finalization/finalization-draft.ts).
  useEffect(() => {
    if (unauthorized) {
      rememberReturn(tabStorage(), { sessionId, page });
      navigate({
        page: 'login',
        ended: loginEnd ?? 'unknown',
        sessionNumber: number === null ? null : String(number),
      });
    }
  }, [unauthorized, loginEnd, sessionId, page, number]);
  return (
    <div className={`app app-${page}`}>
      <SessionHeader page={page} />
      <main id="main" className="app-main" tabIndex={-1}>
        <RoomViewProvider>
          {/* On every page: new alerts chime and are announced wherever the invigilator is (its banner,
              away from the room, is the first thing of the page's content). */}
          <SessionWatch page={page} />
          {page === 'room' && <RoomScreen />}
          {page === 'finalization' && <FinalizationScreen />}
          {page === 'results' && <ResultsScreen />}
          {page === 'attendance' && <AttendanceScreen />}
        </RoomViewProvider>
      </main>
    </div>
  );
}
