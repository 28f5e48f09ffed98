import { describe, expect, it } from 'vitest';
import { STATION_METHODS, type StationEvent } from '../core/contracts/station-api.ts';
import { createStationBridge } from './station-bridge.ts';

describe('createStationBridge', () => {
  it('exposes exactly the StationApi methods plus onEvent', () => {
    const bridge = createStationBridge({
      invoke: async () => ({ ok: true, value: {} }),
      subscribe: () => () => {},
    });
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(STATION_METHODS), 'onEvent'].sort());
  });

  it('forwards the method name and request, and returns the transport answer', async () => {
    const calls: Array<[string, unknown]> = [];
    const bridge = createStationBridge({
      invoke: async (method, request) => {
        calls.push([method, request]);
        return { ok: false, error: { code: 'WRONG_ACCESS_CODE', message: 'wrong code' } };
      },
      subscribe: () => () => {},
    });
    const result = await bridge.signIn({
      sessionNumber: 12,
      accessCode: 'BCDF23',
      firstName: 'Léa',
      lastName: 'Martin',
      birthdate: '2010-01-02',
    });
    expect(calls).toEqual([
      [
        'signIn',
        {
          sessionNumber: 12,
          accessCode: 'BCDF23',
          firstName: 'Léa',
          lastName: 'Martin',
          birthdate: '2010-01-02',
        },
      ],
    ]);
    expect(result).toEqual({ ok: false, error: { code: 'WRONG_ACCESS_CODE', message: 'wrong code' } });
  });

  it('turns a transport failure into an INTERNAL result instead of a rejected promise', async () => {
    const bridge = createStationBridge({
      invoke: async () => {
        throw new Error('ipc closed');
      },
      subscribe: () => () => {},
    });
    await expect(bridge.getStatus({})).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'The station did not answer.' },
    });
  });

  it('delivers events to the listener and unsubscribes', () => {
    let push: ((e: unknown) => void) | undefined;
    let unsubscribed = false;
    const bridge = createStationBridge({
      invoke: async () => ({ ok: true, value: {} }),
      subscribe: (listener) => {
        push = listener;
        return () => {
          unsubscribed = true;
        };
      },
    });
    const seen: StationEvent[] = [];
    const off = bridge.onEvent((e) => seen.push(e));
    push?.({ type: 'connection', online: false });
    off();
    expect(seen).toEqual([{ type: 'connection', online: false }]);
    expect(unsubscribed).toBe(true);
  });
});
