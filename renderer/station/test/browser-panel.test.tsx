// The challenge browser's page is a native view outside the screen's tab order: the panel offers a
// keyboard way in and says the shortcut that leads in and back out.
import { describe, expect, it } from 'vitest';
import type { DownloadProblem } from '../../../core/contracts/station-api.ts';
import type { StationState } from '../state/station-store.ts';
import {
  renderHtml as renderRawHtml,
  renderScreen as renderRawScreen,
  stationStatus,
} from '../testing/render-screen.tsx';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { shortenedFileName } from './shortened-file-name.ts';
import {
  addressShown,
  addressToOpen,
  BrowserPanel,
  fileOpening,
  isPaneSwitchKey,
  noticeKey,
  NoticeAnnouncements,
  noticeSentence,
  rescueFocus,
  viewedAt,
} from './browser-panel.tsx';

/** French typography's no-break spaces (before « : ») as plain spaces: these tests are about names. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const renderHtml = (...args: Parameters<typeof renderRawHtml>) => plainSpaces(renderRawHtml(...args));
const renderScreen = (...args: Parameters<typeof renderRawScreen>) => plainSpaces(renderRawScreen(...args));

const panel = (language: 'fr' | 'en' = 'fr', state: Partial<StationState> = {}) =>
  renderScreen(<BrowserPanel shown onToggle={() => undefined} />, language, state);

const REASON = 'Ce type de fichier ne peut pas être ouvert sur ce poste (seuls les PDF…).';
const refused = (problem: DownloadProblem, fileName = 'installer-club.exe') => ({
  blocked: {
    url: `https://atelier.pix-demo.test/${fileName}`,
    reason: REASON,
    download: { fileName, problem },
  },
});

const key = (
  key: string,
  modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {},
) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('BrowserPanel and the keyboard', () => {
  it('offers « Aller dans la page » and tells the F6 shortcut, in both languages', () => {
    const fr = panel();
    expect(fr).toContain('Aller dans la page');
    expect(fr).toContain('Touche F6 : aller dans la page, puis revenir aux boutons du navigateur.');
    const en = panel('en');
    expect(en).toContain('Go into the page');
    expect(en).toContain('F6 key: go into the page, then back to the browser buttons.');
  });

  it('enters the page on F6 alone', () => {
    expect(isPaneSwitchKey(key('F6'))).toBe(true);
    expect(isPaneSwitchKey(key('F6', { ctrlKey: true }))).toBe(false);
    expect(isPaneSwitchKey(key('F5'))).toBe(false);
  });
});

describe('BrowserPanel and what the browser refused', () => {
  it('says a refused file type cannot be opened here, that the page is still there, and offers to close', () => {
    const fr = panel('fr', refused('type'));
    expect(fr).toContain(
      'Ce fichier ne peut pas être ouvert sur ce poste : installer-club.exe ' +
        'On peut ouvrir ici : PDF, images, textes, CSV, classeurs .xlsx .xls .ods et documents .docx .odt. ' +
        'Vous pouvez continuer sur cette page. Fermer',
    );
    // Nothing was blocked: not the blocked page's words, nor the station's French detail, nor the address.
    expect(fr).not.toContain('bloquée');
    expect(fr).not.toContain(REASON);
    expect(fr).not.toContain('https://atelier.pix-demo.test/installer-club.exe');
    const en = panel('en', refused('type'));
    expect(en).toContain(
      'This file cannot be opened on this station: installer-club.exe ' +
        'This station opens: PDFs, images, text files, CSV files, spreadsheets .xlsx .xls .ods and documents .docx .odt. ' +
        'You can carry on with this page. Close',
    );
    expect(en).not.toContain(REASON);
  });

  it('says a file too big for the station is too big, in both languages', () => {
    const fr = panel('fr', refused('size', 'video-sortie.pdf'));
    expect(fr).toContain(
      'Ce fichier ne peut pas être ouvert sur ce poste : video-sortie.pdf ' +
        'Il est trop volumineux pour ce poste. Vous pouvez continuer sur cette page. Fermer',
    );
    expect(fr).not.toContain('On peut ouvrir ici');
    expect(panel('en', refused('size', 'video-sortie.pdf'))).toContain(
      'This file cannot be opened on this station: video-sortie.pdf ' +
        'It is too big for this station. You can carry on with this page. Close',
    );
  });

  it('says the test saved as many files as it may, in both languages', () => {
    expect(panel('fr', refused('quota', 'fiche-12.pdf'))).toContain(
      'Ce fichier ne peut pas être ouvert sur ce poste : fiche-12.pdf ' +
        'Trop de fichiers ont été téléchargés pendant ce test : celui-ci n’est pas enregistré. ' +
        'Vous pouvez continuer sur cette page. Fermer',
    );
    expect(panel('en', refused('quota', 'fiche-12.pdf'))).toContain(
      'Too many files have been downloaded during this test: this one is not saved. ' +
        'You can carry on with this page. Close',
    );
  });

  it('says an old Word file, or an Office file with macros or a template, has another version to find', () => {
    const fr = panel('fr', refused('oldWord', 'lettre.doc'));
    expect(fr).toContain(
      'Ce fichier ne peut pas être ouvert sur ce poste : lettre.doc ' +
        'Les anciens fichiers Word (.doc) ne s’ouvrent pas ici : cherchez sur la page une version .docx, .odt ou PDF. Fermer',
    );
    // Never that spreadsheets and documents open here: that file is one, and it did not.
    expect(fr).not.toContain('On peut ouvrir ici');
    expect(panel('en', refused('oldWord', 'lettre.doc'))).toContain(
      'Old Word files (.doc) do not open here: look on the page for a .docx, .odt or PDF version.',
    );
    expect(panel('fr', refused('macroOrTemplate', 'classeur.xlsm'))).toContain(
      'Les fichiers Office à macros et les modèles (.xlsm, .docm, .xltx, .dotx) ne s’ouvrent pas ici : ' +
        'cherchez sur la page une version .xlsx, .docx, .ods, .odt ou PDF.',
    );
    expect(panel('en', refused('macroOrTemplate', 'classeur.xlsm'))).toContain(
      'Office files with macros and templates (.xlsm, .docm, .xltx, .dotx) do not open here',
    );
  });

  it('ties « Fermer » to the notice it closes, for screen readers', () => {
    const html = renderHtml(<BrowserPanel shown onToggle={() => undefined} />, 'fr', refused('type'));
    const title = /<p id="([^"]+)" class="notice-title">Ce fichier ne peut pas être ouvert/.exec(html);
    expect(title).not.toBeNull();
    expect(html).toContain(
      `<button type="button" class="button button-secondary" aria-describedby="${title?.[1]}">Fermer</button>`,
    );
  });

  it('keeps the blocked-page message for a page, with no close button', () => {
    const blocked = { url: 'https://chatgpt.com/', reason: 'site bloqué' };
    const fr = panel('fr', { blocked });
    expect(fr).toContain(
      'Cette page est bloquée pendant la certification : https://chatgpt.com/ Revenez en arrière ou utilisez un autre site.',
    );
    expect(fr).not.toContain('Fermer');
    expect(fr).not.toContain('Ce fichier');
  });

  it('says nothing of a refusal when there is none', () => {
    const fr = panel();
    expect(fr).not.toContain('bloquée');
    expect(fr).not.toContain('Ce fichier');
  });
});

describe('BrowserPanel and a downloaded file', () => {
  const downloaded = {
    type: 'browserFileOpened' as const,
    viewer: 'spreadsheet' as const,
    url: 'app://station/__sandbox/test-1/downloads/0a1b2c3d-budget-sortie.xlsx',
    fileName: 'budget-sortie.xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
  const html = (state: Partial<StationState>, language: 'fr' | 'en' = 'fr') =>
    renderHtml(<BrowserPanel shown onToggle={() => undefined} />, language, {
      status: stationStatus(),
      ...state,
    });

  it('offers the file above the page, where a refusal is said, not under it', () => {
    const fr = html({ downloaded });
    const notice = fr.indexOf('data-testid="downloaded-file-notice"');
    expect(notice).toBeGreaterThan(fr.indexOf('Touche F6'));
    expect(notice).toBeLessThan(fr.indexOf('data-testid="browser-view"'));
    expect(
      renderScreen(<BrowserPanel shown onToggle={() => undefined} />, 'fr', {
        downloaded,
        status: stationStatus(),
      }),
    ).toContain('Fichier téléchargé : budget-sortie.xlsx Ouvrir le fichier Fermer');
    // Not over the page, not a dialog until the candidate asks.
    expect(fr).not.toContain('<dialog');
  });

  it('shows one notice: the file, whatever refusal the store still holds', () => {
    const fr = html({ downloaded, ...refused('type') });
    expect(fr).toContain('downloaded-file-notice');
    expect(fr).not.toContain('browser-refused-download');
  });

  it('offers nothing while the test is not going on', () => {
    const paused = html({ downloaded, status: stationStatus({ phase: 'paused' }) });
    expect(paused).not.toContain('downloaded-file-notice');
    expect(html({ downloaded, status: stationStatus() })).toContain('downloaded-file-notice');
  });

  it('isolates a refused file’s name in <bdi>, and says a name it has none for in the screen’s language', () => {
    expect(html(refused('type', 'installer-club.exe'))).toContain(
      'Ce fichier ne peut pas être ouvert sur ce poste : <bdi class="file-name">installer-club.exe</bdi>',
    );
    const unnamed = {
      blocked: {
        url: 'https://atelier.pix-demo.test/x',
        reason: REASON,
        download: { problem: 'type' as const },
      },
    };
    expect(html(unnamed, 'en')).toContain(
      'This file cannot be opened on this station: <bdi class="file-name">file with no name</bdi>',
    );
    expect(html(unnamed)).toContain(
      'Ce fichier ne peut pas être ouvert sur ce poste : <bdi class="file-name">fichier sans nom</bdi>',
    );
  });
});

describe('BrowserPanel and a long file name', () => {
  const long = `${'inscriptionsclubinformatique'.repeat(9).slice(0, 250)}.exe`;

  it('shows a refused file’s long name cut in its middle, said whole, the extension in view', () => {
    const html = renderHtml(<BrowserPanel shown onToggle={() => undefined} />, 'fr', {
      status: stationStatus(),
      ...refused('type', long),
    });
    expect(html).toContain(
      `Ce fichier ne peut pas être ouvert sur ce poste : <bdi class="file-name"><span aria-hidden="true" title="${long}">` +
        'inscriptionsclubinformatiquei…clubinformatiq.exe</span>' +
        `<span class="visually-hidden">${long}</span></bdi>`,
    );
    // What a screen reader is told when it arrives: the whole name, once.
    const said = noticeSentence(
      { url: 'https://x.test/', reason: 'r', download: { problem: 'type', fileName: long } },
      createI18n('fr').t,
    );
    expect(said.split(long)).toHaveLength(2);
  });
});

describe('« Ouvrir le fichier »', () => {
  it('opens an office file in the viewer’s dialog, and the others in the browser’s page', () => {
    const office = {
      type: 'browserFileOpened' as const,
      viewer: 'spreadsheet' as const,
      url: 'app://station/__sandbox/test-1/downloads/0a1b2c3d-budget.xlsx',
      fileName: 'budget.xlsx',
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
    expect(fileOpening(office)).toEqual({ viewer: office });
    // A text a page downloaded by itself: its saved copy's address, shown in the browser's page.
    const text = {
      type: 'browserFileOpened' as const,
      viewer: 'text' as const,
      url: 'pix-download://0a1b2c3d4e5f60718293a4b5c6d7e8f9/consignes.txt',
      fileName: 'consignes.txt',
    };
    expect(fileOpening(text)).toEqual({ address: text.url });
    expect(fileOpening({ ...text, viewer: 'pdf', url: `${text.url}#toolbar=0` })).toEqual({
      address: `${text.url}#toolbar=0`,
    });
  });
});

describe('what the panel says of its notices', () => {
  const t = createI18n('en').t;
  const file = {
    type: 'browserFileOpened' as const,
    viewer: 'document' as const,
    url: 'app://station/__sandbox/test-1/downloads/0a1b2c3d-lettre.docx',
    fileName: 'lettre.docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };

  it('says a notice once, only while the panel is on screen, and then when it is shown', () => {
    const said = new NoticeAnnouncements();
    const notice = { ...file };
    // Arrived while the panel is hidden (collapsed, a dialog over it): said when shown, once.
    expect(said.admit(notice, noticeKey(notice), false, 0)).toBe(false);
    expect(said.admit(notice, noticeKey(notice), true, 5_000)).toBe(true);
    expect(said.admit(notice, noticeKey(notice), true, 9_000)).toBe(false);
  });

  it('says the same file offered again at most once in two seconds', () => {
    const said = new NoticeAnnouncements();
    expect(said.admit({ ...file }, noticeKey(file), true, 0)).toBe(true);
    // A page downloading it in a loop: each offer is a new notice, shown but not said again.
    expect(said.admit({ ...file }, noticeKey(file), true, 500)).toBe(false);
    expect(said.admit({ ...file }, noticeKey(file), true, 1_999)).toBe(false);
    // Another file is said at once.
    const other = { ...file, url: `${file.url}-2` };
    expect(said.admit(other, noticeKey(other), true, 1_999)).toBe(true);
    // The candidate clicking again later is told again.
    expect(said.admit({ ...file }, noticeKey(file), true, 2_000)).toBe(true);
  });

  it('tells a refused file from a blocked page at the same address', () => {
    const url = 'https://atelier.pix-demo.test/x';
    expect(noticeKey({ url, reason: 'r', download: { problem: 'type' } })).not.toBe(
      noticeKey({ url, reason: 'r' }),
    );
  });

  it('says each notice as it is shown, in the screen’s language', () => {
    expect(noticeSentence(file, t)).toBe('Downloaded file: lettre.docx');
    expect(noticeSentence({ url: 'https://x.test/', reason: 'r', download: { problem: 'size' } }, t)).toBe(
      'This file cannot be opened on this station: file with no name. It is too big for this station. You can carry on with this page.',
    );
  });

  it('says a site’s file name as it is, never read by the translation', () => {
    for (const fileName of ['{{name}}.xlsx', '$t(browser.unnamedFile).docx', '{{fileName}}', 'a {{url}} b']) {
      expect(noticeSentence({ ...file, fileName }, t)).toBe(`Downloaded file: ${fileName}`);
      expect(
        noticeSentence({ url: 'https://x.test/', reason: 'r', download: { fileName, problem: 'type' } }, t),
      ).toContain(`This file cannot be opened on this station: ${fileName}.`);
    }
  });

  it('closes the office viewer when the question changes, and does not open it again there', () => {
    expect(viewedAt({ file, question: 'c1' }, 'c1')).toBe(file);
    expect(viewedAt({ file, question: 'c1' }, 'c2')).toBeNull();
    expect(viewedAt(null, 'c1')).toBeNull();
  });

  it('moves the keyboard out of a notice that goes by itself, and only then', () => {
    const inside = {};
    const notice = { contains: (node: Node | null) => node === inside };
    const moves: string[] = [];
    const move = () => moves.push('address');
    expect(rescueFocus(notice, inside as Element, move)).toBe(true);
    expect(rescueFocus(notice, {} as Element, move)).toBe(false);
    expect(rescueFocus(notice, null, move)).toBe(false);
    expect(rescueFocus(null, inside as Element, move)).toBe(false);
    expect(moves).toEqual(['address']);
  });
});

describe('BrowserPanel and what the view shows', () => {
  const token = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
  const fileUrl = `pix-download://${token}/R%C3%A9sum%C3%A9%20consignes.txt`;
  const history = { loading: false, canGoBack: true, canGoForward: false };
  const fileShown = (file: string) => ({
    browser: { url: fileUrl, title: file, file, ...history },
    status: stationStatus(),
  });
  const html = (state: Partial<StationState>, language: 'fr' | 'en' = 'fr') =>
    renderHtml(<BrowserPanel shown onToggle={() => undefined} />, language, state);

  it('says a downloaded file shown in the page as a file, by its name, never its internal address', () => {
    const fr = html(fileShown('Résumé consignes.txt'));
    expect(fr).toContain('Fichier affiché : <bdi class="file-name">Résumé consignes.txt</bdi>');
    expect(fr).not.toContain('Aucune page ouverte');
    expect(fr).not.toContain('Page affichée');
    // The address field names the file; the token address is nowhere on screen.
    expect(fr).toContain('value="Résumé consignes.txt"');
    expect(fr).not.toContain(token);
    expect(html(fileShown('Résumé consignes.txt'), 'en')).toContain(
      'File shown: <bdi class="file-name">Résumé consignes.txt</bdi>',
    );
  });

  it('shortens a long file name in the status line as the notices do, said whole', () => {
    const long = `${'inscriptionsclubinformatique'.repeat(9).slice(0, 200)}.txt`;
    const fr = html(fileShown(long));
    expect(fr).toContain(`<span aria-hidden="true" title="${long}">${shortenedFileName(long)}</span>`);
    expect(fr).toContain(`<span class="visually-hidden">${long}</span>`);
  });

  it('says an untitled page by its host, and « Aucune page ouverte » only without any page', () => {
    const page = { url: 'https://atelier.pix-demo.test/consignes.txt', title: '', ...history };
    expect(html({ browser: page })).toContain('Page affichée : atelier.pix-demo.test');
    expect(html({ browser: page })).not.toContain('Aucune page ouverte');
    expect(html({ browser: { ...page, title: 'Atelier' } }, 'en')).toContain('Page shown: Atelier');
    expect(html({ browser: page })).toContain('value="https://atelier.pix-demo.test/consignes.txt"');
    expect(html({ browser: null })).toContain('Aucune page ouverte');
    expect(html({ browser: { ...page, url: '' } })).toContain('Aucune page ouverte');
    expect(html({ browser: { ...page, url: 'about:blank' } })).toContain('Aucune page ouverte');
  });

  it('opens the file again from its name in the field, and what the candidate types as an address', () => {
    const file = fileShown('Résumé consignes.txt').browser;
    expect(addressShown(file)).toBe('Résumé consignes.txt');
    expect(addressShown(null)).toBe('');
    // « Aller » with the field as it was: the file again (its name is no site's address).
    expect(addressToOpen('Résumé consignes.txt', file)).toBe(fileUrl);
    // Typed over it: the typed address, as on any page.
    expect(addressToOpen('atelier.pix-demo.test', file)).toBe('https://atelier.pix-demo.test');
    const page = { url: 'https://atelier.pix-demo.test/', title: 'Atelier', ...history };
    expect(addressToOpen('Résumé consignes.txt', page)).toBe('https://Résumé consignes.txt');
    expect(addressToOpen('  ', file)).toBeNull();
  });
});
