import { describe, expect, it } from 'vitest';
import { pdfViewerUrl } from './pdf-viewer-url.ts';

describe('pdfViewerUrl', () => {
  it('opens the PDF without the viewer’s toolbar (no Save or Print dialog)', () => {
    expect(pdfViewerUrl('app://station/__sandbox/t1/reglement.pdf')).toBe(
      'app://station/__sandbox/t1/reglement.pdf#toolbar=0&navpanes=0',
    );
  });

  it('replaces a fragment the address already had', () => {
    expect(pdfViewerUrl('blob:app://station/abc#page=2')).toBe('blob:app://station/abc#toolbar=0&navpanes=0');
  });
});
