// The referent's check speaks the screen's language: each check's title and the report's outcome are
// worded here from their codes, what each check found is worded from the line's code and parameters
// (an older station's line, without a code, keeps its French sentence, marked as French), the station's
// version is called a version, the check time is a date a person reads, and a refusal is said from its
// code (the station's own message is for the logs).
import { describe, expect, it } from 'vitest';
import type { SelfCheckReport } from '../../../core/contracts/station-self-check.ts';
import { CLOCK_BEHIND_LINE, DISK_OK_LINE, selfCheckReport } from '../../../core/testing/self-check-report.ts';
import { renderHtml, renderScreen } from '../testing/render-screen.tsx';
import { SelfCheckResults, selfCheckFailureKey } from './self-check-screen.tsx';

const REPORT: SelfCheckReport = selfCheckReport({
  version: '1.4.2',
  lines: [CLOCK_BEHIND_LINE, DISK_OK_LINE],
  recorded: { ok: true, message: 'rapport enregistré par le serveur (2025-03-12T13:05:01.000Z)' },
});

describe('SelfCheckResults', () => {
  it('says the station line with “version”, in French', () => {
    const text = renderScreen(<SelfCheckResults report={REPORT} />);
    expect(text).toContain('Poste « Poste 07 » (st-7f3a), version 1.4.2');
    expect(text).not.toContain('station 1.4.2');
    expect(renderHtml(<SelfCheckResults report={REPORT} />)).toContain(
      '<strong>Horloge du poste</strong>\u00a0: <span>12 s en retard sur le serveur</span>',
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

/** The same report from a station that sends codes: what was found is worded in the screen's language. */
const CODED: SelfCheckReport = {
  ...REPORT,
  lines: [
    {
      id: 'clock',
      status: 'warning',
      title: 'Horloge du poste',
      detail: '12,5 s en retard sur le serveur',
      action: 'Synchronisez l’heure du poste (Windows : w32tm /resync).',
      code: 'clock.behind',
      params: { seconds: 12.5 },
    },
    {
      id: 'disk',
      status: 'ok',
      title: 'Espace disque libre',
      detail: '42 Go libres pour /var/lib/pix',
      action: null,
      code: 'disk.ok',
      params: { bytes: 42.5 * 1024 ** 3, folder: '/var/lib/pix' },
    },
    // An older station's line: no code.
    {
      id: 'journal',
      status: 'ok',
      title: 'Journal des réponses (écriture durable)',
      detail: 'écriture durable : 3 ms ; pas encore de journal',
      action: null,
    },
  ],
  recorded: {
    ok: true,
    message: 'rapport enregistré par le serveur (2025-03-12T11:05:01.000Z)',
    recordedAt: '2025-03-12T11:05:01.000Z',
    reason: null,
  },
};

/** Intl's no-break spaces ("12,5 s") as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('SelfCheckResults, from a station that sends codes', () => {
  it('words what each check found and what to do in English, numbers written the English way', () => {
    const text = plain(renderScreen(<SelfCheckResults report={CODED} />, 'en'));
    expect(text).toMatch(/Warning — Station clock\s?: 12\.5 seconds behind the server/);
    expect(text).toContain('To do: Synchronise the station’s clock (Windows: w32tm /resync;');
    expect(text).toMatch(/OK — Free disk space\s?: 42\.5 GB free for \/var\/lib\/pix/);
    expect(text).not.toMatch(/en retard|Synchronisez|Go libres/);
    const html = plain(renderHtml(<SelfCheckResults report={CODED} />, 'en'));
    expect(html).toContain('<strong>Station clock</strong>: <span>12.5 seconds behind the server</span>');
    // The older station's line keeps its French sentence, said with a French voice.
    expect(html).toContain('<span lang="fr">écriture durable : 3 ms ; pas encore de journal</span>');
    expect(html.match(/lang="fr"/g)).toHaveLength(1);
  });

  it('words them in French from the same codes', () => {
    const text = plain(renderScreen(<SelfCheckResults report={CODED} />));
    expect(text).toMatch(/Attention — Horloge du poste\s+: 12,5 s en retard sur le serveur/);
    expect(text).toContain('À faire : Synchronisez l’heure du poste (Windows : w32tm /resync ;');
    expect(text).toContain('42,5 Go libres pour /var/lib/pix');
    expect(renderHtml(<SelfCheckResults report={CODED} />)).not.toContain('lang=');
  });

  it('says when the server recorded the report, and why it did not', () => {
    expect(renderScreen(<SelfCheckResults report={CODED} />, 'en')).toMatch(
      /Report recorded by the server on 12 March 2025 at \d\d:\d\d\./,
    );
    expect(renderScreen(<SelfCheckResults report={CODED} />)).toMatch(
      /Rapport enregistré par le serveur le 12 mars 2025 à \d\d:\d\d\./,
    );
    const revoked: SelfCheckReport = {
      ...CODED,
      recorded: {
        ok: false,
        message: 'rapport non enregistré : station revoked',
        recordedAt: null,
        reason: 'stationRefused',
      },
    };
    const text = renderScreen(<SelfCheckResults report={revoked} />, 'en');
    expect(text).toContain(
      'Report not recorded by the server: the server does not know this station or has revoked it.',
    );
    expect(text).not.toContain('station revoked');
    expect(renderScreen(<SelfCheckResults report={revoked} />)).toContain(
      'Rapport non enregistré par le serveur : le serveur ne connaît pas ce poste ou l’a révoqué.',
    );
  });
});

describe('selfCheckFailureKey', () => {
  it('keeps the refusals it explains and says the others in general words', () => {
    expect(selfCheckFailureKey('ILLEGAL_TRANSITION')).toBe('ILLEGAL_TRANSITION');
    expect(selfCheckFailureKey('STATION_NOT_READY')).toBe('STATION_NOT_READY');
    expect(selfCheckFailureKey('INTERNAL')).toBe('other');
  });
});
