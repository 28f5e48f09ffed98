import { describe, expect, it } from 'vitest';
import { parsePublicUrl } from './public-url.ts';

describe('parsePublicUrl', () => {
  it('keeps an http(s) address without its trailing slash', () => {
    expect(parsePublicUrl('https://certif.lycee.fr/')).toBe('https://certif.lycee.fr');
    expect(parsePublicUrl(' https://lycee.fr/pix// ')).toBe('https://lycee.fr/pix');
    expect(parsePublicUrl('http://10.0.0.5:8080')).toBe('http://10.0.0.5:8080');
  });

  it('refuses what could not be printed as a link to open', () => {
    for (const bad of [
      'certif.lycee.fr',
      'ftp://lycee.fr',
      'javascript:alert(1)',
      'https://lycee.fr/?a=1',
      'https://a:b@lycee.fr',
      '',
    ]) {
      expect(parsePublicUrl(bad), bad).toBeNull();
    }
  });
});
