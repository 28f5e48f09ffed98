// Sandboxed preload (bundled to one CommonJS file): exposes StationApi as `window.station`, and nothing
// else. ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { STATION_EVENT_CHANNEL, STATION_INVOKE_CHANNEL } from '../../core/contracts/station-ipc.ts';
import { createStationBridge } from '../../preload/station-bridge.ts';

const station = createStationBridge({
  invoke: (method, request) => ipcRenderer.invoke(STATION_INVOKE_CHANNEL, method, request),
  subscribe: (listener) => {
    const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(STATION_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(STATION_EVENT_CHANNEL, handler);
  },
});

contextBridge.exposeInMainWorld('station', station);
