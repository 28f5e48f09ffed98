// Who is logged in: checked with the server when the page opens (the HttpOnly cookie is invisible to
// the page), then kept until logout or until any request is refused for want of a valid session, which
// sends the user back to the login with the reason ("session expirée, reconnectez-vous").
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { createCentreClient, type CentreClient, type Me } from '../api/centre-client.ts';
import { asFailure } from './use-resource.ts';

/** Why the user is on the login page again. */
export type SessionEnd = 'expired' | 'unknown' | 'deactivated' | 'loggedOut';

export type AuthState =
  | { status: 'checking' }
  | { status: 'unreachable' }
  | { status: 'anonymous'; ended: SessionEnd | null }
  | { status: 'ready'; me: Me };

export function sessionEndFor(code: string): SessionEnd {
  if (code === 'SESSION_EXPIRED') return 'expired';
  if (code === 'ACCOUNT_DEACTIVATED') return 'deactivated';
  return 'unknown';
}

interface AuthValue {
  state: AuthState;
  client: CentreClient;
  /** After a successful login: fetch who we are and the centres we reach. */
  loggedIn(): Promise<void>;
  logout(): Promise<void>;
  /** Centres may have changed (an administrator created one). */
  refresh(): Promise<void>;
  retry(): void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children, client: given }: { children: ReactNode; client?: CentreClient }) {
  const [state, setState] = useState<AuthState>({ status: 'checking' });
  const stateRef = useRef(state);
  stateRef.current = state;
  const client = useMemo(
    () =>
      given ??
      createCentreClient({
        onUnauthorized: (code) => {
          // Only a session that was working can "end"; a first visit just shows the login.
          if (stateRef.current.status === 'ready') {
            setState({ status: 'anonymous', ended: sessionEndFor(code) });
          }
        },
      }),
    [given],
  );
  const [round, setRound] = useState(0);

  const check = useCallback(async () => {
    try {
      setState({ status: 'ready', me: await client.me() });
    } catch (error) {
      const failure = asFailure(error);
      if (failure.status === 401) {
        setState({
          status: 'anonymous',
          ended: failure.code === 'NOT_AUTHENTICATED' ? null : sessionEndFor(failure.code),
        });
      } else setState({ status: 'unreachable' });
    }
  }, [client]);

  useEffect(() => {
    void check();
  }, [check, round]);

  const value = useMemo<AuthValue>(
    () => ({
      state,
      client,
      loggedIn: check,
      refresh: check,
      retry: () => {
        setState({ status: 'checking' });
        setRound((r) => r + 1);
      },
      async logout() {
        await client.logout().catch(() => undefined);
        // The next person to log in starts from their own home, not from this user's last page.
        window.location.hash = '#/';
        setState({ status: 'anonymous', ended: 'loggedOut' });
      },
    }),
    [state, client, check],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

export function useClient(): CentreClient {
  return useAuth().client;
}

/** The logged-in account and its centres (only inside the logged-in part of the app). */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'ready') throw new Error('useMe without a logged-in account');
  return state.me;
}

export function useIsAdministrator(): boolean {
  return useMe().account.role === 'administrator';
}
