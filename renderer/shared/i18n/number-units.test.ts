// A number keeps to its unit: « 2 min 10 s », « 30 % », « 145 Pix » never put the number at a line's end
// and the unit at the next one's start (a narrow card, a page zoomed to 200 %). Between them, in every
// screen's messages, French and English: a no-break space (U+00A0), as French typography wants.
import { describe, expect, it } from 'vitest';
import { en as backofficeEn } from '../../backoffice/i18n/en.ts';
import { fr as backofficeFr } from '../../backoffice/i18n/fr.ts';
import { elapsed } from '../../invigilator/format.ts';
import { en as invigilatorEn } from '../../invigilator/i18n/en.ts';
import { fr as invigilatorFr } from '../../invigilator/i18n/fr.ts';
import { en as verifyEn } from '../../public-verify/i18n/en.ts';
import { fr as verifyFr } from '../../public-verify/i18n/fr.ts';
import { formatCountdown, formatTimeLeft } from '../format-duration.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { createI18n } from './i18n.ts';
import { LOCKDOWN_FACT_WORDS } from './lockdown-fact-words.ts';

/** Every string value, with its key path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => strings(v, path ? `${path}.${key}` : key));
}

/**
 * A number (or a value put in, `{{minutes}}`) then an ordinary space then a unit's symbol standing as a
 * word: « 5 min », « {{rate}} % », « {{score}} Pix », « {{n}} Ko ». (« {{name}} s’est arrêté » is no unit.)
 */
const BREAKABLE = /(?:\d|\}\}) (?:h|min|s|%|Pix|o|Ko|Mo|B|KB|MB)(?![\p{L}\p{N}’])/u;

function faults(dictionary: unknown): string[] {
  return strings(dictionary)
    .filter(([, text]) => BREAKABLE.test(text))
    .map(([path, text]) => `${path}: ${text}`);
}

const DICTIONARIES = {
  shared: [fr, en],
  invigilator: [invigilatorFr, invigilatorEn],
  backoffice: [backofficeFr, backofficeEn],
  publicVerify: [verifyFr, verifyEn],
  lockdownFacts: [LOCKDOWN_FACT_WORDS.fr, LOCKDOWN_FACT_WORDS.en],
} as const;

describe('a number and its unit', () => {
  it('finds an ordinary space between them (the check itself), and accepts a no-break one', () => {
    expect(
      faults({ a: '{{minutes}} min {{seconds}} s', b: 'sous 50 %', c: '{{score}} Pix', d: '{{n}} Ko' }),
    ).toHaveLength(4);
    expect(
      faults({
        a: '{{minutes}}\u00a0min {{seconds}}\u00a0s',
        b: 'sous 50\u00a0%',
        c: '{{name}} s’est arrêté',
        d: 'à 10 heures, 3 minutes',
      }),
    ).toEqual([]);
  });

  for (const [name, [french, english]] of Object.entries(DICTIONARIES)) {
    it(`stay together in the ${name} messages, French and English`, () => {
      expect(faults(french)).toEqual([]);
      expect(faults(english)).toEqual([]);
    });
  }

  it('stay together in the durations the screens compute, in either language', () => {
    for (const language of ['fr', 'en'] as const) {
      const { t } = createI18n(language);
      expect(formatCountdown(130_000, t)).toBe('2\u00a0min 10\u00a0s');
      expect(formatTimeLeft(92 * 60_000, t)).toBe('1\u00a0h 32\u00a0min');
      expect(formatTimeLeft(45_000, t)).toBe('45\u00a0s');
    }
    expect([elapsed(12_000), elapsed(180_000), elapsed(65 * 60_000)]).toEqual([
      '12\u00a0s',
      '3\u00a0min',
      '1\u00a0h\u00a005',
    ]);
  });
});
