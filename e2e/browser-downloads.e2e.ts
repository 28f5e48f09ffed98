// Files downloaded in the challenge browser: the candidate clicks a link on a web page, the station's
// download policy decides, and a spreadsheet or a word-processor file is offered by a calm notice in
// the browser panel, above the page where a refusal is said (in view on a 1366×768 screen); it opens in
// the read-only office viewers a challenge's own files open in (not in the browser's page) only when
// the candidate presses « Ouvrir le fichier ». The same link clicked again after « Fermer » offers the
// saved copy again. A page that downloads a file by itself (frames, a script), a spreadsheet or a text,
// has it saved once, offered again from that copy on each visit, never opened: the browser's page stays
// where the candidate is, and « Ouvrir le fichier » shows a text there; so is one a window the page
// opens, while a text at the address the candidate typed (as typed) is shown at once. An installer, an
// archive, an old Word file or a file too big is refused with a notice that says which file and why,
// while the page stays usable; a long name is shown cut in its middle (its extension in view), whole to screen readers
// and when the keyboard is in the notice.
// The next question takes the notices away. Each download is saved in the test's sandbox folder once
// and journaled under a clean name. The .xlsx is made here with SheetJS, the .docx is the office
// viewers' own fixture (fixtures/files/), and both are put on the tests' demo site, whose pages link to
// them (fixtures/sites/atelier/documents.html, telechargement-auto.html).
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Challenge } from '../core/challenge/challenge.ts';
import { LEA } from './fixtures/e2e-candidates.ts';
import { pressOn, typeInto } from './harness/candidate-actions.ts';
import { CertificationDay, STATION_MODE } from './harness/certification-day.ts';
import { answerRight, nextChallengeOrEnd, signInAndStart } from './harness/scenario-steps.ts';

const PAGE = 'https://atelier.pix-demo.test/documents.html';
const FILE = (name: string) => `https://atelier.pix-demo.test/${name}`;

/** The outing's budget: amounts and a total computed by a formula (its value kept in the file). */
function budgetXlsx(): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([
    ['Poste', 'Montant'],
    ['Car', 450],
    ['Entrées au musée', 182],
    ['Goûter', 33.6],
    ['Total'],
  ]);
  for (const r of [2, 3, 4]) sheet[`B${r}`] = { ...(sheet[`B${r}`] as XLSX.CellObject), z: '0.00' };
  sheet.B5 = { t: 'n', v: 665.6, f: 'SUM(B2:B4)', z: '0.00' };
  sheet['!ref'] = 'A1:B5';
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Budget');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The office viewers' fixture files (made by fixtures/files/make-office-files.ts). */
const FIXTURE_FILES = path.join(import.meta.dirname, 'fixtures', 'files');

let day: CertificationDay;
let view: Page;
/** The question the downloads are made on (one with the browser beside it). */
let question: Challenge;

beforeAll(async () => {
  // A lab's small screen: the notices must be in view without scrolling.
  day = await CertificationDay.open({
    scenario: 'browser-downloads',
    viewport: { width: 1366, height: 768 },
  });
  const site = path.join(day.server.demoSitesDir, 'atelier');
  writeFileSync(path.join(site, 'budget-sortie.xlsx'), budgetXlsx());
  // The office viewers' own .docx fixture (e2e/fixtures/files/), offered by the site under another name.
  copyFileSync(
    path.join(FIXTURE_FILES, 'conseil-vie-collegienne.docx'),
    path.join(site, 'compte-rendu.docx'),
  );
  // Named as a spreadsheet, but not one: saved, offered, and unreadable in the viewer.
  writeFileSync(path.join(site, 'inscriptions.xlsx'), Buffer.from('PK\u0003\u0004 pas un vrai classeur'));
  // Old binary Word: refused, with what to look for instead.
  writeFileSync(path.join(site, 'lettre-parents.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]));
  // Served with no type the browser shows (as many sites send files): downloaded, then shown as text.
  writeFileSync(path.join(site, 'notes-reunion.md'), '# Notes\n\nApporter les autorisations signées.\n');
  // Downloaded by a script of consignes-auto.html as soon as it loads, on each visit (sent with no type
  // the browser shows, as a site's attachment: a text the station shows, named .md here because the
  // harness's demo sites send a .txt as text/plain, which Chromium would show in the frame instead).
  writeFileSync(path.join(site, 'consignes-club.md'), 'Rendez-vous mercredi à 14 h en salle 12.\n');
  // What a site offers that the station never opens: a Windows program and an archive.
  writeFileSync(path.join(site, 'installer-club.exe'), Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)]));
  writeFileSync(path.join(site, 'photos-club.zip'), zipSync({ 'photo.txt': strToU8('une photo') }));
});

