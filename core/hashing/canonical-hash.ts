// Content hashes that the station and the server compute the same way: SHA-256 over the RFC 8785
// canonical JSON of a value (key order and number formatting fixed), in lower-case hex.
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}

export function sha256Hex(text: string | Uint8Array): string {
  return bytesToHex(sha256(typeof text === 'string' ? utf8ToBytes(text) : text));
}

export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
