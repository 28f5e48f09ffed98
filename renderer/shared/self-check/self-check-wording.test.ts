// Every code a station can emit (the codes table in core, not a copy of it) has a French and an English
// sentence, worded from its parameters with numbers and dates as each language writes them; a line
// without a code it knows keeps the station's French sentence.
import { describe, expect, it } from 'vitest';
import {
  SELF_CHECK_CODES,
  SELF_CHECK_CODE_PARAMS,
  SELF_CHECK_TLS_ERRORS,
  type SelfCheckCode,
  type SelfCheckParamKind,
  type SelfCheckParams,
} from '../../../core/contracts/station-self-check-codes.ts';
import type { SelfCheckStatus } from '../../../core/contracts/station-self-check.ts';
import {
  SELF_CHECK_WORDING,
  selfCheckLanguage,
  wordSelfCheckLine,
  type SelfCheckLanguage,
} from './self-check-wording.ts';

const LANGUAGES: SelfCheckLanguage[] = ['fr', 'en'];

/** Parameters for a code: each required one (and, with `all`, each optional one) with a sample value. */
function sampleParams(code: SelfCheckCode, all: boolean, pick = 0): SelfCheckParams {
  const spec: Record<string, SelfCheckParamKind> = SELF_CHECK_CODE_PARAMS[code];
  const params: SelfCheckParams = {};
  for (const [name, kind] of Object.entries(spec)) {
    if (typeof kind !== 'string') params[name] = kind[pick % kind.length] as string;
    else if (kind.endsWith('?') && !all) continue;
    else params[name] = kind.startsWith('number') ? 1234.5 : `«${name}»`;
  }
  return params;
}

/** Every value a listed parameter takes, so each gets worded. */
function picks(code: SelfCheckCode): number {
  const spec: Record<string, SelfCheckParamKind> = SELF_CHECK_CODE_PARAMS[code];
  return Math.max(1, ...Object.values(spec).map((kind) => (typeof kind === 'string' ? 1 : kind.length)));
}

/** A line worded, Intl's no-break spaces ("12 s", French) written as plain spaces for the assertions. */
function word(
  code: SelfCheckCode,
  params: SelfCheckParams,
  language: SelfCheckLanguage,
  status: SelfCheckStatus = 'failure',
) {
  const worded = wordSelfCheckLine(
    { status, code, params, detail: 'texte du poste', action: 'à faire' },
    language,
  );
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
  return { ...worded, detail: plain(worded.detail), action: worded.action && plain(worded.action) };
}

