// RFC 8785 canonical JSON (JCS), written fast for plain data. Journal records are hashed this way by
// the thousand on intake, and the reference implementation (the `canonicalize` package) spends most
// of its time on per-string scans, Sets and intermediate arrays. This writer copies the value with its
// object keys sorted and lets the engine's JSON.stringify write it in one pass: for plain data (strings
// that are well-formed Unicode, finite numbers, booleans, null, arrays, objects without integer-like
// keys) that is byte for byte the canonical form, because JSON.stringify writes strings and numbers
// exactly as RFC 8785 asks and keeps the insertion order of such keys. Anything else (lone surrogates,
// NaN, toJSON, bigint, cycles, deep nesting, integer-like or __proto__ keys, sparse arrays) goes to the
// reference implementation, so the output, and the errors, are always `canonicalize`'s;
// canonical-json.test.ts checks it on generated values.
import canonicalize from 'canonicalize';

/** Thrown inside the fast path when the value needs the reference implementation. */
const NOT_PLAIN: unique symbol = Symbol('not plain data');

/** Deeper than any record or package; cycles end here too, and go to the reference implementation. */
const MAX_DEPTH = 64;

/** Keys that JSON.stringify would write first, in numeric order, whatever the insertion order. */
const INTEGER_LIKE_KEY = /^(?:0|[1-9][0-9]*)$/;

/** Assigning this key would set the copy's prototype instead of adding the key. */
const PROTO_KEY = '__proto__';

/** A copy of plain data with each object's keys inserted in sorted (UTF-16 code unit) order. */
export function sortedCopy(value: unknown, depth = 0): unknown {
  switch (typeof value) {
    case 'string':
      if (!value.isWellFormed()) throw NOT_PLAIN;
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw NOT_PLAIN;
      return value;
    case 'boolean':
      return value;
    case 'object': {
      if (value === null) return null;
      if (depth >= MAX_DEPTH) throw NOT_PLAIN;
      if (Array.isArray(value)) {
        const copy: unknown[] = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          // A hole: canonicalize writes nothing there (not even null).
          if (!(i in value)) throw NOT_PLAIN;
          const item: unknown = value[i];
          // As canonicalize (and JSON.stringify): a missing item is null.
          copy[i] = item === undefined || typeof item === 'symbol' ? null : sortedCopy(item, depth + 1);
        }
        return copy;
      }
      const object = value as Record<string, unknown>;
      if (typeof object.toJSON === 'function') throw NOT_PLAIN;
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(object).sort()) {
        const item = object[key];
        if (item === undefined || typeof item === 'symbol') continue;
        if (!key.isWellFormed() || INTEGER_LIKE_KEY.test(key) || key === PROTO_KEY) throw NOT_PLAIN;
        copy[key] = sortedCopy(item, depth + 1);
      }
      return copy;
    }
    default:
      // Functions, bigint, undefined at the top: the reference implementation decides.
      throw NOT_PLAIN;
  }
}

/** `canonicalize`'s answer, with its errors, for what the fast path does not take. */
function reference(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}

/**
 * Writes `build()`'s result as JSON when building succeeds on plain data, or `value` with the
 * reference implementation when it does not. For writers that know a value's shape (journal records).
 */
export function writeCanonical(value: unknown, build: () => unknown): string {
  let copy: unknown;
  try {
    copy = build();
  } catch (error) {
    if (error === NOT_PLAIN) return reference(value);
    throw error;
  }
  return JSON.stringify(copy);
}

/** RFC 8785 canonical JSON of a value; throws where `canonicalize` throws. */
export function canonicalJson(value: unknown): string {
  return writeCanonical(value, () => sortedCopy(value));
}

/** For writers of known shapes: a string field that JSON.stringify writes canonically, or not plain. */
export function plainString(value: unknown): string {
  if (typeof value !== 'string' || !value.isWellFormed()) throw NOT_PLAIN;
  return value;
}

/** For writers of known shapes: a number field that JSON.stringify writes canonically, or not plain. */
export function plainNumber(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw NOT_PLAIN;
  return value;
}
