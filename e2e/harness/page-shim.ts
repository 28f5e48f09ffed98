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
/** The open socket, once it is. */
let socket: WebSocket | null = null;

function open(endpoint: string): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const ws = new Socket(endpoint);
    ws.onopen = () => {
      socket = ws;
      resolve(ws);
    };
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

/** Sends a call on an open socket at once (no await before it: as ipcRenderer.invoke, the message
 * leaves before anything the screens do after the call, such as React drawing a "busy" state). */
function call(ws: WebSocket, method: string, request: unknown): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    ws.send(JSON.stringify({ id, method, request: request ?? {} }));
  });
}

page.station = createStationBridge({
  invoke: (method, request) => {
    if (socket) {
      if (socket.readyState !== Socket.OPEN) return Promise.reject(new Error('no station'));
      return call(socket, method, request);
    }
    // Before the socket is open (the first calls of the page).
    return connection.then((ws) => {
      if (!ws || ws.readyState !== Socket.OPEN) throw new Error('no station');
      return call(ws, method, request);
    });
  },
  subscribe: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
});
