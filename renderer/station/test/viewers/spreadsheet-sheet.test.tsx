// The spreadsheet grid as the candidate's screen draws it (HTML rendered by react-dom/server): an ARIA
// grid with its column letters and row numbers, one cell in the Tab order, the status line's totals.
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../testing/render-screen.tsx';
import { rangeStatistics } from './range-statistics.ts';
import { cellKey, type GridCell, type SheetGrid } from './spreadsheet-grid.ts';
import type { SheetLayout } from './sheet-layout.ts';
import { mergePart, SelectionStatus, SpreadsheetSheet } from './spreadsheet-sheet.tsx';
import { SpreadsheetWorkbook } from './spreadsheet-viewer.tsx';

const number = (n: number, text = String(n).replace('.', ','), formula: string | null = null): GridCell => ({
  text,
  number: n,
  formula,
  align: 'end',
});
const label = (text: string): GridCell => ({ text, number: null, formula: null, align: 'start' });

function grid(
  rows: (GridCell | null)[][],
  name = 'Dépenses',
  total?: { rows: number; columns: number },
  layout: Partial<SheetLayout> = {},
): SheetGrid {
  const cells = new Map<number, GridCell>();
  rows.forEach((row, r) => row.forEach((cell, c) => cell && cells.set(cellKey(r, c), cell)));
  const rowCount = rows.length;
  const columnCount = Math.max(...rows.map((r) => r.length));
  return {
    name,
    rowCount,
    columnCount,
    totalRows: total?.rows ?? rowCount,
    totalColumns: total?.columns ?? columnCount,
    cells,
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    merges: [],
    ...layout,
  };
}

const costs = grid([
  [label('Dépense'), label('Total')],
  [label('Car'), number(450, '450,00')],
  [label('Musée'), number(182, '182,00')],
  [label('Total'), number(632, '632,00', 'SUM(B2:B3)')],
]);