afterAll(async () => {
  await day?.close();
});

/** The files saved in the test's sandbox folder, `downloads/` (the harness's data folder). */
function savedDownloads(): string[] {
  const sandbox = path.join(day.dataDir, 'sandbox');
  return readdirSync(sandbox, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((test) => {
      try {
        return readdirSync(path.join(sandbox, test.name, 'downloads'));
      } catch {
        return [];
      }
    });
}

const navigations = () => day.view?.navigations ?? [];

describe.skipIf(STATION_MODE === 'electron')('files downloaded in the challenge browser', () => {
  it('offers a downloaded spreadsheet in a notice, and opens it only on « Ouvrir le fichier »', async () => {
    const page = day.page;
    let challenge: Challenge | null = await signInAndStart(day, LEA);
    // A question with the browser beside it (a focused one goes without).
    while (challenge?.focused) {
      await answerRight(day, challenge);
      challenge = await nextChallengeOrEnd(day, challenge.id);
    }
    if (!challenge) throw new Error('no question with the browser');
    question = challenge;
    await typeInto(page, page.locator('#browser-address'), PAGE.replace('https://', ''), 'address bar');
    await page.keyboard.press('Enter');
    await page.getByText('Page affichée : Documents du club informatique').waitFor();
    await day.capture('documents-page');

    if (!day.view) throw new Error('no challenge browser');
    view = await day.view.page();
    await view.getByRole('link', { name: 'Budget de la sortie (tableur)' }).click();
    const notice = page.getByTestId('downloaded-file-notice');
    await expect
      .poll(() => textOf(notice))
      .toBe('Fichier téléchargé : budget-sortie.xlsx Ouvrir le fichier Fermer');
    // Said once to screen readers; nothing opened over the screen, the page still shown and usable.
    await expect
      .poll(async () => spaced((await page.getByTestId('announcer-polite').textContent()) ?? ''))
      .toContain('Fichier téléchargé : budget-sortie.xlsx');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(day.view.bounds).not.toBeNull();
    expect(view.url()).toBe(PAGE);
    // Where a refusal is said: in the browser panel, above the page, in view without scrolling.
    await expectAboveThePage(page, notice);
    await day.capture('downloaded-notice');

    const open = notice.getByRole('button', { name: 'Ouvrir le fichier' });
    await pressOn(page, open, 'Enter', 'open button');
    const dialog = page.getByRole('dialog', { name: 'Fichier téléchargé : budget-sortie.xlsx' });
    await dialog.waitFor();
    // The values as the file formats them (French separators), the total's formula with it.
    await page.getByRole('grid', { name: 'Feuille « Budget »' }).waitFor();
    await page.getByRole('gridcell', { name: '450,00', exact: true }).waitFor();
    await page.getByRole('gridcell', { name: '665,60', exact: true }).click();
    await expect
      .poll(async () => spaced(await page.getByTestId('sheet-status').innerText()))
      .toContain('Formule : =SOMME(B2:B4)');
    expect(spaced(await page.getByTestId('downloaded-file-hint').innerText())).toBe(
      'Ce fichier a été téléchargé depuis la page web du navigateur. Il est en lecture seule : vous pouvez le consulter, mais pas le modifier.',
    );
    // The browser's page is hidden under the dialog (a native view would cover it), and stays where it was.
    await expect.poll(() => day.view?.bounds ?? null).toBeNull();
    expect(view.url()).toBe(PAGE);
    await day.capture('downloaded-spreadsheet');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Back on the button that opened it; the notice stays, to open the file again.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Ouvrir le fichier');
    expect(await notice.count()).toBe(1);
    await expect.poll(() => day.view?.bounds ?? null).not.toBeNull();
    // Saved in the test's sandbox folder, journaled as a download.
    expect(savedDownloads()).toContainEqual(expect.stringMatching(/^[0-9a-f]{8}-budget-sortie\.xlsx$/));
    expect(navigations()).toContainEqual({
      url: FILE('budget-sortie.xlsx'),
      allowed: true,
      rule: 'download spreadsheet',
    });
    // Not as a page visit too.
    expect(navigations().filter((n) => n.url === FILE('budget-sortie.xlsx'))).toHaveLength(1);
  });

  it('replaces the notice with the next file, and opens it in the document viewer', async () => {
    const page = day.page;
    const notice = page.getByTestId('downloaded-file-notice');
    await view.getByRole('link', { name: 'Compte rendu de la réunion (document)' }).click();
    await expect
      .poll(() => textOf(notice))
      .toBe('Fichier téléchargé : compte-rendu.docx Ouvrir le fichier Fermer');
    expect(await notice.count()).toBe(1);
    await notice.getByRole('button', { name: 'Ouvrir le fichier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fichier téléchargé : compte-rendu.docx' });
    await dialog.waitFor();
    await dialog.getByRole('heading', { name: 'Compte rendu du conseil de vie collégienne' }).waitFor();
    expect(await dialog.locator('.viewer-document strong').first().innerText()).toBe('jeudi 9 janvier');
    await day.capture('downloaded-document');
    await pressOn(page, dialog.getByRole('button', { name: 'Fermer' }), 'Enter', 'close button');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Ouvrir le fichier');
    expect(navigations()).toContainEqual({
      url: FILE('compte-rendu.docx'),
      allowed: true,
      rule: 'download document',
    });
  });

  it('says a web site’s file it cannot read has another version to find, not a problem to report', async () => {
    const page = day.page;
    const notice = page.getByTestId('downloaded-file-notice');
    await view.getByRole('link', { name: 'Inscriptions (tableur abîmé)' }).click();
    await expect
      .poll(() => textOf(notice))
      .toBe('Fichier téléchargé : inscriptions.xlsx Ouvrir le fichier Fermer');
    await notice.getByRole('button', { name: 'Ouvrir le fichier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fichier téléchargé : inscriptions.xlsx' });
    await dialog.getByTestId('viewer-unreadable').waitFor();
    expect(await dialog.getByTestId('viewer-unreadable').innerText()).toBe(
      'Ce fichier ne peut pas être lu sur ce poste. Cherchez sur la page une autre version, par exemple en PDF.',
    );
    await day.capture('downloaded-unreadable');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // « Fermer » takes the notice away, and the keyboard back to the way into the page.
    await pressOn(page, notice.getByRole('button', { name: 'Fermer' }), 'Enter', 'notice close button');
    await notice.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Aller dans la page');
  });

  it('offers the saved copy again when the candidate clicks the same link after « Fermer »', async () => {
    const page = day.page;
    const notice = page.getByTestId('downloaded-file-notice');
    const journaled = () => navigations().filter((n) => n.url === FILE('inscriptions.xlsx')).length;
    const saved = () => savedDownloads().filter((name) => name.endsWith('-inscriptions.xlsx')).length;
    expect(journaled()).toBe(1);
    expect(saved()).toBe(1);
    expect(await notice.count()).toBe(0);
    await view.getByRole('link', { name: 'Inscriptions (tableur abîmé)' }).click();
    await expect
      .poll(() => textOf(notice))
      .toBe('Fichier téléchargé : inscriptions.xlsx Ouvrir le fichier Fermer');
    // The same copy: not saved, not journaled a second time.
    expect(journaled()).toBe(1);
    expect(saved()).toBe(1);
    await pressOn(page, notice.getByRole('button', { name: 'Fermer' }), 'Enter', 'notice close button');
    await notice.waitFor({ state: 'detached' });
  });

  it('shows a downloaded text in the browser’s own page, as the station does', async () => {
    await view.getByRole('link', { name: 'Notes de la réunion (texte)' }).click();
    await expect
      .poll(() => view.url())
      .toMatch(/^https:\/\/pix-download\.pix\.test\/[0-9a-f]{32}\/notes-reunion\.md$/);
    expect(await view.locator('body').innerText()).toContain('Apporter les autorisations signées.');
    expect(await day.page.getByRole('dialog').count()).toBe(0);
    expect(navigations()).toContainEqual({
      url: FILE('notes-reunion.md'),
      allowed: true,
      rule: 'download text',
    });
    expect(savedDownloads()).toContainEqual(expect.stringMatching(/^[0-9a-f]{8}-notes-reunion\.md$/));
    // Back to the page with the links.
    await pressOn(day.page, day.page.getByRole('button', { name: 'Page précédente' }), 'Enter', 'back');
    await expect.poll(() => view.url()).toBe(PAGE);
  });

  it('shows at once a file at the address the candidate typed as typed; offers one a window opens', async () => {
    const page = day.page;
    const notice = page.getByTestId('downloaded-file-notice');
    const site = path.join(day.server.demoSitesDir, 'atelier');
    writeFileSync(path.join(site, 'Résumé consignes.md'), 'Prévoir un pique-nique.\n');
    writeFileSync(path.join(site, 'horaires-club.md'), 'Le club ouvre à 13 h 30.\n');
    // Typed as a pupil types it: capital letter, accents, a space (the toolbar adds https://). Chromium
    // downloads it at its canonical address: still the candidate's own, shown in the page at once.
    await typeInto(
      page,
      page.locator('#browser-address'),
      'Atelier.pix-demo.test/Résumé consignes.md',
      'address bar',
    );
    await page.keyboard.press('Enter');
    await expect
      .poll(() => view.url())
      .toMatch(/^https:\/\/pix-download\.pix\.test\/[0-9a-f]{32}\/R%C3%A9sum%C3%A9%20consignes\.md$/);
    expect(await view.locator('body').innerText()).toContain('Prévoir un pique-nique.');
    expect(await notice.count()).toBe(0);
    // Said as the file it is, by its name: not « Aucune page ouverte », nor the copy's token address.
    const status = page.locator('.browser-page-title');
    const address = page.locator('#browser-address');
    await expect.poll(() => textOf(status)).toBe('Fichier affiché : Résumé consignes.md');
    expect(await address.inputValue()).toBe('Résumé consignes.md');
    expect(await address.inputValue()).not.toContain('pix-download');
    await day.capture('typed-file-shown');
    await pressOn(page, page.getByRole('button', { name: 'Page précédente' }), 'Enter', 'back');
    await expect.poll(() => view.url()).toBe(PAGE);
    await expect.poll(() => textOf(status)).toBe('Page affichée : Documents du club informatique');
    await expect.poll(() => address.inputValue()).toBe(PAGE);
    // Forward: the file again, said by its name; an address typed over its name goes there as usual.
    await pressOn(page, page.getByRole('button', { name: 'Page suivante' }), 'Enter', 'forward');
    await expect.poll(() => textOf(status)).toBe('Fichier affiché : Résumé consignes.md');
    await typeInto(page, address, 'atelier.pix-demo.test/documents.html', 'address bar');
    await page.keyboard.press('Enter');
    await expect.poll(() => view.url()).toBe(PAGE);
    await expect.poll(() => textOf(status)).toBe('Page affichée : Documents du club informatique');
    // A window the page opens on a file (window.open, as a script on load or a target="_blank" link):
    // loaded in the view by the station, neither typed nor clicked there, so offered; the page stays.
    await view.evaluate(() => {
      window.open('horaires-club.md');
    });
    await expect
      .poll(() => textOf(notice))
      .toBe('Fichier téléchargé : horaires-club.md Ouvrir le fichier Fermer');
    await view.waitForLoadState('load');
    expect(view.url()).toBe(PAGE);
    expect(savedDownloads()).toContainEqual(expect.stringMatching(/^[0-9a-f]{8}-horaires-club\.md$/));
    await day.capture('window-file-offered');
    await pressOn(page, notice.getByRole('button', { name: 'Fermer' }), 'Enter', 'notice close button');
    await notice.waitFor({ state: 'detached' });
  });

  it('refuses an installer, an archive, an old Word file: the candidate is told which and why, nothing is kept', async () => {
    const page = day.page;
    const notice = page.getByTestId('browser-refused-download');
    const canOpen =
      'On peut ouvrir ici : PDF, images, textes, CSV, classeurs .xlsx .xls .ods et documents .docx .odt. ' +
      'Vous pouvez continuer sur cette page.';
    for (const [link, file, next] of [
      ['Logiciel du club (installateur)', 'installer-club.exe', canOpen],
      ['Photos du club (archive)', 'photos-club.zip', canOpen],
      [
        'Lettre aux parents (ancien Word)',
        'lettre-parents.doc',
        'Les anciens fichiers Word (.doc) ne s’ouvrent pas ici : cherchez sur la page une version .docx, .odt ou PDF.',
      ],
    ] as const) {
      const seen = await watchScreenEvents(page);
      await view.getByRole('link', { name: link }).click();
      await expect
        .poll(() => textOf(notice))
        .toBe(`Ce fichier ne peut pas être ouvert sur ce poste : ${file} ${next} Fermer`);
      // The page's own state comes after the refusal (as Electron's did-stop-loading can): once the
      // screens have it, the notice is still there, and it never said the page was blocked.
      await expect.poll(() => seen.stateAfterRefusal()).toBe(true);
      expect(await notice.count()).toBe(1);
      expect(await page.getByTestId('browser-blocked').count()).toBe(0);
      expect(navigations()).toContainEqual({
        url: FILE(file),
        allowed: false,
        rule: `download refused: ${file}`,
      });
    }
    // Nothing opened, nothing kept, and the page is still the one with the links.
    await expectAboveThePage(page, notice);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(savedDownloads().filter((name) => /\.(exe|zip|doc)$/.test(name))).toEqual([]);
    expect(view.url()).toBe(PAGE);
    expect(await page.locator('#browser-address').inputValue()).toBe(PAGE);
    // Screenshot and axe, the notice shown.
    await day.capture('download-refused');
  });

  it('closes the notice with the keyboard, back to the way into the page', async () => {
    const page = day.page;
    const notice = page.getByTestId('browser-refused-download');
    await pressOn(page, notice.getByRole('button', { name: 'Fermer' }), 'Enter', 'close button');
    await notice.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Aller dans la page');
    expect(view.url()).toBe(PAGE);
  });

  it('says a file too big for the station is too big, and the page is still usable', async () => {
    const page = day.page;
    const notice = page.getByTestId('browser-refused-download');
    // Sent as a download (no type the browser shows), 51 MB: over the station's limit.
    const big = path.join(day.server.demoSitesDir, 'atelier', 'export-complet.md');
    writeFileSync(big, Buffer.alloc(51 * 1024 * 1024, 0x61));
    await typeInto(page, page.locator('#browser-address'), FILE('export-complet.md'), 'address bar');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => textOf(notice))
      .toBe(
        'Ce fichier ne peut pas être ouvert sur ce poste : export-complet.md ' +
          'Il est trop volumineux pour ce poste. Vous pouvez continuer sur cette page. Fermer',
      );
    expect(view.url()).toBe(PAGE);
    expect(savedDownloads().filter((name) => name.endsWith('export-complet.md'))).toEqual([]);
    expect(navigations()).toContainEqual({
      url: FILE('export-complet.md'),
      allowed: false,
      rule: 'download refused: export-complet.md',
    });
    await day.capture('download-too-big');
    // The page still works: its link opens the notes, and leaving the page takes the notice away.
    await view.getByRole('link', { name: 'Notes de la réunion (texte)' }).click();
    await expect
      .poll(() => view.url())
      .toMatch(/^https:\/\/pix-download\.pix\.test\/[0-9a-f]{32}\/notes-reunion\.md$/);
    await notice.waitFor({ state: 'detached' });
  });

  it('offers a file a page downloads by itself once a visit, opening nothing: the toolbar stays usable', async () => {
    const page = day.page;
    const notice = page.getByTestId('downloaded-file-notice');
    const budgetDownloads = () =>
      navigations().filter((n) => n.url === FILE('budget-sortie.xlsx') && n.rule === 'download spreadsheet')
        .length;
    const before = budgetDownloads();
    const saved = () => savedDownloads().filter((name) => name.endsWith('-budget-sortie.xlsx')).length;
    const savedBefore = saved();
    await typeInto(page, page.locator('#browser-address'), PAGE, 'address bar');
    await page.keyboard.press('Enter');
    await expect.poll(() => view.url()).toBe(PAGE);
    const seen = await watchScreenEvents(page);
    // The page's two frames download the budget as soon as it loads: one visit, one file offered.
    await view.getByRole('link', { name: 'Page qui télécharge toute seule' }).click();
    await expect
      .poll(() => textOf(notice))
      .toBe('Fichier téléchargé : budget-sortie.xlsx Ouvrir le fichier Fermer');
    await view.waitForLoadState('load');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(day.view?.bounds).not.toBeNull();
    await day.capture('download-by-itself');
    // The browser's own buttons are reachable: back to the documents.
    await pressOn(page, page.getByRole('button', { name: 'Page précédente' }), 'Enter', 'back');
    await expect.poll(() => view.url()).toBe(PAGE);
    // Both frames' downloads are the one copy: the one the first test saved from the same address,
    // offered again, not saved nor journaled again (the second frame's offers it again: one notice).
    const firstVisit = await seen.offers();
    expect(firstVisit.length).toBeGreaterThanOrEqual(1);
    expect(new Set(firstVisit).size).toBe(1);
    expect(before).toBeGreaterThan(0);
    expect(budgetDownloads()).toBe(before);
    expect(saved()).toBe(savedBefore);
    // Another visit of that page: its saved copy is offered again, not saved nor counted in the test's
    // quota again (else a page visited ten times would use it up), and still nothing opens.
    await view.getByRole('link', { name: 'Page qui télécharge toute seule' }).click();
    await expect.poll(async () => (await seen.offers()).length).toBeGreaterThan(firstVisit.length);
    await view.waitForLoadState('load');
    expect(new Set(await seen.offers())).toEqual(new Set(firstVisit));
    expect(budgetDownloads()).toBe(before);
    expect(saved()).toBe(savedBefore);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await notice.count()).toBe(1);
    expect(day.view?.bounds).not.toBeNull();
  });

  it('offers a text a page downloads by itself on each visit, never moving the page, and opens it on request', async () => {
    const page = day.page;
    const notice = page.getByTestId('downloaded-file-notice');
    const AUTO = FILE('consignes-auto.html');
    const journaled = () =>
      navigations().filter((n) => n.url === FILE('consignes-club.md') && n.rule === 'download text').length;
    const saved = () => savedDownloads().filter((name) => name.endsWith('-consignes-club.md')).length;
    await typeInto(page, page.locator('#browser-address'), PAGE, 'address bar');
    await page.keyboard.press('Enter');
    await expect.poll(() => view.url()).toBe(PAGE);
    const seen = await watchScreenEvents(page);
    // First visit: the page's script downloads the text. Offered by the notice; the page stays.
    await view.getByRole('link', { name: 'Consignes qui se téléchargent toutes seules' }).click();
    await expect
      .poll(() => textOf(notice))
      .toBe('Fichier téléchargé : consignes-club.md Ouvrir le fichier Fermer');
    expect(view.url()).toBe(AUTO);
    expect(await view.getByRole('heading', { name: 'Consignes du club' }).count()).toBe(1);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(saved()).toBe(1);
    expect(journaled()).toBe(1);
    await day.capture('text-by-itself-first-visit');
    const [offer] = await seen.offers();
    expect(offer).toMatch(/^https:\/\/pix-download\.pix\.test\/[0-9a-f]{32}\/consignes-club\.md$/);
    // Second visit (back to the documents, the link again): its copy offered again, not saved nor
    // journaled again, and still the page is where the candidate is.
    await pressOn(page, page.getByRole('button', { name: 'Page précédente' }), 'Enter', 'back');
    await expect.poll(() => view.url()).toBe(PAGE);
    await view.getByRole('link', { name: 'Consignes qui se téléchargent toutes seules' }).click();
    await expect.poll(async () => (await seen.offers()).length).toBe(2);
    await expect.poll(() => view.url()).toBe(AUTO);
    await view.waitForLoadState('load');
    expect(new Set(await seen.offers())).toEqual(new Set([offer]));
    expect(view.url()).toBe(AUTO);
    expect(saved()).toBe(1);
    expect(journaled()).toBe(1);
    expect(await notice.count()).toBe(1);
    await expectAboveThePage(page, notice);
    await day.capture('text-by-itself-second-visit');
    // « Ouvrir le fichier »: the copy shown in the browser's page, journaled as the downloaded file's
    // page; the notice, done with, goes, and the keyboard to the way into the page.
    await pressOn(page, notice.getByRole('button', { name: 'Ouvrir le fichier' }), 'Enter', 'open button');
    await expect.poll(() => view.url()).toBe(offer);
    expect(await view.locator('body').innerText()).toContain('Rendez-vous mercredi à 14 h en salle 12.');
    await notice.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Aller dans la page');
    expect(navigations()).toContainEqual({ url: offer, allowed: true, rule: 'downloaded file' });
    expect(saved()).toBe(1);
    // Back to the page that downloads it (the next tests start there): the page, not bounced to the copy.
    await pressOn(page, page.getByRole('button', { name: 'Page précédente' }), 'Enter', 'back');
    await expect.poll(() => view.url()).toBe(AUTO);
    expect(saved()).toBe(1);
  });

  it('shortens a downloaded file’s long name in its notice: two lines, the extension in view, whole when asked', async () => {
    const page = day.page;
    const notice = page.getByTestId('downloaded-file-notice');
    // A spreadsheet under a 254-character name (the station saves it under a shorter safe name).
    const long = `${'rapport-annuel-des-ventes-de-la-cooperative-scolaire-'.repeat(5).slice(0, 249)}.xlsx`;
    expect(long).toHaveLength(254);
    copyFileSync(
      path.join(day.server.demoSitesDir, 'atelier', 'budget-sortie.xlsx'),
      path.join(day.server.demoSitesDir, 'atelier', long),
    );
    await typeInto(page, page.locator('#browser-address'), FILE(long), 'address bar');
    await page.keyboard.press('Enter');
    // Saved under its first hundred characters (download-policy.ts safeFileName), shown cut in the middle.
    const whole = `${long.slice(0, 100)}.xlsx`;
    const title = notice.locator('.notice-title');
    await expect
      .poll(() =>
        title
          .locator('[aria-hidden="true"]')
          .getAttribute('title')
          .catch(() => null),
      )
      .toBe(whole);
    const shown = await title.locator('[aria-hidden="true"]').innerText();
    expect(shown).toBe('rapport-annuel-des-ventes-de…ooperative-sco.xlsx');
    // Two lines at most at 1366×768, the page's region below it.
    expect(await linesOf(title)).toBeLessThanOrEqual(2);
    await expectAboveThePage(page, notice);
    // The whole (saved) name on hover (above), and to screen readers, said once.
    const said = spaced(await title.ariaSnapshot());
    expect(said).toBe(`- paragraph: "Fichier téléchargé : ${whole}"`);
    await day.capture('long-name-downloaded');
    // The keyboard in the notice shows the whole name (a candidate without a mouse can read it).
    await notice.getByRole('button', { name: 'Ouvrir le fichier' }).focus();
    await expect.poll(() => title.locator('[aria-hidden="true"]').count()).toBe(0);
    expect(spaced(await title.innerText())).toBe(`Fichier téléchargé : ${whole}`);
    await day.capture('long-name-downloaded-keyboard');
    // At 200 % zoom (1366 px shown as 683): still inside the panel, the extension in view.
    await page.locator('#browser-address').focus();
    await expect.poll(() => title.locator('[aria-hidden="true"]').count()).toBe(1);
    await page.setViewportSize({ width: 683, height: 384 });
    try {
      const fits = await notice.evaluate((element) => ({
        noOverflow: element.scrollWidth <= element.clientWidth,
        inWindow: element.getBoundingClientRect().right <= window.innerWidth + 0.5,
      }));
      expect(fits).toEqual({ noOverflow: true, inWindow: true });
      expect(await title.innerText()).toMatch(/\.xlsx$/);
      await day.capture('long-name-downloaded-zoom-200');
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    await pressOn(page, notice.getByRole('button', { name: 'Fermer' }), 'Enter', 'notice close button');
    await notice.waitFor({ state: 'detached' });
  });

  it('wraps a refused file’s very long name inside the panel, journaled clean and bounded', async () => {
    const page = day.page;
    const notice = page.getByTestId('browser-refused-download');
    // 250 letters without a space, as some sites name their exports.
    const long = `${'inscriptionsclubinformatique'.repeat(9).slice(0, 250)}.exe`;
    writeFileSync(path.join(day.server.demoSitesDir, 'atelier', long), Buffer.from('MZ'));
    await typeInto(page, page.locator('#browser-address'), FILE(long), 'address bar');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => textOf(notice))
      .toContain('Ce fichier ne peut pas être ouvert sur ce poste : inscriptionsclubinformatiquei…');
    // The newer notice replaced the downloaded file's: one at a time.
    expect(await page.getByTestId('downloaded-file-notice').count()).toBe(0);
    // Inside the panel: nothing sticks out to the right, the name isolated and cut in its middle, the
    // sentence on two lines at most, said whole (once) to screen readers.
    const fits = await notice.evaluate((element) => {
      const panel = element.closest('section')?.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return {
        inPanel: panel !== undefined && box.right <= panel.right + 0.5,
        noOverflow: element.scrollWidth <= element.clientWidth,
      };
    });
    expect(fits).toEqual({ inPanel: true, noOverflow: true });
    const title = notice.locator('.notice-title');
    expect(await title.locator('bdi [aria-hidden="true"]').innerText()).toBe(
      'inscriptionsclubinformatiquei…clubinformatiq.exe',
    );
    expect(await title.locator('bdi [aria-hidden="true"]').getAttribute('title')).toBe(long);
    expect(await linesOf(title)).toBeLessThanOrEqual(2);
    expect(spaced(await title.ariaSnapshot())).toBe(
      `- paragraph: "Ce fichier ne peut pas être ouvert sur ce poste : ${long}"`,
    );
    await expectAboveThePage(page, notice);
    expect(navigations()).toContainEqual({
      url: FILE(long),
      allowed: false,
      rule: `download refused: ${long}`,
    });
    await day.capture('long-name-refused');
    // The notice goes by itself (the page changes) while the keyboard is in it: the keyboard goes to
    // the address bar, not to nothing.
    await notice.getByRole('button', { name: 'Fermer' }).focus();
    await view.getByRole('link', { name: 'Retour aux documents' }).click();
    await notice.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('browser-address');
  });

  it('takes the notice away when the candidate moves to the next question', async () => {
    const page = day.page;
    await expect.poll(() => view.url()).toBe(PAGE);
    await view.getByRole('link', { name: 'Logiciel du club (installateur)' }).click();
    await page.getByTestId('browser-refused-download').waitFor();
    const address = await page.locator('#browser-address').inputValue();
    // The next question with the browser beside it (the browser keeps its page across questions).
    let challenge: Challenge | null = question;
    do {
      await answerRight(day, challenge);
      challenge = await nextChallengeOrEnd(day, challenge.id);
    } while (challenge?.focused);
    if (!challenge) throw new Error('the test ended');
    await page.locator('#browser-address').waitFor();
    // The page is still there; its notice, about the previous question, is not.
    expect(await page.locator('#browser-address').inputValue()).toBe(address);
    expect(await page.getByTestId('browser-refused-download').count()).toBe(0);
    expect(await page.getByTestId('downloaded-file-notice').count()).toBe(0);
    await day.capture('next-question-no-notice');
  });
});

