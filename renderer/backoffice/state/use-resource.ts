// Data a page shows: loaded when the page opens (and again on `reload`), with the failure kept for the
// page to explain. A late answer for a page that has gone is dropped. Answers to changes that may
// overlap (two reports saved or withdrawn at once) go through `update`: each applies to the data as it
// is then, not as it was when its action started, so that none undoes another.
import { useCallback, useEffect, useState } from 'react';
import { ApiFailure } from '../api/centre-client.ts';

export interface Resource<T> {
  data: T | null;
  error: ApiFailure | null;
  loading: boolean;
  reload(): void;
  /** Replaces the data with a fresher copy the page already has (an answer to a change). */
  set(data: T): void;
  /** Changes the data as it is when the change applies (nothing while there is none). */
  update(change: (current: T) => T): void;
}

export interface ResourceState<T> {
  data: T | null;
  error: ApiFailure | null;
  loading: boolean;
}

/** `update`'s step: the change applied to the current data, if any. */
export function updatedState<T>(state: ResourceState<T>, change: (current: T) => T): ResourceState<T> {
  return state.data === null ? state : { ...state, data: change(state.data) };
}

export function asFailure(error: unknown): ApiFailure {
  return error instanceof ApiFailure
    ? error
    : new ApiFailure(0, 'UNEXPECTED', error instanceof Error ? error.message : String(error));
}

export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [state, setState] = useState<ResourceState<T>>({
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
  const update = useCallback((change: (current: T) => T) => setState((s) => updatedState(s, change)), []);
  return { ...state, reload, set, update };
}
