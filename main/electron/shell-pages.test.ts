import { describe, expect, it } from 'vitest';
import { escapeHtml, noticePage, quitPromptPage, readQuitForm, startFailurePage } from './shell-pages.ts';

describe('shell pages', () => {
  it('asks for the code when one is set, in French, with a labelled password field', () => {
    const page = quitPromptPage({ kind: 'ask', codeSet: true });
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<label for="code">Code surveillant</label>');
    expect(page).toContain('type="password"');
    expect(page).not.toContain('<script');
  });

  it('says when no code is set, and offers to close between candidates', () => {
    const page = quitPromptPage({ kind: 'ask', codeSet: false });
    expect(page).toContain('Aucun code surveillant');
    expect(page).not.toContain('type="password"');
  });

  it('announces a wrong code, the wait, and a refusal as alerts', () => {
    expect(quitPromptPage({ kind: 'wrong' })).toMatch(/role="alert">Ce code n’est pas le bon/);
    expect(quitPromptPage({ kind: 'wait', seconds: 42 })).toContain('attendez 42 secondes');
    expect(quitPromptPage({ kind: 'refused', reason: 'Un test <b>est</b> en cours' })).toContain(
      'Un test &lt;b&gt;est&lt;/b&gt; en cours',
    );
  });

  it('escapes notices and refreshes them when asked', () => {
    const page = noticePage({ title: 'Écrans', message: '<img src=x onerror=alert(1)>', refreshSeconds: 5 });
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('<meta http-equiv="refresh" content="5">');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });

  it('reads the posted form, cancelling anything unexpected', () => {
    expect(readQuitForm('action=quit&code=Surv%202026')).toEqual({ action: 'quit', code: 'Surv 2026' });
    expect(readQuitForm('action=other&code=x')).toEqual({ action: 'cancel', code: 'x' });
    expect(readQuitForm('')).toEqual({ action: 'cancel', code: '' });
    expect(readQuitForm(`action=quit&code=${'x'.repeat(500)}`).code).toHaveLength(128);
  });

  it('says why the station cannot start, what to do, French first then English, with no script', () => {
    const page = startFailurePage({
      kind: 'diskFull',
      code: 'SQLITE_FULL',
      journalFile: 'C:\\Pix\\<station>\\journal.sqlite',
    });
    expect(page).toContain('<html lang="fr">');
    expect(page).toMatch(/role="alert">Le disque de ce poste est plein/);
    expect(page).toContain(
      'Prévenez le surveillant : ce poste ne peut pas accueillir de candidat. Le journal des réponses est conservé pour le jury.',
    );
    expect(page).toContain('<section lang="en">');
    expect(page.indexOf('Prévenez le surveillant')).toBeLessThan(page.indexOf('Tell the invigilator'));
    expect(page).toContain('<code>SQLITE_FULL</code>');
    expect(page).toContain('C:\\Pix\\&lt;station&gt;\\journal.sqlite');
    // IT is sent to the station's log file by name, in both languages.
    expect(page).toContain('journal de la station, <code>logs/station.log</code>');
    expect(page).toContain('station’s log, <code>logs/station.log</code>');
    expect(page).not.toContain('<script');
  });

  it('tells IT what to do when the station key cannot be opened or is missing, in French then English', () => {
    for (const [kind, fr, en] of [
      ['keyStoreLocked', /trousseau du système/, /keyring unlocked/],
      ['keyUnreadable', /endommagé ou ne lui appartient pas/, /nor copy another station’s/],
      ['keyMissing', /restaurez la clé .* depuis une sauvegarde/, /move the whole data folder aside/],
      [
        'lockdownSettings',
        /réglages de verrouillage .* invalides.*lancez la vérification du poste \(--check\)/s,
        /run the station check \(--check\)/,
      ],
    ] as const) {
      const page = startFailurePage({ kind, code: 'X', journalFile: '/data/journal.sqlite' });
      expect(page).toMatch(fr);
      expect(page).toMatch(en);
      expect(page).toContain('À faire :');
      expect(page.indexOf('À faire :')).toBeLessThan(page.indexOf('<section lang="en">'));
    }
    expect(startFailurePage({ kind: 'diskFull', code: 'X', journalFile: 'j' })).not.toContain('À faire');
  });
});
