// A file downloaded in the challenge browser is offered by a notice, and opens in the office viewer's
// dialog only when the candidate asks; named as downloaded, said to be read-only, in the screen's
// language, its name isolated from the sentence. What the screen keeps of the station's events (a
// second file, a pause, the next question) is the store's (station-store.test.ts); the notice's place,
// the dialog and the focus in a real browser are proven in e2e/browser-downloads.e2e.ts.
import { describe, expect, it } from 'vitest';
import { renderHtml as renderRawHtml, renderScreen as renderRawScreen } from '../testing/render-screen.tsx';
import {
  DownloadedFileNotice,
  DownloadedFileViewer,
  isOfficeFile,
  SentenceWithName,
  type DownloadedFileOpened,
} from './downloaded-file.tsx';
import { SHOWN_NAME_MAX, shortenedFileName } from './shortened-file-name.ts';
import { Unreadable, UnreadableMessage } from './viewers/viewer-messages.tsx';

/** French typography's no-break spaces (before « : ») as plain spaces: these tests are about names. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const renderHtml = (...args: Parameters<typeof renderRawHtml>) => plainSpaces(renderRawHtml(...args));
const renderScreen = (...args: Parameters<typeof renderRawScreen>) => plainSpaces(renderRawScreen(...args));

const opened: DownloadedFileOpened = {
  type: 'browserFileOpened',
  viewer: 'spreadsheet',
  url: 'app://station/__sandbox/test-1/downloads/0a1b2c3d-budget.xlsx',
  fileName: 'budget.xlsx',
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

describe('DownloadedFileNotice', () => {
  it('names the file and offers to open or close, both tied to the name, in both languages', () => {
    const html = renderHtml(
      <DownloadedFileNotice file={opened} onOpen={() => undefined} onDismiss={() => undefined} />,
    );
    const title =
      /<p id="([^"]+)" class="notice-title">Fichier téléchargé : <bdi class="file-name">budget.xlsx<\/bdi><\/p>/.exec(
        html,
      );
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

describe('a file’s name in a sentence', () => {
  const sentence = (language: 'fr' | 'en', name: string) =>
    renderHtml(
      <DownloadedFileNotice
        file={{ ...opened, fileName: name }}
        onOpen={() => undefined}
        onDismiss={() => undefined}
      />,
      language,
    );

  it('isolates the name in <bdi>, where the sentence puts it, in both languages', () => {
    expect(sentence('fr', 'budget.xlsx')).toContain(
      'class="notice-title">Fichier téléchargé : <bdi class="file-name">budget.xlsx</bdi></p>',
    );
    expect(sentence('en', 'budget.xlsx')).toContain(
      'class="notice-title">Downloaded file: <bdi class="file-name">budget.xlsx</bdi></p>',
    );
    // A right-to-left name stays inside its <bdi>, the French sentence around it untouched.
    expect(sentence('fr', 'ميزانية.xlsx')).toContain(
      'Fichier téléchargé : <bdi class="file-name">ميزانية.xlsx</bdi>',
    );
  });

  it('never reads a site’s name as markup or as a placeholder', () => {
    const html = sentence('fr', '<b>{{name}}</b>$&.xlsx');
    expect(html).toContain(
      'Fichier téléchargé : <bdi class="file-name">&lt;b&gt;{{name}}&lt;/b&gt;$&amp;.xlsx</bdi>',
    );
    expect(html).not.toContain('<b>');
  });

  it('puts the name after a sentence that has no place for it', () => {
    expect(renderHtml(<SentenceWithName sentence={() => 'Fichier téléchargé'} name="budget.xlsx" />)).toBe(
      'Fichier téléchargé <bdi class="file-name">budget.xlsx</bdi>',
    );
  });
});

describe('a long file name in a notice', () => {
  // 250 characters without a space, as some sites name their exports, and the extension.
  const long = `${'inscriptionsclubinformatique'.repeat(9).slice(0, 250)}.xlsx`;
  const notice = (fileName: string, language: 'fr' | 'en' = 'fr') =>
    renderHtml(
      <DownloadedFileNotice
        file={{ ...opened, fileName }}
        onOpen={() => undefined}
        onDismiss={() => undefined}
      />,
      language,
    );

  it('is shown cut in its middle, its start and its extension in view, whole on hover', () => {
    const html = notice(long);
    const shown = /<span aria-hidden="true" title="([^"]+)">([^<]+)<\/span>/.exec(html);
    expect(shown?.[1]).toBe(long);
    expect(shown?.[2]).toBe(shortenedFileName(long));
    expect(shown?.[2]).toBe('inscriptionsclubinformatique…clubinformatiq.xlsx');
    expect(Array.from(shown?.[2] ?? '')).toHaveLength(SHOWN_NAME_MAX);
  });

  it('is said whole, once, to screen readers: the shortened part is hidden from them', () => {
    const html = notice(long);
    expect(html).toContain(
      `Fichier téléchargé : <bdi class="file-name"><span aria-hidden="true" title="${long}">` +
        `${shortenedFileName(long)}</span><span class="visually-hidden">${long}</span></bdi></p>`,
    );
    // Out of the hidden part and the tooltip, the whole name is written once.
    const read = html.replace(/<span aria-hidden="true"[^>]*>[^<]*<\/span>/g, '');
    expect(read.split(long)).toHaveLength(2);
    // In English too, in the sentence's place for it.
    expect(notice(long, 'en')).toContain(`Downloaded file: <bdi class="file-name"><span aria-hidden="true"`);
  });

  it('is shown whole when asked (the keyboard in the notice), and a short one is never cut', () => {
    expect(renderHtml(<SentenceWithName sentence={(name) => `Fichier : ${name}`} name={long} whole />)).toBe(
      `Fichier : <bdi class="file-name">${long}</bdi>`,
    );
    expect(notice('budget-sortie.xlsx')).toContain('<bdi class="file-name">budget-sortie.xlsx</bdi>');
    expect(notice('budget-sortie.xlsx')).not.toContain('aria-hidden');
  });
});

describe('a PDF, an image or a text a page downloaded by itself', () => {
  it('is offered by the same notice, in both languages', () => {
    const text: DownloadedFileOpened = {
      type: 'browserFileOpened',
      viewer: 'text',
      url: 'pix-download://0a1b2c3d4e5f60718293a4b5c6d7e8f9/consignes.txt',
      fileName: 'consignes.txt',
    };
    expect(isOfficeFile(text)).toBe(false);
    expect(isOfficeFile(opened)).toBe(true);
    expect(
      renderScreen(<DownloadedFileNotice file={text} onOpen={() => undefined} onDismiss={() => undefined} />),
    ).toBe('Fichier téléchargé : consignes.txt Ouvrir le fichier Fermer');
    expect(
      renderScreen(
        <DownloadedFileNotice file={text} onOpen={() => undefined} onDismiss={() => undefined} />,
        'en',
      ),
    ).toBe('Downloaded file: consignes.txt Open the file Close');
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

  it('titles the viewer with the whole name, isolated in <bdi> and read once, however long', () => {
    // The dialog has room: a candidate on the keyboard reads the whole name there, not its middle cut.
    const long = `${'a'.repeat(250)}.xlsx`;
    const html = renderHtml(
      <DownloadedFileViewer opened={{ ...opened, fileName: long }} onClose={() => undefined} />,
    );
    expect(html).toMatch(
      new RegExp(
        `<h2 id="[^"]+" tabindex="-1">Fichier téléchargé : <bdi class="file-name">${long}</bdi></h2>`,
      ),
    );
    expect(html.split(long)).toHaveLength(2);
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
