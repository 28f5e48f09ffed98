// Runs in the candidate page before the screens (an init script): builds `window.station` with the
// same bridge as Electron's preload; only the transport differs. Calls go through the binding the
// harness exposes; events come back through `__pixStationEvent`, which the harness calls.
import { createStationBridge } from '../../preload/station-bridge.ts';

type Invoke = (method: string, request: unknown) => Promise<unknown>;
const page = window as unknown as {
  __pixStationInvoke: Invoke;
  __pixStationEvent: (event: unknown) => void;
  station: unknown;
};

const listeners = new Set<(event: unknown) => void>();
page.__pixStationEvent = (event) => {
  for (const listener of listeners) listener(event);
};
page.station = createStationBridge({
  invoke: (method, request) => page.__pixStationInvoke(method, request),
  subscribe: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
});
