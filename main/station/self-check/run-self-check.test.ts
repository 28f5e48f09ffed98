// What the station sends its server (each line's code and parameters beside the French sentence), and
// why a report was not recorded, as a code the screens word.
import { describe, expect, it } from 'vitest';
import { SelfCheckRequestSchema } from '../../../core/contracts/station-server.ts';
import type { SelfCheckRequest } from '../../../core/contracts/station-server.ts';
import { CLOCK_BEHIND_LINE, DISK_OK_LINE, selfCheckReport } from '../../../core/testing/self-check-report.ts';
import { recordReason, selfCheckRequest, sendSelfCheckReport } from './run-self-check.ts';

describe('the report sent to the server', () => {
  it('keeps each line’s code and parameters, and sends older-style lines as they are', () => {
    const request = selfCheckRequest(
      selfCheckReport({
        lines: [
          { ...CLOCK_BEHIND_LINE, code: 'clock.behind', params: { seconds: 12 } },
          { ...DISK_OK_LINE, detail: '42 Go libres' },
        ],
      }),
    );
    expect(SelfCheckRequestSchema.parse(request).checks).toEqual([
      {
        name: 'clock',
        ok: true,
        status: 'warning',
        detail: '12 s en retard sur le serveur — Synchronisez l’heure du poste.',
        code: 'clock.behind',
        params: { seconds: 12 },
      },
      { name: 'disk', ok: true, status: 'ok', detail: '42 Go libres' },
    ]);
  });
});

describe('sending the report', () => {
  const request: SelfCheckRequest = {
    version: '0.1.0',
    ok: true,
    checkedAt: '2025-03-12T11:05:00.000Z',
    checks: [
      { name: 'clock', ok: true, status: 'ok', detail: 'à l’heure', code: 'clock.inSync', params: {} },
      { name: 'disk', ok: true, status: 'ok', detail: '42 Go libres' },
    ],
  };
  const recorded = { ok: true as const, value: { recordedAt: '2025-03-12T11:05:01.000Z' } };
  const invalid = {
    ok: false as const,
    kind: 'http' as const,
    status: 400,
    code: 'INVALID_REQUEST',
    message: '',
  };

  it('sends the codes to a server that knows them', async () => {
    const sent: SelfCheckRequest[] = [];
    const answer = await sendSelfCheckReport(
      { sendReport: (r) => (sent.push(r), Promise.resolve(recorded)) },
      request,
    );
    expect(answer).toEqual(recorded);
    expect(sent).toEqual([request]);
  });

  it('sends the French text alone to a server older than the codes, which refuses fields it does not know', async () => {
    const sent: SelfCheckRequest[] = [];
    const olderServer = (r: SelfCheckRequest) => {
      sent.push(r);
      return Promise.resolve(r.checks.some((c) => 'code' in c || 'params' in c) ? invalid : recorded);
    };
    expect(await sendSelfCheckReport({ sendReport: olderServer }, request)).toEqual(recorded);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.checks).toEqual([
      { name: 'clock', ok: true, status: 'ok', detail: 'à l’heure' },
      { name: 'disk', ok: true, status: 'ok', detail: '42 Go libres' },
    ]);
  });

  it('does not send again after any other refusal', async () => {
    const sent: SelfCheckRequest[] = [];
    const revoked = {
      ok: false as const,
      kind: 'http' as const,
      status: 403,
      code: 'STATION_REVOKED',
      message: '',
    };
    const answer = await sendSelfCheckReport(
      { sendReport: (r) => (sent.push(r), Promise.resolve(revoked)) },
      request,
    );
    expect(answer).toEqual(revoked);
    expect(sent).toHaveLength(1);
  });
});

describe('why the server did not record the report', () => {
  it('tells a refused station from a wrong clock, an unreachable server and a server error', () => {
    expect(recordReason({ ok: false, kind: 'http', status: 403, code: 'STATION_REVOKED', message: '' })).toBe(
      'stationRefused',
    );
    expect(recordReason({ ok: false, kind: 'http', status: 401, code: 'STALE_REQUEST', message: '' })).toBe(
      'clockRefused',
    );
    expect(recordReason({ ok: false, kind: 'network', message: 'ECONNREFUSED' })).toBe('serverUnreachable');
    expect(recordReason({ ok: false, kind: 'timeout', message: '' })).toBe('serverUnreachable');
    expect(recordReason({ ok: false, kind: 'http', status: 503, message: 'busy' })).toBe('serverError');
  });
});
