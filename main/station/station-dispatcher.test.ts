import { describe, expect, it } from 'vitest';
import type { StationStatus } from '../../core/contracts/station-api.ts';
import { STATION_METHOD_NAMES } from '../../core/contracts/station-method-names.ts';
import { createStationDispatcher, type StationHandlers } from './station-dispatcher.ts';

const status: StationStatus = {
  station: {
    id: 's1',
    name: 'Poste 1',
    centreName: null,
    enrolled: false,
    online: false,
    ready: false,
    notReadyReason: 'not enrolled',
    notReadyCode: 'notEnrolled',
  },
  exam: {
    phase: 'idle',
    candidate: null,
    session: null,
    progress: null,
    timeLeftMs: null,
    allowedMs: null,
    pause: null,
    endReason: null,
    alertPending: false,
    alertSent: false,
    challengeTimerLeftMs: null,
    currentFocusLost: false,
    preparation: 'none',
    upload: 'notStarted',
    movedElsewhere: null,
    endSummary: null,
  },
};

function handlers(overrides: Partial<StationHandlers> = {}): StationHandlers {
  const refuse = async () => ({
    ok: false as const,
    error: { code: 'ILLEGAL_TRANSITION' as const, message: 'no' },
  });
  const base = Object.fromEntries(STATION_METHOD_NAMES.map((m) => [m, refuse])) as unknown as StationHandlers;
  return { ...base, getStatus: async () => ({ ok: true, value: status }), ...overrides };
}

describe('createStationDispatcher', () => {
  it('routes a valid call to its handler', async () => {
    const dispatch = createStationDispatcher(handlers());
    await expect(dispatch('getStatus', {})).resolves.toEqual({ ok: true, value: status });
  });

  it.each([
    ['an unknown method', 'deleteEverything', {}],
    ['a prototype key', '__proto__', {}],
    ['a non-string method', 42, {}],
  ])('refuses %s without calling any handler', async (_what, method, request) => {
    const dispatch = createStationDispatcher(handlers());
    const result = await dispatch(method, request);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_REQUEST');
  });

  it('validates the request and names the bad field, before the handler runs', async () => {
    let called = false;
    const dispatch = createStationDispatcher(
      handlers({
        submitAnswer: async () => {
          called = true;
          return { ok: true, value: { status, next: null } };
        },
      }),
    );
    const result = await dispatch('submitAnswer', {
      challengeId: 'rec1',
      value: { type: 'choice', choice: 7 },
    });
    expect(called).toBe(false);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    if (!result.ok) expect(result.error.message).toContain('value');
  });

  it('passes the parsed (normalised) request to the handler', async () => {
    let seen: unknown;
    const dispatch = createStationDispatcher(
      handlers({
        signIn: async (request) => {
          seen = request;
          return { ok: true, value: status };
        },
      }),
    );
    await dispatch('signIn', {
      sessionNumber: '17',
      accessCode: ' bcdf23 ',
      firstName: 'Léa',
      lastName: 'Martin',
      birthdate: '2010-05-01',
    });
    expect(seen).toEqual({
      sessionNumber: 17,
      accessCode: 'BCDF23',
      firstName: 'Léa',
      lastName: 'Martin',
      birthdate: '2010-05-01',
    });
  });

  it('turns a throwing handler into an INTERNAL result and reports it', async () => {
    const reported: string[] = [];
    const dispatch = createStationDispatcher(
      handlers({
        getStatus: async () => {
          throw new Error('disk on fire');
        },
      }),
      (method) => reported.push(method),
    );
    const result = await dispatch('getStatus', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).not.toContain('disk on fire');
    expect(reported).toEqual(['getStatus']);
  });
});
