import { describe, expect, it } from 'vitest';
import { parseStationCommand } from './station-command.ts';

describe('the station command line', () => {
  it('reads --enroll CODE and --enroll=CODE among Electron’s own arguments', () => {
    expect(parseStationCommand(['/opt/pix/station', '--no-sandbox', '--enroll', 'BCDF-GHJK-MPQR'])).toEqual({
      kind: 'enroll',
      code: 'BCDF-GHJK-MPQR',
    });
    expect(parseStationCommand(['electron', '.', '--enroll=bcdf ghjk mpqr'])).toEqual({
      kind: 'enroll',
      code: 'bcdf ghjk mpqr',
    });
  });

  it('reads --check and --json; anything else starts the kiosk', () => {
    expect(parseStationCommand(['station', '--check'])).toEqual({ kind: 'check', json: false });
    expect(parseStationCommand(['station', '--json', '--check'])).toEqual({ kind: 'check', json: true });
    expect(parseStationCommand(['station', '--lang=fr'])).toEqual({ kind: 'kiosk' });
  });

  it('refuses --enroll without a code, and --enroll with --check', () => {
    expect(parseStationCommand(['station', '--enroll'])).toMatchObject({ kind: 'invalid' });
    expect(parseStationCommand(['station', '--enroll', '--check'])).toMatchObject({ kind: 'invalid' });
    expect(parseStationCommand(['station', '--enroll', 'ABC'])).toMatchObject({ kind: 'invalid' });
    expect(parseStationCommand(['station', '--enroll=BCDF-GHJK-MPQR', '--check'])).toMatchObject({
      kind: 'invalid',
    });
  });
});
