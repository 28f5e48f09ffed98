// The challenge Markdown renderer in real Chromium (DOMPurify needs a real DOM): what authors write is
// shown, and nothing that runs code, listens to events or fetches remote content gets through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSanitizerPage, type SanitizerPage } from './harness/sanitizer-page.ts';

/** In the page: what the sanitizer makes of a text, as HTML, and the fields it placed. */
const ENTRY = `import { renderSafeMarkdown } from './renderer/shared/markdown/safe-markdown.ts';
  window.render = (markdown, fields) => {
    const out = renderSafeMarkdown(markdown, {
      fields,
      resolveImage: (src) => (src.startsWith('package:') ? 'https://station.pix.test/sandbox/' + src.slice(8) : null),
      missingImage: (alt) => '(image non affichée' + (alt ? ' : ' + alt : '') + ')',
    });
    const box = document.createElement('div');
    box.append(out.fragment);
    return { html: box.innerHTML, slots: out.slots };
  };`;

let sanitizer: SanitizerPage;

beforeAll(async () => {
  sanitizer = await openSanitizerPage(ENTRY);
});

afterAll(async () => {
  await sanitizer?.close();
});

type Rendered = { html: string; slots: string[] };
const render = (markdown: string, fields: string[] = []): Promise<Rendered> =>
  sanitizer.call<Rendered>('render', markdown, fields);

describe('safe Markdown', () => {
  it('renders what authors write: emphasis, lists, tables, links', async () => {
    const { html } = await render(
      'Un **mot** *important*\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n[site](https://encyclo.pix-demo.test/)',
    );
    expect(html).toContain('<strong>mot</strong>');
    expect(html).toContain('<em>important</em>');
    expect(html).toContain('<li>a</li>');
    expect(html).toContain('<td>2</td>');
    expect(html).toContain('<a href="https://encyclo.pix-demo.test/">site</a>');
  });

  it('drops scripts, event handlers, styles, frames and forms', async () => {
    const { html } = await render(
      'a <script>alert(1)</script> <img src="x" onerror="alert(2)"> <b onclick="alert(3)" style="color:red">b</b> ' +
        '<iframe src="https://evil.example"></iframe> <form action="https://evil.example"><input name="q"></form> ' +
        '<svg onload="alert(4)"></svg> <a href="javascript:alert(5)">c</a> <math><mi xlink:href="javascript:alert(6)">d</mi></math>',
    );
    expect(html).not.toMatch(
      /<script|onerror|onclick|onload|style=|<iframe|<form|<input|<svg|javascript:|<math/i,
    );
    expect(html).toContain('<b>b</b>');
    expect(html).toContain('<a>c</a>');
  });

  it('never fetches a remote image: words say one is missing and what it showed', async () => {
    const { html } = await render(
      '![Carte de France](https://tracker.example/pixel.png) ![Logo](package:abc/logo.svg) ![](https://tracker.example/x.png)',
    );
    expect(html).not.toContain('tracker.example');
    expect(html).toContain('(image non affichée : Carte de France)');
    expect(html).toContain('(image non affichée)');
    expect(html).toContain('<img src="https://station.pix.test/sandbox/abc/logo.svg" alt="Logo">');
  });

  it('places fields only where the challenge declares them', async () => {
    const { html, slots } = await render('Ville : ${ville} et ${inconnu} \uE0009\uE001', ['ville']);
    expect(slots).toEqual(['ville']);
    expect(html).toContain('${inconnu}');
    // A forged slot marker in the text is removed, not turned into a field.
    expect(html.match(/\uE000/g)?.length).toBe(1);
  });
});
