// Hands the StationApi and the store to every screen.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StationApi } from '../../../core/contracts/station-api.ts';
import type { StationActions, StationState, StationStore } from './station-store.ts';

interface StationContextValue {
  api: StationApi;
  store: StationStore;
}

const StationContext = createContext<StationContextValue | null>(null);

export function StationProvider({ api, store, children }: StationContextValue & { children: ReactNode }) {
  return <StationContext.Provider value={{ api, store }}>{children}</StationContext.Provider>;
}

function useContextValue(): StationContextValue {
  const value = useContext(StationContext);
  if (!value) throw new Error('StationProvider is missing');
  return value;
}

export function useStationApi(): StationApi {
  return useContextValue().api;
}

/** The store itself, for what an action must read when its answer arrives (not at the click). */
export function useStationStore(): StationStore {
  return useContextValue().store;
}

export function useStation<T>(selector: (state: StationState & StationActions) => T): T {
  return useStore(useContextValue().store, selector);
}
