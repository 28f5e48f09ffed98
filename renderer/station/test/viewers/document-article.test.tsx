// A document's content as the candidate's screen draws it: headings below the dialog's title, tables
// with their headers, images from the file, links as text (no <a>, no address to follow).
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../testing/render-screen.tsx';
import { DocumentArticle } from './document-article.tsx';
import type { DocumentContent } from './document-model.ts';
import { MissingImagesAdvice } from './viewer-messages.tsx';

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

  it('says once, above the text, what to do about the images it does not show, each marked briefly', () => {
    const note =
      'Une image de ce document n’est pas affichée. Si elle vous manque pour répondre, fermez cette fenêtre et cliquez sur «\u202fSignaler un problème\u202f».';
    expect(html).toContain(
      `<div class="notice notice-info" data-testid="document-missing-images"><p>${note}</p></div>`,
    );
    expect(html.indexOf(note)).toBeLessThan(html.indexOf('Compte rendu'));
    expect(html).toContain('<span class="muted"> (image non affichée\u00a0: Logo) </span>');
    // Two more, in a list item and in a table cell: one note, the count in it.
    const missing = (alt: string) => ({
      kind: 'paragraph' as const,
      content: [{ kind: 'missingImage' as const, alt }],
    });
    const more: DocumentContent = {
      truncated: false,
      blocks: [
        ...content.blocks,
        { kind: 'list', ordered: false, items: [[missing('Affiche')]] },
        { kind: 'table', rows: [[{ header: false, colSpan: 1, rowSpan: 1, blocks: [missing('')] }]] },
      ],
    };
    const three = renderHtml(<DocumentArticle content={more} name="cr.docx" />);
    expect(three.split('data-testid="document-missing-images"')).toHaveLength(2);
    expect(three).toContain('3 images de ce document ne sont pas affichées. Si l’une d’elles vous manque');
    expect(three).toContain('(image non affichée\u00a0: Affiche)');
    expect(three).toContain('(image non affichée)');
    expect(renderHtml(<DocumentArticle content={more} name="cr.docx" />, 'en')).toContain(
      '3 images of this document are not shown. If you need one of them to answer, close this window and click “Report a problem”.',
    );
  });

  it('does not send the candidate to « Signaler un problème » while a report of the question is pending', () => {
    const reported = (language: 'fr' | 'en') =>
      renderHtml(
        <MissingImagesAdvice.Provider value="reported">
          <DocumentArticle content={content} name="cr.docx" />
        </MissingImagesAdvice.Provider>,
        language,
      );
    expect(reported('fr')).toContain(
      '<p>Une image de ce document n’est pas affichée. Vous avez signalé un problème\u00a0: quand le surveillant viendra vous voir, dites-lui si elle vous manque pour répondre.</p>',
    );
    expect(reported('fr')).not.toContain('Signaler un problème');
    expect(reported('en')).toContain(
      'An image of this document is not shown. You have reported a problem: when the invigilator comes to see you, tell them if you need it to answer.',
    );
    expect(reported('en')).not.toContain('Report a problem');
  });

  it('says nothing of images when all are shown, nor what to do in a web site’s file', () => {
    const shown = { truncated: false, blocks: content.blocks.slice(0, 1) };
    expect(renderHtml(<DocumentArticle content={shown} name="x.odt" />)).not.toContain(
      'document-missing-images',
    );
    const fromTheWeb = renderHtml(
      <MissingImagesAdvice.Provider value={null}>
        <DocumentArticle content={content} name="page.docx" />
      </MissingImagesAdvice.Provider>,
    );
    expect(fromTheWeb).not.toContain('document-missing-images');
    expect(fromTheWeb).toContain('(image non affichée\u00a0: Logo)');
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
