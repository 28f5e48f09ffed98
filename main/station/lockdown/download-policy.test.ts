import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, SPREADSHEET_TYPES } from '../../../core/challenge/station-viewers.ts';
import {
  decideDownload,
  isOfficeViewer,
  MAX_DOWNLOAD_BYTES,
  refusedFileName,
  safeFileName,
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
    // Old binary Word: no viewer reads it, whatever the site calls it.
    ['lettre.doc', 'application/msword'],
    ['lettre.doc', DOCX],
    ['noext', 'application/msword'],
    // An office name does not make an executable or an archive a spreadsheet.
    ['budget.xlsx.exe', XLSX],
    ['classeur.xlsm', 'application/vnd.ms-excel.sheet.macroEnabled.12'],
    ['modele.dotx', DOCX],
    ['app.dmg', 'application/x-apple-diskimage'],
    ['shortcut.lnk', 'application/octet-stream'],
    ['noext', 'application/x-msdownload'],
    ['facture.pdf.exe', 'application/pdf'],
  ])('%s (%s) is refused for its type', (name, type) => {
    expect(decideDownload(name, type, 1000)).toMatchObject({ allowed: false, problem: 'type' });
  });

  it.each([
    ['setup.exe', 'setup.exe'],
    ['C:\\Users\\eleve\\setup.exe', 'setup.exe'],
    ['../../archive.zip', 'archive.zip'],
    // A right-to-left override would show "setup\u202Egpj.exe" as "setupexe.jpg".
    ['setup\u202Egpj.exe', 'setupgpj.exe'],
    ['  lettre\u0007.doc  ', 'lettre.doc'],
    ['', 'fichier'],
    ['\u200B', 'fichier'],
  ])('a refused %j is shown as %j', (name, shown) => {
    expect(decideDownload(name, 'application/octet-stream', 10)).toMatchObject({ shownName: shown });
  });

  it('shows at most 255 characters of a refused name, never half a character', () => {
    expect(refusedFileName(`${'a'.repeat(300)}.exe`)).toBe('a'.repeat(255));
    // 254 letters then an emoji (two UTF-16 units): the emoji does not fit whole, so it goes.
    const shown = refusedFileName(`${'a'.repeat(254)}😀.exe`);
    expect(shown).toBe('a'.repeat(254));
    expect(shown.length).toBeLessThanOrEqual(255);
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
    expect(decideDownload('big.xlsx', XLSX, MAX_DOWNLOAD_BYTES).allowed).toBe(true);
  });

  it('says what the station can open when it refuses a type', () => {
    expect(decideDownload('setup.exe', 'application/octet-stream', 10)).toEqual({
      allowed: false,
      problem: 'type',
      shownName: 'setup.exe',
      reason:
        'Ce type de fichier ne peut pas être ouvert sur ce poste (seuls les PDF, images, textes, CSV, tableurs et documents de traitement de texte le peuvent).',
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
  ])('names %s safely', (name, ext, expected) => {
    expect(safeFileName(name, ext)).toBe(expected);
  });
});
