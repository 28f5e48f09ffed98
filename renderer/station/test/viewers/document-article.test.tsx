// A document's content as the candidate's screen draws it: headings below the dialog's title, tables
// with their headers, images from the file, links as text (no <a>, no address to follow).
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../testing/render-screen.tsx';
import { DocumentArticle } from './document-article.tsx';
import type { DocumentContent } from './document-model.ts';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const text = (t: string) => ({ kind: 'text' as const, text: t });

const content: DocumentContent = {
  truncated: false,
  blocks: [
    { kind: 'heading', level: 1, content: [text('Compte rendu')] },
    {
      kind: 'paragraph',
      content: [
        text('Réunion du '),
        { kind: 'text', text: 'jeudi', bold: true, italic: true },
        { kind: 'break' },
        { kind: 'image', src: PNG, alt: 'Plan' },
        { kind: 'image', src: PNG, alt: '' },
        { kind: 'missingImage', alt: 'Logo' },
        { kind: 'link', url: 'https://college.pix-demo.test/', content: [text('le site')] },
      ],
    },
    { kind: 'list', ordered: true, items: [[{ kind: 'paragraph', content: [text('Un')] }]] },
    {
      kind: 'table',
      rows: [
        [
          {
            header: true,
            colSpan: 1,
            rowSpan: 1,
            blocks: [{ kind: 'paragraph', content: [text('Projet')] }],
          },
          {
            header: true,
            colSpan: 1,
            rowSpan: 1,
            blocks: [{ kind: 'paragraph', content: [text('Budget')] }],
          },
        ],
        [
          {
            header: false,
            colSpan: 2,
            rowSpan: 1,
            blocks: [{ kind: 'paragraph', content: [text('Bancs')] }],
          },
        ],
      ],
    },
  ],
};

describe('the document viewer', () => {
  const html = renderHtml(<DocumentArticle content={content} name="cr.docx" />);

  it('draws headings below the dialog’s title, formatting, lists and tables', () => {
    expect(html).toContain('<article class="viewer-document" aria-label="Contenu du document cr.docx">');
    expect(html).toContain('<h3>Compte rendu</h3>');
    expect(html).toContain('<strong><em>jeudi</em></strong>');
    expect(html).toContain('<ol><li>Un</li></ol>');
    expect(html).toContain('role="region" tabindex="0" aria-label="Tableau 1 du document"');
    expect(html).toContain('<th scope="col">Projet</th>');
    expect(html).toContain('<td colSpan="2">Bancs</td>');
  });

  it('shows the file’s images, words for the others, and links as text only', () => {
    expect(html).toContain(`<img class="document-image" src="${PNG}" alt="Plan"/>`);
    expect(html).toContain('alt="Image du document (sans description)"');
    expect(html).toContain('(image non affichée\u00a0: Logo)');
    expect(html).toContain('le site<span class="document-link-url"> (https://college.pix-demo.test/)</span>');
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toContain('href');
  });

  it('says when a document is empty or was cut', () => {
    expect(renderHtml(<DocumentArticle content={{ blocks: [], truncated: false }} name="x.odt" />)).toContain(
      'Ce fichier est vide.',
    );
    expect(
      renderHtml(
        <DocumentArticle content={{ blocks: content.blocks.slice(0, 1), truncated: true }} name="x.odt" />,
      ),
    ).toContain('la fin n’est pas affichée');
  });
});
