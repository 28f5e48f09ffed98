// The walk from (sanitized) HTML to the document model, in Node with xmldom: mammoth's HTML for the
// committed .docx, and hostile HTML the walk must neutralize by itself (defence in depth: DOMPurify's
// own pass before it needs a browser and is checked in e2e/office-viewers.e2e.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { DOCX_OPTIONS } from './document-docx.ts';
import { documentFromHtml } from './document-html.ts';
import type { Block } from './document-model.ts';
import { withLinkedImage } from './zip-testing.ts';

const FILES = path.resolve(import.meta.dirname, '../../../../e2e/fixtures/files');
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

function blocks(html: string): Block[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/xml') as unknown as Document;
  return documentFromHtml(doc.documentElement).blocks;
}

describe('a .docx in the document viewer', () => {
  it('keeps the fixture’s heading, bold, italic and underline, list, table and link text', async () => {
    const { value } = await mammoth.convertToHtml(
      { buffer: readFileSync(path.join(FILES, 'conseil-vie-collegienne.docx')) },
      DOCX_OPTIONS,
    );
    const read = blocks(value);
    expect(read.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'list',
      'heading',
      'table',
      'paragraph',
    ]);
    expect(read[0]).toEqual({
      kind: 'heading',
      level: 1,
      content: [{ kind: 'text', text: 'Compte rendu du conseil de vie collégienne' }],
    });
    expect(read[1]?.kind === 'paragraph' && read[1].content).toContainEqual({
      kind: 'text',
      text: 'jeudi 9 janvier',
      bold: true,
    });
    // Mammoth drops underline unless told (styleMap "u => u").
    expect(read[2]?.kind === 'paragraph' && read[2].content).toContainEqual({
      kind: 'text',
      text: 'présente le projet de sa classe',
      underline: true,
    });
    expect(read[4]).toMatchObject({ kind: 'list', ordered: false });
    const table = read[6];
    expect(table?.kind === 'table' && table.rows[0]?.map((c) => c.header)).toEqual([true, true, true]);
    expect(table?.kind === 'table' && table.rows[1]?.[1]?.blocks).toEqual([
      { kind: 'paragraph', content: [{ kind: 'text', text: '320 €' }] },
    ]);
    expect(read[7]?.kind === 'paragraph' && read[7].content).toContainEqual({
      kind: 'link',
      url: 'https://college.pix-demo.test/cvc',
      content: [{ kind: 'text', text: 'le site du collège' }],
    });
  });

  it('marks an image the .docx only links to as not shown, with its description (mammoth would drop it)', async () => {
    const docx = withLinkedImage(
      new Uint8Array(readFileSync(path.join(FILES, 'conseil-vie-collegienne.docx'))),
      'Logo du collège',
      'https://college.pix-demo.test/logo.png',
    );
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) }, DOCX_OPTIONS);
    expect(value).not.toContain('college.pix-demo.test/logo');
    const paragraph = blocks(value)[1];
    expect(paragraph?.kind === 'paragraph' && paragraph.content.at(-1)).toEqual({
      kind: 'missingImage',
      alt: 'Logo du collège',
    });
  });

  it('neutralizes a script, an event handler, a remote image and a javascript: link', () => {
    const read = blocks(
      '<p>Avant<script>alert(1)</script> <img src="x" onerror="alert(2)" alt="piège"/>' +
        '<img src="https://tracker.example/pixel.png" alt="Logo"/>' +
        `<img src="${PNG}" alt="Plan"/><img src="data:text/html;base64,PHNjcmlwdD4=" alt="faux"/>` +
        '<a href="javascript:alert(3)">clic</a> <a href="https://site.example/">site</a></p>' +
        '<style>p{display:none}</style><iframe src="https://evil.example"><p>dans le cadre</p></iframe>',
    );
    expect(read).toEqual([
      {
        kind: 'paragraph',
        content: [
          { kind: 'text', text: 'Avant' },
          { kind: 'text', text: ' ' },
          { kind: 'missingImage', alt: 'piège' },
          { kind: 'missingImage', alt: 'Logo' },
          { kind: 'image', src: PNG, alt: 'Plan' },
          { kind: 'missingImage', alt: 'faux' },
          { kind: 'link', url: null, content: [{ kind: 'text', text: 'clic' }] },
          { kind: 'text', text: ' ' },
          { kind: 'link', url: 'https://site.example/', content: [{ kind: 'text', text: 'site' }] },
        ],
      },
    ]);
    expect(JSON.stringify(read)).not.toMatch(/alert|onerror|tracker|evil|display/);
  });

  it('wraps loose text into paragraphs and reads list items holding nested lists', () => {
    expect(
      blocks('Texte <b>libre</b><ol><li>Un<ul><li>Sous</li></ul></li><li><p>Deux</p></li></ol>'),
    ).toEqual([
      {
        kind: 'paragraph',
        content: [
          { kind: 'text', text: 'Texte ' },
          { kind: 'text', text: 'libre', bold: true },
        ],
      },
      {
        kind: 'list',
        ordered: true,
        items: [
          [
            { kind: 'paragraph', content: [{ kind: 'text', text: 'Un' }] },
            {
              kind: 'list',
              ordered: false,
              items: [[{ kind: 'paragraph', content: [{ kind: 'text', text: 'Sous' }] }]],
            },
          ],
          [{ kind: 'paragraph', content: [{ kind: 'text', text: 'Deux' }] }],
        ],
      },
    ]);
  });

  it('survives a hostile nesting depth', () => {
    const deep = '<ul><li>'.repeat(300) + 'fond' + '</li></ul>'.repeat(300);
    expect(() => blocks(deep)).not.toThrow();
  });
});
