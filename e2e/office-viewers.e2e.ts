// The spreadsheet and document viewers in real Chromium, under the station's Content-Security-Policy:
// the candidate screens' attachment dialog (AttachmentViewer, bundled with its lazily loaded viewers)
// opens the committed office files from a sandbox address, as the station gives them. What the
// candidate sees is checked (a cell's value, a formula, the Somme of a selected range, a document's
// heading and table), with the keyboard, axe on each open viewer, and a screenshot of each. Lighter
// than a certification day: no server and no station process, only the screens' own code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { utils, write } from '@e965/xlsx';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../main/electron/app-protocol.ts';
import { axeViolations, describeFindings } from './harness/accessibility.ts';
import { launchChromium } from './harness/chromium.ts';
import { Screenshots } from './harness/screenshots.ts';
import { FILES } from './fixtures/e2e-bank.ts';
import { withEditedPart, withLinkedImage } from '../renderer/station/test/viewers/zip-testing.ts';

const ORIGIN = 'https://station.pix.test';
const ROOT = path.resolve(import.meta.dirname, '..');
const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
} as const;

/** The page: the station's attachment dialog for the file named in the address, in French. */
const ENTRY = `
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from './renderer/shared/i18n/i18n.ts';
import { LiveAnnouncer } from './renderer/shared/announcer.tsx';
import './renderer/shared/tokens.css';
import './renderer/shared/brand.css';
import './renderer/station/station.css';
import { AttachmentViewer } from './renderer/station/test/attachments.tsx';
import { documentFromHtml, sanitizeDocumentHtml } from './renderer/station/test/viewers/document-html.ts';

window.sanitizeToModel = (html) => {
  const fragment = sanitizeDocumentHtml(html);
  // Serialized in the fragment's own (inert) document: nothing is loaded.
  const box = fragment.ownerDocument.createElement('div');
  box.append(fragment.cloneNode(true));
  return { html: box.innerHTML, model: documentFromHtml(fragment) };
};

const params = new URLSearchParams(location.search);
const file = params.get('file');
const root = createRoot(document.getElementById('root'));
const i18n = createI18n('fr');
root.render(
  <I18nextProvider i18n={i18n}>
    <LiveAnnouncer />
    <main>
      <h1>Question 1 sur 10</h1>
      {file && (
        <AttachmentViewer
          opened={{
            attachment: { hash: 'a'.repeat(64), fileName: file, mediaType: params.get('type'), size: 1 },
            viewer: params.get('viewer'),
            url: '/sandbox/' + encodeURIComponent(file),
          }}
          onClose={() => root.render(<main><h1>Fermé</h1></main>)}
          reported={params.get('reported') === '1'}
        />
      )}
    </main>
  </I18nextProvider>,
);
`;

let browser: Browser;
let page: Page;
let shots: Screenshots;
const assets = new Map<string, { body: Buffer; type: string }>();
const sandbox = new Map<string, Buffer>();
const problems: string[] = [];