/**
 * The notice is in the browser panel above the page's region (never under it, out of view on a small
 * screen), and wholly inside the window without scrolling.
 */
async function expectAboveThePage(page: Page, notice: Locator): Promise<void> {
  const box = await notice.boundingBox();
  const region = await page.getByTestId('browser-view').boundingBox();
  const window = page.viewportSize();
  if (!box || !region || !window) throw new Error('no notice, page region or window');
  expect(box.y + box.height).toBeLessThanOrEqual(region.y);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(window.height);
  // The page, drawn by the station over the region, is placed below the notice, never over it, and
  // never out of the panel (a long notice leaves the region less than its minimum height).
  await expect
    .poll(() => day.view?.bounds?.y ?? Number.POSITIVE_INFINITY)
    .toBeGreaterThanOrEqual(Math.floor(box.y + box.height));
  const panel = await notice.locator('xpath=ancestor::section[1]').boundingBox();
  const bounds = day.view?.bounds;
  if (!panel || !bounds) throw new Error('no panel or page');
  expect(bounds.y + bounds.height).toBeLessThanOrEqual(Math.ceil(panel.y + panel.height));
}

/** A text's spaces (French typography's no-break ones before « : » included) as single spaces. */
function spaced(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** How many lines an element's text takes (its height in its own line height). */
async function linesOf(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const lineHeight = Number.parseFloat(getComputedStyle(node).lineHeight);
    return Math.round(node.getBoundingClientRect().height / lineHeight);
  });
}

