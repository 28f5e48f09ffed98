// A file downloaded in the challenge browser opens in the office viewer's dialog, named as downloaded
// and said to be read-only, in the screen's language.
import { describe, expect, it } from 'vitest';
import { renderHtml, renderScreen, stationStatus } from '../testing/render-screen.tsx';
import { DownloadedFile, DownloadedFileViewer, type DownloadedFileOpened } from './downloaded-file.tsx';

const opened: DownloadedFileOpened = {
  type: 'browserFileOpened',
  viewer: 'spreadsheet',
  url: 'app://station/__sandbox/test-1/downloads/0a1b2c3d-budget.xlsx',
  fileName: 'budget.xlsx',
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

describe('DownloadedFileViewer', () => {
  it('titles the viewer with the file’s name and says it comes from the web page, read-only', () => {
    const fr = renderScreen(<DownloadedFileViewer opened={opened} onClose={() => undefined} />);
    expect(fr).toContain('Fichier téléchargé : budget.xlsx');
    expect(fr).toContain(
      'Ce fichier a été téléchargé depuis la page web du navigateur. Il est en lecture seule : vous pouvez le consulter, mais pas le modifier.',
    );
    expect(fr).toContain('Fermer');
    const en = renderScreen(<DownloadedFileViewer opened={opened} onClose={() => undefined} />, 'en');
    expect(en).toContain('Downloaded file: budget.xlsx');
    expect(en).toContain('This file was downloaded from the web page in the browser. It is read-only');
  });

  it('is the spreadsheet or the document viewer’s dialog, not described by the file’s content', () => {
    const html = renderHtml(
      <DownloadedFileViewer opened={{ ...opened, viewer: 'document' }} onClose={() => undefined} />,
    );
    expect(html).toMatch(/<dialog[^>]*class="dialog viewer viewer-for-document downloaded-file/);
    expect(html).not.toMatch(/<dialog[^>]*aria-describedby/);
  });

  it('shows nothing until the station hands over a file', () => {
    expect(renderHtml(<DownloadedFile />, 'fr', { status: stationStatus() })).toBe('');
  });
});
