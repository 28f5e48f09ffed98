import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../core/challenge/challenge.ts';
import type { TestPackage } from '../../../core/package/test-package.ts';
import type { ServerResult } from '../runtime/ports.ts';
import { testPackage } from '../runtime/runtime-fixtures.ts';
import { tempDataDir } from '../sync/sync-fixtures.ts';
import { AttachmentStore, contentsOf, sha256Of } from './attachment-store.ts';
import { viewerKindOf } from '../../../core/challenge/station-viewers.ts';
import { createAttachmentViewer } from './attachment-viewer.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const pdf = bytes('%PDF-1.4 horaires des bus');
const csv = bytes('ville;habitants\nLyon;522000\n');

function attachment(content: Uint8Array, fileName: string, mediaType: string): Attachment {
  return { hash: sha256Of(content), fileName, mediaType, size: content.length };
}

const horaires = attachment(pdf, 'horaires.pdf', 'application/pdf');
const villes = attachment(csv, 'villes.csv', 'text/csv');

function packageWith(...attachments: Attachment[]): TestPackage {
  const base = testPackage({ count: 3 });
  return {
    ...base,
    challenges: base.challenges.map((c, i) =>
      i === 0 ? { ...c, attachments } : i === 1 ? { ...c, attachments: [horaires] } : c,
    ),
  };
}

/** A store whose server holds `files` (by hash); records each download. */
function storeWith(files: Map<string, Uint8Array>, dataDir = tempDataDir()) {
  const downloads: string[] = [];
  const store = new AttachmentStore({
    dataDir,
    download: async (hash): Promise<ServerResult<Uint8Array>> => {
      downloads.push(hash);
      const file = files.get(hash);
      return file
        ? { ok: true, value: file }
        : { ok: false, kind: 'http', status: 404, code: 'NOT_FOUND', message: 'no such attachment' };
    },
  });
  return { store, downloads, dataDir };
}

