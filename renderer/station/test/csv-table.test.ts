import { describe, expect, it } from 'vitest';
import { MAX_ROWS, parseCsv } from './csv-table.ts';

describe('parseCsv', () => {
  it('reads French exports separated by semicolons, with decimal commas left in the cells', () => {
    const table = parseCsv('Élève;Moyenne\r\nLéa;14,5\r\nNoah;12\r\n');
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([
      ['Élève', 'Moyenne'],
      ['Léa', '14,5'],
      ['Noah', '12'],
    ]);
  });

  it('reads comma-separated files with quoted cells, escaped quotes and line breaks inside quotes', () => {
    const table = parseCsv('name,comment\n"Martin, Léa","dit ""bonjour""\npuis part"\nNoah,ok');
    expect(table.delimiter).toBe(',');
    expect(table.rows).toEqual([
      ['name', 'comment'],
      ['Martin, Léa', 'dit "bonjour"\npuis part'],
      ['Noah', 'ok'],
    ]);
  });

  it('drops a byte-order mark and keeps empty cells', () => {
    expect(parseCsv('\uFEFFa;b;c\n1;;3').rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
  });

  it('stops at the row limit and says so', () => {
    const text = Array.from({ length: MAX_ROWS + 5 }, (_, i) => `r${i};x`).join('\n');
    const table = parseCsv(text);
    expect(table.rows).toHaveLength(MAX_ROWS);
    expect(table.truncated).toBe(true);
  });

  it('gives no rows for an empty file', () => {
    expect(parseCsv('').rows).toEqual([]);
  });
});
