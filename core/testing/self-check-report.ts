// A station self-check report for tests, in the shape an older station sends (no codes): the clock
// 12 s behind and the free disk space; tests add codes, lines or a recorded outcome to it.
import type { SelfCheckLine, SelfCheckReport } from '../contracts/station-self-check.ts';

export const CLOCK_BEHIND_LINE = {
  id: 'clock',
  status: 'warning',
  title: 'Horloge du poste',
  detail: '12 s en retard sur le serveur',
  action: 'Synchronisez l’heure du poste.',
} as const satisfies SelfCheckLine;

export const DISK_OK_LINE = {
  id: 'disk',
  status: 'ok',
  title: 'Espace disque libre',
  detail: '42 Go libres pour /var/lib/pix',
  action: null,
} as const satisfies SelfCheckLine;

export function selfCheckReport(overrides: Partial<SelfCheckReport> = {}): SelfCheckReport {
  return {
    version: '0.1.0',
    stationId: 'st-7f3a',
    stationName: 'Poste 07',
    checkedAt: '2025-03-12T11:05:00.000Z',
    overall: 'warning',
    lines: [CLOCK_BEHIND_LINE],
    recorded: { ok: true, message: 'rapport enregistré par le serveur (2025-03-12T11:05:01.000Z)' },
    ...overrides,
  };
}
