// The ODT reader on the committed fixture and on small files built here; XML parsed by xmldom (Node
// has no DOMParser; the screens use the browser's, checked in e2e/office-viewers.e2e.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_UNZIPPED_BYTES } from './file-limits.ts';
import { MAX_NODES, type Block, type DocumentContent } from './document-model.ts';
import { readOdt, type ParseXml } from './document-odt.ts';
import { UnreadableFile } from './unreadable-file.ts';
import { zipClaiming } from './zip-testing.ts';

const FILES = path.resolve(import.meta.dirname, '../../../../e2e/fixtures/files');
const parseXml: ParseXml = (xml) =>
  new DOMParser({
    errorHandler: {
      error: (message: string) => {
        throw new Error(message);
      },
      fatalError: (message: string) => {
        throw new Error(message);
      },
    },
  }).parseFromString(xml, 'text/xml') as unknown as Document;

const NAMESPACES =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" ' +
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" ' +
  'xmlns:xlink="http://www.w3.org/1999/xlink"';

function odt(
  body: string,
  options: { styles?: string; files?: Record<string, Uint8Array>; manifest?: string } = {},
) {
  return zipSync({
    mimetype: strToU8('application/vnd.oasis.opendocument.text'),
    'content.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NAMESPACES}>` +
        `<office:automatic-styles>${options.styles ?? ''}</office:automatic-styles>` +
        `<office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    ),
    ...(options.manifest ? { 'META-INF/manifest.xml': strToU8(options.manifest) } : {}),
    ...options.files,
  });
}

const read = (bytes: Uint8Array): DocumentContent => readOdt(bytes, parseXml);
const blocksOf = (body: string, options?: Parameters<typeof odt>[1]): Block[] =>
  read(odt(body, options)).blocks;

describe('reading an OpenDocument text', () => {
  it('reads the fixture: headings, bold, italic and underline, a numbered list, a table with its header row, a link', () => {
    const { blocks, truncated } = read(new Uint8Array(readFileSync(path.join(FILES, 'lettre-sortie.odt'))));
    expect(truncated).toBe(false);
    expect(blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'list',
      'heading',
      'table',
      'paragraph',
    ]);
    expect(blocks[0]).toEqual({
      kind: 'heading',
      level: 1,
      content: [{ kind: 'text', text: 'Sortie au musée des sciences' }],
    });
    const letter = blocks[1];
    expect(letter?.kind === 'paragraph' && letter.content).toContainEqual({
      kind: 'text',
      text: 'mardi 4 février',
      bold: true,
    });
    expect(letter?.kind === 'paragraph' && letter.content).toContainEqual({
      kind: 'text',
      text: 'e',
      italic: true,
    });
    // <text:s/> keeps the spaces of "8 h 15".
    expect(
      letter?.kind === 'paragraph' && letter.content.map((i) => (i.kind === 'text' ? i.text : '')).join(''),
    ).toContain('à 8 h 15 devant');
    expect(blocks[2]?.kind === 'paragraph' && blocks[2].content).toContainEqual({
      kind: 'text',
      text: 'à 16 h 30',
      underline: true,
    });
    const list = blocks[4];
    expect(list).toMatchObject({ kind: 'list', ordered: true });
    expect(list?.kind === 'list' && list.items).toHaveLength(3);
    const table = blocks[6];
    expect(table?.kind === 'table' && table.rows.map((row) => row.map((c) => c.header))).toEqual([
      [true, true],
      [false, false],
      [false, false],
      [false, false],
    ]);
    expect(blocks[7]?.kind === 'paragraph' && blocks[7].content).toContainEqual({
      kind: 'link',
      url: 'https://college.pix-demo.test/sorties',
      content: [{ kind: 'text', text: 'le site du collège' }],
    });
  });

  it('takes bold from a style’s parent, bullets from the list style, and keeps nested lists', () => {
    const styles =
      '<style:style style:name="Fort" style:family="text"><style:text-properties fo:font-weight="700"/></style:style>' +
      '<style:style style:name="T9" style:family="text" style:parent-style-name="Fort"/>' +
      '<style:style style:name="Exp" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>' +
      '<text:list-style style:name="L2"><text:list-level-style-bullet text:level="1"/><text:list-level-style-number text:level="2"/></text:list-style>';
    const blocks = blocksOf(
      '<text:p>1<text:span text:style-name="Exp">er</text:span> <text:span text:style-name="T9">prix</text:span></text:p>' +
        '<text:list text:style-name="L2"><text:list-item><text:p>Fruits</text:p>' +
        '<text:list><text:list-item><text:p>Pomme</text:p></text:list-item></text:list></text:list-item></text:list>',
      { styles },
    );
    expect(blocks[0]).toEqual({
      kind: 'paragraph',
      content: [
        { kind: 'text', text: '1' },
        { kind: 'text', text: 'er', script: 'sup' },
        { kind: 'text', text: ' ' },
        { kind: 'text', text: 'prix', bold: true },
      ],
    });
    expect(blocks[1]).toEqual({
      kind: 'list',
      ordered: false,
      items: [
        [
          { kind: 'paragraph', content: [{ kind: 'text', text: 'Fruits' }] },
          {
            kind: 'list',
            ordered: true,
            items: [[{ kind: 'paragraph', content: [{ kind: 'text', text: 'Pomme' }] }]],
          },
        ],
      ],
    });
  });

  it('shows images the file carries, never a linked one, and puts footnotes after the text', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const blocks = blocksOf(
      '<text:p>Plan<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>' +
        '<text:note-body><text:p>Dessiné par la 5e B.</text:p></text:note-body></text:note>' +
        '<draw:frame><svg:title>Plan du collège</svg:title><draw:image xlink:href="Pictures/plan.png"/></draw:frame>' +
        '<draw:frame><svg:desc>Logo</svg:desc><draw:image xlink:href="https://tracker.example/logo.png"/></draw:frame>' +
        '<draw:frame><draw:image xlink:href="../secret.png"/></draw:frame></text:p>',
      { files: { 'Pictures/plan.png': png } },
    );
    expect(blocks[0]).toEqual({
      kind: 'paragraph',
      content: [
        { kind: 'text', text: 'Plan' },
        { kind: 'text', text: '1', script: 'sup' },
        {
          kind: 'image',
          src: `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
          alt: 'Plan du collège',
        },
        { kind: 'missingImage', alt: 'Logo' },
        { kind: 'missingImage', alt: '' },
      ],
    });
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      content: [
        { kind: 'text', text: '1. ' },
        { kind: 'text', text: 'Dessiné par la 5e B.' },
      ],
    });
  });

  it('leaves out comments, change tracking and empty paragraphs; spans and repeats table cells', () => {
    const blocks = blocksOf(
      '<text:tracked-changes><text:changed-region><text:p>supprimé</text:p></text:changed-region></text:tracked-changes>' +
        '<text:p><office:annotation><text:p>commentaire</text:p></office:annotation>Texte</text:p><text:p> </text:p>' +
        '<text:section><table:table><table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>A</text:p></table:table-cell>' +
        '<table:covered-table-cell/></table:table-row><table:table-row table:number-rows-repeated="2">' +
        '<table:table-cell table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell></table:table-row></table:table></text:section>',
    );
    expect(blocks[0]).toEqual({ kind: 'paragraph', content: [{ kind: 'text', text: 'Texte' }] });
    expect(blocks[1]?.kind === 'table' && blocks[1].rows.map((r) => r.map((c) => c.colSpan))).toEqual([
      [2],
      [1, 1],
      [1, 1],
    ]);
    expect(blocks).toHaveLength(2);
  });

  it('counts repeated rows and cells against the reading budget (no blow-up from a tiny file)', () => {
    // Each level draws 100 rows of 50 copies of the level below: 5,000³ cells from a few hundred bytes.
    let cell = '<text:p>x</text:p>';
    for (let level = 0; level < 3; level += 1) {
      cell =
        '<table:table><table:table-row table:number-rows-repeated="100">' +
        `<table:table-cell table:number-columns-repeated="50">${cell}</table:table-cell>` +
        '</table:table-row></table:table>';
    }
    const { blocks, truncated } = read(odt(cell));
    expect(truncated).toBe(true);
    // What would be drawn (counted up to a bound): no more than the budget allows.
    let drawn = 0;
    const count = (list: Block[]) => {
      for (const block of list) {
        if (drawn > 1_000_000 || block.kind !== 'table') continue;
        for (const row of block.rows)
          for (const c of row) {
            drawn += 1;
            count(c.blocks);
          }
      }
    };
    count(blocks);
    expect(drawn).toBeLessThanOrEqual(MAX_NODES);
  });

  it('refuses a zip bomb before unpacking it', () => {
    const bomb = zipClaiming(MAX_UNZIPPED_BYTES + 1, { 'content.xml': strToU8('<a/>') });
    expect(() => read(bomb)).toThrow(/too large/);
  });

  it('stops at a sane depth on a hostile nesting, without crashing', () => {
    const deep = '<text:section>'.repeat(500) + '<text:p>fond</text:p>' + '</text:section>'.repeat(500);
    expect(() => blocksOf(deep)).not.toThrow();
  });

  it.each([
    ['not a zip', new TextEncoder().encode('bonjour')],
    ['a zip without content.xml', zipSync({ 'autre.xml': strToU8('<a/>') })],
    ['broken XML', zipSync({ 'content.xml': strToU8('<office:document-content><oops') })],
    [
      'a password-protected file',
      odt('<text:p>x</text:p>', {
        manifest:
          '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>',
      }),
    ],
    [
      'a spreadsheet (no office:text)',
      zipSync({
        'content.xml': strToU8(
          `<office:document-content ${NAMESPACES}><office:body><office:spreadsheet/></office:body></office:document-content>`,
        ),
      }),
    ],
  ])('refuses %s as unreadable', (_, bytes) => {
    expect(() => read(bytes)).toThrow(UnreadableFile);
  });
});