describe('the spreadsheet grid', () => {
  it('is an ARIA grid with column letters, row numbers and values, A1 alone in the Tab order', () => {
    const html = renderHtml(<SpreadsheetSheet grid={costs} />);
    expect(html).toContain('role="grid"');
    expect(html).toContain('aria-label="Feuille «\u202fDépenses\u202f»"');
    expect(html).toContain('aria-rowcount="5"');
    expect(html).toContain('aria-colcount="3"');
    expect(html).toMatch(
      /<th scope="col" aria-colindex="2"[^>]*>A<\/th><th scope="col" aria-colindex="3">B<\/th>/,
    );
    expect(html).toMatch(/<th scope="row" aria-colindex="1"[^>]*>4<\/th>/);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-selected="true" tabindex="0"[^>]*>Dépense</);
    expect(html).toContain('>450,00</td>');
    expect(html).toContain('Cellule A1');
    expect(html).toContain('Valeur\u00a0: Dépense');
  });

  it('shows a cell’s formula as French office software writes it, and a range’s totals', () => {
    const formula = renderHtml(
      <SelectionStatus
        grid={costs}
        selection={{ anchor: { row: 3, column: 1 }, active: { row: 3, column: 1 } }}
        statistics={rangeStatistics(costs, { top: 3, left: 1, bottom: 3, right: 1 })}
        language="fr"
      />,
    );
    expect(formula).toContain('Cellule B4');
    expect(formula).toContain('Formule\u00a0: =SOMME(B2:B3)');
    expect(formula).toContain('Valeur\u00a0: 632,00');

    const range = { top: 0, left: 0, bottom: 2, right: 1 };
    const totals = renderHtml(
      <SelectionStatus
        grid={costs}
        selection={{ anchor: { row: 2, column: 1 }, active: { row: 0, column: 0 } }}
        statistics={rangeStatistics(costs, range)}
        language="fr"
      />,
    );
    expect(totals).toContain('Cellules A1:B3 (6 cellules)');
    expect(totals).toContain('Somme\u00a0: 632');
    expect(totals).toContain('Moyenne\u00a0: 316');
    expect(totals).toContain('Nombre\u00a0: 2');

    const words = renderHtml(
      <SelectionStatus
        grid={costs}
        selection={{ anchor: { row: 0, column: 0 }, active: { row: 2, column: 0 } }}
        statistics={rangeStatistics(costs, { top: 0, left: 0, bottom: 2, right: 0 })}
        language="en"
      />,
      'en',
    );
    expect(words).toContain('No numbers in the selection.');
  });

  it('says when a sheet is empty, and when a large one was cut', () => {
    expect(renderHtml(<SpreadsheetSheet grid={grid([])} />)).toContain('Cette feuille est vide.');
    // Every row (or every column) hidden: the sheet is not empty, the file hides it.
    const filled = [
      [label('a'), label('b')],
      [label('c'), label('d')],
    ];
    for (const layout of [{ hiddenRows: new Set([0, 1]) }, { hiddenColumns: new Set([0, 1]) }]) {
      const html = renderHtml(<SpreadsheetSheet grid={grid(filled, 'Masquée', undefined, layout)} />);
      expect(html).toContain('Toutes les lignes ou colonnes de cette feuille sont masquées dans le fichier.');
      expect(html).not.toContain('Cette feuille est vide.');
    }
    expect(
      renderHtml(
        <SpreadsheetSheet grid={grid(filled, 'Hidden', undefined, { hiddenRows: new Set([0, 1]) })} />,
        'en',
      ),
    ).toContain('Every row or column of this sheet is hidden in the file.');
    const cut = renderHtml(
      <SpreadsheetSheet grid={grid([[label('x')]], 'Grand', { rows: 5000, columns: 120 })} />,
    );
    expect(cut).toContain('seules les lignes 1 à 1 et les colonnes A à A sont affichées');
  });

  it('draws only the first rows of a large sheet, the rest standing in as space', () => {
    const rows = Array.from({ length: 2000 }, (_, r) => [number(r)]);
    const html = renderHtml(<SpreadsheetSheet grid={grid(rows)} />);
    const drawn = html.match(/<tr data-row=/g)?.length ?? 0;
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(100);
    expect(html).toContain('aria-rowcount="2001"');
    expect(html).toContain('class="sheet-spacer"');
  });

  it('leaves hidden rows and columns out, keeping the others’ numbers and letters', () => {
    const classes = grid(
      [
        [label('Classe'), label('Code'), label('Élèves')],
        [label('6e A'), label('X-61'), number(25)],
        [label('6e C'), label('X-63'), number(30)],
        [label('5e A'), label('X-51'), number(25)],
      ],
      'Effectifs',
      undefined,
      { hiddenRows: new Set([2]), hiddenColumns: new Set([1]) },
    );
    const html = renderHtml(<SpreadsheetSheet grid={classes} />);
    expect(html).not.toContain('6e C');
    expect(html).not.toContain('X-61');
    expect(html).not.toMatch(/>B<\/th>/);
    expect(html).toMatch(/>A<\/th><th scope="col" aria-colindex="4"[^>]*>C<\/th>/);
    const rowNumbers = [...html.matchAll(/<th scope="row"[^>]*>(\d+)<\/th>/g)].map((m) => m[1]);
    expect(rowNumbers).toEqual(['1', '2', '4']);
    // The cells keep their place in the sheet for screen readers: row 4 is aria-rowindex 5.
    expect(html).toContain('<tr data-row="3" aria-rowindex="5">');

    const status = renderHtml(
      <SelectionStatus
        grid={classes}
        selection={{ anchor: { row: 1, column: 0 }, active: { row: 3, column: 2 } }}
        statistics={rangeStatistics(classes, { top: 1, left: 0, bottom: 3, right: 2 })}
        language="fr"
      />,
    );
    // 2 visible rows × 2 visible columns; 25 + 25, not the hidden 30.
    expect(status).toContain('Cellules A2:C4 (4 cellules)');
    expect(status).toContain('Somme\u00a0: 50');
    expect(status).toContain('Nombre\u00a0: 2');
  });

  it('draws a merged range as one cell spanning its visible rows and columns', () => {
    const html = renderHtml(
      <SpreadsheetSheet
        grid={grid(
          [
            [label('Effectifs du collège'), null, null, null],
            [label('Classe'), label('Code'), label('Élèves'), label('Filles')],
            [label('6e A'), label('X'), number(25), number(12)],
          ],
          'Effectifs',
          undefined,
          { hiddenColumns: new Set([1]), merges: [{ top: 0, left: 0, bottom: 0, right: 3 }] },
        )}
      />,
    );
    // Four columns merged, one of them hidden: three spanned; the title holds the focus (A1).
    expect(html).toMatch(
      /<tr data-row="0" aria-rowindex="2"><th[^>]*>1<\/th><td id="[^"]+" data-row="0" data-column="0" aria-colindex="2" colSpan="3" aria-selected="true" tabindex="0" class="sheet-cell sheet-cell-start sheet-cell-merged[^"]*">Effectifs du collège<\/td><\/tr>/,
    );
  });

  it('widens a selection over a merge it touches, and says so', () => {
    // Two classes share one coach: B2:B3 merged (450). A2:B2 picked takes A3 in.
    const outing = grid(
      [
        [label('Classe'), label('Car')],
        [number(25), number(450)],
        [number(27), null],
        [number(24), number(380)],
      ],
      'Sortie',
      undefined,
      { merges: [{ top: 1, left: 1, bottom: 2, right: 1 }] },
    );
    const widened = { top: 1, left: 0, bottom: 2, right: 1 };
    const status = (
      selection: { anchor: { row: number; column: number }; active: { row: number; column: number } },
      language: 'fr' | 'en' = 'fr',
    ) =>
      renderHtml(
        <SelectionStatus
          grid={outing}
          selection={selection}
          statistics={rangeStatistics(outing, widened)}
          language={language}
        />,
        language,
      );
    const html = status({ anchor: { row: 1, column: 0 }, active: { row: 1, column: 1 } });
    expect(html).toContain('Cellules A2:B3 (4 cellules)');
    expect(html).toContain('Sélection agrandie pour inclure les cellules fusionnées en entier');
    expect(html).toContain('Somme\u00a0: 502');
    expect(status({ anchor: { row: 1, column: 0 }, active: { row: 1, column: 1 } }, 'en')).toContain(
      'Selection widened to include whole merged cells',
    );
    // The merged cell alone is one cell: its address and value, nothing widened.
    const alone = renderHtml(
      <SelectionStatus
        grid={outing}
        selection={{ anchor: { row: 1, column: 1 }, active: { row: 1, column: 1 } }}
        statistics={rangeStatistics(outing, { top: 1, left: 1, bottom: 2, right: 1 })}
        language="fr"
      />,
    );
    expect(alone).toContain('Cellule B2');
    expect(alone).toContain('Valeur\u00a0: 450');
    expect(alone).not.toContain('agrandie');
    // A selection that holds the merge already is not said to be widened.
    expect(status({ anchor: { row: 1, column: 0 }, active: { row: 2, column: 1 } })).not.toContain(
      'agrandie',
    );
    // A merge whose top row is hidden widens the range by that row only: nothing more to see, not said.
    const hiddenTop = grid([[number(1)], [number(10)], [null], [number(100)]], 'Masquée', undefined, {
      hiddenRows: new Set([1]),
      merges: [{ top: 1, left: 0, bottom: 2, right: 0 }],
    });
    const quiet = renderHtml(
      <SelectionStatus
        grid={hiddenTop}
        selection={{ anchor: { row: 2, column: 0 }, active: { row: 3, column: 0 } }}
        statistics={rangeStatistics(hiddenTop, { top: 1, left: 0, bottom: 3, right: 0 })}
        language="fr"
      />,
    );
    expect(quiet).toContain('Cellules A2:A4 (2 cellules)');
    expect(quiet).toContain('Somme\u00a0: 110');
    expect(quiet).not.toContain('agrandie');
  });

  it('cuts a merged range at the edge of the drawn rows of a large sheet', () => {
    const rows = Array.from({ length: 2000 }, (_, r) => [number(r), number(r)]);
    const html = renderHtml(
      <SpreadsheetSheet
        grid={grid(rows, 'Grand', undefined, { merges: [{ top: 10, left: 0, bottom: 400, right: 1 }] })}
      />,
    );
    const drawn = html.match(/<tr data-row=/g)?.length ?? 0;
    // The range's part starts at row 11 and spans the drawn rows after it, not the spacer.
    expect(html).toMatch(
      new RegExp(`data-row="10" data-column="0" aria-colindex="2" colSpan="2" rowSpan="${drawn - 10}"`),
    );
    expect(html).not.toContain('data-row="11" data-column=');
  });

  it('has screen readers read a merge cut by the drawn rows once', () => {
    // Rows 11 to 401 merged; drawn: the active row 11 alone, then the rows in view, 200 to 260.
    const merge = { top: 10, left: 0, bottom: 400, right: 1 };
    const rows = Array.from({ length: 2000 }, (_, r) => r);
    const lines = { rows, columns: [0, 1] };
    const drawn = [
      { start: 10, end: 11 },
      { start: 200, end: 260 },
    ];
    const home = mergePart(merge, lines, drawn, { position: 10, segmentStart: 10, segmentEnd: 11 }, 0);
    expect(home).toEqual({
      at: { row: 10, column: 0 },
      span: { rows: 1, columns: 2 },
      holdsHome: true,
      readOut: true,
    });
    const again = mergePart(merge, lines, drawn, { position: 200, segmentStart: 200, segmentEnd: 260 }, 0);
    expect(again).toMatchObject({ span: { rows: 60, columns: 2 }, holdsHome: false, readOut: false });
    // Other cells of the part draw nothing.
    expect(
      mergePart(merge, lines, drawn, { position: 201, segmentStart: 200, segmentEnd: 260 }, 0),
    ).toBeNull();
    // The home's row not drawn: the first part drawn is the one read.
    const scrolled = [{ start: 200, end: 260 }];
    expect(
      mergePart(merge, lines, scrolled, { position: 200, segmentStart: 200, segmentEnd: 260 }, 0),
    ).toMatchObject({ holdsHome: false, readOut: true });
  });

  it('windows a large sheet over its visible rows only', () => {
    // 2,000 rows, every other one hidden (a filter): the window counts the 1,000 visible rows.
    const rows = Array.from({ length: 2000 }, (_, r) => [number(r)]);
    const hiddenRows = new Set(Array.from({ length: 1000 }, (_, i) => i * 2 + 1));
    const html = renderHtml(<SpreadsheetSheet grid={grid(rows, 'Filtrée', undefined, { hiddenRows })} />);
    const drawn = [...html.matchAll(/<tr data-row="(\d+)"/g)].map((m) => Number(m[1]));
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.every((r) => r % 2 === 0)).toBe(true);
    expect(drawn.slice(0, 3)).toEqual([0, 2, 4]);
    // The spacer stands for the visible rows not drawn, not for the hidden ones.
    const spacer = /class="sheet-spacer"><td colSpan="2" style="height:(\d+)px"/.exec(html);
    expect(Number(spacer?.[1])).toBe((1000 - drawn.length) * 34);
  });

  it('shows a formula the file holds without its result, muted and said so', () => {
    const uncalculated: GridCell = {
      text: '',
      number: null,
      formula: 'SUM(A1:A2)',
      align: 'start',
      uncalculated: true,
    };
    const sheet = grid([[number(1)], [number(2)], [uncalculated]]);
    const html = renderHtml(<SpreadsheetSheet grid={sheet} />);
    // Said in words on screen too, not by grey italics alone.
    expect(html).toContain('<span class="sheet-cell-uncalculated">=SOMME(A1:A2) (non calculée)</span>');
    expect(renderHtml(<SpreadsheetSheet grid={sheet} />, 'en')).toContain('=SUM(A1:A2) (not calculated)');
    const status = renderHtml(
      <SelectionStatus
        grid={sheet}
        selection={{ anchor: { row: 2, column: 0 }, active: { row: 2, column: 0 } }}
        statistics={rangeStatistics(sheet, { top: 2, left: 0, bottom: 2, right: 0 })}
        language="fr"
      />,
    );
    expect(status).toContain('Formule\u00a0: =SOMME(A1:A2)');
    expect(status).toContain('Valeur\u00a0: non calculée');
    expect(rangeStatistics(sheet, { top: 0, left: 0, bottom: 2, right: 0 })).toMatchObject({
      sum: 3,
      count: 2,
    });
  });

  it('shows the totals of percentages as percentages', () => {
    const percent = (n: number): GridCell => ({ ...number(n, `${n * 100}%`), numberFormat: '0%' });
    const shares = grid([[percent(0.25)], [percent(0.5)]]);
    const range = { top: 0, left: 0, bottom: 1, right: 0 };
    const status = renderHtml(
      <SelectionStatus
        grid={shares}
        selection={{ anchor: { row: 0, column: 0 }, active: { row: 1, column: 0 } }}
        statistics={rangeStatistics(shares, range)}
        language="fr"
      />,
    );
    expect(status).toContain('Somme\u00a0: 75%');
    expect(status).toContain('Moyenne\u00a0: 38%');
    expect(status).toContain('Nombre\u00a0: 2');
  });

  it('has one tab per sheet when the workbook has several', () => {
    const html = renderHtml(<SpreadsheetWorkbook sheets={[costs, grid([[label('4e A')]], 'Élèves')]} />);
    expect(html).toContain('role="tablist"');
    expect(html.match(/role="tab"/g)).toHaveLength(2);
    expect(html).toMatch(
      /aria-selected="true" aria-controls="[^"]+" tabindex="0" class="sheet-tab">Dépenses</,
    );
    expect(html).toContain('role="tabpanel"');
    expect(renderHtml(<SpreadsheetWorkbook sheets={[costs]} />)).not.toContain('role="tablist"');
  });
});
