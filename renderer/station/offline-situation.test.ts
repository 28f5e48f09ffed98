import { describe, expect, it } from 'vitest';
import { EXAM_PHASES } from '../../core/contracts/station-api.ts';
import { en } from '../shared/i18n/en.ts';
import { fr } from '../shared/i18n/fr.ts';
import { offlineSituation } from './offline-situation.ts';

describe('what the offline note says', () => {
  it('says the test goes on only during the test, and that the result waits once it is over', () => {
    expect(offlineSituation('inProgress')).toBe('testGoesOn');
    expect(offlineSituation('ended')).toBe('resultKept');
    expect(offlineSituation('sealed')).toBe('resultKept');
    expect(offlineSituation('uploaded')).toBe('resultSent');
    expect(offlineSituation('idle')).toBe('beforeJoining');
    for (const phase of ['signedIn', 'waiting', 'resumePending'] as const)
      expect(offlineSituation(phase)).toBe('waitingForInvigilator');
  });

  it('never says the test goes on while a reported problem freezes the question', () => {
    expect(offlineSituation('inProgress', true, true)).toBe('questionFrozen');
    expect(offlineSituation('inProgress', true, false)).toBe('reportNotSent');
    expect(offlineSituation('inProgress', false)).toBe('testGoesOn');
    // Once the test is over, a frozen question is no longer the matter.
    expect(offlineSituation('ended', true)).toBe('resultKept');
    for (const situation of ['questionFrozen', 'reportNotSent'] as const) {
      expect(fr.connection.situation[situation]).not.toMatch(/continue normalement/);
      expect(fr.connection.situation[situation]).toMatch(/levez la main/);
      expect(en.connection.situation[situation]).toMatch(/raise your hand/);
    }
  });

  it('agrees with the notice under it: a report not sent can be cancelled, a sent one waits', () => {
    // The notice offers « Annuler mon signalement » only for a report that has not left the station.
    expect(fr.connection.situation.reportNotSent).toMatch(/annulez-le pour continuer/);
    expect(en.connection.situation.reportNotSent).toMatch(/cancel it to go on/);
    // Neither says the question unblocks when the connection comes back: only a decision does.
    for (const situation of ['questionFrozen', 'reportNotSent'] as const)
      expect(fr.connection.situation[situation]).not.toMatch(/jusqu’au retour/);
    expect(fr.connection.situation.questionFrozen).toMatch(/décision du surveillant/);
    expect(fr.connection.situation.questionFrozen).not.toMatch(/annul/);
  });

  it('never says the test goes on during a pause: its end waits for the connection', () => {
    expect(offlineSituation('paused')).toBe('pauseWaits');
    // The question is hidden while paused: the pause is what the candidate waits for.
    expect(offlineSituation('paused', true)).toBe('pauseWaits');
    expect(fr.connection.situation.pauseWaits).toBe(
      'La fin de la pause arrivera au retour de la connexion. Restez à votre place.',
    );
    expect(en.connection.situation.pauseWaits).toBe(
      'The end of the pause will arrive when the connection is back. Stay in your seat.',
    );
  });

  it('has a sentence in French and in English for every phase', () => {
    for (const phase of EXAM_PHASES) {
      for (const [alertPending, alertSent] of [
        [false, false],
        [true, false],
        [true, true],
      ] as const) {
        const situation = offlineSituation(phase, alertPending, alertSent);
        expect(fr.connection.situation[situation]).toMatch(/\S/);
        expect(en.connection.situation[situation]).toMatch(/\S/);
      }
    }
    expect(fr.connection.situation.resultKept).not.toMatch(/test continue/);
  });
});