/** A sheet larger than the grid draws: 2,500 rows × 120 columns. */
function largeWorkbook(): Buffer {
  const rows = Array.from({ length: 2500 }, (_, r) => Array.from({ length: 120 }, (_, c) => r * 1000 + c));
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet(rows), 'Relevés');
  return Buffer.from(write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

/**
 * A class outing: two classes share one coach (C2:C3 merged, 450 €), and a cancelled class's row 5
 * has height 0, as Excel saves a row dragged shut: `<row ht="0" customHeight="1">`, not "hidden"
 * (written by hand: SheetJS writes no such row).
 */
function sharedCoachWorkbook(): Buffer {
  const sheet = utils.aoa_to_sheet([
    ['Classe', 'Élèves', 'Car (€)'],
    ['6e A', 25, 450],
    ['6e B', 27, null],
    ['5e A', 24, 380],
    ['5e C (annulée)', 99, 999],
    ['4e A', 26, 300],
  ]);
  sheet['!merges'] = [utils.decode_range('C2:C3')];
  sheet['!cols'] = [{ wch: 16 }, { wch: 10 }, { wch: 10 }];
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, 'Sortie');
  const bytes = new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  return Buffer.from(
    withEditedPart(bytes, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace('<row r="5">', '<row r="5" ht="0" customHeight="1">'),
    ),
  );
}

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'tsx', sourcefile: 'office-viewers-page.tsx' },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: '/out',
    entryNames: 'app',
    jsx: 'automatic',
    write: false,
    target: 'chrome140',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  for (const output of bundle.outputFiles) {
    const name = path.relative('/out', output.path);
    assets.set(`/${name}`, {
      body: Buffer.from(output.contents),
      type: name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
    });
  }
  for (const name of [
    'sortie-scolaire.xlsx',
    'points-club.ods',
    'effectifs-college.xlsx',
    'conseil-vie-collegienne.docx',
    'lettre-sortie.odt',
  ])
    sandbox.set(name, readFileSync(path.join(FILES, name)));
  sandbox.set('releves-annee.xlsx', largeWorkbook());
  // The council's minutes with the college's logo only linked to, not carried (never fetched).
  sandbox.set(
    'compte-rendu-logo.docx',
    Buffer.from(
      withLinkedImage(
        new Uint8Array(readFileSync(path.join(FILES, 'conseil-vie-collegienne.docx'))),
        'Logo du collège',
        'https://college.pix-demo.test/logo.png',
      ),
    ),
  );
  sandbox.set('car-partage.xlsx', sharedCoachWorkbook());
  // A damaged spreadsheet (a zip cut short) and a Word file saved with a password (an encrypted OLE container).
  sandbox.set('abime.xlsx', readFileSync(path.join(FILES, 'sortie-scolaire.xlsx')).subarray(0, 900));
  sandbox.set(
    'protege.docx',
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048, 7)]),
  );

  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${page.url()}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
  });
  // A handler that ran would open a dialog (the hostile file's handlers call alert).
  page.on('dialog', (dialog) => {
    problems.push(`${page.url()}: dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') {
      await route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': CONTENT_SECURITY_POLICY },
        body: '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Certification Pix</title><link rel="stylesheet" href="/app.css"></head><body><div id="root"></div><script type="module" src="/app.js"></script></body></html>',
      });
      return;
    }
    const file = url.pathname.startsWith('/sandbox/')
      ? sandbox.get(decodeURIComponent(url.pathname.slice(9)))
      : undefined;
    if (file) {
      await route.fulfill({ contentType: 'application/octet-stream', body: file });
      return;
    }
    const asset = assets.get(url.pathname);
    await route.fulfill(asset ? { contentType: asset.type, body: asset.body } : { status: 404, body: '' });
  });
  shots = new Screenshots('office-viewers', () => page, null);
});

afterAll(async () => {
  await browser?.close();
});

async function open(
  file: string,
  type: string,
  viewer: 'spreadsheet' | 'document',
  /** A report of the question is pending (« Signaler un problème » disabled). */
  reported = false,
): Promise<void> {
  const query = new URLSearchParams({ file, type, viewer, ...(reported ? { reported: '1' } : {}) });
  await page.goto(`${ORIGIN}/?${query.toString()}`);
  await page.getByRole('dialog', { name: `Fichier : ${file}` }).waitFor();
}

async function expectAccessible(screen: string): Promise<void> {
  const findings = await axeViolations(page, screen);
  expect(findings, describeFindings(findings)).toEqual([]);
}

const status = () => page.getByTestId('sheet-status').innerText();
const cell = (text: string) => page.getByRole('gridcell', { name: text, exact: true });

describe('the spreadsheet viewer', () => {
  it('shows an .xlsx’s sheets, values, formulas and the Somme of a selected range', async () => {
    await open('sortie-scolaire.xlsx', TYPES.xlsx, 'spreadsheet');
    const grid = page.getByRole('grid', { name: 'Feuille « Dépenses »' });
    await grid.waitFor();
    // The dialog is not described by its content (every cell would be read when it opens).
    expect(await page.getByRole('dialog').getAttribute('aria-describedby')).toBeNull();
    // Values as the file formats them, with French separators.
    await cell('6,50').waitFor();
    await cell('665,60').waitFor();
    expect(await page.getByRole('columnheader', { name: 'D', exact: true }).count()).toBe(1);
    expect(await page.getByRole('rowheader', { name: '5', exact: true }).count()).toBe(1);

    // With the keyboard: Tab reaches A1 (the one cell in the Tab order), arrows go to the total.
    await cell('Dépense').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Control+ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('665,60');
    expect(await status()).toContain('Cellule D5');
    expect(await status()).toContain('Formule\u00a0: =SOMME(D2:D4)');
    expect(await status()).toContain('Valeur\u00a0: 665,60');
    expect(await page.locator('.sheet-grid [tabindex="0"]').count()).toBe(1);
    await shots.take('xlsx-formula');

    // Shift+arrows select D2:D4: the status line adds them up as office software does.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    // The three totals have two decimals: so have their Somme and Moyenne (as Excel's status bar).
    await expect.poll(status).toContain('Somme\u00a0: 665,60');
    expect(await status()).toContain('Cellules D2:D4 (3 cellules)');
    expect(await status()).toContain('Moyenne\u00a0: 221,87');
    expect(await status()).toContain('Nombre\u00a0: 3');
    expect(await page.locator('.sheet-grid td[aria-selected="true"]').count()).toBe(3);
    // The screen reader hears the totals once the selection settles.
    await expect
      .poll(() => page.locator('[aria-live="polite"]').innerText())
      .toContain('Somme\u00a0: 665,60');
    await shots.take('xlsx-range-sum');
    await expectAccessible('xlsx');

    // Shift+click: the prices and quantities of the car and the museum (B2:C3), text left out.
    await cell('450,00').first().click();
    await cell('28')
      .first()
      .click({ modifiers: ['Shift'] });
    await expect.poll(status).toContain('Somme\u00a0: 485,5');
    expect(await status()).toContain('Nombre\u00a0: 4');

    // The second sheet, through the tabs (arrow keys, as the tabs pattern says).
    await page.getByRole('tab', { name: 'Dépenses' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('grid', { name: 'Feuille « Élèves »' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Élèves' }).getAttribute('aria-selected')).toBe('true');
    await cell('4e B').waitFor();
    await shots.take('xlsx-second-sheet');
    await expectAccessible('xlsx-second-sheet');

    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('stays usable at 200 % zoom (a 1366 × 850 screen seen as 683 × 425 CSS pixels)', async () => {
    await page.setViewportSize({ width: 683, height: 425 });
    try {
      await open('sortie-scolaire.xlsx', TYPES.xlsx, 'spreadsheet');
      await cell('182,00').click();
      await cell('33,60').click({ modifiers: ['Shift'] });
      await expect.poll(status).toContain('Somme\u00a0: 215,60');
      // The dialog's content scrolls; nothing is wider than the window.
      await page.getByTestId('sheet-status').scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(683);
      await shots.take('xlsx-zoom-200');
      await expectAccessible('xlsx-zoom-200');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('shows a sheet as its author laid it out: hidden row and column, merged title, percentages', async () => {
    await open('effectifs-college.xlsx', TYPES.xlsx, 'spreadsheet');
    await page.getByRole('grid', { name: 'Feuille « Effectifs »' }).waitFor();
    // Row 5 (a closed class) and column C (internal codes) are hidden: the headers skip them.
    expect(await page.getByText('6e C (fermée)').count()).toBe(0);
    expect(await page.getByText('X-61').count()).toBe(0);
    expect(await page.getByRole('rowheader').allInnerTexts()).toEqual(['1', '2', '3', '4', '6', '7']);
    expect(await page.getByRole('columnheader').allInnerTexts()).toEqual([
      'Lignes et colonnes',
      'A',
      'B',
      'D',
      'E',
    ]);
    // The title merged over A1:E1 is one cell over the four visible columns, and A1 takes the focus.
    const title = cell('Effectifs du collège — rentrée 2025');
    expect(await title.getAttribute('colspan')).toBe('4');
    expect(await title.getAttribute('tabindex')).toBe('0');
    await title.focus();
    // Right from the title: nothing past it (it spans the sheet's width); down: the header row.
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Effectifs du collège — rentrée 2025');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Classe');
    // Pupils with Shift+arrows: B3 to B7 steps over row 5; 25 + 24 + 25, not the hidden 30.
    await cell('25').first().click();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(status).toContain('Cellules B3:B7 (4 cellules)');
    expect(await status()).toContain('Somme\u00a0: 74');
    expect(await status()).toContain('Nombre\u00a0: 3');
    // The total was never computed in the file: its formula shows, muted, and says so.
    await cell('=SOMME(B3:B6) (non calculée)').click();
    expect(await status()).toContain('Formule\u00a0: =SOMME(B3:B6)');
    expect(await status()).toContain('Valeur\u00a0: non calculée');
    await shots.take('xlsx-layout-uncalculated');
    // The share of girls: percentages add up as percentages.
    await cell('48%').click();
    await cell('52%').click({ modifiers: ['Shift'] });
    await expect.poll(status).toContain('Somme\u00a0: 150%');
    expect(await status()).toContain('Moyenne\u00a0: 50%');
    expect(await status()).toContain('Cellules E3:E6 (3 cellules)');
    await shots.take('xlsx-layout');
    await expectAccessible('xlsx-layout');

    await page.setViewportSize({ width: 683, height: 425 });
    try {
      await open('effectifs-college.xlsx', TYPES.xlsx, 'spreadsheet');
      await cell('48%').click();
      await cell('52%').click({ modifiers: ['Shift'] });
      await expect.poll(status).toContain('Somme\u00a0: 150%');
      expect(await title.getAttribute('colspan')).toBe('4');
      await page.getByTestId('sheet-status').scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(683);
      await shots.take('xlsx-layout-zoom-200');
      await expectAccessible('xlsx-layout-zoom-200');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('widens a selection over a merged cell, and hides a row of height 0', async () => {
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    for (const zoom of [100, 200] as const) {
      // 200 %: a 1366 × 850 screen seen as 683 × 425 CSS pixels.
      if (zoom === 200) await page.setViewportSize({ width: 683, height: 425 });
      try {
        await open('car-partage.xlsx', TYPES.xlsx, 'spreadsheet');
        await page.getByRole('grid', { name: 'Feuille « Sortie »' }).waitFor();
        // Row 5 has no height: not drawn, the headers skip its number, as for a hidden row.
        expect(await page.getByText('5e C (annulée)').count()).toBe(0);
        expect(await page.getByRole('rowheader').allInnerTexts()).toEqual(['1', '2', '3', '4', '6']);

        // From 25 (B2), next to the coach merged over C2:C3: Shift+Right lands on it, and the
        // selection grows to B2:C3, 27 (B3) with it: 25 + 27 + 450, not 25 + 450.
        await cell('25').click();
        expect(await status()).toContain('Cellule B2');
        await page.keyboard.press('Shift+ArrowRight');
        await expect.poll(status).toContain('Cellules B2:C3 (4 cellules)');
        expect(await status()).toContain('Sélection agrandie pour inclure les cellules fusionnées en entier');
        expect(await status()).toContain('Somme\u00a0: 502');
        expect(await status()).toContain('Nombre\u00a0: 3');
        // The focus is on the merged cell; B2, B3 and the merge are highlighted, and columns B and C.
        expect(await focused()).toBe('450');
        expect(await page.locator('.sheet-grid td[aria-selected="true"]').allInnerTexts()).toEqual([
          '25',
          '450',
          '27',
        ]);
        expect(await page.locator('.sheet-header-selected').allInnerTexts()).toEqual(['B', 'C', '2', '3']);
        // A screen reader hears the widened range and its totals once the selection settles.
        await expect
          .poll(() => page.locator('[aria-live="polite"]').innerText())
          .toContain('B2:C3 sélectionnées. Somme\u00a0: 502');
        expect(await page.locator('[aria-live="polite"]').innerText()).toContain('Sélection agrandie');
        // At 200 %, the highlighted cells and then the status line, which the dialog scrolls to.
        if (zoom === 200) await shots.take('xlsx-merge-widened-zoom-200-cells');
        await page.getByTestId('sheet-status').scrollIntoViewIfNeeded();
        await shots.take(zoom === 100 ? 'xlsx-merge-widened' : 'xlsx-merge-widened-zoom-200');
        await expectAccessible(zoom === 100 ? 'xlsx-merge-widened' : 'xlsx-merge-widened-zoom-200');

        // Shift+click on the merge from A2 widens alike: A2:C3, 6e B's row with it.
        await cell('6e A').click();
        await cell('450').click({ modifiers: ['Shift'] });
        await expect.poll(status).toContain('Cellules A2:C3 (6 cellules)');
        expect(await status()).toContain('Somme\u00a0: 502');

        // Down the pupils from B2: row 5 stepped over, its 99 not added (25 + 27 + 24 + 26).
        await cell('25').click();
        for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+ArrowDown');
        await expect.poll(status).toContain('Cellules B2:B6 (4 cellules)');
        expect(await status()).toContain('Somme\u00a0: 102');
        expect(await status()).not.toContain('agrandie');
        expect(await focused()).toBe('26');
        if (zoom === 200) {
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(683);
        }
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    }
  });

  it('shows an .ods with the text its author’s office suite saved', async () => {
    await open('points-club.ods', TYPES.ods, 'spreadsheet');
    await page.getByRole('grid', { name: 'Feuille « Points »' }).waitFor();
    await cell('39').click();
    expect(await status()).toContain('Formule\u00a0: =SOMME(C2:C4)');
    expect(await page.getByRole('tablist').count()).toBe(0);
    await shots.take('ods');
    await expectAccessible('ods');
  });

  it('draws a large sheet in part, says so, and still reaches its last cell', async () => {
    await open('releves-annee.xlsx', TYPES.xlsx, 'spreadsheet');
    await page.getByText(/seules les lignes 1 à 2.000 et les colonnes A à CV sont affichées/).waitFor();
    expect(await page.getByRole('grid').getAttribute('aria-rowcount')).toBe('2001');
    expect(await page.locator('.sheet-grid tbody tr[data-row]').count()).toBeLessThan(200);
    await cell('0').click();
    await page.keyboard.press('Control+End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('1999099');
    expect(await status()).toContain('Cellule CV2000');
    await page.keyboard.press('Control+Home');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('0');
    // With the wheel, the view goes to row 501 while A1 stays active: the rows there are drawn.
    const rowHeight = await page
      .locator('.sheet-grid tbody tr[data-row]')
      .first()
      .evaluate((row) => (row as HTMLElement).offsetHeight);
    await page.locator('.sheet-scroll').hover();
    await page.mouse.wheel(0, 500 * rowHeight);
    await cell('500000').waitFor();
    const inView = await cell('500000').evaluate((td) => {
      const box = td.closest('.sheet-scroll')?.getBoundingClientRect();
      const own = td.getBoundingClientRect();
      return !!box && own.bottom > box.top && own.top < box.bottom;
    });
    expect(inView).toBe(true);
    expect(await cell('0').getAttribute('tabindex')).toBe('0');
    await page.keyboard.press('Control+Home');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('0');
    await shots.take('xlsx-large');
    // axe takes its time over a grid of 100 columns: the hidden spacer rows and row indexes are checked.
    await expectAccessible('xlsx-large');
  });

  it('says in French that a damaged file cannot be read', async () => {
    await open('abime.xlsx', TYPES.xlsx, 'spreadsheet');
    await page.getByTestId('viewer-unreadable').waitFor();
    expect(await page.getByTestId('viewer-unreadable').innerText()).toContain(
      '«\u202fSignaler un problème\u202f»',
    );
    await shots.take('xlsx-damaged');
    await expectAccessible('xlsx-damaged');
  });
});

describe('the document viewer', () => {
  it('shows a .docx’s heading, formatting, list and table, its link as text', async () => {
    await open('conseil-vie-collegienne.docx', TYPES.docx, 'document');
    await page
      .getByRole('heading', { name: 'Compte rendu du conseil de vie collégienne', level: 3 })
      .waitFor();
    await page.getByRole('heading', { name: 'Projets retenus', level: 4 }).waitFor();
    expect(await page.locator('.viewer-document strong').first().innerText()).toBe('jeudi 9 janvier');
    // Underline is kept (mammoth drops it unless told).
    expect(await page.locator('.viewer-document u').allInnerTexts()).toEqual([
      'présente le projet de sa classe',
    ]);
    expect(await page.locator('.viewer-document ul li').count()).toBe(3);
    await page.getByRole('cell', { name: 'Mme Diallo' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Budget' }).count()).toBe(1);
    // The link is words, never an address the station would follow.
    expect(await page.getByRole('dialog').getByRole('link').count()).toBe(0);
    expect(await page.locator('.viewer-document').innerText()).toContain(
      'le site du collège (https://college.pix-demo.test/cvc)',
    );
    await shots.take('docx');
    await expectAccessible('docx');
  });

  it('marks where a .docx’s linked image was, and says once what to do if it is needed', async () => {
    await open('compte-rendu-logo.docx', TYPES.docx, 'document');
    const note = page.getByTestId('document-missing-images');
    await note.waitFor();
    expect(await note.textContent()).toBe(
      'Une image de ce document n’est pas affichée. Si elle vous manque pour répondre, fermez cette fenêtre et cliquez sur «\u202fSignaler un problème\u202f».',
    );
    expect(await page.locator('.viewer-document').textContent()).toContain(
      'Réunion du jeudi 9 janvier au CDI, de 12 h 30 à 13 h 30. (image non affichée\u00a0: Logo du collège)',
    );
    expect(await page.locator('.viewer-document img').count()).toBe(0);
    expect(await page.getByText('Signaler un problème').count()).toBe(1);
    await shots.take('docx-missing-image');
    await expectAccessible('docx-missing-image');
  });

  it('while a report of the question is pending, says to tell the invigilator, not to press the disabled button', async () => {
    await open('compte-rendu-logo.docx', TYPES.docx, 'document', true);
    const note = page.getByTestId('document-missing-images');
    await note.waitFor();
    expect(await note.textContent()).toBe(
      'Une image de ce document n’est pas affichée. Vous avez signalé un problème\u00a0: quand le surveillant viendra vous voir, dites-lui si elle vous manque pour répondre.',
    );
    expect(await page.getByText('Signaler un problème').count()).toBe(0);
    await shots.take('docx-missing-image-reported');
    await expectAccessible('docx-missing-image-reported');
  });

  it('shows an .odt read with the browser’s own XML parser', async () => {
    await open('lettre-sortie.odt', TYPES.odt, 'document');
    await page.getByRole('heading', { name: 'Sortie au musée des sciences', level: 3 }).waitFor();
    expect(await page.locator('.viewer-document ol li').allInnerTexts()).toEqual([
      'Un pique-nique',
      'Une bouteille d’eau',
      'L’autorisation signée',
    ]);
    await page.getByRole('cell', { name: 'Visite guidée' }).waitFor();
    expect(await page.locator('.viewer-document strong').innerText()).toBe('mardi 4 février');
    expect(await page.locator('.viewer-document u').allInnerTexts()).toEqual(['à 16 h 30']);
    await shots.take('odt');
    await expectAccessible('odt');
  });

  it('says in French that a password-protected file cannot be read', async () => {
    await open('protege.docx', TYPES.docx, 'document');
    await page.getByTestId('viewer-unreadable').waitFor();
    expect(await page.getByTestId('viewer-unreadable').innerText()).toContain('protégé par un mot de passe');
  });

  it('sanitizes a .docx’s HTML with DOMPurify: no script, no handler, no remote image, no link', async () => {
    await page.goto(`${ORIGIN}/`);
    const before = problems.length;
    const result = await page.evaluate(
      (html) =>
        (
          window as unknown as { sanitizeToModel: (h: string) => { html: string; model: unknown } }
        ).sanitizeToModel(html),
      '<p>Avant<script>alert(1)</script><img src="x" onerror="alert(2)" alt="piège">' +
        '<img src="https://tracker.example/pixel.png" alt="Logo"><a href="javascript:alert(3)">clic</a>' +
        '<a href="https://site.example/" onclick="alert(4)">site</a><iframe src="https://evil.example"></iframe>' +
        '</p><svg onload="alert(5)"></svg>',
    );
    expect(result.html).not.toMatch(/<script|onerror|onclick|onload|<iframe|<svg|javascript:|tracker/i);
    const model = JSON.stringify(result.model);
    expect(model).not.toMatch(/alert|tracker|evil|javascript/);
    expect(model).toContain('"kind":"missingImage","alt":"Logo"');
    expect(model).toContain('"kind":"link","url":"https://site.example/"');
    // Chromium (156 and later) reports each inline handler it parses as blocked by the page's CSP, even
    // in the inert document DOMPurify parses the file in: those reports, and only those, are expected
    // here. None ran: no dialog opened (the listener above would have said so).
    const reported = problems.splice(before);
    expect(reported.filter((m) => !m.includes('Executing inline event handler violates'))).toEqual([]);
  });

  it('ran without a script error or a blocked resource', () => {
    expect(problems).toEqual([]);
  });
});
