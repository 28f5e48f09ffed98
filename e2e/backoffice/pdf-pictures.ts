// Pictures of a PDF's pages, drawn by PDF.js in Chromium, so a generated document (the certificate)
// can be looked at like a screen: this machine has no poppler, and headless Chromium has no PDF viewer.
// PDF.js and its standard fonts are served to the page from node_modules on a made-up origin.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from '../harness/renderer-build.ts';

const ORIGIN = 'http://pdf-pictures.test';
const PDFJS = path.join(ROOT, 'node_modules', 'pdfjs-dist');

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.html': 'text/html',
};

const PAGE = `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#888">
<script type="module">
import * as pdfjs from '/pdfjs/build/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs';
window.drawPdf = async (base64, scale) => {
  const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const doc = await pdfjs.getDocument({ data, standardFontDataUrl: '/pdfjs/standard_fonts/' }).promise;
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    canvas.style.display = 'block';
    canvas.style.marginBottom = '8px';
    canvas.dataset.page = String(n);
    document.body.append(canvas);
    await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
  }
  return doc.numPages;
};
window.pdfReady = true;
</script>`;

/** One PNG per page of the PDF (scale 1.5 ≈ 108 dpi), in order. */
export async function pdfPagePictures(browser: Browser, pdf: Uint8Array, scale = 1.5): Promise<Buffer[]> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1400 } });
  try {
    await context.route(`${ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: PAGE });
      if (!url.pathname.startsWith('/pdfjs/')) return route.fulfill({ status: 404 });
      const file = path.join(PDFJS, url.pathname.slice('/pdfjs/'.length));
      if (!file.startsWith(PDFJS + path.sep)) return route.fulfill({ status: 404 });
      try {
        return await route.fulfill({
          contentType: TYPES[path.extname(file)] ?? 'application/octet-stream',
          body: readFileSync(file),
        });
      } catch {
        return route.fulfill({ status: 404 });
      }
    });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => (window as unknown as { pdfReady?: boolean }).pdfReady === true);
    const pages = await page.evaluate(
      ([base64, s]) =>
        (window as unknown as { drawPdf: (data: string, scale: number) => Promise<number> }).drawPdf(
          base64,
          s,
        ),
      [Buffer.from(pdf).toString('base64'), scale] as const,
    );
    const pictures: Buffer[] = [];
    for (let n = 1; n <= pages; n += 1) {
      pictures.push(await page.locator(`canvas[data-page="${n}"]`).screenshot());
    }
    return pictures;
  } finally {
    await context.close();
  }
}
