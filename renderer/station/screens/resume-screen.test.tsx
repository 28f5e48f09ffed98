// The resume screen names the question the test goes back to only when the station knows it.
import { describe, expect, it } from 'vitest';
import { renderScreen, stationStatus } from '../testing/render-screen.tsx';
import { ResumeScreen } from './resume-screen.tsx';

describe('ResumeScreen', () => {
  it('names the next question when the progress is known', () => {
    const status = stationStatus({
      phase: 'resumePending',
      progress: { current: 11, answered: 11, total: 32 },
    });
    expect(renderScreen(<ResumeScreen status={status} />)).toContain(
      'Le test reprendra tout seul à la question 12.',
    );
  });

  it('does not claim question 1 while the test package has not arrived on another station', () => {
    const status = stationStatus({ phase: 'resumePending', progress: null, timeLeftMs: null });
    const fr = renderScreen(<ResumeScreen status={status} />);
    expect(fr).toContain('Le test reprendra tout seul, là où vous en étiez.');
    expect(fr).not.toContain('question 1');
    expect(fr).not.toContain('Temps restant');
    const en = renderScreen(<ResumeScreen status={status} />, 'en');
    expect(en).toContain('The test will start again by itself, where you were.');
    expect(en).not.toContain('question 1');
  });
});

describe('ResumeScreen ways out and preparation', () => {
  it('lets the candidate go back to the home while the test’s records are not on this station', () => {
    const status = stationStatus({ phase: 'resumePending', progress: null, timeLeftMs: null });
    expect(renderScreen(<ResumeScreen status={status} />)).toContain(
      'Ce n’est pas vous ? Revenir à l’accueil',
    );
    expect(renderScreen(<ResumeScreen status={status} />, 'en')).toContain('Not you? Back to the start');
    // Resuming here, on the test's own records: no way out, the invigilator decides.
    const here = stationStatus({ phase: 'resumePending', progress: { current: 3, answered: 3, total: 32 } });
    expect(renderScreen(<ResumeScreen status={here} />)).not.toContain('Ce n’est pas vous');
  });

  it('says the resume was authorized and the test is being prepared, no longer to ask for it', () => {
    const status = stationStatus({ phase: 'resumePending', preparation: 'downloading' });
    const fr = renderScreen(<ResumeScreen status={status} />);
    expect(fr).toContain('Le surveillant a autorisé la reprise : préparation de votre test en cours…');
    expect(fr).toContain('Restez à votre place : le test reprendra tout seul sur cet écran.');
    expect(fr).not.toContain('demandez au surveillant d’autoriser la reprise');
    expect(renderScreen(<ResumeScreen status={status} />, 'en')).toContain(
      'The invigilator let you continue: getting your test ready…',
    );
  });

  it('says when the test does not arrive, and to raise a hand', () => {
    const status = stationStatus({ phase: 'resumePending', preparation: 'retrying' });
    expect(renderScreen(<ResumeScreen status={status} />)).toContain(
      'Le test n’arrive pas encore sur ce poste : le poste réessaie. Levez la main pour prévenir le surveillant.',
    );
  });
});
