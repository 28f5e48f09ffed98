// IPC channel names shared by the preload bridge and the main process.
export const STATION_INVOKE_CHANNEL = 'station:invoke';
export const STATION_EVENT_CHANNEL = 'station:event';
