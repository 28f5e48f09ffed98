// Runs in the candidate page before the screens (an init script): builds `window.station` with the
// same bridge as Electron's preload; only the transport differs. Calls go through the binding the
// harness exposes; events come back through `__pixStationEvent`, which the harness calls. Both carry
// JSON text: Playwright passes a string through as it is, where it would walk an object value by value
// (a challenge with its text and choices) on both sides of every call.
import { createStationBridge } from '../../preload/station-bridge.ts';

type Invoke = (method: string, request: string) => Promise<string>;
const page = window as unknown as {
  __pixStationInvoke: Invoke;
  __pixStationEvent: (event: string) => void;
  station: unknown;
};

const listeners = new Set<(event: unknown) => void>();
page.__pixStationEvent = (json) => {
  const event: unknown = JSON.parse(json);
  for (const listener of listeners) listener(event);
};
page.station = createStationBridge({
  invoke: async (method, request) =>
    JSON.parse(await page.__pixStationInvoke(method, JSON.stringify(request ?? {}))) as unknown,
  subscribe: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
});
