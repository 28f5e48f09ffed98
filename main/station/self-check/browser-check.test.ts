import { describe, expect, it } from 'vitest';
import { SelfCheckLineSchema } from '../../../core/contracts/station-self-check.ts';
import { createDefaultUrlPolicy } from '../../../core/lockdown/default-block-list.ts';
import { defaultStationSettings, type StationSettings } from '../../../core/lockdown/station-settings.ts';
import { centreTestUrls, checkChallengeBrowser, type UrlProbe } from './browser-check.ts';

function settings(values: Partial<StationSettings>): StationSettings {
  return { ...defaultStationSettings(), ...values };
}

const answering: UrlProbe = () => Promise.resolve({ ok: true, status: 200 });

describe('the challenge browser check', () => {
  it('tries the home page and each allow rule that names one site, not regexes, wildcards or the demo domain', () => {
    const urls = centreTestUrls(
      settings({
        browserHomeUrl: 'https://www.qwant.com/',
        urlPolicy: {
          schemes: ['https'],
          rules: [
            { active: true, action: 'allow', expression: 'fr.wikipedia.org', regex: false },
            {
              active: true,
              action: 'allow',
              expression: 'http://intranet.lycee.fr:8080/docs/*',
              regex: false,
            },
            { active: true, action: 'allow', expression: '.education.gouv.fr', regex: false },
            { active: true, action: 'allow', expression: '*.example.org', regex: false },
            { active: true, action: 'allow', expression: '^https://x\\.fr/', regex: true },
            { active: false, action: 'allow', expression: 'inactive.fr', regex: false },
            { active: true, action: 'allow', expression: 'pix-demo.test', regex: false },
            { active: true, action: 'block', expression: 'chatgpt.com', regex: false },
          ],
        },
      }),
    );
    expect(urls).toEqual([
      'https://www.qwant.com/',
      'https://fr.wikipedia.org/',
      'http://intranet.lycee.fr:8080/docs/',
      'https://education.gouv.fr/',
    ]);
  });

  it('fails when the centre’s own page is blocked or does not answer, and warns when forbidden sites pass', async () => {
    const blocked = await checkChallengeBrowser(
      settings({
        browserHomeUrl: 'https://www.qwant.com/',
        urlPolicy: {
          schemes: ['https'],
          rules: [{ active: true, action: 'block', expression: 'qwant.com', regex: false }],
        },
      }),
      answering,
    );
    expect(blocked.status).toBe('failure');
    expect(blocked).toMatchObject({
      code: 'browser.blocked',
      params: { blocked: 'https://www.qwant.com/' },
    });
    const unreachable = await checkChallengeBrowser(
      settings({ browserHomeUrl: 'https://www.qwant.com/' }),
      () => Promise.resolve({ ok: false, message: 'ENOTFOUND' }),
    );
    expect(unreachable).toMatchObject({ status: 'failure' });
    expect(unreachable.detail).toContain('ENOTFOUND');
    expect(unreachable).toMatchObject({
      code: 'browser.unreachable',
      params: { unreachable: 'https://www.qwant.com/ (ENOTFOUND)' },
    });
    const open = await checkChallengeBrowser(
      settings({ browserHomeUrl: 'https://www.qwant.com/', urlPolicy: { schemes: ['https'], rules: [] } }),
      answering,
    );
    expect(open.status).toBe('warning');
    expect(open.detail).toContain('https://chatgpt.com/');
    expect(open).toMatchObject({
      code: 'browser.leaks',
      params: {
        reached: 'https://www.qwant.com/ (200)',
        leaks: 'https://chatgpt.com/, https://mail.google.com/',
      },
    });
    const fine = await checkChallengeBrowser(
      settings({ browserHomeUrl: 'https://www.qwant.com/', urlPolicy: createDefaultUrlPolicy() }),
      answering,
    );
    expect(fine).toMatchObject({
      status: 'ok',
      action: null,
      code: 'browser.ok',
      params: { reached: 'https://www.qwant.com/ (200)' },
    });
    for (const line of [blocked, unreachable, open, fine]) SelfCheckLineSchema.parse(line);
  });

  it('warns on sites answering with an error, and says when there is no address to try', async () => {
    const erroring = await checkChallengeBrowser(
      settings({ browserHomeUrl: 'https://www.qwant.com/', urlPolicy: createDefaultUrlPolicy() }),
      () => Promise.resolve({ ok: true, status: 503 }),
    );
    expect(erroring).toMatchObject({
      status: 'warning',
      code: 'browser.erroring',
      params: { erroring: 'https://www.qwant.com/ (503)' },
    });
    const none = await checkChallengeBrowser(settings({ urlPolicy: createDefaultUrlPolicy() }), answering);
    expect(none).toMatchObject({ status: 'skipped', code: 'browser.noUrls', params: {} });
    const noneOpen = await checkChallengeBrowser(
      settings({ urlPolicy: { schemes: ['https'], rules: [] } }),
      answering,
    );
    expect(noneOpen).toMatchObject({
      status: 'warning',
      code: 'browser.noUrlsLeaks',
      params: { leaks: 'https://chatgpt.com/, https://mail.google.com/' },
    });
    for (const line of [erroring, none, noneOpen]) SelfCheckLineSchema.parse(line);
  });
});
