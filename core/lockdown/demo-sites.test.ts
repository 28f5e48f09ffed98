import { describe, expect, it } from 'vitest';
import { demoSiteTarget, demoSiteUrl } from './demo-sites.ts';

describe('demo sites', () => {
  it.each([
    ['https://meteo.pix-demo.test/', 'https://srv.example/', 'https://srv.example/demo-sites/meteo/'],
    [
      'https://meteo.pix-demo.test/prevision/paris.html?j=2',
      'https://srv.example',
      'https://srv.example/demo-sites/meteo/prevision/paris.html?j=2',
    ],
    [
      'https://boutique.pix-demo.test/a',
      'http://192.168.1.10:3000/pix/',
      'http://192.168.1.10:3000/pix/demo-sites/boutique/a',
    ],
    ['https://MEteo.PIX-DEMO.test/x#frag', 'https://srv.example', 'https://srv.example/demo-sites/meteo/x'],
  ])('%s → %s', (url, server, expected) => {
    expect(demoSiteTarget(url, server)).toBe(expected);
  });

  it.each([
    ['http://meteo.pix-demo.test/'],
    ['https://pix-demo.test/'],
    ['https://a.b.pix-demo.test/'],
    ['https://meteo.pix-demo.test:8443/'],
    ['https://meteo.pix-demo.test.evil.com/'],
    ['https://evilpix-demo.test/'],
    ['https://user@meteo.pix-demo.test/'],
    ['https://fr.wikipedia.org/'],
    ['not a url'],
  ])('%s is not a demo site', (url) => {
    expect(demoSiteTarget(url, 'https://srv.example')).toBeNull();
  });

  it('path traversal stays inside the site (the URL parser resolves dot segments first)', () => {
    expect(demoSiteTarget('https://meteo.pix-demo.test/../../etc/passwd', 'https://srv.example')).toBe(
      'https://srv.example/demo-sites/meteo/etc/passwd',
    );
    expect(demoSiteTarget('https://meteo.pix-demo.test/%2e%2e/x', 'https://srv.example')).toBe(
      'https://srv.example/demo-sites/meteo/x',
    );
  });

  it('builds the address of a site', () => {
    expect(demoSiteUrl('meteo')).toBe('https://meteo.pix-demo.test/');
    expect(demoSiteUrl('meteo', 'a.html')).toBe('https://meteo.pix-demo.test/a.html');
    expect(demoSiteUrl('../x')).toBeNull();
  });
});
