// Unpredictable strings for codes and passwords, from the platform's secure source
// (crypto.getRandomValues, in Node and browsers). Indexes are drawn by rejection sampling so that
// every character is exactly as likely as the others (no modulo bias).

const UINT32_RANGE = 0x1_0000_0000;

/** Draws 32-bit values in batches: one getRandomValues call usually serves a whole code. */
function uint32Source(expected: number): () => number {
  const buffer = new Uint32Array(Math.max(8, expected + 4));
  let next = buffer.length;
  return () => {
    if (next === buffer.length) {
      crypto.getRandomValues(buffer);
      next = 0;
    }
    return buffer[next++] ?? 0;
  };
}

/** A uniform index in [0, size): values from the biased tail of the 32-bit range are drawn again. */
function uniformIndex(draw: () => number, size: number): number {
  const limit = UINT32_RANGE - (UINT32_RANGE % size);
  for (;;) {
    const value = draw();
    if (value < limit) return value % size;
  }
}

/** The alphabet's characters; they must be distinct, or a repeated one would be more likely. */
function characters(alphabet: string): string[] {
  const chars = Array.from(alphabet);
  if (chars.length === 0) throw new RangeError('the alphabet must not be empty');
  if (new Set(chars).size !== chars.length)
    throw new RangeError(`the alphabet "${alphabet}" repeats a character`);
  return chars;
}

function checkLength(length: number): void {
  if (!Number.isInteger(length) || length < 0)
    throw new RangeError(`the length must be a whole number ≥ 0 (got ${length})`);
}

/** `length` characters drawn independently and uniformly from `alphabet`. */
export function randomString(alphabet: string, length: number): string {
  const chars = characters(alphabet);
  checkLength(length);
  const draw = uint32Source(length);
  let out = '';
  for (let i = 0; i < length; i++) out += chars[uniformIndex(draw, chars.length)];
  return out;
}

/** `length` distinct characters of `alphabet`, uniformly among all such strings (partial Fisher–Yates). */
export function randomDistinctString(alphabet: string, length: number): string {
  const chars = characters(alphabet);
  checkLength(length);
  if (length > chars.length) {
    throw new RangeError(`cannot draw ${length} distinct characters from an alphabet of ${chars.length}`);
  }
  const draw = uint32Source(length);
  for (let i = 0; i < length; i++) {
    const j = i + uniformIndex(draw, chars.length - i);
    const held = chars[i] as string;
    chars[i] = chars[j] as string;
    chars[j] = held;
  }
  return chars.slice(0, length).join('');
}

/** A character class matching exactly the alphabet's characters, for schemas. */
export function characterClass(alphabet: string): string {
  return `[${characters(alphabet)
    .map((c) => c.replace(/[\\\]^[-]/g, '\\$&'))
    .join('')}]`;
}
