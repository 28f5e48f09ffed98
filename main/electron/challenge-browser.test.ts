// The challenge browser against the recording Electron stand-in: what a page can repeat by itself (its
// in-page address, blocked pages and frames, the windows it opens) reaches the journal thinned out,
// while the candidate's own pages and typed addresses do.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Navigation } from '../station/runtime/ports.ts';
import type { FakeWebContents } from './testing/fake-electron.ts';

const fake = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('./testing/fake-electron.ts');
  return createFakeElectron({ userData: '/tmp/unused' });
});
vi.mock('electron', () => fake.electron);

const { ElectronChallengeBrowser } = await import('./challenge-browser.ts');

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
