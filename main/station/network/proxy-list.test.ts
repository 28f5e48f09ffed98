import { describe, expect, it } from 'vitest';
import { parseProxyList, routeName } from './proxy-list.ts';

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
