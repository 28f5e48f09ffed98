import { describe, expect, it } from 'vitest';
import { codeInAddress, codeInPath, pathFor, readCode } from './verification-input.ts';

describe('reading a verification code', () => {
  it('accepts what people type: lower case, spaces, a forgotten prefix', () => {
    expect(readCode('P-BCDF2346')).toBe('P-BCDF2346');
    expect(readCode('  p-bcdf 2346 ')).toBe('P-BCDF2346');
    expect(readCode('bcdf2346')).toBe('P-BCDF2346');
  });

  it('refuses what cannot be a code: wrong length, letters outside the alphabet, a repeat', () => {
    expect(readCode('')).toBe(null);
    expect(readCode('P-BCDF234')).toBe(null);
    expect(readCode('P-ABCD2346')).toBe(null);
    expect(readCode('P-BBDF2346')).toBe(null);
  });

  it('finds a code in the address and writes one there', () => {
    expect(codeInPath('/verification/')).toBe(null);
    expect(codeInPath('/verification/P-BCDF2346')).toBe('P-BCDF2346');
    expect(codeInPath('/verification/%E0%A4%A')).toBe(null);
    expect(codeInPath('/centre/')).toBe(null);
    expect(pathFor('P-BCDF2346')).toBe('/verification/P-BCDF2346');
  });

  it('also takes the code from ?code= on the page, the path winning when both are there', () => {
    expect(codeInAddress({ pathname: '/verification/', search: '?code=P-BCDF2346' })).toBe('P-BCDF2346');
    expect(codeInAddress({ pathname: '/verification', search: '?code=%20p-bcdf2346%20' })).toBe('p-bcdf2346');
    expect(codeInAddress({ pathname: '/verification/P-BCDF2346', search: '?code=P-GHJK2346' })).toBe(
      'P-BCDF2346',
    );
    expect(codeInAddress({ pathname: '/verification/', search: '?code=' })).toBe(null);
    expect(codeInAddress({ pathname: '/verification/', search: '' })).toBe(null);
    expect(codeInAddress({ pathname: '/centre/', search: '?code=P-BCDF2346' })).toBe(null);
  });
});
