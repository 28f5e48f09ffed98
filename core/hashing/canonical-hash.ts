// Content hashes that the station and the server compute the same way: SHA-256 over the RFC 8785
// canonical JSON of a value (key order and number formatting fixed), in lower-case hex.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json.ts';

export { canonicalJson } from './canonical-json.ts';

/**
 * SHA-256 of a text's UTF-8 bytes, in lower-case hex. Core's own (`sha256Hex`) is portable JavaScript;
 * a host with a native one (the server's node:crypto) may pass it where many records are hashed: the
 * result is the same, only faster.
 */
export type Sha256Hex = (text: string) => string;

export function sha256Hex(text: string | Uint8Array): string {
  return bytesToHex(sha256(typeof text === 'string' ? utf8ToBytes(text) : text));
}

export function canonicalHash(value: unknown, sha256Text: Sha256Hex = sha256Hex): string {
  return sha256Text(canonicalJson(value));
}
