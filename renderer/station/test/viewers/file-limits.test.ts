// The limits checked before a viewer parses a file: its size, and what a zip declares it unpacks to.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxToHtml } from './document-docx.ts';
import { MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, checkFileLimits, zipDeclaredSize } from './file-limits.ts';
import { UnreadableFile } from './unreadable-file.ts';
import { zipClaiming } from './zip-testing.ts';

describe('the limits on what a viewer reads', () => {
  it('adds up the sizes a zip declares, without unpacking', () => {
    const zip = zipSync({ 'a.txt': new Uint8Array(5000), 'b/c.txt': strToU8('bonjour') });
    expect(zipDeclaredSize(zip)).toBe(5007);
    expect(zipDeclaredSize(zipClaiming(3_000_000_000))).toBe(3_000_000_000);
  });

  it('refuses a zip whose directory is damaged or lies about its entries', () => {
    expect(() => zipDeclaredSize(strToU8('PK\u0003\u0004 broken'))).toThrow(UnreadableFile);
    const zip = zipSync({ 'a.txt': strToU8('a') });
    // The end record claims 65,535 entries: the walk stops at the file's end.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint16(zip.length - 22 + 10, 0xffff, true);
    expect(() => zipDeclaredSize(zip)).toThrow(UnreadableFile);
  });

  it('accepts an ordinary file and refuses a too large one or a zip bomb', () => {
    expect(() => checkFileLimits(zipSync({ 'a.txt': new Uint8Array(1000) }))).not.toThrow();
    expect(() => checkFileLimits(new Uint8Array(MAX_FILE_BYTES + 1))).toThrow(UnreadableFile);
    expect(() => checkFileLimits(zipClaiming(MAX_UNZIPPED_BYTES + 1))).toThrow(UnreadableFile);
    // A real one: 110 MB of zeros, a few hundred kilobytes zipped.
    const bomb = zipSync({ 'content.xml': [new Uint8Array(110 * 1024 * 1024), { level: 1 }] });
    expect(bomb.length).toBeLessThan(MAX_FILE_BYTES);
    expect(() => checkFileLimits(bomb)).toThrow(UnreadableFile);
  });
});

describe('the readers check the limits first', () => {
  it('refuses a .docx zip bomb or a too large .docx before mammoth opens it', async () => {
    await expect(docxToHtml(zipClaiming(MAX_UNZIPPED_BYTES + 1))).rejects.toThrow(/too large/);
    const huge = new Uint8Array(MAX_FILE_BYTES + 1);
    huge.set(zipSync({ 'a.txt': strToU8('a') }));
    await expect(docxToHtml(huge)).rejects.toThrow(/too large/);
  });
});
