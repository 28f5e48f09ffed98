// The question says once how many of its images are not shown (missing-image.ts): that number must be
// the number of « image non affichée » marks the candidate reads. The marks come from the real
// MarkdownView (DOMPurify needs a real DOM: Chromium), rendered here with react-dom/server, and the
// count is compared with them for the texts where a count read from the Markdown alone would differ.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSanitizerPage, type SanitizerPage } from './harness/sanitizer-page.ts';

/** In the page: the marks MarkdownView draws for a text, and the count missing-image.ts gives for it. */
const ENTRY = `import { createElement } from 'react';
  import { renderToStaticMarkup } from 'react-dom/server';
  import { MarkdownView } from './renderer/shared/markdown/markdown-view.tsx';
  import { missingImageCount } from './renderer/station/test/missing-image.ts';
  const HASH = 'a'.repeat(64);
  // Only the package image the station opened is shown, as usePackageImages resolves them.
  const resolveImage = (src) => (src === 'package:' + HASH ? 'https://station.pix.test/sandbox/plan.png' : null);
  const missingImage = (alt) => '(image non affichée' + (alt ? ' : ' + alt : '') + ')';
  window.compare = (markdown) => ({
    html: renderToStaticMarkup(createElement(MarkdownView, { markdown, resolveImage, missingImage })),
    count: missingImageCount([markdown], resolveImage),
  });`;

let sanitizer: SanitizerPage;

beforeAll(async () => {
  sanitizer = await openSanitizerPage(ENTRY);
});

afterAll(async () => {
  await sanitizer?.close();
});

type Compared = { html: string; count: number };
const compare = (markdown: string): Promise<Compared> => sanitizer.call<Compared>('compare', markdown);
const marks = (html: string) => html.split('image non affichée').length - 1;

const HASH = 'a'.repeat(64);
const TEXTS: Record<string, string> = {
  'an image with no address': '![Plan du collège]() et <img alt="Logo">',
  'an image in a tag the sanitizer removes with its content':
    'Avant <noscript><img src="https://x.example/a.png" alt="A"></noscript> <svg><image href="https://x.example/b.png"/></svg>' +
    '\n\n<iframe><img src="https://x.example/c.png" alt="C"></iframe>\n\n<textarea><img src="https://x.example/d.png"></textarea>',
  'an image in a comment or an attribute':
    'Texte <!-- <img src="https://x.example/a.png"> --> <span title="<img src=x>">mot</span>',
  'an image in a tag the sanitizer removes, its content kept':
    '<form><img src="https://x.example/a.png" alt="Affiche"></form>',
  'a data: image':
    '![Schéma](data:image/png;base64,iVBORw0KGgo=) <img src="data:image/png;base64,iVBORw0KGgo=" alt="Pixel">',
  'an image in a link':
    '[![Logo du CDI](https://cdi.example/logo.png)](https://cdi.example/) [<img src="https://x.example/a.png">](https://x.example/)',
  'an <image> tag, which HTML reads as an image':
    'Le plan : <image src="https://x.example/plan.png" alt="Plan">',
  'a package image shown, written as HTML with an entity or a slash': `<img/src="package:${HASH}" alt="Plan"> <img src="package&#58;${HASH}" alt="Plan">`,
  'images in a table and a list, one shown': `| a | b |\n|---|---|\n| ![A](https://x.example/a.png) | ![Plan](package:${HASH}) |\n\n- ![B](https://x.example/b.png)`,
  'an image in code, which is not one': '`![pas une image](x.png)`\n\n    <img src="x.png">',
  'images written as Markdown and as HTML, in a table and a list':
    `Le plan : ![Plan du collège](package:${HASH}). Le logo : ![Logo du CDI](https://cdi.example/logo.png).\n\n` +
    '| Club | Affiche |\n|---|---|\n| Échecs | <img src="https://x.example/a.png" alt="Affiche"> |\n\n' +
    `- ![sans description](package:${'b'.repeat(64)})`,
};

describe('the images of a question not shown', () => {
  for (const [what, markdown] of Object.entries(TEXTS)) {
    it(`are counted as the candidate reads their marks: ${what}`, async () => {
      const { html, count } = await compare(markdown);
      expect(count, html).toBe(marks(html));
    });
  }

  it('are marked at all in these texts (the comparison is not between two zeros)', async () => {
    const counts = await Promise.all(Object.values(TEXTS).map(async (m) => (await compare(m)).count));
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10);
    expect((await compare(TEXTS['a data: image'] ?? '')).count).toBe(2);
    expect((await compare(TEXTS['an image in a link'] ?? '')).count).toBe(2);
    expect(
      (await compare(TEXTS['images written as Markdown and as HTML, in a table and a list'] ?? '')).count,
    ).toBe(3);
    expect((await compare(TEXTS['an image in code, which is not one'] ?? '')).count).toBe(0);
    expect((await compare('Quel jour se réunit le club ?')).count).toBe(0);
  });
});
