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

  it('reads --adopt-results OLD_URL, alone, and refuses anything but a web address', () => {
    expect(parseStationCommand(['electron', '.', '--adopt-results', 'http://10.0.0.5:8080'])).toEqual({
      kind: 'adoptResults',
      from: 'http://10.0.0.5:8080',
    });
    expect(parseStationCommand(['x', '--adopt-results=https://old.example.org/'])).toEqual({
      kind: 'adoptResults',
      from: 'https://old.example.org/',
    });
    for (const argv of [
      ['x', '--adopt-results'],
      ['x', '--adopt-results', 'file:///etc/passwd'],
      ['x', '--adopt-results', 'not a url'],
      ['x', '--adopt-results', 'http://a.example', '--check'],
      ['x', '--adopt-results', 'http://a.example', '--enroll', 'BCDF-GHJK-MPQR'],
    ]) {
      expect(parseStationCommand(argv).kind, argv.join(' ')).toBe('invalid');
    }
  });

  it('reads --resend-refused, alone', () => {
    expect(parseStationCommand(['electron', '.', '--resend-refused'])).toEqual({ kind: 'resendRefused' });
    for (const argv of [
      ['x', '--resend-refused', '--check'],
      ['x', '--resend-refused', '--enroll', 'BCDF-GHJK-MPQR'],
      ['x', '--adopt-results', 'http://a.example', '--resend-refused'],
    ]) {
      expect(parseStationCommand(argv).kind, argv.join(' ')).toBe('invalid');
    }
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
