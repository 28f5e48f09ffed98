import { describe, expect, it } from 'vitest';
import { statisticText } from './statistic-text.ts';

describe('a total of the status line', () => {
  it('is shown in the cells’ shared format, with the screen’s separators', () => {
    // 25 % + 50 %: 75 %, not 0,75.
    expect(statisticText(0.75, '0%', 'fr')).toBe('75%');
    expect(statisticText(0.375, '0.0%', 'fr')).toBe('37,5%');
    expect(statisticText(1234.5, '#,##0.00 "€"', 'fr')).toBe('1\u202f234,50 €');
    expect(statisticText(665.6, '0.00', 'fr')).toBe('665,60');
    expect(statisticText(665.6, '0.00', 'en')).toBe('665.60');
  });

  it('is a plain number when the cells have no one format', () => {
    expect(statisticText(1234.5, null, 'fr')).toBe('1\u202f234,5');
    expect(statisticText(2 / 3, null, 'fr')).toBe('0,666667');
  });
});

describe('a total in a format that shows no number', () => {
  it('is the plain number rather than nothing', () => {
    // ";;;" hides every value in the cells; the total must still read « Somme : 5 ».
    expect(statisticText(5, ';;;', 'fr')).toBe('5');
    expect(statisticText(1234.5, '"Total"', 'fr')).toBe('1\u202f234,5');
    expect(statisticText(2.5, ';;;', 'en')).toBe('2.5');
  });
});
