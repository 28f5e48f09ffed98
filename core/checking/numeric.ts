// Numeric answers (`format: 'nombre'`, DOMAIN.md §5): when the answer and every accepted answer read as
// numbers, they are compared as numbers, so "3,5" equals "3.5" and "1 000" equals "1000"; otherwise the
// text rules apply.

/** A plain decimal: optional sign, digits, optional fraction. No exponent, no hexadecimal, no "Infinity". */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Reads a pre-treated string as a number: surrounding whitespace is ignored, the first space is removed
 * (a thousands separator, "1 000") and the first comma is read as a decimal point ("3,5"). Null when the
 * rest is not a plain decimal number (an empty answer is not zero).
 */
export function parseNumber(text: string): number | null {
  const candidate = text.trim().replace(' ', '').replace(',', '.');
  return DECIMAL.test(candidate) ? Number(candidate) : null;
}

/** The numbers of all the accepted answers, or null when one of them does not read as a number. */
export function parseAllNumbers(texts: readonly string[]): number[] | null {
  const numbers: number[] = [];
  for (const text of texts) {
    const number = parseNumber(text);
    if (number === null) return null;
    numbers.push(number);
  }
  return numbers;
}
