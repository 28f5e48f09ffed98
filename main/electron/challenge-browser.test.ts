// The challenge browser against the recording Electron stand-in: what a page can repeat by itself (its
// in-page address, blocked pages and frames, the windows it opens) reaches the journal thinned out,
// while the candidate's own pages and typed addresses do.
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { StationEventSchema, type StationEvent } from '../../core/contracts/station-api.ts';
import { MAX_VIEWER_FILE_BYTES } from '../../core/challenge/station-viewers.ts';
import { MAX_DOWNLOADS_PER_TEST, REOFFERS_PER_SECOND } from '../station/lockdown/download-policy.ts';
import type { Navigation } from '../station/runtime/ports.ts';
import { resolveSandboxFile, sandboxFileUrl } from './app-protocol.ts';
import type { FakeWebContents } from './testing/fake-electron.ts';

const fake = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('./testing/fake-electron.ts');
  return createFakeElectron({ userData: '/tmp/unused' });
});
vi.mock('electron', () => fake.electron);

const { ElectronChallengeBrowser } = await import('./challenge-browser.ts');

/** A challenge browser in `window` for test-1, allowing https, recording nothing. */
function browserIn(window: unknown): InstanceType<typeof ElectronChallengeBrowser> {
  return new ElectronChallengeBrowser({
    window: () => window as never,
    policy: () => ({ schemes: ['https'], rules: [] }),
    homeUrl: () => 'about:blank',
    demoServerUrl: () => null,
    testId: () => 'test-1',
    sandboxFolder: () => mkdtempSync(path.join(tmpdir(), 'sandbox-')),
    sandboxFileUrl: () => null,
    recordNavigation: async () => true,
    emit: () => undefined,
    attachKeyboard: () => undefined,
    log: () => undefined,
  });
}

describe('the challenge browser’s navigation journal', () => {
  let now = 1_000_000;
  let journaled: Navigation[] = [];
  let view: { webContents: FakeWebContents };
  let browser: InstanceType<typeof ElectronChallengeBrowser>;

  beforeEach(async () => {
    journaled = [];
    const window = new fake.electron.BrowserWindow({});
    browser = new ElectronChallengeBrowser({
      window: () => window as never,
      policy: () => ({
        schemes: ['https'],
        rules: [{ active: true, action: 'block', expression: 'ads.example', regex: false }],
      }),
      homeUrl: () => 'about:blank',
      demoServerUrl: () => null,
      testId: () => 'test-1',
      sandboxFolder: () => mkdtempSync(path.join(tmpdir(), 'sandbox-')),
      sandboxFileUrl: () => null,
      recordNavigation: async (navigation) => {
        journaled.push(navigation);
        return true;
      },
      emit: () => undefined,
      attachKeyboard: () => undefined,
      log: () => undefined,
      now: () => now,
    });
    expect((await browser.navigate('https://fr.wikipedia.org/')).ok).toBe(true);
    view = fake.views.at(-1) as unknown as { webContents: FakeWebContents };
  });

  it('journals each page the candidate opens, but an in-page address changed in a loop only now and then', () => {
    view.webContents.fire('did-navigate', 'https://fr.wikipedia.org/wiki/Lyon');
    now += 500;
    view.webContents.fire('did-navigate', 'https://fr.wikipedia.org/wiki/Paris');
    expect(journaled.map((n) => n.url)).toEqual([
      'https://fr.wikipedia.org/wiki/Lyon',
      'https://fr.wikipedia.org/wiki/Paris',
    ]);
    journaled = [];
    // A script rewrites the address forty times a second for a minute (a video's time, a scroll position).
    for (let i = 0; i < 2400; i++) {
      view.webContents.fire('did-navigate-in-page', `https://fr.wikipedia.org/wiki/Paris?t=${i}`, true);
      now += 25;
    }
    expect(journaled.length).toBeGreaterThan(30);
    expect(journaled.length).toBeLessThanOrEqual(61);
    // A fragment flapping between two anchors is one visit each per ten seconds.
    journaled = [];
    for (let i = 0; i < 100; i++) {
      view.webContents.fire(
        'did-navigate-in-page',
        `https://fr.wikipedia.org/wiki/Paris#${i % 2 ? 'a' : 'b'}`,
        true,
      );
      now += 100;
    }
    expect(journaled).toHaveLength(2);
  });

  it('journals a blocked frame once a minute per site, however often the page asks for it', async () => {
    const session = fake.sessions.get([...fake.sessions.keys()].at(-1) ?? '');
    if (!session?.beforeRequest) throw new Error('no request filter');
    const request = (url: string, resourceType: string) =>
      session.beforeRequest?.({ url, resourceType }, () => undefined);
    for (let i = 0; i < 600; i++) {
      request(`https://ads.example/frame?cachebust=${i}`, 'subFrame');
      now += 100;
    }
    await Promise.resolve();
    expect(journaled.filter((n) => !n.allowed)).toHaveLength(1);
    now += 60_000;
    request('https://ads.example/frame?cachebust=again', 'subFrame');
    // The candidate's own blocked page is always journaled.
    request('https://ads.example/', 'mainFrame');
    await Promise.resolve();
    expect(journaled.filter((n) => !n.allowed).map((n) => n.url)).toEqual([
      'https://ads.example/frame?cachebust=0',
      'https://ads.example/frame?cachebust=again',
      'https://ads.example/',
    ]);
  });

  it('journals blocked pages a script asks for in a loop once a second at most, and every address typed', async () => {
    const session = fake.sessions.get([...fake.sessions.keys()].at(-1) ?? '');
    if (!session?.beforeRequest) throw new Error('no request filter');
    const page = (url: string) =>
      session.beforeRequest?.({ url, resourceType: 'mainFrame' }, () => undefined);
    const blocked = () => journaled.filter((n) => !n.allowed);
    // A script sends the page to a blocked address forty times a second for a minute, each one new.
    for (let i = 0; i < 2400; i++) {
      page(`https://ads.example/?n=${i}`);
      now += 25;
    }
    await Promise.resolve();
    expect(blocked().length).toBeGreaterThan(30);
    expect(blocked().length).toBeLessThanOrEqual(61);
    // The same one again and again is one record per ten seconds.
    journaled = [];
    now += 10_000;
    for (let i = 0; i < 100; i++) {
      page('https://ads.example/same');
      now += 100;
    }
    await Promise.resolve();
    expect(blocked()).toHaveLength(1);
    // What the candidate types is journaled even in the same second as a script's.
    page('https://ads.example/script');
    expect((await browser.navigate('https://ads.example/typed')).ok).toBe(false);
    expect(blocked().map((n) => n.url)).toEqual([
      'https://ads.example/same',
      'https://ads.example/script',
      'https://ads.example/typed',
    ]);
  });

  it('follows one window a page opens a second at most, blocked or allowed; the others are denied unsaid', async () => {
    const open = view.webContents.windowOpenHandler;
    if (!open) throw new Error('no window-open handler');
    const loads = () => view.webContents.calls.filter((c) => c.name === 'loadURL').length;
    const loadedBefore = loads();
    // A script opens a hundred windows a second for a minute, on blocked and allowed addresses.
    for (let i = 0; i < 6000; i++) {
      const url = i % 2 ? `https://ads.example/pop?n=${i}` : `https://fr.wikipedia.org/wiki/Pop_${i}`;
      expect(open({ url })).toEqual({ action: 'deny' });
      now += 10;
    }
    await Promise.resolve();
    const followed = journaled.filter((n) => !n.allowed).length + (loads() - loadedBefore);
    expect(followed).toBeGreaterThan(30);
    expect(followed).toBeLessThanOrEqual(61);
  });
});

