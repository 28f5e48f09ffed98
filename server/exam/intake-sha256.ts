// The server's SHA-256 for intake: node:crypto's one-shot hash, native, where core's portable one is
// pure JavaScript. Core takes it as a parameter (bundle hash, journal chain): same result, faster.
import { hash } from 'node:crypto';
import type { Sha256Hex } from '../../core/hashing/canonical-hash.ts';

export const nativeSha256Hex: Sha256Hex = (text) => hash('sha256', text, 'hex');
