import { describe, expect, it } from 'vitest';
import { canonicalHash, canonicalJson, sha256Hex } from './canonical-hash.ts';

describe('canonical hashing', () => {
  it('hashes SHA-256 in lower-case hex (known vector)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'é' } })).toBe('{"a":{"c":"é","d":[1,2]},"b":1}');
    expect(canonicalHash({ b: 1, a: 2 })).toBe(canonicalHash({ a: 2, b: 1 }));
  });
  it('changes when any value changes', () => {
    expect(canonicalHash({ a: 1 })).not.toBe(canonicalHash({ a: 2 }));
  });
  it('refuses a value without JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
