// French typography in both French dictionaries (this screen's and the back office's): the spaces
// inside « » and before ? ! ; are narrow no-break spaces (U+202F), the one before : a no-break space
// (U+00A0), so that « never ends a line and ? never starts one, at any width or zoom.
import { describe, expect, it } from 'vitest';
import { fr as backofficeFr } from '../../backoffice/i18n/fr.ts';
import { fr as invigilatorFr } from './fr.ts';

/** Every string value, with its key path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => strings(v, path ? `${path}.${key}` : key));
}

/** An ordinary space after « or before » ? ! ; : (a URL or 09:00 has no space there). */
const BREAKABLE = /« | [»?!;:]/u;

function faults(dictionary: unknown): string[] {
  return strings(dictionary)
    .filter(([, text]) => BREAKABLE.test(text))
    .map(([path, text]) => `${path}: ${text}`);
}

describe('French punctuation spacing', () => {
  it('finds an ordinary space where a line could break (the check itself)', () => {
    expect(faults({ a: { b: 'Fermer le poste ?' } })).toEqual(['a.b: Fermer le poste ?']);
    expect(faults({ a: '« Kit »', b: 'Salle : B12', c: 'Attention !', d: 'un ; deux' })).toHaveLength(4);
    expect(
      faults({ a: '«\u202fKit\u202f»', b: 'Salle\u00a0: B12', c: 'https://x.fr/a?b=1 à 09:00' }),
    ).toEqual([]);
  });

  it('has none in the invigilator screen’s French', () => {
    expect(faults(invigilatorFr)).toEqual([]);
  });

  it('has none in the back office’s French', () => {
    expect(faults(backofficeFr)).toEqual([]);
  });
});
