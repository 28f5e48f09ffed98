// Runs in the candidate page before the screens (an init script): builds `window.station` with the
// same bridge as Electron's preload; only the transport differs. The page reaches the station
// services' process directly over its WebSocket (station-socket.ts), one hop as Electron's IPC is:
// calls and their answers, and the station's events, in order on one channel. The harness tells the
// page where the station of the moment is (`__pixStationEndpoint`, once per page load); when that
// station goes away (killed), every call fails as the preload's would with the main process gone, until
// the harness loads the screens again on the next station.
import { createStationBridge } from '../../preload/station-bridge.ts';

type Answer = { id: number; result: unknown } | { event: unknown };
const page = window as unknown as {
  __pixStationEndpoint: () => Promise<string | null>;
  station: unknown;
};
// Taken now, before any other script of the page runs.
const Socket = WebSocket;

const listeners = new Set<(event: unknown) => void>();
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let nextId = 1;

function open(endpoint: string): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const ws = new Socket(endpoint);
    ws.onopen = () => resolve(ws);
    ws.onclose = () => {
      resolve(null);
      for (const { reject } of pending.values()) reject(new Error('the station has gone'));
      pending.clear();
    };
    ws.onmessage = (message: MessageEvent<string>) => {
      const answer = JSON.parse(message.data) as Answer;
      if ('event' in answer) {
        for (const listener of listeners) listener(answer.event);
        return;
      }
      pending.get(answer.id)?.resolve(answer.result);
      pending.delete(answer.id);
    };
  });
}

const connection: Promise<WebSocket | null> = page
  .__pixStationEndpoint()
  .then((endpoint) => (endpoint ? open(endpoint) : null))
  .catch(() => null);

page.station = createStationBridge({
  invoke: async (method, request) => {
    const ws = await connection;
    if (!ws || ws.readyState !== Socket.OPEN) throw new Error('no station');
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, request: request ?? {} }));
    });
  },
  subscribe: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
});
