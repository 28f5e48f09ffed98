// The spreadsheet grid as the candidate's screen draws it (HTML rendered by react-dom/server): an ARIA
// grid with its column letters and row numbers, one cell in the Tab order, the status line's totals.
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../testing/render-screen.tsx';
import { rangeStatistics } from './range-statistics.ts';
import { cellKey, type GridCell, type SheetGrid } from './spreadsheet-grid.ts';
import { SelectionStatus, SpreadsheetSheet } from './spreadsheet-sheet.tsx';
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
    expect(html).toContain('aria-label="Feuille « Dépenses »"');
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
    expect(html).toContain('Valeur : Dépense');
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
    expect(formula).toContain('Formule : =SOMME(B2:B3)');
    expect(formula).toContain('Valeur : 632,00');

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
    expect(totals).toContain('Somme : 632');
    expect(totals).toContain('Moyenne : 316');
    expect(totals).toContain('Nombre : 2');

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
