// A file downloaded in the challenge browser is offered by a notice, and opens in the office viewer's
// dialog only when the candidate asks; named as downloaded, said to be read-only, in the screen's
// language. What the screen does with the station's events (a second file, a pause) is the reducer's;
// the notice, the dialog and the focus in a real browser are proven in e2e/browser-downloads.e2e.ts.
import { describe, expect, it } from 'vitest';
import { renderHtml, renderScreen } from '../testing/render-screen.tsx';
import {
  downloadedFiles,
  DownloadedFileNotice,
  DownloadedFileViewer,
  NO_DOWNLOADED_FILE,
  type DownloadedFileOpened,
} from './downloaded-file.tsx';
import { Unreadable, UnreadableMessage } from './viewers/viewer-messages.tsx';

const opened: DownloadedFileOpened = {
  type: 'browserFileOpened',
  viewer: 'spreadsheet',
  url: 'app://station/__sandbox/test-1/downloads/0a1b2c3d-budget.xlsx',
  fileName: 'budget.xlsx',
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const second: DownloadedFileOpened = {
  type: 'browserFileOpened',
  viewer: 'document',
  url: 'app://station/__sandbox/test-1/downloads/4e5f6a7b-compte-rendu.docx',
  fileName: 'compte-rendu.docx',
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

describe('DownloadedFileNotice', () => {
  it('names the file and offers to open or close, both tied to the name, in both languages', () => {
    const html = renderHtml(
      <DownloadedFileNotice file={opened} onOpen={() => undefined} onDismiss={() => undefined} />,
    );
    const title = /<p id="([^"]+)" class="notice-title">Fichier téléchargé : budget.xlsx<\/p>/.exec(html);
    expect(title).not.toBeNull();
    expect(html).toContain(`aria-describedby="${title?.[1]}">Ouvrir le fichier</button>`);
    expect(html).toContain(`aria-describedby="${title?.[1]}">Fermer</button>`);
    // A notice, not a dialog: nothing over the page, nothing that takes the keyboard.
    expect(html).not.toContain('<dialog');
    expect(html).not.toContain('autofocus');
    const en = renderScreen(
      <DownloadedFileNotice file={opened} onOpen={() => undefined} onDismiss={() => undefined} />,
      'en',
    );
    expect(en).toContain('Downloaded file: budget.xlsx Open the file Close');
  });
});

describe('the downloaded files the screen offers', () => {
  const downloaded = (file: DownloadedFileOpened, inProgress = true) =>
    ({ type: 'downloaded', file, inProgress }) as const;

  it('offers a file without opening it; the viewer opens only when asked', () => {
    const offered = downloadedFiles(NO_DOWNLOADED_FILE, downloaded(opened));
    expect(offered).toEqual({ notice: opened, viewing: null });
    expect(downloadedFiles(offered, { type: 'open' })).toEqual({ notice: opened, viewing: opened });
    // Closing the viewer leaves the notice, to open the file again.
    const closed = downloadedFiles(downloadedFiles(offered, { type: 'open' }), { type: 'closeViewer' });
    expect(closed).toEqual({ notice: opened, viewing: null });
    expect(downloadedFiles(NO_DOWNLOADED_FILE, { type: 'open' })).toEqual(NO_DOWNLOADED_FILE);
  });

  it('replaces the notice with a second file, leaving an open viewer on what is being read', () => {
    const reading = downloadedFiles(downloadedFiles(NO_DOWNLOADED_FILE, downloaded(opened)), {
      type: 'open',
    });
    expect(downloadedFiles(reading, downloaded(second))).toEqual({ notice: second, viewing: opened });
    const offered = downloadedFiles(NO_DOWNLOADED_FILE, downloaded(opened));
    expect(downloadedFiles(offered, downloaded(second))).toEqual({ notice: second, viewing: null });
  });

  it('offers nothing that arrives during a pause, and a pause or « Fermer » takes all away', () => {
    expect(downloadedFiles(NO_DOWNLOADED_FILE, downloaded(opened, false))).toEqual(NO_DOWNLOADED_FILE);
    const reading = downloadedFiles(downloadedFiles(NO_DOWNLOADED_FILE, downloaded(opened)), {
      type: 'open',
    });
    expect(downloadedFiles(reading, { type: 'paused' })).toEqual(NO_DOWNLOADED_FILE);
    expect(downloadedFiles(reading, { type: 'dismiss' })).toEqual(NO_DOWNLOADED_FILE);
  });
});

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

  it('says a web site’s file it cannot read has another version to find, not a problem to report', () => {
    // What OfficeViewer's unreadableMessage gives its viewers, against the attachments' own words.
    const attachment = renderScreen(<Unreadable />);
    expect(attachment).toContain('Signaler un problème');
    const downloaded = renderScreen(
      <UnreadableMessage.Provider value="Ce fichier ne peut pas être lu sur ce poste.">
        <Unreadable />
      </UnreadableMessage.Provider>,
    );
    expect(downloaded).toBe('Ce fichier ne peut pas être lu sur ce poste.');
  });
});
