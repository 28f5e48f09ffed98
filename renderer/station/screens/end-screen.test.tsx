// The end screen is honest: "gone through every question" (some may have been skipped or neutralized),
// and it says how many, calmly, when there were any.
import { describe, expect, it } from 'vitest';
import type { EndSummary } from '../../../core/contracts/station-api.ts';
import { renderScreen, stationStatus } from '../testing/render-screen.tsx';
import { EndScreen } from './end-screen.tsx';

function endScreen(endSummary: EndSummary | null, language: 'fr' | 'en' = 'fr'): string {
  const status = stationStatus({
    phase: 'uploaded',
    endReason: 'finished',
    progress: { current: 31, answered: 32, total: 32 },
    upload: 'uploaded',
    endSummary,
  });
  return renderScreen(<EndScreen status={status} />, language);
}

describe('EndScreen after the last question', () => {
  it('never says every question was answered', () => {
    const fr = endScreen({ skipped: 0, neutralized: 0 });
    expect(fr).toContain('Vous avez traité toutes les questions. Merci !');
    expect(fr).not.toContain('répondu');
    expect(endScreen({ skipped: 0, neutralized: 0 }, 'en')).toContain(
      'You have gone through every question. Thank you!',
    );
  });

  it('says how many questions were skipped or neutralized, with real plurals', () => {
    expect(endScreen({ skipped: 2, neutralized: 1 })).toContain(
      'Vous avez passé 2 questions avec « Je passe ». 1 question ne sera pas comptée : le surveillant a accepté votre signalement.',
    );
    expect(endScreen({ skipped: 1, neutralized: 0 })).toContain(
      'Vous avez passé 1 question avec « Je passe ».',
    );
    expect(endScreen({ skipped: 0, neutralized: 2 }, 'en')).toContain(
      '2 questions will not count: the invigilator accepted your reports.',
    );
  });

  it('adds nothing when every question was answered', () => {
    expect(endScreen({ skipped: 0, neutralized: 0 })).not.toMatch(/passé|comptée/);
  });
});

describe('EndScreen when the server refused the result', () => {
  function refused(language: 'fr' | 'en' = 'fr'): string {
    const status = stationStatus({ phase: 'sealed', endReason: 'finished', upload: 'refused' });
    return renderScreen(<EndScreen status={status} />, language);
  }

  it('no longer says it is being sent: the answers stay here and the invigilator must be told', () => {
    const fr = refused();
    expect(fr).toContain(
      'Vos réponses sont bien enregistrées sur ce poste. Le serveur n’a pas pu accepter le résultat tel quel : prévenez le surveillant, il s’en occupe.',
    );
    expect(fr).not.toContain('en cours d’envoi');
    expect(refused('en')).toContain(
      'Your answers are safely stored on this station. The server could not accept the result as it is: tell the invigilator',
    );
  });

  it('does not tell a 14-year-old their result was refused (the invigilator’s screen says that)', () => {
    expect(refused()).not.toMatch(/a refusé|refusé le résultat/);
    expect(refused('en')).not.toMatch(/refused/);
  });
});
