// The device cookie of a login route (auth/known-devices.ts): read before the attempt, given (again)
// after a right password. Its path is the login route's own, so the browser sends it nowhere else.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { KnownDevices } from '../auth/known-devices.ts';
import { addressKey } from '../auth/login-throttle.ts';
import { readCookie, setTokenCookie } from './cookies.ts';

/** How long a browser stays known after its last successful login (weeks pass between two sessions). */
export const KNOWN_DEVICE_MS = 30 * 24 * 3600_000;

export interface LoginRoute {
  cookie: string;
  path: string;
}

export const INVIGILATOR_LOGIN: LoginRoute = {
  cookie: 'pix_invigilator_device',
  path: '/api/invigilator/login',
};
export const CENTRE_LOGIN: LoginRoute = { cookie: 'pix_centre_device', path: '/api/centre/login' };

/** The throttle key of the request's device at `target`, when it logged in there before; else null. */
export function loginDeviceKey(
  request: FastifyRequest,
  devices: KnownDevices,
  route: LoginRoute,
  target: string,
): string | null {
  return devices.keyFor(readCookie(request, route.cookie), target);
}

/** After a right password: the device is known at `target` (its cookie set, or set again). */
export function rememberLoginDevice(
  request: FastifyRequest,
  reply: FastifyReply,
  devices: KnownDevices,
  route: LoginRoute,
  target: string,
): void {
  const secret = devices.remember(readCookie(request, route.cookie), target);
  setTokenCookie(request, reply, route.cookie, secret, route.path, KNOWN_DEVICE_MS);
}

/**
 * The rate limit's key for a login route: a known device's own, else the address, IPv6 by its /64 as
 * the throttle counts it (a school's pupils flooding the route from its one address must not keep its
 * invigilator's laptop out either).
 */
export function loginRateKey(devices: KnownDevices, route: LoginRoute) {
  return (request: FastifyRequest): string =>
    devices.keyOfAny(readCookie(request, route.cookie)) ?? addressKey(request.ip);
}
