// Once the invigilator started the test, the waiting screen no longer says to wait for them: it says
// the test is being prepared, or that it does not arrive and to raise a hand.
import { describe, expect, it } from 'vitest';
import { renderScreen, stationStatus } from '../testing/render-screen.tsx';
import { preparationKey } from './preparation-notice.tsx';
import { WaitingScreen } from './waiting-screen.tsx';

const waiting = (preparation: 'none' | 'downloading' | 'retrying', language: 'fr' | 'en' = 'fr') =>
  renderScreen(
    <WaitingScreen status={stationStatus({ phase: 'waiting', progress: null, preparation })} />,
    language,
  );

describe('WaitingScreen', () => {
  it('says the invigilator will start the test, before they did', () => {
    const fr = waiting('none');
    expect(fr).toContain('Le surveillant va vérifier votre identité, puis lancer votre test.');
    expect(fr).toContain('Ce n’est pas vous ? Revenir à l’accueil');
  });

  it('says the invigilator started the test and it is being prepared', () => {
    const fr = waiting('downloading');
    expect(fr).toContain('Le surveillant a lancé votre test : préparation en cours…');
    expect(fr).not.toContain('va vérifier votre identité');
    expect(fr).not.toContain('En attente du surveillant');
    expect(waiting('downloading', 'en')).toContain('The invigilator started your test: getting it ready…');
  });

  it('says the test does not arrive on this station yet, and to raise a hand', () => {
    expect(waiting('retrying')).toContain(
      'Le test n’arrive pas encore sur ce poste : le poste réessaie. Levez la main pour prévenir le surveillant.',
    );
    expect(waiting('retrying', 'en')).toContain(
      'The test is not reaching this station yet: the station keeps trying. Raise your hand to tell the invigilator.',
    );
  });

  it('announces a sentence for each preparation state, none before the invigilator clicked', () => {
    expect(preparationKey('none', false)).toBeNull();
    expect(preparationKey('downloading', false)).toBe('preparation.started');
    expect(preparationKey('downloading', true)).toBe('preparation.resumed');
    expect(preparationKey('retrying', true)).toBe('preparation.retrying');
  });
});
