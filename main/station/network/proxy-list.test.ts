import { describe, expect, it } from 'vitest';
import { ServerProxySchema } from '../../../core/lockdown/station-settings.ts';
import { parseProxyList, routeName } from './proxy-list.ts';
import { settingProxyList } from './server-routes.ts';

describe('the routes of a PAC result', () => {
  it('keeps DIRECT alone', () => {
    expect(parseProxyList('DIRECT')).toEqual({ routes: [{ kind: 'direct' }], skipped: [] });
  });

  it('keeps the proxies then DIRECT in their order, with their default ports', () => {
    expect(
      parseProxyList('PROXY proxy.lycee.fr:3128; HTTPS secure.lycee.fr; PROXY 10.0.0.5; DIRECT'),
    ).toEqual({
      routes: [
        { kind: 'proxy', url: 'http://proxy.lycee.fr:3128' },
        { kind: 'proxy', url: 'https://secure.lycee.fr:443' },
        { kind: 'proxy', url: 'http://10.0.0.5:80' },
        { kind: 'direct' },
      ],
      skipped: [],
    });
  });

  it('reads IPv6 proxies, lower case schemes and extra spaces', () => {
    expect(parseProxyList('  proxy [fd00::5]:8080 ;direct;  ').routes).toEqual([
      { kind: 'proxy', url: 'http://[fd00::5]:8080' },
      { kind: 'direct' },
    ]);
  });

  it('names what it does not follow (SOCKS, QUIC, unreadable entries) and keeps the rest', () => {
    expect(
      parseProxyList(
        'SOCKS5 socks.lycee.fr:1080; QUIC q.example:443; PROXY a b; PROXY bad host!:1; PROXY p.lycee.fr:70000; DIRECT',
      ),
    ).toEqual({
      routes: [{ kind: 'direct' }],
      skipped: [
        'SOCKS5 socks.lycee.fr:1080',
        'QUIC q.example:443',
        'PROXY a b',
        'PROXY bad host!:1',
        'PROXY p.lycee.fr:70000',
      ],
    });
  });

  it('gives no route for an empty or unreadable answer, and each route once', () => {
    expect(parseProxyList('')).toEqual({ routes: [], skipped: [] });
    expect(parseProxyList('PROXY user:pass@p.lycee.fr:3128').routes).toEqual([]);
    expect(parseProxyList('PROXY p:1; PROXY p:1; DIRECT; DIRECT').routes).toEqual([
      { kind: 'proxy', url: 'http://p:1' },
      { kind: 'direct' },
    ]);
  });

  it('names each route for the logs', () => {
    expect(routeName({ kind: 'direct' })).toBe('direct');
    expect(routeName({ kind: 'proxy', url: 'http://p:1' })).toBe('http://p:1');
  });
});

describe('a proxy named by the serverProxy setting', () => {
  it('is read by the station exactly when the setting accepts it (never silently direct)', async () => {
    const values = [
      'http://proxy.lycee.fr:3128',
      'http://proxy_lycee:3128',
      'https://proxy.lycee.fr',
      'http://10.0.0.5',
      'http://[fd00::5]:8080',
      'http://p:0',
      'http://p:65536',
      'http://user:pass@p:3128',
      'http://p:3128/path',
      'http://p!x:3128',
      'socks5://p:1080',
      'ftp://p:21',
    ];
    for (const value of values) {
      const accepted = ServerProxySchema.safeParse(value).success;
      const routes = accepted
        ? parseProxyList(await settingProxyList(value, () => Promise.resolve('DIRECT'))('https://s/')).routes
        : [];
      expect({ value, accepted, proxy: routes.some((r) => r.kind === 'proxy') }).toEqual({
        value,
        accepted,
        proxy: accepted,
      });
    }
    expect(ServerProxySchema.safeParse('http://proxy_lycee:3128').success).toBe(true);
    expect(ServerProxySchema.safeParse('http://p:0').success).toBe(false);
    expect(ServerProxySchema.safeParse('system').success).toBe(true);
    expect(ServerProxySchema.safeParse('direct').success).toBe(true);
    expect(ServerProxySchema.safeParse('System').success).toBe(false);
  });
});