describe('the self-check wording', () => {
  it('has a French and an English sentence for every code the station emits', () => {
    expect(SELF_CHECK_CODES.length).toBeGreaterThan(50);
    for (const language of LANGUAGES) {
      expect(Object.keys(SELF_CHECK_WORDING[language]).sort()).toEqual([...SELF_CHECK_CODES].sort());
    }
    for (const code of SELF_CHECK_CODES) {
      for (const all of [false, true]) {
        for (let pick = 0; pick < picks(code); pick++) {
          const params = sampleParams(code, all, pick);
          const fr = word(code, params, 'fr');
          const en = word(code, params, 'en');
          for (const [language, worded] of [
            ['fr', fr],
            ['en', en],
          ] as const) {
            expect(worded.lang, `${code} ${language}`).toBe(language);
            expect(worded.detail, `${code} ${language}`).toMatch(/\S/);
            expect(`${worded.detail} ${worded.action ?? ''}`, `${code} ${language}`).not.toMatch(
              /undefined|NaN|\[object|texte du poste|à faire/,
            );
            // Every parameter given shows in the sentence (lists: as their value's wording).
            for (const [name, value] of Object.entries(params)) {
              // The journal's file and SQLite's words belong to the journal states that name them.
              const unsaid =
                'journal' in params &&
                ((name === 'journalFile' && params.journal !== 'readOnly') ||
                  (name === 'problem' && !['damaged', 'unreadable'].includes(String(params.journal))));
              if (typeof value === 'string' && value.startsWith('«') && !unsaid) {
                expect(`${worded.detail} ${worded.action ?? ''}`, `${code} ${language} ${name}`).toContain(
                  value,
                );
              }
            }
          }
          expect(en.detail, code).not.toBe(fr.detail);
          // What to do exists in both languages or in neither.
          expect(en.action === null, code).toBe(fr.action === null);
        }
      }
    }
  });

  it('words each TLS refusal in both languages', () => {
    const sentences = new Map<string, string>();
    for (const tlsError of SELF_CHECK_TLS_ERRORS) {
      const fr = word('tls.refused', { tlsError }, 'fr');
      const en = word('tls.refused', { tlsError }, 'en');
      expect(fr.detail).toMatch(/certificat|TLS/);
      expect(en.detail).toMatch(/certificate|TLS/);
      sentences.set(tlsError, en.detail);
    }
    expect(sentences.get('DEPTH_ZERO_SELF_SIGNED_CERT')).toBe('the server’s certificate is self-signed');
  });

  it('formats numbers, sizes and dates for the language', () => {
    expect(word('clock.behind', { seconds: 12.5 }, 'fr', 'warning')).toMatchObject({
      detail: '12,5 s en retard sur le serveur',
      action: expect.stringContaining('w32tm /resync'),
    });
    expect(word('clock.behind', { seconds: 12.5 }, 'en', 'warning')).toMatchObject({
      detail: '12.5 seconds behind the server',
      action: expect.stringContaining('Synchronise the station’s clock'),
    });
    const disk = { bytes: 1.5 * 1024 ** 3, folder: '/var/lib/pix' };
    expect(word('disk.low', disk, 'fr').detail).toBe('1,5 Go libres pour /var/lib/pix');
    expect(word('disk.low', disk, 'en').detail).toBe('1.5 GB free for /var/lib/pix');
    const certificate = { until: '2025-03-12', issuer: 'Let’s Encrypt', days: 3 };
    expect(word('tls.expiresSoon', certificate, 'fr').detail).toBe(
      'certificat valide jusqu’au 12 mars 2025 (Let’s Encrypt) : expire dans 3 jours',
    );
    expect(word('tls.expiresSoon', certificate, 'en').detail).toBe(
      'certificate valid until 12 March 2025 (Let’s Encrypt): expires in 3 days',
    );
    // A date the certificate gave in its own words stays as it is.
    expect(word('tls.validUntil', { until: 'Mar 12 2025 GMT' }, 'en', 'ok').detail).toBe(
      'certificate valid until Mar 12 2025 GMT (unknown issuer)',
    );
    const journal = { medianMs: 3.25, maxMs: 12, commits: 20, journal: 'intact' };
    expect(word('journal.ok', journal, 'fr', 'ok').detail).toBe(
      'écriture durable : 3,3 ms (médiane de 20, au plus 12 ms) ; journal existant intact',
    );
    expect(word('journal.ok', journal, 'en', 'ok').detail).toBe(
      'durable write: 3.3 ms (median of 20, at most 12 ms); existing journal intact',
    );
  });

  it('says what to do only on warnings and failures', () => {
    expect(word('clock.behind', { seconds: 3 }, 'en', 'ok').action).toBeNull();
    expect(word('browser.noUrls', {}, 'en', 'skipped').action).toBeNull();
    expect(word('disk.low', { bytes: 1, folder: '/d' }, 'en', 'warning').action).toMatch(/Free some space/);
  });

  it('keeps the station’s French sentence for a line without a code, an unknown code or unfit parameters', () => {
    const line = {
      status: 'warning' as const,
      detail: '12 s en retard sur le serveur',
      action: 'Synchronisez l’heure du poste.',
    };
    const french = { detail: line.detail, action: line.action, lang: 'fr' };
    expect(wordSelfCheckLine(line, 'en')).toEqual(french);
    expect(wordSelfCheckLine({ ...line, code: 'clock.quantum', params: { seconds: 12 } }, 'en')).toEqual(
      french,
    );
    expect(wordSelfCheckLine({ ...line, code: 'clock.behind', params: { secs: 12 } }, 'en')).toEqual(french);
    expect(wordSelfCheckLine({ ...line, code: 'clock.behind' }, 'en')).toEqual(french);
    expect(wordSelfCheckLine({ ...line, code: 'toString', params: {} }, 'en')).toEqual(french);
  });

  it('reads the language from an i18next tag', () => {
    expect(selfCheckLanguage('en')).toBe('en');
    expect(selfCheckLanguage('en-GB')).toBe('en');
    expect(selfCheckLanguage('fr-FR')).toBe('fr');
    expect(selfCheckLanguage('de')).toBe('fr');
  });

  it('never tells IT to enroll again when the station key cannot be read: session or backup instead', () => {
    const fr = word('enrollment.keyUnreadable', { problem: 'locked' }, 'fr').action;
    const en = word('enrollment.keyUnreadable', { problem: 'locked' }, 'en').action;
    expect(fr).toMatch(/^Ne réinscrivez pas le poste et ne supprimez pas sa clé/);
    expect(fr).toContain('restaurez-la (station-key.sealed ou station-key.der) depuis une sauvegarde');
    expect(en).toMatch(/^Do not enroll the station again nor delete its key/);
    expect(en).toContain('Open the session of the exam account');
    for (const action of [fr, en]) expect(action).not.toMatch(/--enroll|nouveau code|new code/);
  });
});
