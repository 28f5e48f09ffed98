import { describe, expect, it } from 'vitest';
import { parseAllNumbers, parseNumber } from './numeric.ts';

describe('parseNumber (DOMAIN.md §5: "first space removed, first comma read as a decimal point")', () => {
  it.each([
    ['an integer', '1000', 1000],
    ['a decimal point', '3.5', 3.5],
    ['the first comma is a decimal point', '3,5', 3.5],
    ['the first space is removed (thousands separator)', '1 000', 1000],
    ['both', '1 000,25', 1000.25],
    ['a sign', '-2,5', -2.5],
    ['surrounding whitespace is ignored', ' 42 ', 42],
    ['trailing zeros', '3,50', 3.5],
  ])('reads %s', (_rule, input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  it.each([
    ['an empty answer', ''],
    ['a second space', '1 000 000'],
    ['a second comma', '1,000,5'],
    ['a comma and a point', '1,000.5'],
    ['words', 'douze'],
    ['a unit', '12 €'],
    ['an exponent', '1e3'],
    ['hexadecimal', '0x10'],
    ['Infinity', 'Infinity'],
  ])('does not read %s', (_rule, input) => {
    expect(parseNumber(input)).toBeNull();
  });

  it('reads all the variants, or none', () => {
    expect(parseAllNumbers(['3,5', '3.5', '7'])).toEqual([3.5, 3.5, 7]);
    expect(parseAllNumbers(['3,5', 'trois et demi'])).toBeNull();
  });
});