/** An element's text as read, its lines and spaces as single spaces (empty when it is not there). */
async function textOf(element: Locator): Promise<string> {
  if ((await element.count()) === 0) return '';
  return (await element.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Records, in the candidate screens, the station events they receive from now on: whether a
 * browserState came after a browserBlocked (the order Electron can send them in), how many of a type.
 */
async function watchScreenEvents(page: Page): Promise<{
  stateAfterRefusal: () => Promise<boolean>;
  count: (type: string) => Promise<number>;
  /** The saved copies offered (browserFileOpened's addresses), in order. */
  offers: () => Promise<string[]>;
}> {
  const key = `events-${Math.random().toString(36).slice(2)}`;
  await page.evaluate((name) => {
    const seen: string[] = [];
    const offers: string[] = [];
    (window as unknown as Record<string, string[]>)[name] = seen;
    (window as unknown as Record<string, string[]>)[`${name}-offers`] = offers;
    window.station?.onEvent((event) => {
      seen.push(event.type);
      if (event.type === 'browserFileOpened') offers.push(event.url);
    });
  }, key);
  return {
    offers: () =>
      page.evaluate((name) => (window as unknown as Record<string, string[]>)[`${name}-offers`] ?? [], key),
    stateAfterRefusal: () =>
      page.evaluate((name) => {
        const seen = (window as unknown as Record<string, string[]>)[name] ?? [];
        const refusal = seen.indexOf('browserBlocked');
        return refusal >= 0 && seen.indexOf('browserState', refusal) > refusal;
      }, key),
    count: (type) =>
      page.evaluate(
        ({ name, type }) =>
          ((window as unknown as Record<string, string[]>)[name] ?? []).filter((seen) => seen === type)
            .length,
        { name: key, type },
      ),
  };
}