describe('the challenge browser and the keyboard', () => {
  let browser: InstanceType<typeof ElectronChallengeBrowser>;
  let window: InstanceType<typeof fake.electron.BrowserWindow>;
  let view: { webContents: FakeWebContents; visible: boolean };

  beforeEach(async () => {
    window = new fake.electron.BrowserWindow({});
    browser = browserIn(window);
    expect((await browser.navigate('https://fr.wikipedia.org/')).ok).toBe(true);
    view = fake.views.at(-1) as unknown as { webContents: FakeWebContents; visible: boolean };
  });

  const focusCalls = (contents: FakeWebContents) => contents.calls.filter((c) => c.name === 'focus').length;

  it('leaves the keyboard on the station screen when the page is added', () => {
    expect(focusCalls(window.webContents)).toBe(1);
    expect(focusCalls(view.webContents)).toBe(0);
  });

  it('gives the keyboard to the page on request, only while the page is shown', () => {
    expect(browser.focus()).toBe(false);
    expect(focusCalls(view.webContents)).toBe(0);
    browser.setBounds({ x: 0, y: 0, width: 400, height: 300 });
    expect(browser.focus()).toBe(true);
    expect(focusCalls(view.webContents)).toBe(1);
  });

  it('gives the keyboard back to the station screen on F6 in the page, and leaves other keys to the page', () => {
    const before = focusCalls(window.webContents);
    const key = (input: Record<string, unknown>) => view.webContents.fire('before-input-event', input);
    expect(key({ type: 'keyDown', key: 'Tab' })).toBe(false);
    expect(key({ type: 'keyDown', key: 'F6', control: true })).toBe(false);
    expect(focusCalls(window.webContents)).toBe(before);
    expect(key({ type: 'keyDown', key: 'F6' })).toBe(true);
    expect(focusCalls(window.webContents)).toBe(before + 1);
  });

  it('gives the keyboard back to the station screen when the page is hidden while it has it', () => {
    browser.setBounds({ x: 0, y: 0, width: 400, height: 300 });
    browser.focus();
    const before = focusCalls(window.webContents);
    browser.setBounds(null);
    expect(view.visible).toBe(false);
    expect(focusCalls(window.webContents)).toBe(before + 1);
  });
});

