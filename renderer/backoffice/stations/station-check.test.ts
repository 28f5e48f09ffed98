import { describe, expect, it } from 'vitest';
import type { Station } from '../api/centre-client.ts';
import { checkWords, codesCsv, orderedChecks, overallCheck } from './station-check.ts';

const station = (selfCheck: Station['selfCheck']): Station => ({
  id: 'st_1',
  name: 'Poste 01',
  centreId: 'ctr_1',
  machineId: 'm',
  enrolledAt: '2026-12-01T08:00:00Z',
  revokedAt: null,
  lastSeenAt: null,
  version: '1.0.0',
  selfCheck,
});
const report = (ok: boolean, checks: NonNullable<Station['selfCheck']>['checks']) => ({
  ok,
  checks,
  checkedAt: '2026-12-01T08:00:00Z',
  receivedAt: '2026-12-01T08:00:01Z',
});

describe('a station’s self-check in the list', () => {
  it('says never checked, ready, ready with warnings, or not ready', () => {
    expect(overallCheck(station(null))).toBe('none');
    expect(overallCheck(station(report(true, [{ name: 'disk', ok: true, detail: '' }])))).toBe('ok');
    expect(
      overallCheck(
        station(report(true, [{ name: 'clock', ok: true, detail: 'off by 3 s', status: 'warning' }])),
      ),
    ).toBe('warning');
    expect(overallCheck(station(report(false, [{ name: 'server', ok: false, detail: 'unreachable' }])))).toBe(
      'failure',
    );
  });

  it('lists failures first, then warnings, and reads old stations’ ok as the status', () => {
    const ordered = orderedChecks(
      station(
        report(false, [
          { name: 'settings', ok: true, detail: '' },
          { name: 'clock', ok: true, detail: '', status: 'warning' },
          { name: 'server', ok: false, detail: '' },
          { name: 'displays', ok: true, detail: '', status: 'skipped' },
        ]),
      ),
    );
    expect(ordered.map((c) => [c.name, c.status])).toEqual([
      ['server', 'failure'],
      ['clock', 'warning'],
      ['displays', 'skipped'],
      ['settings', 'ok'],
    ]);
  });

  it('words a line from its code in the page’s language, and keeps an older station’s French sentence', () => {
    const clock = {
      name: 'clock',
      ok: true,
      status: 'warning' as const,
      detail: '12 s en retard sur le serveur — Synchronisez l’heure du poste.',
      code: 'clock.behind',
      params: { seconds: 12 },
    };
    const en = checkWords(clock, 'en');
    expect(en).toMatchObject({ detail: '12 seconds behind the server', lang: 'en' });
    expect(en.action).toMatch(/^Synchronise the station’s clock/);
    expect(checkWords(clock, 'fr').detail.replace(/\u202f/g, ' ')).toBe('12 s en retard sur le serveur');
    // An older station: no status, no code; its French sentence (action included) is shown as it is.
    const old = { name: 'disk', ok: false, detail: 'espace libre illisible — Vérifiez le dossier.' };
    expect(checkWords(old, 'en')).toEqual({ detail: old.detail, action: null, lang: 'fr' });
    // A station newer than this page: a code it does not know.
    expect(checkWords({ ...clock, code: 'clock.quantum' }, 'en')).toEqual({
      detail: clock.detail,
      action: null,
      lang: 'fr',
    });
  });

  it('writes the issued codes as a CSV for IT', () => {
    expect(codesCsv([{ code: 'ABCD-EFGH', expiresAt: '2026-12-02T08:00:00Z' }])).toBe(
      "code;valable jusqu'au\r\nABCD-EFGH;2026-12-02T08:00:00Z\r\n",
    );
  });
});