describe('the attachment store', () => {
  it('downloads each file of the package once, checks it and keeps it in the test’s sandbox', async () => {
    const { store, downloads, dataDir } = storeWith(
      new Map([
        [horaires.hash, pdf],
        [villes.hash, csv],
      ]),
    );
    const report = await store.downloadAll('test-1', packageWith(horaires, villes));
    expect(report).toEqual({ stored: 2, failed: [] });
    expect(downloads).toEqual([horaires.hash, villes.hash]);
    const file = store.fileOf('test-1', horaires);
    expect(file).toBe(path.join(dataDir, 'sandbox', 'test-1', horaires.hash, 'horaires.pdf'));
    expect(new Uint8Array(readFileSync(file))).toEqual(pdf);
    // Already there and sound: not downloaded again.
    await store.downloadAll('test-1', packageWith(horaires, villes));
    expect(downloads).toHaveLength(2);
  });

  it('refuses a file whose content does not match its hash, and keeps nothing of it', async () => {
    const { store } = storeWith(new Map([[horaires.hash, bytes('not the PDF')]]));
    const report = await store.downloadAll('test-1', packageWith(horaires));
    expect(report.stored).toBe(0);
    expect(report.failed[0]?.message).toMatch(/hashes to/);
    expect(existsSync(store.fileOf('test-1', horaires))).toBe(false);
  });

  it('a missing file never throws: it is reported, and fetched again when the candidate opens it', async () => {
    const files = new Map<string, Uint8Array>();
    const { store, downloads } = storeWith(files);
    const report = await store.downloadAll('test-1', packageWith(villes));
    expect(report.failed).toContainEqual({
      hash: villes.hash,
      fileName: 'villes.csv',
      message: 'no such attachment',
    });
    files.set(villes.hash, csv);
    const opened = await store.ensure('test-1', villes);
    expect(opened).toEqual({ ok: true, value: store.fileOf('test-1', villes) });
    expect(downloads.filter((h) => h === villes.hash)).toHaveLength(2);
  });

  it('a file that cannot be written is reported, not thrown', async () => {
    const { store } = storeWith(new Map([[horaires.hash, pdf]]));
    writeFileSync(store.root, 'a file where the sandbox folder should be');
    const report = await store.downloadAll('test-1', packageWith(horaires));
    expect(report.stored).toBe(0);
    expect(report.failed).toHaveLength(1);
  });

  it('fetches again a stored file that was altered', async () => {
    const { store, downloads } = storeWith(new Map([[horaires.hash, pdf]]));
    await store.ensure('test-1', horaires);
    writeFileSync(store.fileOf('test-1', horaires), 'tampered');
    await store.ensure('test-1', horaires);
    expect(downloads).toHaveLength(2);
    expect(new Uint8Array(readFileSync(store.fileOf('test-1', horaires)))).toEqual(pdf);
  });

  it('opening a file while it downloads waits for that one download', async () => {
    const { store, downloads } = storeWith(new Map([[horaires.hash, pdf]]));
    const [a, b] = await Promise.all([store.ensure('test-1', horaires), store.ensure('test-1', horaires)]);
    expect(a).toEqual(b);
    expect(downloads).toHaveLength(1);
  });

  it('never lets a test id or a file name lead outside the sandbox', () => {
    const { store, dataDir } = storeWith(new Map());
    const sandbox = path.join(dataDir, 'sandbox');
    expect(path.dirname(store.folder('../../etc'))).toBe(sandbox);
    expect(path.basename(store.folder('../../etc'))).toMatch(/^t-[0-9a-f]{32}$/);
    const odd = { ...horaires, fileName: 'a:b*?.pdf' };
    expect(path.basename(store.fileOf('test-1', odd))).toBe('a_b__.pdf');
  });

  it('lists attachments and illustrations of a package, each once', () => {
    const pkg = packageWith(horaires, villes);
    const image = { hash: 'a'.repeat(64), mediaType: 'image/png', alt: 'Un graphique' };
    pkg.challenges[2] = { ...pkg.challenges[2]!, illustration: image };
    expect(contentsOf(pkg).map((c) => c.fileName)).toEqual([
      'horaires.pdf',
      'villes.csv',
      'illustration.png',
    ]);
  });

  it('removes the sandboxes of tests that are gone', async () => {
    const { store } = storeWith(new Map([[horaires.hash, pdf]]));
    await store.ensure('test-1', horaires);
    await store.ensure('test-2', horaires);
    expect(await store.removeAllBut((name) => name === 'test-2')).toEqual(['test-1']);
    expect(existsSync(store.folder('test-1'))).toBe(false);
    expect(existsSync(store.folder('test-2'))).toBe(true);
  });
});

describe('the attachment viewer', () => {
  it.each([
    ['application/pdf', 'pdf'],
    ['image/png', 'image'],
    ['image/svg+xml', 'image'],
    ['text/csv', 'csv'],
    ['text/plain', 'text'],
    ['application/json', 'text'],
    ['application/vnd.oasis.opendocument.spreadsheet', 'spreadsheet'],
    ['application/msword', null],
  ])('shows %s with the %s viewer', (mediaType, kind) => {
    expect(viewerKindOf(mediaType)).toBe(kind);
  });

  it('opens a stored file through the station’s URL mapping', async () => {
    const { store } = storeWith(new Map([[villes.hash, csv]]));
    const viewer = createAttachmentViewer({
      store,
      attachmentUrl: (file) => `app://station/files/${path.basename(file)}`,
    });
    expect(await viewer.open('test-1', villes)).toEqual({
      ok: true,
      value: { viewer: 'csv', url: 'app://station/files/villes.csv' },
    });
  });

  it('tells the candidate what to do when a file cannot be opened', async () => {
    const { store } = storeWith(new Map());
    const viewer = createAttachmentViewer({ store, attachmentUrl: () => 'x' });
    const missing = await viewer.open('test-1', villes);
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ATTACHMENT', message: expect.stringMatching(/signalez un problème/) },
    });
    const spreadsheet = await viewer.open('test-1', { ...villes, mediaType: 'application/vnd.ms-excel' });
    expect(spreadsheet).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ATTACHMENT' } });
  });
});