describe('PDFs in the challenge browser', () => {
  let window: InstanceType<typeof fake.electron.BrowserWindow>;
  let view: { webContents: FakeWebContents };

  beforeEach(async () => {
    window = new fake.electron.BrowserWindow({});
    const browser = browserIn(window);
    expect((await browser.navigate('https://example.org/')).ok).toBe(true);
    view = fake.views.at(-1) as unknown as { webContents: FakeWebContents };
  });

  /** A download the candidate clicked for, as Electron hands it to will-download, completed at once. */
  function download(fileName: string, mediaType: string): string | undefined {
    const session = fake.sessions.get([...fake.sessions.keys()].at(-1) ?? '');
    if (!session) throw new Error('no session');
    const item = Object.assign(new EventEmitter(), {
      getFilename: () => fileName,
      getMimeType: () => mediaType,
      getTotalBytes: () => 1024,
      getReceivedBytes: () => 1024,
      getURL: () => `https://example.org/${fileName}`,
      getURLChain: () => [`https://example.org/${fileName}`],
      hasUserGesture: () => true,
      setSavePath: () => undefined,
      cancel: () => undefined,
    });
    session.fire('will-download', item);
    item.emit('done', {}, 'completed');
    return view.webContents.calls.filter((c) => c.name === 'loadURL').at(-1)?.args[0] as string | undefined;
  }

  it('shows a downloaded PDF without the viewer’s Save and Print buttons', () => {
    expect(download('reglement.pdf', 'application/pdf')).toMatch(
      /^pix-download:\/\/[0-9a-f]{32}\/reglement\.pdf#toolbar=0&navpanes=0$/,
    );
    expect(download('plan.png', 'image/png')).toMatch(/^pix-download:\/\/[0-9a-f]{32}\/plan\.png$/);
  });

  it('turns a PDF page from the web into a download, keeping its file name', () => {
    const session = fake.sessions.get([...fake.sessions.keys()].at(-1) ?? '');
    const headers = (url: string, resourceType: string, responseHeaders: Record<string, string[]>) => {
      let answer: { responseHeaders?: Record<string, string[]> } | null = null;
      session?.headersReceived?.({ url, resourceType, responseHeaders }, (response) => (answer = response));
      return answer;
    };
    expect(
      headers('https://example.org/doc', 'mainFrame', {
        'Content-Type': ['application/pdf'],
        'content-disposition': ['inline; filename="reglement.pdf"'],
      }),
    ).toEqual({
      responseHeaders: {
        'Content-Type': ['application/pdf'],
        'Content-Disposition': ['attachment; filename="reglement.pdf"'],
      },
    });
    expect(
      headers('https://example.org/doc.pdf', 'mainFrame', { 'content-type': ['application/pdf'] }),
    ).toEqual({
      responseHeaders: { 'content-type': ['application/pdf'], 'Content-Disposition': ['attachment'] },
    });
    // In a frame (iframe) or an embed (embed, object) too: Chromium's viewer there has the toolbar.
    for (const resourceType of ['subFrame', 'object'])
      expect(
        headers('https://example.org/doc.pdf', resourceType, { 'content-type': ['application/pdf'] }),
      ).toEqual({
        responseHeaders: { 'content-type': ['application/pdf'], 'Content-Disposition': ['attachment'] },
      });
    // Pages, a script's own fetch of a PDF (a viewer in the page) and the downloaded copy itself are left
    // as they are.
    expect(headers('https://example.org/', 'mainFrame', { 'content-type': ['text/html'] })).toEqual({});
    expect(headers('https://example.org/doc.pdf', 'xhr', { 'content-type': ['application/pdf'] })).toEqual(
      {},
    );
    expect(
      headers('pix-download://abc/doc.pdf', 'mainFrame', { 'content-type': ['application/pdf'] }),
    ).toEqual({});
  });

  it('shows a frame’s PDF the candidate clicked for in place of its page, and back returns to the page without bouncing to it', () => {
    const session = fake.sessions.get([...fake.sessions.keys()].at(-1) ?? '');
    if (!session) throw new Error('no session');
    const contents = view.webContents;
    const entries = [{ url: 'https://example.org/', title: '' }];
    let active = 0;
    Object.assign(contents.navigationHistory, {
      getAllEntries: () => entries,
      getActiveIndex: () => active,
    });
    const loads = () => contents.calls.filter((c) => c.name === 'loadURL').map((c) => String(c.args[0]));
    /** The PDF at `url` asked for as `resourceType`; whether its download was refused, and what loaded. */
    const pdf = (url: string, resourceType: string) => {
      session.headersReceived?.(
        { url, resourceType, responseHeaders: { 'content-type': ['application/pdf'] } },
        () => undefined,
      );
      const item = Object.assign(new EventEmitter(), {
        getFilename: () => 'cours.pdf',
        getMimeType: () => 'application/pdf',
        getTotalBytes: () => 1024,
        getReceivedBytes: () => 1024,
        getURL: () => url,
        getURLChain: () => [url],
        // A link in the frame the candidate clicked (a frame's own PDF is offered: see below).
        hasUserGesture: () => true,
        setSavePath: () => undefined,
        cancel: () => undefined,
      });
      const before = loads().length;
      const refused = session.fire('will-download', item);
      if (!refused) item.emit('done', {}, 'completed');
      const loaded = loads().slice(before);
      // The loaded copy becomes the current history entry, as Chromium does, and is a page committed.
      for (const url of loaded) {
        entries.splice(active + 1, entries.length, { url, title: '' });
        active = entries.length - 1;
        contents.fire('did-navigate', url);
      }
      return { refused, loaded };
    };
    const shown = pdf('https://example.org/cours.pdf', 'subFrame');
    expect(shown.refused).toBe(false);
    expect(shown.loaded).toEqual([
      expect.stringMatching(/^pix-download:\/\/[0-9a-f]{32}\/cours\.pdf#toolbar=0/),
    ]);
    // Back to the page: it loads again, and so does its frame. The copy stays ahead (forward shows it).
    active = 0;
    contents.fire('did-navigate', 'https://example.org/');
    expect(pdf('https://example.org/cours.pdf', 'subFrame')).toEqual({ refused: true, loaded: [] });
    expect(pdf('https://example.org/cours.pdf', 'object')).toEqual({ refused: true, loaded: [] });
    // The same PDF opened by a link on the page is shown again.
    expect(pdf('https://example.org/cours.pdf', 'mainFrame').loaded).toHaveLength(1);
    // Another page framing it, reached by a link (nothing ahead in the history): shown again.
    entries.splice(active + 1, entries.length, { url: 'https://example.org/autre', title: '' });
    active = entries.length - 1;
    contents.fire('did-navigate', 'https://example.org/autre');
    expect(pdf('https://example.org/cours.pdf', 'subFrame').loaded).toHaveLength(1);
  });
});

describe('office files downloaded in the challenge browser', () => {
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  let sandboxRoot: string;
  let testId: string | null;
  let events: StationEvent[];
  let journaled: Navigation[];
  let view: { webContents: FakeWebContents };
  let browser: InstanceType<typeof ElectronChallengeBrowser>;
  let now = 1_000_000;

  beforeEach(async () => {
    sandboxRoot = mkdtempSync(path.join(tmpdir(), 'sandbox-root-'));
    testId = 'test-1';
    events = [];
    journaled = [];
    const window = new fake.electron.BrowserWindow({});
    browser = new ElectronChallengeBrowser({
      window: () => window as never,
      policy: () => ({ schemes: ['https'], rules: [] }),
      homeUrl: () => 'about:blank',
      demoServerUrl: () => null,
      testId: () => testId,
      sandboxFolder: (id) => path.join(sandboxRoot, id),
      // As main.ts: the app:// address the station screen loads attachments from.
      sandboxFileUrl: (file, mediaType) => sandboxFileUrl(sandboxRoot, file, mediaType),
      recordNavigation: async (navigation) => {
        journaled.push(navigation);
        return true;
      },
      emit: (event) => events.push(event),
      attachKeyboard: () => undefined,
      log: () => undefined,
      now: () => now,
    });
    expect((await browser.navigate('https://example.org/')).ok).toBe(true);
    view = fake.views.at(-1) as unknown as { webContents: FakeWebContents };
  });

  /**
   * A download as Electron hands it to will-download; `finish` ends it as Electron's 'done' would.
   * `by`: the candidate's click (Chromium's user gesture), or the page by itself (a frame, a script).
   */
  function download(
    fileName: string,
    mediaType: string,
    totalBytes = 2048,
    url = `https://example.org/fichiers/${fileName}`,
    by: 'candidate' | 'page' = 'candidate',
    /** The addresses before `url` (redirects), the first one asked for. */
    redirectedFrom: string[] = [],
  ) {
    const session = fake.sessions.get([...fake.sessions.keys()].at(-1) ?? '');
    if (!session) throw new Error('no session');
    let savedTo: string | null = null;
    let received = 0;
    let cancelled = false;
    const item = Object.assign(new EventEmitter(), {
      getFilename: () => fileName,
      getMimeType: () => mediaType,
      getTotalBytes: () => totalBytes,
      getReceivedBytes: () => received,
      getURL: () => url,
      getURLChain: () => [...redirectedFrom, url],
      hasUserGesture: () => by === 'candidate',
      setSavePath: (file: string) => {
        savedTo = file;
      },
      cancel: () => {
        cancelled = true;
      },
    });
    const refused = session.fire('will-download', item);
    return {
      refused,
      savedTo: () => savedTo,
      cancelled: () => cancelled,
      /** Chromium received `bytes` so far. */
      receive: (bytes: number) => {
        received = bytes;
        item.emit('updated', {}, 'progressing');
      },
      finish: (state: 'completed' | 'cancelled' | 'interrupted' = 'completed') => {
        // What Chromium would have written at the save path.
        if (state === 'completed' && savedTo) writeFileSync(savedTo, 'PK');
        // Completed, Chromium has received the whole file.
        if (state === 'completed') received = Math.max(received, totalBytes);
        item.emit('done', {}, state);
      },
    };
  }

  const loads = () => view.webContents.calls.filter((c) => c.name === 'loadURL').map((c) => c.args[0]);
  const opened = () => events.filter((e) => e.type === 'browserFileOpened');

  it('opens a downloaded spreadsheet in the station screen’s viewer, not in the view, and journals it', () => {
    const before = loads();
    const item = download('budget.xlsx', 'application/octet-stream');
    expect(item.refused).toBe(false);
    // Saved in the test's own sandbox folder, under a name of its own.
    expect(path.dirname(item.savedTo() ?? '')).toBe(path.join(sandboxRoot, 'test-1', 'downloads'));
    expect(path.basename(item.savedTo() ?? '')).toMatch(/^[0-9a-f]{8}-budget\.xlsx$/);
    expect(opened()).toEqual([]);
    item.finish();
    expect(loads()).toEqual(before);
    expect(opened()).toEqual([
      {
        type: 'browserFileOpened',
        viewer: 'spreadsheet',
        url: expect.stringMatching(
          /^app:\/\/station\/__sandbox\/test-1\/downloads\/[0-9a-f]{8}-budget\.xlsx\?type=/,
        ),
        fileName: 'budget.xlsx',
        // Core's type for the viewer, not the site's octet-stream.
        mediaType: XLSX,
      },
    ]);
    // The address is one the station's app:// protocol serves: the saved copy, as opaque bytes.
    const [event] = opened();
    if (event?.type !== 'browserFileOpened') throw new Error('no event');
    expect(resolveSandboxFile(sandboxRoot, event.url)).toEqual({
      file: item.savedTo(),
      contentType: 'application/octet-stream',
    });
    expect(journaled).toContainEqual({
      url: 'https://example.org/fichiers/budget.xlsx',
      allowed: true,
      rule: 'download spreadsheet',
    });
    expect(events.filter((e) => e.type === 'browserBlocked')).toEqual([]);
  });

  it('opens a downloaded word-processor file in the document viewer', () => {
    const item = download('compte-rendu.docx', DOCX);
    item.finish();
    expect(opened()).toMatchObject([
      { type: 'browserFileOpened', viewer: 'document', fileName: 'compte-rendu.docx', mediaType: DOCX },
    ]);
    expect(journaled.at(-1)).toEqual({
      url: 'https://example.org/fichiers/compte-rendu.docx',
      allowed: true,
      rule: 'download document',
    });
  });

  it('names a file sent without an extension after its type', () => {
    download('export', XLSX).finish();
    expect(opened()).toMatchObject([{ viewer: 'spreadsheet', fileName: 'export.xlsx', mediaType: XLSX }]);
  });

  it('refuses what no viewer reads (old Word, executables, archives), saying which problem', async () => {
    for (const [name, type] of [
      ['lettre.doc', 'application/msword'],
      ['setup.exe', 'application/octet-stream'],
      ['archive.zip', 'application/zip'],
    ] as const) {
      const item = download(name, type);
      expect(item.refused).toBe(true);
      expect(item.savedTo()).toBeNull();
      // Refusals are journaled as blocked pages are: one a second at most (the candidate is told each).
      now += 2_000;
    }
    await Promise.resolve();
    expect(opened()).toEqual([]);
    const blocked = events.filter((e) => e.type === 'browserBlocked');
    expect(blocked.map((e) => e.type === 'browserBlocked' && e.url)).toEqual([
      'https://example.org/fichiers/lettre.doc',
      'https://example.org/fichiers/setup.exe',
      'https://example.org/fichiers/archive.zip',
    ]);
    // The screens say which file could not be opened and why, in the candidate's language.
    expect(blocked.map((e) => e.type === 'browserBlocked' && e.download)).toEqual([
      // Old Word is said apart: the screens tell what version to look for instead.
      { fileName: 'lettre.doc', problem: 'oldWord' },
      { fileName: 'setup.exe', problem: 'type' },
      { fileName: 'archive.zip', problem: 'type' },
    ]);
    for (const event of blocked) {
      expect(StationEventSchema.parse(event)).toEqual(event);
      expect(event).toMatchObject({ reason: expect.stringContaining('classeurs .xlsx .xls .ods') });
    }
    expect(journaled.filter((n) => !n.allowed).map((n) => n.rule)).toEqual([
      'download refused: lettre.doc',
      'download refused: setup.exe',
      'download refused: archive.zip',
    ]);
  });

  it('refuses a file over the size limit, said up front or found while it arrives, as too big', async () => {
    const announced = download('video.pdf', 'application/pdf', 60 * 1024 * 1024);
    expect(announced.refused).toBe(true);
    now += 2_000;
    // No size said up front: stopped at the limit, once, however many more bytes arrive.
    const unsaid = download('atlas.pdf', 'application/pdf', 0);
    expect(unsaid.refused).toBe(false);
    unsaid.receive(1024);
    expect(unsaid.cancelled()).toBe(false);
    unsaid.receive(50 * 1024 * 1024 + 1);
    unsaid.receive(51 * 1024 * 1024);
    expect(unsaid.cancelled()).toBe(true);
    unsaid.finish('cancelled');
    await Promise.resolve();
    expect(
      events.filter((e) => e.type === 'browserBlocked').map((e) => e.type === 'browserBlocked' && e.download),
    ).toEqual([
      { fileName: 'video.pdf', problem: 'size' },
      { fileName: 'atlas.pdf', problem: 'size' },
    ]);
    expect(loads()).not.toContainEqual(expect.stringContaining('atlas.pdf'));
    expect(journaled.filter((n) => !n.allowed).map((n) => n.rule)).toEqual([
      'download refused: video.pdf',
      'download refused: atlas.pdf',
    ]);
  });

  it('opens nothing for a download that did not complete, or that completes after the test', async () => {
    download('budget.xlsx', XLSX).finish('cancelled');
    download('notes.ods', 'application/vnd.oasis.opendocument.spreadsheet').finish('interrupted');
    const late = download('lettre.odt', 'application/vnd.oasis.opendocument.text');
    // The next candidate's browser: the first one's view and downloads are thrown away.
    testId = 'test-2';
    expect((await browser.navigate('https://example.org/')).ok).toBe(true);
    late.finish();
    expect(opened()).toEqual([]);
    expect(journaled.filter((n) => n.rule?.startsWith('download'))).toEqual([]);
  });

  it('saves and journals a file a page downloads again and again once a page visit, offering its copy again', () => {
    const saved: (string | null)[] = [];
    // A frame, a refresh, a script or the candidate's second click asking for the same file: saved
    // and journaled once for this visit of the page; the saved copy is offered again each time.
    for (let i = 0; i < 3; i += 1) {
      now += 3_000;
      const item = download('budget.xlsx', XLSX);
      expect(item.refused).toBe(i > 0);
      saved.push(item.savedTo());
      item.finish();
    }
    expect(saved.filter(Boolean)).toHaveLength(1);
    const [first, ...again] = opened();
    expect(again).toEqual([first, first]);
    expect(journaled.filter((n) => n.rule === 'download spreadsheet')).toHaveLength(1);
    // Nothing said as refused either: the page is as it was.
    expect(events.filter((e) => e.type === 'browserBlocked')).toEqual([]);
    // Another file of the same page is its own download.
    download('notes.ods', 'application/vnd.oasis.opendocument.spreadsheet').finish();
    expect(opened()).toHaveLength(4);
    expect(opened().at(-1)).toMatchObject({ fileName: 'notes.ods' });
    // The page again (back, a link): a new visit, where the saved copy is offered again, not saved twice.
    view.webContents.fire('did-navigate', 'https://example.org/');
    now += 1_000;
    const visit = download('budget.xlsx', XLSX);
    expect(visit.refused).toBe(true);
    expect(visit.savedTo()).toBeNull();
    expect(opened()).toHaveLength(5);
    expect(opened().at(-1)).toEqual(first);
    expect(journaled.filter((n) => n.rule === 'download spreadsheet')).toHaveLength(2);
  });

  it('downloads again a file that was not saved when its link is clicked again in the same visit', async () => {
    for (const state of ['cancelled', 'interrupted'] as const) {
      now += 3_000;
      const item = download('budget.xlsx', XLSX);
      expect(item.refused).toBe(false);
      item.finish(state);
    }
    now += 3_000;
    // Stopped at its limit, then the same link again.
    const big = download('budget.xlsx', XLSX, 0);
    big.receive(MAX_VIEWER_FILE_BYTES + 1);
    big.finish('cancelled');
    now += 3_000;
    const again = download('budget.xlsx', XLSX);
    expect(again.refused).toBe(false);
    again.finish();
    expect(opened()).toHaveLength(1);
    // Refused for the quota: clicked again, it is said again (not silently dropped).
    for (let i = 1; i < MAX_DOWNLOADS_PER_TEST; i += 1) {
      now += 1_000;
      download(`notes-${i}.txt`, 'text/plain', 100).finish();
    }
    now += 1_000;
    expect(download('last.txt', 'text/plain', 100).refused).toBe(true);
    now += 11_000;
    expect(download('last.txt', 'text/plain', 100).refused).toBe(true);
    await Promise.resolve();
    const quota = events.filter((e) => e.type === 'browserBlocked' && e.download?.problem === 'quota');
    expect(quota).toHaveLength(2);
  });

  it('offers a file a page downloads on each visit from its copy, never moving the view nor counting it again', () => {
    const big = 20 * 1024 * 1024;
    const atlas = 'https://example.org/fichiers/atlas.pdf';
    for (let i = 0; i < 12; i += 1) {
      view.webContents.fire('did-navigate', 'https://example.org/');
      now += 3_000;
      const item = download('atlas.pdf', 'application/pdf', big, atlas, 'page');
      expect(item.refused).toBe(i > 0);
      item.finish();
    }
    // Saved once, journaled once, offered on each visit (the same copy); the view never moved to it.
    expect(loads().filter((u) => String(u).includes('atlas.pdf'))).toEqual([]);
    const offers = opened().filter((e) => e.fileName === 'atlas.pdf');
    expect(offers).toHaveLength(12);
    expect(new Set(offers.map((e) => e.url)).size).toBe(1);
    expect(offers[0]).toEqual({
      type: 'browserFileOpened',
      viewer: 'pdf',
      url: expect.stringMatching(/^pix-download:\/\/[0-9a-f]{32}\/atlas\.pdf#toolbar=0&navpanes=0$/),
      fileName: 'atlas.pdf',
    });
    expect(StationEventSchema.parse(offers[0])).toEqual(offers[0]);
    expect(journaled.filter((n) => n.rule === 'download pdf')).toHaveLength(1);
    // The candidate clicking its link on another visit: the copy shown at once, as a click shows it.
    view.webContents.fire('did-navigate', 'https://example.org/');
    now += 3_000;
    expect(download('atlas.pdf', 'application/pdf', big, atlas).refused).toBe(true);
    expect(loads().at(-1)).toBe(offers[0]?.url);
    expect(opened().filter((e) => e.fileName === 'atlas.pdf')).toHaveLength(12);
    // The quota has room still: another 45 MB file is saved.
    now += 3_000;
    expect(download('film.pdf', 'application/pdf', 45 * 1024 * 1024).refused).toBe(false);
    // The same address with another size is another file: saved as such.
    view.webContents.fire('did-navigate', 'https://example.org/');
    now += 3_000;
    expect(download('atlas.pdf', 'application/pdf', big + 1).refused).toBe(false);
  });

  it('offers a text, an image or a PDF a page downloads by itself, and shows it at once only for the candidate’s click', () => {
    const before = loads();
    // A frame or a script: saved, journaled, offered; the view stays on the page.
    const byPage = download('consignes.txt', 'text/plain', 100, undefined, 'page');
    expect(byPage.refused).toBe(false);
    byPage.finish();
    expect(loads()).toEqual(before);
    expect(opened()).toEqual([
      {
        type: 'browserFileOpened',
        viewer: 'text',
        url: expect.stringMatching(/^pix-download:\/\/[0-9a-f]{32}\/consignes\.txt$/),
        fileName: 'consignes.txt',
      },
    ]);
    expect(StationEventSchema.parse(opened()[0])).toEqual(opened()[0]);
    expect(journaled.filter((n) => n.rule === 'download text')).toHaveLength(1);
    now += 3_000;
    download('carte.png', 'image/png', 100, undefined, 'page').finish();
    expect(opened().at(-1)).toMatchObject({ viewer: 'image', fileName: 'carte.png' });
    expect(loads()).toEqual(before);
    // The candidate's click on a link: shown in the view at once, as before, and not offered.
    now += 3_000;
    download('plan.png', 'image/png', 100).finish();
    expect(loads().at(-1)).toMatch(/^pix-download:\/\/[0-9a-f]{32}\/plan\.png$/);
    expect(opened()).toHaveLength(2);
  });

  it('shows the copy a page offered when the candidate clicks its link in the same visit, saved once', () => {
    const page = download('consignes.txt', 'text/plain', 100, undefined, 'page');
    page.finish();
    const [offer] = opened();
    now += 3_000;
    const click = download('consignes.txt', 'text/plain', 100);
    expect(click.refused).toBe(true);
    expect(click.savedTo()).toBeNull();
    expect(loads().at(-1)).toBe(offer?.url);
    expect(opened()).toHaveLength(1);
    expect(journaled.filter((n) => n.rule === 'download text')).toHaveLength(1);
  });

  it('shows at once a text whose address the candidate typed, but not the page’s own downloads after it', async () => {
    const typed = 'https://example.org/fichiers/consignes.txt';
    expect((await browser.navigate(typed)).ok).toBe(true);
    const before = loads().length;
    // Electron's navigation from the toolbar carries no user gesture of the page's: the address decides.
    download('consignes.txt', 'text/plain', 100, typed, 'page').finish();
    expect(loads().slice(before)).toEqual([
      expect.stringMatching(/^pix-download:\/\/[0-9a-f]{32}\/consignes\.txt$/),
    ]);
    expect(opened()).toEqual([]);
    // A page committed since: the same address downloaded by the page is its own, offered.
    view.webContents.fire('did-navigate', 'https://example.org/');
    now += 3_000;
    expect((await browser.navigate('https://example.org/')).ok).toBe(true);
    view.webContents.fire('did-navigate', 'https://example.org/');
    download('notes.txt', 'text/plain', 100, 'https://example.org/fichiers/notes.txt', 'page').finish();
    expect(opened()).toHaveLength(1);
  });

  it('says a file shown in the view by its name, and an untitled page by its host', async () => {
    // Electron's getTitle() gives an untitled document's address (a text has no <title>).
    view.webContents.getTitle = () => view.webContents.getURL();
    download('Résumé consignes.txt', 'text/plain', 100).finish();
    expect(loads().at(-1)).toMatch(/^pix-download:\/\/[0-9a-f]{32}\/R%C3%A9sum%C3%A9%20consignes\.txt$/);
    const states = () => events.flatMap((e) => (e.type === 'browserState' ? [e.state] : []));
    view.webContents.fire('page-title-updated');
    const shown = states().at(-1);
    expect(shown).toMatchObject({ title: 'Résumé consignes.txt', file: 'Résumé consignes.txt' });
    expect(shown?.url).toBe(loads().at(-1));
    expect(StationEventSchema.parse({ type: 'browserState', state: shown })).toBeTruthy();
    // A text a site serves as a page: no title of its own, said by its host, not as a file.
    const reload = await browser.navigate('https://atelier.example.org/consignes.txt');
    expect(reload.ok && reload.value).toEqual({
      url: 'https://atelier.example.org/consignes.txt',
      title: 'atelier.example.org',
      loading: false,
      canGoBack: false,
      canGoForward: false,
    });
  });

  it('shows at once the file at the address the candidate typed as they typed it, redirected or not', async () => {
    // The toolbar's address for « Exemple.fr/Résumé consignes.pdf » (browser-panel.tsx normalizeAddress).
    expect((await browser.navigate('https://Exemple.fr/Résumé consignes.pdf#page=2')).ok).toBe(true);
    const before = loads().length;
    // Chromium's download: its first address canonical, then a redirect to where the file is.
    download('Résumé consignes.pdf', 'application/pdf', 100, 'https://cdn.exemple.fr/f/123.pdf', 'page', [
      'https://exemple.fr/R%C3%A9sum%C3%A9%20consignes.pdf',
    ]).finish();
    expect(loads().slice(before)).toEqual([expect.stringMatching(/^pix-download:\/\/[0-9a-f]{32}\//)]);
    expect(opened()).toEqual([]);
    // Matched, the typed address is used up: the same file downloaded by the page again is offered.
    now += 3_000;
    view.webContents.fire('did-navigate', 'https://exemple.fr/');
    download(
      'autre.pdf',
      'application/pdf',
      100,
      'https://exemple.fr/R%C3%A9sum%C3%A9%20consignes.pdf',
      'page',
    ).finish();
    expect(opened()).toHaveLength(1);
  });

  it('keeps the typed address while a page’s own download arrives first: the typed file is still shown', async () => {
    const typed = 'https://example.org/fichiers/consignes.txt';
    expect((await browser.navigate(typed)).ok).toBe(true);
    const before = loads().length;
    // The page still shown downloads a file of its own (a frame, a timer) while the typed one loads.
    download('pub.png', 'image/png', 100, 'https://example.org/pub.png', 'page').finish();
    expect(opened()).toHaveLength(1);
    expect(loads().length).toBe(before);
    now += 3_000;
    download('consignes.txt', 'text/plain', 100, typed, 'page').finish();
    expect(loads().slice(before)).toEqual([
      expect.stringMatching(/^pix-download:\/\/[0-9a-f]{32}\/consignes\.txt$/),
    ]);
    expect(opened()).toHaveLength(1);
  });

  it('offers a file a window opens (window.open, target="_blank"): loaded in the view, neither typed nor clicked', () => {
    const open = view.webContents.windowOpenHandler;
    if (!open) throw new Error('no window open handler');
    const url = 'https://example.org/fichiers/consignes.pdf';
    expect(open({ url })).toEqual({ action: 'deny' });
    expect(loads().at(-1)).toBe(url);
    const before = loads().length;
    // Chromium's download of the load the station made: no gesture of the page's.
    download('consignes.pdf', 'application/pdf', 100, url, 'page').finish();
    expect(loads().length).toBe(before);
    expect(opened()).toEqual([expect.objectContaining({ viewer: 'pdf', fileName: 'consignes.pdf' })]);
  });

  it('opens an offered copy in the view on the candidate’s request, journaled as the downloaded file’s page', async () => {
    download('consignes.txt', 'text/plain', 100, undefined, 'page').finish();
    const [offer] = opened();
    if (!offer) throw new Error('not offered');
    // « Ouvrir le fichier »: the screens ask for the copy's address (browserNavigate).
    expect((await browser.navigate(offer.url)).ok).toBe(true);
    expect(loads().at(-1)).toBe(offer.url);
    view.webContents.fire('did-navigate', offer.url);
    expect(journaled.at(-1)).toEqual({ url: offer.url, allowed: true, rule: 'downloaded file' });
  });

  it('offers a copy again two times a second at most when a page downloads it in a loop', () => {
    download('budget.xlsx', XLSX).finish();
    expect(opened()).toHaveLength(1);
    now += 5_000;
    // A script: ten times within the same second.
    for (let i = 0; i < 10; i += 1) expect(download('budget.xlsx', XLSX).refused).toBe(true);
    expect(opened()).toHaveLength(1 + REOFFERS_PER_SECOND);
    now += 1_000;
    expect(download('budget.xlsx', XLSX).refused).toBe(true);
    expect(opened()).toHaveLength(2 + REOFFERS_PER_SECOND);
  });

  it('offers nothing again for a file still arriving: it is offered once saved', () => {
    const first = download('budget.xlsx', XLSX);
    now += 3_000;
    expect(download('budget.xlsx', XLSX).refused).toBe(true);
    expect(opened()).toEqual([]);
    first.finish();
    expect(opened()).toHaveLength(1);
  });

  it('never opens a download stopped at its size limit, even reported completed in the same tick', () => {
    const unsaid = download('export.xlsx', XLSX, 0);
    unsaid.receive(MAX_VIEWER_FILE_BYTES + 1);
    expect(unsaid.cancelled()).toBe(true);
    // Electron had the whole file already: the cancel comes too late, 'done' still says completed.
    unsaid.finish('completed');
    expect(opened()).toEqual([]);
    expect(journaled.filter((n) => n.allowed && n.rule?.startsWith('download'))).toEqual([]);
    now += 3_000;
    const pdf = download('atlas.pdf', 'application/pdf', 0);
    pdf.receive(50 * 1024 * 1024 + 1);
    pdf.finish('completed');
    expect(loads()).not.toContainEqual(expect.stringContaining('atlas.pdf'));
    // Its room is given back: the quota counts what was saved, nothing of these two.
    for (let i = 1; i <= 4; i += 1) {
      now += 1_000;
      const item = download(`film-${i}.pdf`, 'application/pdf', 45 * 1024 * 1024);
      expect(item.refused).toBe(false);
      item.finish();
    }
  });

  it('journals a refused file under the name the screens show, never the site’s raw one', async () => {
    const hostile = `${'z'.repeat(300)}\u202Egpj\u2028.exe`;
    download(hostile, 'application/octet-stream');
    now += 3_000;
    download('\u202E\u2029', 'application/octet-stream');
    await Promise.resolve();
    const rules = journaled.filter((n) => !n.allowed).map((n) => n.rule);
    expect(rules).toEqual([`download refused: ${'z'.repeat(255)}`, 'download refused: (sans nom)']);
    expect(
      events.filter((e) => e.type === 'browserBlocked').map((e) => e.type === 'browserBlocked' && e.download),
    ).toEqual([{ fileName: 'z'.repeat(255), problem: 'type' }, { problem: 'type' }]);
  });

  it('refuses the files over the test’s quota, saying so, and counts only what was saved', async () => {
    const refusedAt: number[] = [];
    const last = MAX_DOWNLOADS_PER_TEST + 2;
    for (let i = 1; i <= last; i += 1) {
      now += 1_000;
      const item = download(`notes-${i}.txt`, 'text/plain', 100);
      if (item.refused) refusedAt.push(i);
      // The first one does not complete: it gives its room back.
      item.finish(i === 1 ? 'cancelled' : 'completed');
    }
    await Promise.resolve();
    expect(refusedAt).toEqual([last]);
    expect(events.filter((e) => e.type === 'browserBlocked')).toEqual([
      {
        type: 'browserBlocked',
        url: `https://example.org/fichiers/notes-${last}.txt`,
        reason: expect.stringContaining('Trop de fichiers'),
        download: { fileName: `notes-${last}.txt`, problem: 'quota' },
      },
    ]);
    expect(journaled.at(-1)).toEqual({
      url: `https://example.org/fichiers/notes-${last}.txt`,
      allowed: false,
      rule: `download refused: notes-${last}.txt`,
    });
    // The next candidate's test has a quota of its own.
    testId = 'test-2';
    expect((await browser.navigate('https://example.org/')).ok).toBe(true);
    expect(download('notes-1.txt', 'text/plain', 100).refused).toBe(false);
  });

  it('refuses the bytes over the test’s quota, however few the files', () => {
    const film = (i: number) => download(`film-${i}.pdf`, 'application/pdf', 45 * 1024 * 1024);
    const items = [1, 2, 3, 4].map((i) => {
      now += 1_000;
      return film(i);
    });
    expect(items.map((item) => item.refused)).toEqual([false, false, false, false]);
    for (const item of items) item.finish();
    now += 1_000;
    expect(film(5).refused).toBe(true);
    expect(events.filter((e) => e.type === 'browserBlocked').at(-1)).toMatchObject({
      download: { fileName: 'film-5.pdf', problem: 'quota' },
    });
  });

  it('refuses a spreadsheet bigger than the office viewers read, said up front or found on the way', () => {
    const said = download('gros.xlsx', XLSX, MAX_VIEWER_FILE_BYTES + 1);
    expect(said.refused).toBe(true);
    expect(said.savedTo()).toBeNull();
    now += 3_000;
    // A size the site did not say: stopped once past the viewers' limit, not the station's 50 MB.
    const unsaid = download('export.ods', 'application/vnd.oasis.opendocument.spreadsheet', 0);
    expect(unsaid.refused).toBe(false);
    unsaid.receive(MAX_VIEWER_FILE_BYTES);
    expect(unsaid.cancelled()).toBe(false);
    unsaid.receive(MAX_VIEWER_FILE_BYTES + 1);
    expect(unsaid.cancelled()).toBe(true);
    unsaid.finish('cancelled');
    expect(opened()).toEqual([]);
    expect(
      events.filter((e) => e.type === 'browserBlocked').map((e) => e.type === 'browserBlocked' && e.download),
    ).toEqual([
      { fileName: 'gros.xlsx', problem: 'size' },
      { fileName: 'export.ods', problem: 'size' },
    ]);
  });
});
