// Test helpers for the canonical JSON writers: the reference behaviour, and fast-check arbitraries of
// odd strings (lone surrogates, control characters, quotes, line separators, astral characters), odd
// numbers (-0, NaN, infinities, exponents, the smallest subnormal) and odd object keys.
import fc from 'fast-check';
import canonicalize from 'canonicalize';

/** What canonicalJson did before the fast writer: canonicalize, and a TypeError for no JSON form. */
export function referenceJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}

export type Outcome = { text: string } | { error: string };

/** The text written, or the error thrown (its class and message). */
export function outcome(write: () => string): Outcome {
  try {
    return { text: write() };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Characters that stress string escaping and the lone-surrogate rule. */
const ODD_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u001f',
  '\b',
  '\t',
  '\n',
  '\f',
  '\r',
  '"',
  '\\',
  '/',
  '\u007f',
  '\u00e9',
  'e\u0301',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\ud83d\ude00',
  '\u{1f431}',
  '€',
];
export const oddString = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...ODD_CHARACTERS),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});

export const oddNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    0,
    -0,
    1e21,
    1e-7,
    123456789012345680000,
    5e-324,
    Number.MAX_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
    0.1 + 0.2,
    NaN,
    Infinity,
    -Infinity,
  ),
);

/** Keys a JSON object may have, including those JSON.stringify orders or assigns differently. */
export const oddKey = fc.oneof(
  oddString,
  fc.constantFrom(
    '__proto__',
    '0',
    '1',
    '10',
    '2',
    '01',
    '-1',
    '1.5',
    'a',
    'B',
    'é',
    'toJSON',
    'constructor',
  ),
);

/** Any value: JSON-like trees of odd strings, numbers and keys, with undefined here and there. */
export const { value: oddValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    oddNumber,
    oddString,
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(oddKey, tie('value'), { maxKeys: 6 }),
  ),
}));
