// The rule lives in core: the challenge browser (main process) applies it to downloaded PDFs too.
export { pdfViewerUrl } from '../../../core/lockdown/pdf-viewer-url.ts';
