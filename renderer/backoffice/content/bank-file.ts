// Preparing a bank import in the browser: the bank file (a list of challenges, or { challenges,
// content } with the files already inside) and the attachment files the referent selected, each
// matched to the challenges by the SHA-256 of its bytes (how the bank names files). Files the bank
// does not cite are left out; cited files not selected are listed (the server may have them already).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export interface SelectedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface CitedFile {
  hash: string;
  fileName: string;
  mediaType: string;
}

export type PreparedBank =
  | {
      ok: true;
      body: { challenges: unknown[]; content: { hash: string; mediaType: string; base64: string }[] };
      missing: CitedFile[];
      attached: number;
    }
  | { ok: false; problem: 'notJson' | 'shape'; detail: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The files each challenge cites (attachments and illustration), once per hash. */
export function citedFiles(challenges: readonly unknown[]): CitedFile[] {
  const found = new Map<string, CitedFile>();
  for (const challenge of challenges) {
    if (!isRecord(challenge)) continue;
    const attachments = Array.isArray(challenge.attachments) ? challenge.attachments : [];
    for (const a of attachments) {
      if (isRecord(a) && typeof a.hash === 'string' && !found.has(a.hash)) {
        found.set(a.hash, {
          hash: a.hash,
          fileName: typeof a.fileName === 'string' ? a.fileName : a.hash.slice(0, 12),
          mediaType: typeof a.mediaType === 'string' ? a.mediaType : 'application/octet-stream',
        });
      }
    }
    const illustration = challenge.illustration;
    if (isRecord(illustration) && typeof illustration.hash === 'string' && !found.has(illustration.hash)) {
      found.set(illustration.hash, {
        hash: illustration.hash,
        fileName: `${String(challenge.id ?? '')} (illustration)`,
        mediaType: typeof illustration.mediaType === 'string' ? illustration.mediaType : 'image/png',
      });
    }
  }
  return [...found.values()];
}

export function base64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export function prepareBank(text: string, files: readonly SelectedFile[]): PreparedBank {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problem: 'notJson', detail: error instanceof Error ? error.message : String(error) };
  }
  let challenges: unknown[];
  let content: { hash: string; mediaType: string; base64: string }[] = [];
  if (Array.isArray(data)) challenges = data;
  else if (isRecord(data) && Array.isArray(data.challenges)) {
    challenges = data.challenges;
    if (Array.isArray(data.content)) content = data.content as typeof content;
  } else return { ok: false, problem: 'shape', detail: '' };
  if (challenges.length === 0) return { ok: false, problem: 'shape', detail: '' };

  const cited = citedFiles(challenges);
  const inFile = new Set(content.map((c) => (isRecord(c) && typeof c.hash === 'string' ? c.hash : '')));
  const byHash = new Map(cited.map((c) => [c.hash, c]));
  let attached = 0;
  for (const file of files) {
    const hash = bytesToHex(sha256(file.bytes));
    const wanted = byHash.get(hash);
    if (!wanted || inFile.has(hash)) continue;
    content.push({ hash, mediaType: wanted.mediaType || file.type, base64: base64(file.bytes) });
    inFile.add(hash);
    attached += 1;
  }
  return {
    ok: true,
    body: { challenges, content },
    missing: cited.filter((c) => !inFile.has(c.hash)),
    attached,
  };
}
