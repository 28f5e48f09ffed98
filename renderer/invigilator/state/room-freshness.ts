// Whether the room on screen follows the server: the banner at the top of every session page says
// when it does not, so that no one acts on stale cards without knowing. `lost`: the live stream is
// down (it reconnects by itself); `behind`: the server asked for the room to be fetched again and that
// fetch failed so far (retried by itself: room-store.ts), though the stream may be open.
import type { StreamState } from './room-store.ts';

export type RoomFreshness = 'upToDate' | 'lost' | 'behind';

export function roomFreshness(state: {
  stream: StreamState;
  loaded: boolean;
  resyncFailed: boolean;
}): RoomFreshness {
  // Before the first load, the page itself says it is loading (or why it cannot).
  if (!state.loaded) return 'upToDate';
  if (state.stream === 'lost') return 'lost';
  return state.resyncFailed ? 'behind' : 'upToDate';
}
