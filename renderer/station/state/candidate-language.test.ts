// The language is the current candidate's: kept across a reload of the screens, French again for the
// next candidate.
import { describe, expect, it } from 'vitest';
import type { ExamPhase } from '../../../core/contracts/station-api.ts';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { keepCandidateLanguage, keptLanguage } from './candidate-language.ts';

/** sessionStorage as a reload keeps it. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

/** The screens (re)loaded: the language they open in, and what follows the station's phases. */
function load(storage: Pick<Storage, 'getItem' | 'setItem'>) {
  const i18n = createI18n(keptLanguage(storage));
  const followPhase = keepCandidateLanguage(i18n, storage);
  const phases = (...list: (ExamPhase | null)[]) => list.forEach(followPhase);
  return { i18n, phases };
}

describe('the candidate’s language', () => {
  it('opens in French at first', () => {
    expect(load(memoryStorage()).i18n.language).toBe('fr');
  });

  it('stays English after the screens reload mid-test', async () => {
    const storage = memoryStorage();
    const first = load(storage);
    first.phases(null, 'idle');
    await first.i18n.changeLanguage('en');
    first.phases('signedIn', 'waiting', 'inProgress');
    const reloaded = load(storage);
    reloaded.phases(null, 'inProgress');
    expect(reloaded.i18n.language).toBe('en');
  });

  it('keeps a choice made on the home screen across a reload there', async () => {
    const storage = memoryStorage();
    const first = load(storage);
    first.phases(null, 'idle');
    await first.i18n.changeLanguage('en');
    const reloaded = load(storage);
    reloaded.phases(null, 'idle');
    expect(reloaded.i18n.language).toBe('en');
  });

  it('goes back to French when the station returns home for the next candidate', async () => {
    const storage = memoryStorage();
    const screens = load(storage);
    screens.phases(null, 'idle');
    await screens.i18n.changeLanguage('en');
    screens.phases('signedIn', 'inProgress', 'ended', 'uploaded', 'idle');
    expect(screens.i18n.language).toBe('fr');
    // Even if the screens reload right then.
    expect(load(storage).i18n.language).toBe('fr');
  });

  it('goes back to French when the station returns home while the screens were reloading', async () => {
    const storage = memoryStorage();
    const first = load(storage);
    first.phases('idle', 'signedIn');
    await first.i18n.changeLanguage('en');
    first.phases('uploaded');
    const reloaded = load(storage);
    expect(reloaded.i18n.language).toBe('en');
    reloaded.phases(null, 'idle');
    expect(reloaded.i18n.language).toBe('fr');
  });
});
