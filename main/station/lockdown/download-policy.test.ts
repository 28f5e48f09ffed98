import { describe, expect, it } from 'vitest';
import { decideDownload, MAX_DOWNLOAD_BYTES, safeFileName } from './download-policy.ts';

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
    ['doc.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['app.dmg', 'application/x-apple-diskimage'],
    ['shortcut.lnk', 'application/octet-stream'],
    ['noext', 'application/x-msdownload'],
    ['facture.pdf.exe', 'application/pdf'],
  ])('%s (%s) is refused', (name, type) => {
    expect(decideDownload(name, type, 1000).allowed).toBe(false);
  });

  it('refuses files over the size limit', () => {
    expect(decideDownload('big.pdf', 'application/pdf', MAX_DOWNLOAD_BYTES + 1).allowed).toBe(false);
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
