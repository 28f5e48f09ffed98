// Hands the invigilator client and the room store to every screen of a session.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { InvigilatorClient } from '../api/invigilator-client.ts';
import type { RoomActions, RoomState, RoomStore } from './room-store.ts';

const ClientContext = createContext<InvigilatorClient | null>(null);
const RoomContext = createContext<RoomStore | null>(null);

export function ClientProvider({ client, children }: { client: InvigilatorClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function RoomProvider({ store, children }: { store: RoomStore; children: ReactNode }) {
  return <RoomContext.Provider value={store}>{children}</RoomContext.Provider>;
}

export function useClient(): InvigilatorClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('ClientProvider is missing');
  return client;
}

export function useRoomStore(): RoomStore {
  const store = useContext(RoomContext);
  if (!store) throw new Error('RoomProvider is missing');
  return store;
}

export function useRoom<T>(selector: (state: RoomState & RoomActions) => T): T {
  return useStore(useRoomStore(), selector);
}
