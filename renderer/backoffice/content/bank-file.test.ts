import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bankProblems, base64, citedFiles, prepareBank, splitProblem } from './bank-file.ts';

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

  it('splits the server’s refusal into one problem per line', () => {
    expect(
      bankProblems('nothing was imported: challenge 5 (recX): type: bad; challenge 7 (recY): x'),
    ).toEqual(['challenge 5 (recX): type: bad', 'challenge 7 (recY): x']);
  });

  it('names a problem’s challenge by its place in the file, counted from 1', () => {
    expect(splitProblem('challenge 3 (e2eQcm): type: Invalid option')).toEqual({
      challenge: { number: 4, id: 'e2eQcm' },
      detail: 'type: Invalid option',
    });
    expect(splitProblem('content 0: bad bytes')).toEqual({ challenge: null, detail: 'content 0: bad bytes' });
  });

  it('encodes large files in base64 like Node does', () => {
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(base64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});
