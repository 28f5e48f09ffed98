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

  it('says in the time warning the time the bar shows, rounded the same way (minutes up)', () => {
    const shown = (minutesLeft: number, warning: 15 | 5, language: 'fr' | 'en' = 'fr') => {
      const status = stationStatus({ timeLeftMs: minutesLeft * 60_000 });
      const html = renderHtml(<TestScreen status={status} />, language, {
        warning,
        statusAt: performance.now(),
      });
      return {
        bar: /class="time-left-value"[^>]*>([^<]*)</.exec(html)?.[1],
        warning: /data-testid="time-warning"><p>([^<]*)</.exec(html)?.[1],
      };
    };
    // 13 min 30 s left: the bar says « 14 min », so does the warning (never « 15 minutes » beside it).
    expect(shown(13.5, 15)).toEqual({ bar: '14\u00a0min', warning: 'Il reste 14\u00a0min.' });
    // Minutes are rounded up on both: 14 min 30 s is « 15 min », never less than is left.
    expect(shown(14.5, 15)).toEqual({ bar: '15\u00a0min', warning: 'Il reste 15\u00a0min.' });
    expect(shown(4.5, 5)).toEqual({
      bar: '5\u00a0min',
      warning: 'Il reste 5\u00a0min. Pensez à valider votre réponse.',
    });
    expect(shown(0.5, 5)).toEqual({
      bar: '30\u00a0s',
      warning: 'Il reste 30\u00a0s. Pensez à valider votre réponse.',
    });
    // The station's warning came before its new status: the bar still counts from before.
    expect(shown(20, 15).warning).toBe('Il reste moins de 15 minutes.');
    expect(shown(3.2, 5, 'en')).toEqual({
      bar: '4\u00a0min',
      warning: '4\u00a0min left. Remember to validate your answer.',
    });
  });

  it('does not say the test is finishing while questions are left', () => {
    const status = stationStatus({ progress: { current: 31, answered: 31, total: 32 } });
    expect(renderScreen(<TestScreen status={status} />)).not.toContain('Le poste termine le test');
  });
});
