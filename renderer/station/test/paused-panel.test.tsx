// A lock says its cause in one short sentence of the candidate's language, from the lockdown event: the
// station's French detail (written for the jury) never reaches the screen.
import { describe, expect, it } from 'vitest';
import type { ExamView } from '../../../core/contracts/station-api.ts';
import { renderScreen, stationStatus } from '../testing/render-screen.tsx';
import { PausedPanel } from './paused-panel.tsx';

const SUSPEND_DETAIL = 'L’ordinateur s’est mis en veille : le test est suspendu.';

function panel(pause: ExamView['pause'], language: 'fr' | 'en' = 'fr'): string {
  return renderScreen(<PausedPanel status={stationStatus({ phase: 'paused', pause })} />, language);
}

describe('PausedPanel', () => {
  it('names the lock’s cause in French, without the station’s detail nor doubled punctuation', () => {
    const text = panel({ cause: 'lockdown', reason: SUSPEND_DETAIL, lockEvent: 'suspend' });
    expect(text).toContain(
      'Poste verrouillé L’ordinateur s’est mis en veille. Le temps est arrêté : vous ne perdez pas de temps.',
    );
    expect(text).toContain('Levez la main : le surveillant doit déverrouiller le poste.');
    expect(text).not.toContain('suspendu');
    expect(text).not.toMatch(/\.\)|\.\.|\(\s*\)/);
  });

  it('says it all in English when the screens are in English', () => {
    const text = panel({ cause: 'lockdown', reason: SUSPEND_DETAIL, lockEvent: 'suspend' }, 'en');
    expect(text).toContain(
      'Station locked The computer went to sleep. The time is stopped: you lose no time.',
    );
    expect(text).not.toMatch(/ordinateur|veille|verrouill/);
  });

  it('has a sentence for every event that can lock, and a general one otherwise', () => {
    const causes = {
      displayAdded: 'Un autre écran a été branché sur l’ordinateur.',
      lockScreen: 'L’ordinateur a été verrouillé.',
      rendererCrashed: 'L’écran du test s’est arrêté plusieurs fois.',
      forbiddenProcess: 'Un logiciel interdit pendant la certification est ouvert sur l’ordinateur.',
      focusLost: 'Le poste a détecté un problème.',
    } as const;
    for (const [lockEvent, sentence] of Object.entries(causes))
      expect(
        panel({ cause: 'lockdown', reason: 'détail', lockEvent: lockEvent as keyof typeof causes }),
      ).toContain(`${sentence} Le temps est arrêté`);
    expect(panel({ cause: 'lockdown', reason: 'détail', lockEvent: null })).toContain(
      'Le poste a détecté un problème. Le temps est arrêté',
    );
  });

  it('still shows the invigilator’s own message for their pause', () => {
    const text = panel({ cause: 'invigilator', reason: 'Alarme incendie : restez assis', lockEvent: null });
    expect(text).toContain('Test en pause');
    expect(text).toContain('Message du surveillant : Alarme incendie : restez assis');
  });
});
