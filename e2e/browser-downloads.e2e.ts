// Files downloaded in the challenge browser: the candidate clicks a link on a web page, the station's
// download policy decides, and a spreadsheet or a word-processor file opens over the test screen in the
// read-only office viewers a challenge's own files open in (not in the browser's page); an installer, an
// archive or a file too big is refused with a notice that says which file and why, while the page stays
// usable. Each download is saved in the test's sandbox folder and journaled. The .xlsx and the .docx
// are made here with the libraries of the viewers' fixtures (SheetJS, fflate) and put on the tests' demo
// site, whose page links to them (fixtures/sites/atelier/documents.html).
import { readdirSync, writeFileSync } from 'node:fs';
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

/** The smallest .docx Word opens: a heading (its style named in styles.xml) and a paragraph. */
function minutesDocx(): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const xml = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
  const paragraph = (text: string, style = '') =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  return zipSync({
    '[Content_Types].xml': xml(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
        `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
        `</Types>`,
    ),
    '_rels/.rels': xml(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': xml(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rIdStyles" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'word/styles.xml': xml(
      `<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`,
    ),
    'word/document.xml': xml(
      `<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>` +
        paragraph('Réunion du club informatique', 'Heading1') +
        paragraph('Prochaine réunion : mercredi 15 janvier, en salle B12.') +
        `<w:sectPr/></w:body></w:document>`,
    ),
  });
}

let day: CertificationDay;
let view: Page;

beforeAll(async () => {
  day = await CertificationDay.open({ scenario: 'browser-downloads' });
  const site = path.join(day.server.demoSitesDir, 'atelier');
  writeFileSync(path.join(site, 'budget-sortie.xlsx'), budgetXlsx());
  writeFileSync(path.join(site, 'compte-rendu.docx'), minutesDocx());
  // Served with no type the browser shows (as many sites send files): downloaded, then shown as text.
  writeFileSync(path.join(site, 'notes-reunion.md'), '# Notes\n\nApporter les autorisations signées.\n');
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
  it('opens a downloaded spreadsheet in the station’s viewer, over the screen, and Escape closes it', async () => {
    const page = day.page;
    let challenge: Challenge | null = await signInAndStart(day, LEA);
    // A question with the browser beside it (a focused one goes without).
    while (challenge?.focused) {
      await answerRight(day, challenge);
      challenge = await nextChallengeOrEnd(day, challenge.id);
    }
    expect(challenge).not.toBeNull();
    await typeInto(page, page.locator('#browser-address'), PAGE.replace('https://', ''), 'address bar');
    await page.keyboard.press('Enter');
    await page.getByText('Page affichée : Documents du club informatique').waitFor();
    await day.capture('documents-page');

    if (!day.view) throw new Error('no challenge browser');
    view = await day.view.page();
    await view.getByRole('link', { name: 'Budget de la sortie (tableur)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fichier téléchargé : budget-sortie.xlsx' });
    await dialog.waitFor();
    // The values as the file formats them (French separators), the total's formula with it.
    await page.getByRole('grid', { name: 'Feuille « Budget »' }).waitFor();
    await page.getByRole('gridcell', { name: '450,00', exact: true }).waitFor();
    await page.getByRole('gridcell', { name: '665,60', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('sheet-status').innerText())
      .toContain('Formule : =SOMME(B2:B4)');
    expect(await page.getByTestId('downloaded-file-notice').innerText()).toBe(
      'Ce fichier a été téléchargé depuis la page web du navigateur. Il est en lecture seule : vous pouvez le consulter, mais pas le modifier.',
    );
    // The browser's page is hidden under the dialog (a native view would cover it), and stays where it was.
    await expect.poll(() => day.view?.bounds ?? null).toBeNull();
    expect(view.url()).toBe(PAGE);
    await day.capture('downloaded-spreadsheet');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Back where the candidate was on the screen: the browser's address bar.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('browser-address');
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

  it('opens a downloaded word-processor file in the document viewer', async () => {
    const page = day.page;
    await view.getByRole('link', { name: 'Compte rendu de la réunion (document)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fichier téléchargé : compte-rendu.docx' });
    await dialog.waitFor();
    await dialog.getByRole('heading', { name: 'Réunion du club informatique' }).waitFor();
    expect(await dialog.innerText()).toContain('Prochaine réunion : mercredi 15 janvier, en salle B12.');
    await day.capture('downloaded-document');
    await pressOn(page, dialog.getByRole('button', { name: 'Fermer' }), 'Enter', 'close button');
    await dialog.waitFor({ state: 'detached' });
    expect(navigations()).toContainEqual({
      url: FILE('compte-rendu.docx'),
      allowed: true,
      rule: 'download document',
    });
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

  it('refuses an installer and an archive: the candidate is told which file and why, nothing is kept', async () => {
    const page = day.page;
    const notice = page.getByTestId('browser-refused-download');
    for (const [link, file] of [
      ['Logiciel du club (installateur)', 'installer-club.exe'],
      ['Photos du club (archive)', 'photos-club.zip'],
    ] as const) {
      const seen = await watchScreenEvents(page);
      await view.getByRole('link', { name: link }).click();
      await expect
        .poll(() => textOf(notice))
        .toBe(
          `Ce fichier ne peut pas être ouvert sur ce poste : ${file} ` +
            'Seuls les PDF, images, textes, CSV, tableurs et documents de traitement de texte s’ouvrent ici. ' +
            'Vous pouvez continuer sur cette page. Fermer',
        );
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
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(savedDownloads().filter((name) => /\.(exe|zip)$/.test(name))).toEqual([]);
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
});

/** An element's text as read, its lines and spaces as single spaces (empty when it is not there). */
async function textOf(element: Locator): Promise<string> {
  if ((await element.count()) === 0) return '';
  return (await element.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Records, in the candidate screens, the station events they receive from now on: whether a
 * browserState came after a browserBlocked (the order Electron can send them in).
 */
async function watchScreenEvents(page: Page): Promise<{ stateAfterRefusal: () => Promise<boolean> }> {
  const key = `events-${Math.random().toString(36).slice(2)}`;
  await page.evaluate((name) => {
    const seen: string[] = [];
    (window as unknown as Record<string, string[]>)[name] = seen;
    window.station?.onEvent((event) => seen.push(event.type));
  }, key);
  return {
    stateAfterRefusal: () =>
      page.evaluate((name) => {
        const seen = (window as unknown as Record<string, string[]>)[name] ?? [];
        const refusal = seen.indexOf('browserBlocked');
        return refusal >= 0 && seen.indexOf('browserState', refusal) > refusal;
      }, key),
  };
}
