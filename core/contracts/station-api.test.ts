import { describe, expect, it } from 'vitest';
import {
  STATION_METHODS,
  StationEventSchema,
  isStationMethod,
  parseStationRequest,
  stationResultSchema,
  StationStatusSchema,
} from './station-api.ts';
import { STATION_METHOD_NAMES } from './station-method-names.ts';

describe('the StationApi contract', () => {
  it('lists the same methods in the schema-free name list and the schema table', () => {
    expect(Object.keys(STATION_METHODS).sort()).toEqual([...STATION_METHOD_NAMES].sort());
  });

  it('recognises only its own methods (no prototype keys)', () => {
    expect(isStationMethod('submitAnswer')).toBe(true);
    expect(isStationMethod('toString')).toBe(false);
    expect(isStationMethod('constructor')).toBe(false);
  });

  it('normalises a sign-in: session number from text, access code trimmed and upper-cased', () => {
    expect(
      parseStationRequest('signIn', {
        sessionNumber: '42',
        accessCode: ' bcdf23',
        firstName: ' Éloïse ',
        lastName: 'Le Gall-Dupré',
        birthdate: '2011-03-09',
      }),
    ).toEqual({
      ok: true,
      value: {
        sessionNumber: 42,
        accessCode: 'BCDF23',
        firstName: 'Éloïse',
        lastName: 'Le Gall-Dupré',
        birthdate: '2011-03-09',
      },
    });
  });

  it.each([
    [
      'signIn',
      { sessionNumber: 1, accessCode: 'BCD123', firstName: 'A', lastName: 'B', birthdate: '2011-03-09' },
      'accessCode',
    ],
    [
      'signIn',
      { sessionNumber: 1, accessCode: 'BCDF23', firstName: '', lastName: 'B', birthdate: '2011-03-09' },
      'firstName',
    ],
    [
      'signIn',
      { sessionNumber: 1, accessCode: 'BCDF23', firstName: 'A', lastName: 'B', birthdate: '09/03/2011' },
      'birthdate',
    ],
    [
      'signIn',
      { sessionNumber: -3, accessCode: 'BCDF23', firstName: 'A', lastName: 'B', birthdate: '2011-03-09' },
      'sessionNumber',
    ],
    ['submitAnswer', { challengeId: 'rec 1', value: { type: 'choice', choice: '1' } }, 'challengeId'],
    [
      'submitAnswer',
      { challengeId: 'rec1', value: { type: 'fields', fields: { a: 'x'.repeat(2001) } } },
      'value.fields.a',
    ],
    ['submitAnswer', { challengeId: 'rec1', value: { type: 'essay', text: 'x' } }, 'value.type'],
    ['saveDraft', { challengeId: 'rec1' }, 'value'],
    ['browserSetBounds', { bounds: { x: -1, y: 0, width: 10, height: 10 } }, 'bounds.x'],
    ['openAttachment', { challengeId: 'rec1', hash: '../../etc/passwd' }, 'hash'],
    ['getStatus', { extra: true }, '(root)'],
  ] as const)('%s rejects a bad request and names %s', (method, request, field) => {
    const result = parseStationRequest(method, request);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_REQUEST');
      expect(
        result.error.message.startsWith(`${field}:`) || result.error.message.includes(`; ${field}:`),
      ).toBe(true);
    }
  });

  it('describes results as ok/value or error with a known code', () => {
    const schema = stationResultSchema(StationStatusSchema);
    expect(schema.safeParse({ ok: false, error: { code: 'NOT_CERTIFIABLE', message: 'x' } }).success).toBe(
      true,
    );
    expect(schema.safeParse({ ok: false, error: { code: 'EXPLODED', message: 'x' } }).success).toBe(false);
  });

  it('types events by their type', () => {
    expect(StationEventSchema.safeParse({ type: 'timeWarning', minutesLeft: 5 }).success).toBe(true);
    expect(StationEventSchema.safeParse({ type: 'timeWarning', minutesLeft: 7 }).success).toBe(false);
  });

  it('tells the screens of an office file downloaded in the challenge browser, and nothing more', () => {
    const opened = {
      type: 'browserFileOpened',
      viewer: 'spreadsheet',
      url: 'app://station/__sandbox/test-1/downloads/0a1b2c3d-budget.xlsx',
      fileName: 'budget.xlsx',
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
    expect(StationEventSchema.safeParse(opened).success).toBe(true);
    expect(StationEventSchema.safeParse({ ...opened, viewer: 'pdf' }).success).toBe(false);
    expect(StationEventSchema.safeParse({ ...opened, url: '' }).success).toBe(false);
    expect(StationEventSchema.safeParse({ ...opened, path: '/tmp/budget.xlsx' }).success).toBe(false);
    // Only the types of core's office viewers: never a site's own claim.
    expect(
      StationEventSchema.safeParse({ ...opened, mediaType: 'application/vnd.oasis.opendocument.text' })
        .success,
    ).toBe(true);
    for (const mediaType of ['text/html', 'application/msword', 'application/octet-stream', ''])
      expect(StationEventSchema.safeParse({ ...opened, mediaType }).success).toBe(false);
  });

  it('offers a PDF, an image, a text or a CSV a page downloaded by itself, by its address in the browser', () => {
    const offered = {
      type: 'browserFileOpened',
      viewer: 'text',
      url: 'pix-download://0a1b2c3d4e5f60718293a4b5c6d7e8f9/consignes.txt',
      fileName: 'consignes.txt',
    };
    expect(StationEventSchema.safeParse(offered).success).toBe(true);
    for (const viewer of ['pdf', 'image', 'csv'])
      expect(StationEventSchema.safeParse({ ...offered, viewer }).success).toBe(true);
    // No media type to claim (the view serves the copy with the station's), nothing else either.
    expect(StationEventSchema.safeParse({ ...offered, mediaType: 'text/plain' }).success).toBe(false);
    expect(StationEventSchema.safeParse({ ...offered, viewer: 'spreadsheet' }).success).toBe(false);
    expect(StationEventSchema.safeParse({ ...offered, viewer: 'html' }).success).toBe(false);
    expect(StationEventSchema.safeParse({ ...offered, fileName: '' }).success).toBe(false);
  });

  it('tells a refused download apart from a blocked page, by its file name and problem only', () => {
    const page = { type: 'browserBlocked', url: 'https://chatgpt.com/', reason: 'site bloqué' };
    expect(StationEventSchema.safeParse(page).success).toBe(true);
    const refused = {
      ...page,
      url: 'https://example.org/setup.exe',
      download: { fileName: 'setup.exe', problem: 'type' },
    };
    expect(StationEventSchema.safeParse(refused).success).toBe(true);
    expect(
      StationEventSchema.safeParse({ ...refused, download: { fileName: 'film.mp4', problem: 'size' } })
        .success,
    ).toBe(true);
    for (const problem of ['quota', 'oldWord', 'macroOrTemplate'])
      expect(
        StationEventSchema.safeParse({ ...refused, download: { fileName: 'lettre.doc', problem } }).success,
      ).toBe(true);
    for (const download of [
      { fileName: 'setup.exe', problem: 'virus' },
      { fileName: '', problem: 'type' },
      { fileName: 'a'.repeat(256), problem: 'type' },
      { fileName: 'setup.exe', problem: 'type', message: 'Fichier refusé' },
      { fileName: 'setup.exe' },
    ])
      expect(StationEventSchema.safeParse({ ...refused, download }).success).toBe(false);
    // A file with no showable name goes without one: the screens say « fichier » in their language.
    expect(StationEventSchema.safeParse({ ...refused, download: { problem: 'type' } }).success).toBe(true);
  });
});
