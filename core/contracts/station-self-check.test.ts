// The self-check report's format: a station older than the codes (no code, no params, a recorded
// outcome without its time or reason) stays valid, a newer one carries codes whose parameters fit, and
// the server keeps the codes of stations of any version.
import { describe, expect, it } from 'vitest';
import { StationSchema } from './centre-api.ts';
import {
  SELF_CHECK_CODES,
  SELF_CHECK_CODE_PARAMS,
  isSelfCheckCode,
  selfCheckParamsFit,
} from './station-self-check-codes.ts';
import { SelfCheckRequestSchema } from './station-server.ts';
import { SelfCheckReportSchema } from './station-self-check.ts';
import { CLOCK_BEHIND_LINE, DISK_OK_LINE, selfCheckReport } from '../testing/self-check-report.ts';

const OLD_REPORT = selfCheckReport({ version: '0.0.9' });

const NEW_REPORT = {
  ...OLD_REPORT,
  version: '0.1.0',
  lines: [
    { ...CLOCK_BEHIND_LINE, code: 'clock.behind', params: { seconds: 12 } },
    {
      ...DISK_OK_LINE,
      code: 'disk.ok',
      params: { bytes: 42 * 1024 ** 3, folder: '/var/lib/pix' },
    },
  ],
  recorded: {
    ok: false,
    message: 'rapport non enregistré : station revoked',
    recordedAt: null,
    reason: 'stationRefused',
  },
};

describe('the self-check report', () => {
  it('accepts an older station’s report, without codes', () => {
    expect(SelfCheckReportSchema.safeParse(OLD_REPORT).success).toBe(true);
    expect(SelfCheckReportSchema.safeParse({ ...OLD_REPORT, recorded: null }).success).toBe(true);
  });

  it('accepts codes with their parameters, and the recorded outcome’s time and reason', () => {
    expect(SelfCheckReportSchema.parse(NEW_REPORT).lines.map((l) => l.code)).toEqual([
      'clock.behind',
      'disk.ok',
    ]);
    const recorded = {
      ok: true,
      message: 'rapport enregistré',
      recordedAt: '2025-03-12T11:05:01.000Z',
      reason: null,
    };
    expect(SelfCheckReportSchema.safeParse({ ...NEW_REPORT, recorded }).success).toBe(true);
  });

  it('refuses unknown codes, parameters that do not fit their code, and parameters without a code', () => {
    const withLine = (line: object) => ({ ...NEW_REPORT, lines: [{ ...CLOCK_BEHIND_LINE, ...line }] });
    const parse = (line: object) => SelfCheckReportSchema.safeParse(withLine(line)).success;
    expect(parse({ code: 'clock.sideways', params: { seconds: 12 } })).toBe(false);
    expect(parse({ code: 'clock.behind', params: { seconds: '12' } })).toBe(false);
    expect(parse({ code: 'clock.behind', params: {} })).toBe(false);
    expect(parse({ code: 'clock.behind', params: { seconds: 12, extra: 1 } })).toBe(false);
    expect(parse({ params: { seconds: 12 } })).toBe(false);
    expect(parse({ code: 'clock.behind', params: { seconds: Number.POSITIVE_INFINITY } })).toBe(false);
    expect(
      SelfCheckReportSchema.safeParse({ ...NEW_REPORT, recorded: { ...NEW_REPORT.recorded, reason: 'why' } })
        .success,
    ).toBe(false);
  });
});

describe('the codes table', () => {
  it('lists each code once, named after what it checks', () => {
    expect(new Set(SELF_CHECK_CODES).size).toBe(SELF_CHECK_CODES.length);
    expect(SELF_CHECK_CODES).toEqual(Object.keys(SELF_CHECK_CODE_PARAMS));
    for (const code of SELF_CHECK_CODES) expect(code).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/);
    expect(isSelfCheckCode('toString')).toBe(false);
    expect(isSelfCheckCode('disk.low')).toBe(true);
  });

  it('checks parameters: required ones of their kind, optional ones, listed values', () => {
    expect(selfCheckParamsFit('server.ok', { url: 'https://a.fr', ms: 3 })).toBe(true);
    expect(selfCheckParamsFit('server.ok', { url: 'https://a.fr', ms: 3, serverVersion: '1.2.0' })).toBe(
      true,
    );
    expect(selfCheckParamsFit('server.ok', { url: 'https://a.fr' })).toBe(false);
    expect(selfCheckParamsFit('tls.refused', { tlsError: 'CERT_HAS_EXPIRED' })).toBe(true);
    expect(selfCheckParamsFit('tls.refused', { tlsError: 'SOMETHING_ELSE' })).toBe(false);
  });
});

describe('the report as the server keeps it', () => {
  const request = (checks: object[]) => ({
    version: '0.1.0',
    ok: true,
    checkedAt: '2025-03-12T11:05:00.000Z',
    checks,
  });

  it('takes lines with or without codes, including codes newer than the server', () => {
    const checks = [
      { name: 'disk', ok: true, detail: '42 Go libres' },
      {
        name: 'clock',
        ok: true,
        status: 'warning',
        detail: '12 s',
        code: 'clock.behind',
        params: { seconds: 12 },
      },
      { name: 'clock', ok: true, status: 'ok', detail: '…', code: 'clock.quantum', params: { qubits: 3 } },
    ];
    expect(SelfCheckRequestSchema.safeParse(request(checks)).success).toBe(true);
    const station = StationSchema.safeParse({
      id: 'st-7f3a',
      name: 'Poste 07',
      centreId: 'ctr_1',
      machineId: 'm',
      enrolledAt: '2025-03-01T08:00:00Z',
      revokedAt: null,
      lastSeenAt: null,
      version: '0.1.0',
      selfCheck: {
        ok: true,
        checks,
        checkedAt: '2025-03-12T11:05:00.000Z',
        receivedAt: '2025-03-12T11:05:01Z',
      },
    });
    expect(station.success).toBe(true);
  });

  it('refuses malformed codes and oversized parameters', () => {
    const line = { name: 'clock', ok: true, detail: '' };
    expect(SelfCheckRequestSchema.safeParse(request([{ ...line, code: 'Clock Behind' }])).success).toBe(
      false,
    );
    const many = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`p${i}`, i]));
    expect(
      SelfCheckRequestSchema.safeParse(request([{ ...line, code: 'clock.behind', params: many }])).success,
    ).toBe(false);
  });
});
