import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_TYPES,
  MAX_VIEWER_FILE_BYTES,
  SPREADSHEET_TYPES,
} from '../../../core/challenge/station-viewers.ts';
import { BrowserStateSchema, StationEventSchema } from '../../../core/contracts/station-api.ts';
import {
  comparableAddress,
  decideDownload,
  downloadJournalRule,
  DownloadQuota,
  fileOpenedEvent,
  isOfficeViewer,
  MAX_DOWNLOAD_BYTES,
  MAX_DOWNLOAD_BYTES_PER_TEST,
  MAX_DOWNLOADS_PER_TEST,
  opensInView,
  quotaRefusal,
  refusalForScreens,
  refusedFileName,
  safeFileName,
  sameAddress,
  savedCopyAddress,
  savedFileName,
  servedFileHeaders,
  viewOfferEvent,
  viewStatus,
  type DownloadViewer,
} from './download-policy.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';
const ODT = 'application/vnd.oasis.opendocument.text';
const XLS = 'application/vnd.ms-excel';

describe('downloads', () => {
  it.each([
    ['rapport.pdf', 'application/pdf', 'pdf', 'rapport.pdf'],
    ['photo.JPG', 'image/jpeg', 'image', 'photo.jpg'],
    ['donnees.csv', 'text/csv', 'csv', 'donnees.csv'],
    ['notes.txt', 'application/octet-stream', 'text', 'notes.txt'],
    ['export', 'text/csv; charset=utf-8', 'csv', 'export.csv'],
    ['', 'application/pdf', 'pdf', 'fichier.pdf'],
  ])('%s (%s) opens in the %s viewer as %s', (name, type, viewer, fileName) => {
    expect(decideDownload(name, type, 1000)).toMatchObject({ allowed: true, viewer, fileName });
  });

  it.each([
    ['setup.exe', 'application/octet-stream'],
    ['setup.exe', 'text/plain'],
    ['script.ps1', 'text/plain'],
    ['run.sh', 'text/x-sh'],
    ['page.html', 'text/html'],
    ['image.svg', 'image/svg+xml'],
    ['archive.zip', 'application/zip'],
    // An office name does not make an executable or an archive a spreadsheet.
    ['budget.xlsx.exe', XLSX],
    ['presentation.pptx', 'application/octet-stream'],
    ['app.dmg', 'application/x-apple-diskimage'],
    ['shortcut.lnk', 'application/octet-stream'],
    ['noext', 'application/x-msdownload'],
    ['facture.pdf.exe', 'application/pdf'],
  ])('%s (%s) is refused for its type', (name, type) => {
    expect(decideDownload(name, type, 1000)).toMatchObject({ allowed: false, problem: 'type' });
  });

  it.each([
    // Old binary Word: no viewer reads it, whatever the site calls it.
    ['lettre.doc', 'application/msword', 'oldWord'],
    ['lettre.DOC', DOCX, 'oldWord'],
    ['modele.dot', 'application/msword', 'oldWord'],
    ['noext', 'application/msword', 'oldWord'],
    // Office files with macros, and templates: said apart, with what to look for instead.
    ['classeur.xlsm', 'application/vnd.ms-excel.sheet.macroEnabled.12', 'macroOrTemplate'],
    ['classeur.xlsm', XLSX, 'macroOrTemplate'],
    ['modele.dotx', DOCX, 'macroOrTemplate'],
    ['modele.xltx', 'application/octet-stream', 'macroOrTemplate'],
    ['lettre.docm', DOCX, 'macroOrTemplate'],
    ['noext', 'application/vnd.ms-excel.sheet.macroenabled.12', 'macroOrTemplate'],
  ])('%s (%s) is refused as %s', (name, type, problem) => {
    expect(decideDownload(name, type, 1000)).toMatchObject({ allowed: false, problem });
  });

  it.each([
    ['setup.exe', 'setup.exe'],
    ['C:\\Users\\eleve\\setup.exe', 'setup.exe'],
    ['../../archive.zip', 'archive.zip'],
    // A right-to-left override would show "setup\u202Egpj.exe" as "setupexe.jpg".
    ['setup\u202Egpj.exe', 'setupgpj.exe'],
    ['  lettre\u0007.doc  ', 'lettre.doc'],
    // Line and paragraph separators would put the name on two lines.
    ['lettre\u2028aux\u2029parents.doc', 'lettreauxparents.doc'],
    // Nothing showable left: no name (the screens say « fichier » in the candidate's language).
    ['', null],
    ['\u200B', null],
    ['\u2028 \u2029', null],
    ['/', null],
  ])('a refused %j is shown as %j', (name, shown) => {
    expect(decideDownload(name, 'application/octet-stream', 10)).toMatchObject({ shownName: shown });
  });

  it('shows at most 255 characters of a refused name, never half a character', () => {
    expect(refusedFileName(`${'a'.repeat(300)}.exe`)).toBe('a'.repeat(255));
    // 254 letters then an emoji (two UTF-16 units): the emoji does not fit whole, so it goes.
    const shown = refusedFileName(`${'a'.repeat(254)}😀.exe`);
    expect(shown).toBe('a'.repeat(254));
    expect(shown?.length).toBeLessThanOrEqual(255);
  });

  it('journals a refused download under its shown name, never the site’s raw one', () => {
    const hostile = `${'x'.repeat(400)}\u202Egpj\u2028\n.exe`;
    const rule = downloadJournalRule(decideDownload(hostile, 'application/octet-stream', 10));
    expect(rule).toBe(`download refused: ${'x'.repeat(255)}`);
    expect(rule).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
    expect(downloadJournalRule(decideDownload('\u202E', 'application/octet-stream', 10))).toBe(
      'download refused: (sans nom)',
    );
    expect(downloadJournalRule(quotaRefusal('notes\u202E.txt'))).toBe('download refused: notes.txt');
    // An allowed one is journaled by its viewer: no name of the site's at all.
    expect(downloadJournalRule(decideDownload(`budget\u202E${'y'.repeat(300)}.xlsx`, XLSX, 10))).toBe(
      'download spreadsheet',
    );
  });

  it('tells the screens a refused file without a showable name as having none', () => {
    const unnamed = decideDownload('\u2029', 'application/octet-stream', 10);
    if (unnamed.allowed) throw new Error('allowed');
    expect(refusalForScreens(unnamed)).toEqual({ problem: 'type' });
    const event = {
      type: 'browserBlocked',
      url: 'https://example.org/x',
      reason: 'r',
      download: refusalForScreens(unnamed),
    };
    expect(StationEventSchema.parse(event)).toEqual(event);
    const named = decideDownload('setup.exe', 'application/octet-stream', 10);
    if (named.allowed) throw new Error('allowed');
    expect(refusalForScreens(named)).toEqual({ fileName: 'setup.exe', problem: 'type' });
  });

  it('refuses files over the size limit', () => {
    expect(decideDownload('big.pdf', 'application/pdf', MAX_DOWNLOAD_BYTES + 1).allowed).toBe(false);
    expect(decideDownload('big.xlsx', XLSX, MAX_DOWNLOAD_BYTES + 1)).toEqual({
      allowed: false,
      problem: 'size',
      shownName: 'big.xlsx',
      reason: 'Ce fichier est trop volumineux pour être ouvert sur ce poste.',
    });
    // Too big is said before the type: an .exe of 60 MB is too big as well.
    expect(decideDownload('setup.exe', 'application/octet-stream', MAX_DOWNLOAD_BYTES + 1)).toMatchObject({
      problem: 'size',
    });
    expect(decideDownload('big.pdf', 'application/pdf', MAX_DOWNLOAD_BYTES).allowed).toBe(true);
  });

  it('refuses a spreadsheet or a document bigger than the office viewers read, before it is saved', () => {
    // The viewers' own limit, from core: a 30 MB .xlsx would be saved and then shown as damaged.
    expect(MAX_VIEWER_FILE_BYTES).toBeLessThan(MAX_DOWNLOAD_BYTES);
    for (const [name, type] of [
      ['big.xlsx', XLSX],
      ['big.ods', ODS],
      ['big.docx', DOCX],
      ['big', ODT],
    ] as const) {
      expect(decideDownload(name, type, MAX_VIEWER_FILE_BYTES + 1)).toMatchObject({
        allowed: false,
        problem: 'size',
      });
      expect(decideDownload(name, type, MAX_VIEWER_FILE_BYTES).allowed).toBe(true);
    }
    // A PDF is shown by Chromium's viewer: the station's own limit holds.
    expect(decideDownload('big.pdf', 'application/pdf', MAX_VIEWER_FILE_BYTES + 1).allowed).toBe(true);
  });

  it('says what the station can open when it refuses a type', () => {
    expect(decideDownload('setup.exe', 'application/octet-stream', 10)).toEqual({
      allowed: false,
      problem: 'type',
      shownName: 'setup.exe',
      reason:
        'Ce type de fichier ne peut pas être ouvert sur ce poste (seuls les PDF, images, textes, CSV, classeurs .xlsx .xls .ods et documents .docx .odt le peuvent).',
    });
  });

  it.each([
    ['budget.xlsx', XLSX, 'spreadsheet', 'budget.xlsx', XLSX],
    ['Relevé 2024.XLS', XLS, 'spreadsheet', 'Relevé 2024.xls', XLS],
    ['points.ods', ODS, 'spreadsheet', 'points.ods', ODS],
    ['compte-rendu.docx', DOCX, 'document', 'compte-rendu.docx', DOCX],
    ['lettre.odt', ODT, 'document', 'lettre.odt', ODT],
    // The name decides: a site that says octet-stream, or something else, changes nothing.
    ['budget.xlsx', 'application/octet-stream', 'spreadsheet', 'budget.xlsx', XLSX],
    ['lettre.odt', 'text/html', 'document', 'lettre.odt', ODT],
    ['compte-rendu.docx', '', 'document', 'compte-rendu.docx', DOCX],
  ])(
    '%s (%s) opens in the station’s %s viewer as %s, served as core’s type',
    (name, type, viewer, fileName, served) => {
      const decision = decideDownload(name, type, 1000);
      expect(decision).toEqual({ allowed: true, viewer, fileName, mediaType: served });
    },
  );

  it.each([
    ['export', XLSX, 'spreadsheet', 'export.xlsx'],
    ['export', `${XLSX}; charset=binary`, 'spreadsheet', 'export.xlsx'],
    ['notes', XLS.toUpperCase(), 'spreadsheet', 'notes.xls'],
    ['tableau', ODS, 'spreadsheet', 'tableau.ods'],
    ['lettre', DOCX, 'document', 'lettre.docx'],
    ['', ODT, 'document', 'fichier.odt'],
  ])('%s with no extension, sent as %s, opens in the %s viewer as %s', (name, type, viewer, fileName) => {
    expect(decideDownload(name, type, 1000)).toMatchObject({ allowed: true, viewer, fileName });
  });

  it('serves office files as the types of the station’s viewers (core’s lists), never the site’s', () => {
    for (const [name, list] of [
      ['a.xlsx', SPREADSHEET_TYPES],
      ['a.xls', SPREADSHEET_TYPES],
      ['a.ods', SPREADSHEET_TYPES],
      ['a.docx', DOCUMENT_TYPES],
      ['a.odt', DOCUMENT_TYPES],
    ] as const) {
      const decision = decideDownload(name, 'application/x-evil', 10);
      if (!decision.allowed) throw new Error(`${name} refused`);
      expect(list).toContain(decision.mediaType);
      expect(isOfficeViewer(decision.viewer)).toBe(true);
    }
    for (const name of ['a.pdf', 'a.png', 'a.txt', 'a.csv']) {
      const decision = decideDownload(name, 'application/octet-stream', 10);
      expect(decision.allowed && isOfficeViewer(decision.viewer)).toBe(false);
    }
  });

  it('serves text-like files as plain text, whatever the site says', () => {
    expect(decideDownload('data.json', 'application/json', 10)).toMatchObject({
      mediaType: 'text/plain; charset=utf-8',
    });
  });

  it.each([
    ['../../etc/passwd.txt', '.txt', 'passwd.txt'],
    ['..\\..\\Windows\\win.ini.txt', '.txt', 'win.ini.txt'],
    ['CON.txt', '.txt', '_CON.txt'],
    ['a<b>:c|d?.pdf', '.pdf', 'a_b__c_d_.pdf'],
    ['   .hidden.pdf', '.pdf', 'hidden.pdf'],
    ['x'.repeat(300) + '.pdf', '.pdf', 'x'.repeat(100) + '.pdf'],
    // Control characters and invisible format ones go: the name is shown in the viewer's title.
    ['budget\u0007\n.xlsx', '.xlsx', 'budget.xlsx'],
    ['budget\u202Exslx.exe.xlsx', '.xlsx', 'budgetxslx.exe.xlsx'],
    ['\u200B\u2066notes\u2069\uFEFF.txt', '.txt', 'notes.txt'],
    ['\u202E\u200B', '.pdf', 'fichier.pdf'],
    // Line and paragraph separators too: the name would be shown on two lines.
    ['budget\u2028sortie\u2029.xlsx', '.xlsx', 'budgetsortie.xlsx'],
  ])('names %j safely', (name, ext, expected) => {
    expect(safeFileName(name, ext)).toBe(expected);
  });

  it('names a saved copy after its token and serves it as the station’s type, never sniffed', () => {
    expect(savedFileName('0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'budget.xlsx')).toBe('0a1b2c3d-budget.xlsx');
    expect(servedFileHeaders('application/pdf')).toEqual({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
    });
    // A text can hold HTML: shown as inert text, whatever it says.
    expect(servedFileHeaders('text/plain; charset=utf-8')).toMatchObject({
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });

  it('tells the screens of an office file with an event the contract accepts', () => {
    const decision = decideDownload('budget.xlsx', 'application/octet-stream', 10);
    if (!decision.allowed || !isOfficeViewer(decision.viewer)) throw new Error('not an office file');
    const event = fileOpenedEvent({ ...decision, viewer: decision.viewer }, 'app://station/__sandbox/t/a');
    expect(event).toEqual({
      type: 'browserFileOpened',
      viewer: 'spreadsheet',
      url: 'app://station/__sandbox/t/a',
      fileName: 'budget.xlsx',
      mediaType: XLSX,
    });
    expect(StationEventSchema.parse(event)).toEqual(event);
  });

  it('shows a PDF, an image or a text at once only when the candidate asked for it; an office file never', () => {
    for (const viewer of ['pdf', 'image', 'text', 'csv'] as const) {
      // A click on a link, or the address typed in the toolbar.
      expect(opensInView(viewer, { userGesture: true, typedAddress: false })).toBe(true);
      expect(opensInView(viewer, { userGesture: false, typedAddress: true })).toBe(true);
      // A frame, a script, a refresh or a redirect of the page's own: offered, the view stays.
      expect(opensInView(viewer, { userGesture: false, typedAddress: false })).toBe(false);
    }
    for (const viewer of ['spreadsheet', 'document'] as const)
      for (const userGesture of [true, false])
        expect(opensInView(viewer, { userGesture, typedAddress: userGesture })).toBe(false);
  });

  it('says nothing of the file’s kind when it is not shown at once: a PDF is offered as a spreadsheet is', () => {
    // Were opensInView a type predicate, `viewer` would be an office viewer here, and the comparison
    // with 'pdf' would not typecheck (npx tsc): a PDF the page downloaded by itself is offered too.
    const offeredPdf = (viewer: DownloadViewer) =>
      !opensInView(viewer, { userGesture: false, typedAddress: false }) && viewer === 'pdf';
    expect(offeredPdf('pdf')).toBe(true);
    expect(offeredPdf('spreadsheet')).toBe(false);
  });

  it('tells the address the candidate typed from a download’s, as Chromium writes it, whatever its fragment', () => {
    // The toolbar's address as the candidate typed it, against the download's as Chromium sends it.
    expect(
      sameAddress(
        'https://exemple.fr/Résumé consignes.pdf',
        'https://exemple.fr/R%C3%A9sum%C3%A9%20consignes.pdf',
      ),
    ).toBe(true);
    expect(sameAddress('https://Exemple.fr/doc.pdf', 'https://exemple.fr/doc.pdf')).toBe(true);
    expect(sameAddress('https://exemple.fr', 'https://exemple.fr/')).toBe(true);
    expect(sameAddress('https://exemple.fr/doc.pdf#page=2', 'https://exemple.fr/doc.pdf')).toBe(true);
    // Another file, query or site is not the typed address; nor is anything when nothing was typed.
    expect(sameAddress('https://exemple.fr/doc.pdf', 'https://exemple.fr/doc2.pdf')).toBe(false);
    expect(sameAddress('https://exemple.fr/doc.pdf?v=1', 'https://exemple.fr/doc.pdf')).toBe(false);
    expect(sameAddress('https://exemple.fr/doc.pdf', 'https://exemple.com/doc.pdf')).toBe(false);
    expect(sameAddress(null, 'https://exemple.fr/doc.pdf')).toBe(false);
    // What is not an address matches nothing, not even itself.
    expect(sameAddress('pas une adresse', 'pas une adresse')).toBe(false);
    expect(comparableAddress('https://Exemple.fr/Résumé consignes.pdf#p2')).toBe(
      'https://exemple.fr/R%C3%A9sum%C3%A9%20consignes.pdf',
    );
    expect(comparableAddress('exemple.fr/doc.pdf')).toBeNull();
  });

  it('offers a PDF, an image or a text at its address in the view, with an event the contract accepts', () => {
    const text = decideDownload('consignes de l’exercice.txt', 'text/plain', 10);
    const pdf = decideDownload('cours.pdf', 'application/pdf', 10);
    if (!text.allowed || !pdf.allowed) throw new Error('refused');
    const token = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
    const textUrl = savedCopyAddress('pix-download://', token, text);
    expect(textUrl).toBe(`pix-download://${token}/consignes%20de%20l%E2%80%99exercice.txt`);
    // A PDF without its viewer's Save and Print buttons, wherever the copy is served from.
    expect(savedCopyAddress('https://pix-download.pix.test/', token, pdf)).toBe(
      `https://pix-download.pix.test/${token}/cours.pdf#toolbar=0&navpanes=0`,
    );
    if (isOfficeViewer(text.viewer)) throw new Error('an office file');
    const event = viewOfferEvent({ ...text, viewer: text.viewer }, textUrl);
    expect(event).toEqual({
      type: 'browserFileOpened',
      viewer: 'text',
      url: textUrl,
      fileName: 'consignes de l’exercice.txt',
    });
    expect(StationEventSchema.parse(event)).toEqual(event);
  });

  it('says a saved copy shown in the view by its file’s name, never by its token address', () => {
    const token = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
    const text = decideDownload('Résumé consignes.md', 'text/plain', 10);
    const pdf = decideDownload('cours.pdf', 'application/pdf', 10);
    if (!text.allowed || !pdf.allowed) throw new Error('refused');
    for (const base of ['pix-download://', 'https://pix-download.pix.test/']) {
      const textUrl = savedCopyAddress(base, token, text);
      // Electron's getTitle() gives the address of an untitled document; the harness gives nothing.
      for (const title of [textUrl, '']) {
        const status = viewStatus(base, { url: textUrl, title });
        expect(status).toEqual({ url: textUrl, title: 'Résumé consignes.md', file: 'Résumé consignes.md' });
        expect(
          BrowserStateSchema.parse({ ...status, loading: false, canGoBack: true, canGoForward: false }),
        ).toMatchObject({ file: 'Résumé consignes.md' });
      }
      // A PDF's viewer fragment is not part of its name.
      const pdfUrl = savedCopyAddress(base, token, pdf);
      expect(viewStatus(base, { url: pdfUrl, title: pdfUrl })).toMatchObject({
        title: 'cours.pdf',
        file: 'cours.pdf',
      });
    }
    // Cleaned as names are elsewhere: no folders, no invisible characters.
    expect(
      viewStatus('pix-download://', {
        url: `pix-download://${token}/a%2Fb%2Fnotes%E2%80%AEtxt.exe`,
        title: '',
      }),
    ).toMatchObject({ file: 'notestxt.exe' });
    // Not a saved copy: no token, a malformed name, another site.
    for (const url of [
      'pix-download://nottoken/cours.pdf',
      `pix-download://${token}/%E0%A4%A`,
      `https://pix-download.pix.test.evil.example/${token}/cours.pdf`,
    ])
      expect(viewStatus('https://pix-download.pix.test/', { url, title: 't' }).file).toBeUndefined();
  });

  it('says an untitled page by its host, and no page as no page', () => {
    const url = 'https://atelier.pix-demo.test/R%C3%A9sum%C3%A9%20consignes.txt';
    // The harness (Chromium's entry) and Electron (getTitle()) give the address as the title.
    for (const title of [
      '',
      '  ',
      url,
      'https://atelier.pix-demo.test/Résumé consignes.txt',
      'atelier.pix-demo.test/Résumé consignes.txt',
    ])
      expect(viewStatus('pix-download://', { url, title })).toEqual({ url, title: 'atelier.pix-demo.test' });
    // A page's own title is kept as it is.
    expect(viewStatus('pix-download://', { url, title: 'Atelier' })).toEqual({ url, title: 'Atelier' });
    expect(viewStatus('pix-download://', { url: '', title: '' })).toEqual({ url: '', title: '' });
    expect(viewStatus('pix-download://', { url: 'about:blank', title: '' })).toEqual({
      url: 'about:blank',
      title: '',
    });
  });
});

describe('a test’s download quota', () => {
  const MB = 1024 * 1024;

  it('refuses the file after the test’s last one, and counts only saved or running downloads', () => {
    const quota = new DownloadQuota();
    const saved = [];
    for (let i = 0; i < MAX_DOWNLOADS_PER_TEST; i += 1) {
      const reservation = quota.reserve('text', 1000);
      if (!reservation) throw new Error(`file ${i + 1} refused`);
      saved.push(reservation);
    }
    expect(quota.reserve('text', 10)).toBeNull();
    // A download that did not complete gives its room back (once, however often it is said).
    saved[0]?.release();
    saved[0]?.release();
    expect(quota.used.files).toBe(MAX_DOWNLOADS_PER_TEST - 1);
    const again = quota.reserve('pdf', 10);
    expect(again).not.toBeNull();
    expect(quota.reserve('pdf', 10)).toBeNull();
    // A saved one does not: settling then releasing changes nothing.
    saved[1]?.settle(1000);
    saved[1]?.release();
    expect(quota.used.files).toBe(MAX_DOWNLOADS_PER_TEST);
  });

  it('refuses what would take the test over its bytes, counting each download as it ends', () => {
    const quota = new DownloadQuota();
    const first = quota.reserve('pdf', 150 * MB);
    expect(first).not.toBeNull();
    expect(quota.reserve('pdf', 51 * MB)).toBeNull();
    expect(quota.reserve('pdf', 50 * MB)).not.toBeNull();
    expect(quota.used.bytes).toBe(MAX_DOWNLOAD_BYTES_PER_TEST);
    // Saved smaller than it said: the rest is free again.
    first?.settle(10 * MB);
    expect(quota.used.bytes).toBe(60 * MB);
    expect(quota.reserve('pdf', 140 * MB)).not.toBeNull();
    expect(quota.reserve('text', 1)).toBeNull();
  });

  it('holds the most a download may weigh when the site does not say its size', () => {
    const quota = new DownloadQuota();
    // Four of unknown size hold 4 × 50 MB: a fifth must wait for one of them to end.
    const running = [1, 2, 3, 4].map(() => quota.reserve('pdf', 0));
    expect(running.every((r) => r !== null)).toBe(true);
    expect(quota.reserve('pdf', 0)).toBeNull();
    running[0]?.settle(2 * MB);
    // An office file never weighs more than the viewers read (20 MB): it fits in what is left.
    expect(quota.reserve('spreadsheet', 0)).not.toBeNull();
    expect(quota.used.bytes).toBe(3 * MAX_DOWNLOAD_BYTES + 2 * MB + MAX_VIEWER_FILE_BYTES);
  });

  it('is refused as a quota problem, under the site’s name for the file', () => {
    expect(quotaRefusal('C:\\Téléchargements\\budget\u202E.xlsx')).toEqual({
      allowed: false,
      problem: 'quota',
      shownName: 'budget.xlsx',
      reason: 'Trop de fichiers ont été téléchargés pendant ce test : celui-ci n’est pas enregistré.',
    });
  });
});
