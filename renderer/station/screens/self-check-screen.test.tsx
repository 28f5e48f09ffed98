// The referent's check speaks the screen's language: each check's title and the report's outcome are
// worded here from their codes, the station's version is called a version, the check time is a date a
// person reads, and a refusal is said from its code (the station's own message is for the logs).
import { describe, expect, it } from 'vitest';
import type { SelfCheckReport } from '../../../core/contracts/station-self-check.ts';
import { renderHtml, renderScreen } from '../testing/render-screen.tsx';
import { SelfCheckResults, selfCheckFailureKey } from './self-check-screen.tsx';

const REPORT: SelfCheckReport = {
  version: '1.4.2',
  stationId: 'st-7f3a',
  stationName: 'Poste 07',
  checkedAt: '2025-03-12T11:05:00.000Z',
  overall: 'warning',
  lines: [
    {
      id: 'clock',
      status: 'warning',
      title: 'Horloge du poste',
      detail: '12 s en retard sur le serveur',
      action: 'Synchronisez l’heure du poste.',
    },
    {
      id: 'disk',
      status: 'ok',
      title: 'Espace disque libre',
      detail: '42 Go libres pour /var/lib/pix',
      action: null,
    },
  ],
  recorded: { ok: true, message: 'rapport enregistré par le serveur (2025-03-12T13:05:01.000Z)' },
};

describe('SelfCheckResults', () => {
  it('says the station line with “version”, in French', () => {
    const text = renderScreen(<SelfCheckResults report={REPORT} />);
    expect(text).toContain('Poste « Poste 07 » (st-7f3a), version 1.4.2');
    expect(text).not.toContain('station 1.4.2');
    expect(renderHtml(<SelfCheckResults report={REPORT} />)).toContain(
      '<strong>Horloge du poste</strong> : <span>12 s en retard sur le serveur</span>',
    );
    expect(text).toContain('Rapport enregistré par le serveur.');
  });

  it('words titles, statuses and the outcome in English, with no raw timestamp', () => {
    const text = renderScreen(<SelfCheckResults report={REPORT} />, 'en');
    expect(text).toContain('Station “Poste 07” (st-7f3a), version 1.4.2');
    expect(text).toContain('Warning — Station clock');
    expect(text).toContain('OK — Free disk space');
    expect(renderHtml(<SelfCheckResults report={REPORT} />, 'en')).toContain(
      '<strong>Station clock</strong>: <span lang="fr">',
    );
    expect(text).toContain('Report recorded by the server.');
    expect(text).toContain('Checked on 12 March 2025');
    expect(text).not.toMatch(/Horloge du poste|Espace disque|rapport enregistré|\d{4}-\d{2}-\d{2}T/);
  });

  it('marks the station’s own French findings as French on an English screen', () => {
    const html = renderHtml(<SelfCheckResults report={REPORT} />, 'en');
    expect(html).toContain('<span lang="fr">12 s en retard sur le serveur</span>');
    expect(html).toContain('<span lang="fr">Synchronisez l’heure du poste.</span>');
    expect(renderHtml(<SelfCheckResults report={REPORT} />)).not.toContain('lang="fr"');
  });

  it('says a report the server did not record without the server’s words', () => {
    const refused = { ...REPORT, recorded: { ok: false, message: 'rapport non enregistré : HTTP 503' } };
    const text = renderScreen(<SelfCheckResults report={refused} />, 'en');
    expect(text).toContain('Report not recorded by the server');
    expect(text).not.toContain('503');
  });
});

describe('selfCheckFailureKey', () => {
  it('keeps the refusals it explains and says the others in general words', () => {
    expect(selfCheckFailureKey('ILLEGAL_TRANSITION')).toBe('ILLEGAL_TRANSITION');
    expect(selfCheckFailureKey('STATION_NOT_READY')).toBe('STATION_NOT_READY');
    expect(selfCheckFailureKey('INTERNAL')).toBe('other');
  });
});
