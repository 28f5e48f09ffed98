// Data a page shows: loaded when the page opens (and again on `reload`), with the failure kept for the
// page to explain. A late answer for a page that has gone is dropped.
import { useCallback, useEffect, useState } from 'react';
import { ApiFailure } from '../api/centre-client.ts';

export interface Resource<T> {
  data: T | null;
  error: ApiFailure | null;
  loading: boolean;
  reload(): void;
  /** Replaces the data with a fresher copy the page already has (an answer to a change). */
  set(data: T): void;
}

export function asFailure(error: unknown): ApiFailure {
  return error instanceof ApiFailure
    ? error
    : new ApiFailure(0, 'UNEXPECTED', error instanceof Error ? error.message : String(error));
}

export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiFailure | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [round, setRound] = useState(0);
  // The caller lists what `load` depends on.
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    stableLoad().then(
      (data) => !cancelled && setState({ data, error: null, loading: false }),
      (error: unknown) => !cancelled && setState((s) => ({ ...s, error: asFailure(error), loading: false })),
    );
    return () => {
      cancelled = true;
    };
  }, [stableLoad, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const set = useCallback((data: T) => setState({ data, error: null, loading: false }), []);
  return { ...state, reload, set };
}
