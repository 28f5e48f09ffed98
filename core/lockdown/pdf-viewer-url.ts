// Chromium's PDF viewer without its toolbar: its Save and Print buttons open the system's own dialogs,
// which no download handler sees, and a Save dialog browses the station's disk (LOCKDOWN.md). Shared
// by the candidate screen's attachments and the challenge browser's downloaded PDFs.
export function pdfViewerUrl(url: string): string {
  return `${url.split('#')[0] ?? url}#toolbar=0&navpanes=0`;
}
