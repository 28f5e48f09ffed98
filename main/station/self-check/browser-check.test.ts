import { describe, expect, it } from 'vitest';
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
    const unreachable = await checkChallengeBrowser(
      settings({ browserHomeUrl: 'https://www.qwant.com/' }),
      () => Promise.resolve({ ok: false, message: 'ENOTFOUND' }),
    );
    expect(unreachable).toMatchObject({ status: 'failure' });
    expect(unreachable.detail).toContain('ENOTFOUND');
    const open = await checkChallengeBrowser(
      settings({ browserHomeUrl: 'https://www.qwant.com/', urlPolicy: { schemes: ['https'], rules: [] } }),
      answering,
    );
    expect(open.status).toBe('warning');
    expect(open.detail).toContain('https://chatgpt.com/');
    const fine = await checkChallengeBrowser(
      settings({ browserHomeUrl: 'https://www.qwant.com/', urlPolicy: createDefaultUrlPolicy() }),
      answering,
    );
    expect(fine).toMatchObject({ status: 'ok', action: null });
  });
});
