// The test screen never leaves the candidate without a next step: a question that could not be loaded
// offers « Réessayer », and once every question is done it says the station is finishing the test.
import { describe, expect, it } from 'vitest';
import { renderHtml, renderScreen, stationStatus } from '../testing/render-screen.tsx';
import { TestScreen } from './test-screen.tsx';

const LOAD_FAILED = { code: 'INTERNAL', message: 'no challenge' } as const;

describe('TestScreen', () => {
  it('offers to load the question again when it could not be loaded, and what to do if that fails', () => {
    const status = stationStatus({ progress: { current: 3, answered: 3, total: 32 } });
    const fr = renderScreen(<TestScreen status={status} />, 'fr', { challengeError: LOAD_FAILED });
    expect(fr).toContain('Le poste n’a pas pu afficher la question. Cliquez sur « Réessayer ».');
    expect(fr).toContain('Si la question ne s’affiche toujours pas, levez la main.');
    expect(renderHtml(<TestScreen status={status} />, 'fr', { challengeError: LOAD_FAILED })).toMatch(
      /<button type="button"[^>]*>Réessayer<\/button>/,
    );
    const en = renderScreen(<TestScreen status={status} />, 'en', { challengeError: LOAD_FAILED });
    expect(en).toContain('Try again');
    expect(en).toContain('If the question still does not show, raise your hand.');
  });

  it('says the answers are stored and the station is finishing once every question is done', () => {
    // The end could not be recorded yet (full disk): the last question stays current in the status.
    const status = stationStatus({ progress: { current: 31, answered: 32, total: 32 } });
    const fr = renderScreen(<TestScreen status={status} />);
    expect(fr).toContain(
      'Vos réponses sont enregistrées. Le poste termine le test… Si cela dure, levez la main.',
    );
    expect(fr).not.toContain('Chargement de la question');
    expect(renderScreen(<TestScreen status={status} />, 'en')).toContain(
      'Your answers are stored. The station is finishing the test… If this goes on, raise your hand.',
    );
  });

  it('does not say the test is finishing while questions are left', () => {
    const status = stationStatus({ progress: { current: 31, answered: 31, total: 32 } });
    expect(renderScreen(<TestScreen status={status} />)).not.toContain('Le poste termine le test');
  });
});
