import { describe, expect, it } from 'vitest';
import { createDefaultUrlPolicy } from '../../core/lockdown/default-block-list.ts';
import { appFrameVisit, appNavigationAllowed, challengeDecision, isAppOrigin } from './navigation-rules.ts';

const policy = createDefaultUrlPolicy();

describe('station window navigation', () => {
  it('compares parsed origins, not prefixes', () => {
    expect(isAppOrigin('app://station/index.html')).toBe(true);
    expect(isAppOrigin('app://station.evil/index.html')).toBe(false);
    expect(isAppOrigin('app://stationx/')).toBe(false);
    expect(isAppOrigin('https://station/')).toBe(false);
    expect(isAppOrigin('not a url')).toBe(false);
  });

  it('journals what an embedded frame loads or is kept from, never the app’s own pages', () => {
    expect(appFrameVisit('https://chatgpt.com/', false, policy)).toEqual({
      url: 'https://chatgpt.com/',
      allowed: false,
      rule: 'embedded frame: block chatgpt.com',
    });
    expect(appFrameVisit('http://simulateurs.example.org/', false, policy)).toEqual({
      url: 'http://simulateurs.example.org/',
      allowed: false,
      rule: 'embedded frame: https only',
    });
    expect(appFrameVisit('https://fr.wikipedia.org/', true, policy)).toMatchObject({ allowed: false });
    for (const url of [
      'app://station/__sandbox/t/a.pdf',
      'about:blank',
      'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
    ]) {
      expect(appFrameVisit(url, false, policy), url).toBeNull();
    }
    // The journal says what the guard did.
    for (const [url, isMainFrame] of [
      ['https://simulateurs.example.org/tableur', false],
      ['https://chatgpt.com/', false],
      ['data:text/html,<b>x</b>', false],
      ['https://fr.wikipedia.org/', true],
      ['file:///etc/passwd', false],
    ] as const) {
      expect(appFrameVisit(url, isMainFrame, policy)?.allowed, url).toBe(
        appNavigationAllowed(url, isMainFrame, policy),
      );
    }
  });

  it('keeps the top frame in the app', () => {
    expect(appNavigationAllowed('app://station/#/test', true, policy)).toBe(true);
    expect(appNavigationAllowed('https://fr.wikipedia.org/', true, policy)).toBe(false);
    expect(appNavigationAllowed('file:///etc/passwd', true, policy)).toBe(false);
  });

  it('lets frames load the app and what the URL policy allows over https', () => {
    expect(appNavigationAllowed('app://station/__sandbox/t/a.pdf', false, policy)).toBe(true);
    expect(appNavigationAllowed('https://simulateurs.example.org/tableur', false, policy)).toBe(true);
    expect(appNavigationAllowed('https://chatgpt.com/', false, policy)).toBe(false);
    expect(appNavigationAllowed('http://simulateurs.example.org/', false, policy)).toBe(false);
    expect(appNavigationAllowed('data:text/html,<b>x</b>', false, policy)).toBe(false);
    expect(appNavigationAllowed('about:blank', false, policy)).toBe(true);
  });
});

describe('challenge browser decisions', () => {
  it('lets Chromium’s own PDF viewer show PDFs, and nothing else under chrome-extension:', () => {
    const none = () => false;
    expect(
      challengeDecision('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', true, policy, none)
        .allowed,
    ).toBe(true);
    expect(
      challengeDecision('chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html', true, policy, none)
        .allowed,
    ).toBe(false);
    expect(
      appNavigationAllowed('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', true, policy),
    ).toBe(true);
  });

  it('applies the URL policy, except to files the station itself serves', () => {
    const served = (url: string) => url === 'pix-download://abc/rapport.pdf';
    expect(challengeDecision('pix-download://abc/rapport.pdf', true, policy, served).allowed).toBe(true);
    expect(challengeDecision('pix-download://other/x.pdf', true, policy, served).allowed).toBe(false);
    expect(challengeDecision('https://mail.google.com/', true, policy, served)).toMatchObject({
      allowed: false,
      category: 'webmail',
    });
  });
});
