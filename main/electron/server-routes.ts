// The station's requests to its server take the route the system's proxy settings give, as Chromium
// reads them for the challenge browser (the OS's settings, a PAC script, WPAD), or the one the
// serverProxy setting names. The requests themselves stay Node's (main/station/network/).
import { session } from 'electron';
import type { ServerProxy } from '../../core/lockdown/station-settings.ts';
import { ServerRoutes, settingProxyList } from '../station/network/server-routes.ts';

/**
 * Call once the app is ready (the default session exists then). The setting is read at each resolution
 * (IT may change the managed settings while the station runs; a resolution is kept a minute).
 */
export function electronServerRoutes(
  setting: () => ServerProxy,
  log: (message: string) => void,
): ServerRoutes {
  const system = (url: string) => session.defaultSession.resolveProxy(url);
  return new ServerRoutes({ resolveProxy: (url) => settingProxyList(setting(), system)(url), log });
}
