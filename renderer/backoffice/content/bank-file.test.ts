import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64, citedFiles, prepareBank } from './bank-file.ts';

const pdf = new TextEncoder().encode('%PDF-1.4 règlement');
const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const bank = [
  {
    id: 'recA',
    attachments: [
      { hash: hashOf(pdf), fileName: 'reglement.pdf', mediaType: 'application/pdf', size: pdf.length },
    ],
  },
  { id: 'recB', attachments: [], illustration: { hash: hashOf(svg), mediaType: 'image/svg+xml', alt: 'x' } },
  {
    id: 'recC',
    attachments: [{ hash: hashOf(pdf), fileName: 'reglement.pdf', mediaType: 'application/pdf', size: 1 }],
  },
];

describe('preparing a bank import', () => {
  it('lists each cited file once', () => {
    expect(citedFiles(bank).map((c) => c.fileName)).toEqual(['reglement.pdf', 'recB (illustration)']);
  });

  it('matches the selected files to the bank by their bytes, leaves out the others, lists the missing', () => {
    const other = new TextEncoder().encode('not cited');
    const prepared = prepareBank(JSON.stringify(bank), [
      { name: 'renamed.pdf', type: '', bytes: pdf },
      { name: 'notes.txt', type: 'text/plain', bytes: other },
    ]);
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.attached).toBe(1);
    expect(prepared.body.content).toEqual([
      { hash: hashOf(pdf), mediaType: 'application/pdf', base64: Buffer.from(pdf).toString('base64') },
    ]);
    expect(prepared.missing.map((m) => m.hash)).toEqual([hashOf(svg)]);
  });

  it('keeps the files a { challenges, content } bank already carries', () => {
    const carried = { hash: hashOf(svg), mediaType: 'image/svg+xml', base64: base64(svg) };
    const prepared = prepareBank(JSON.stringify({ challenges: bank, content: [carried] }), []);
    expect(prepared.ok && prepared.body.content).toEqual([carried]);
    expect(prepared.ok && prepared.missing.map((m) => m.fileName)).toEqual(['reglement.pdf']);
  });

  it('refuses what is not a bank', () => {
    expect(prepareBank('{ oops', [])).toMatchObject({ ok: false, problem: 'notJson' });
    expect(prepareBank('{"profiles": []}', [])).toMatchObject({ ok: false, problem: 'shape' });
    expect(prepareBank('[]', [])).toMatchObject({ ok: false, problem: 'shape' });
  });

  it('encodes large files in base64 like Node does', () => {
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(base64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});
