import { describe, expect, it } from 'vitest';
import { EXAM_PHASES } from '../../core/contracts/station-api.ts';
import { en } from '../shared/i18n/en.ts';
import { fr } from '../shared/i18n/fr.ts';
import { offlineSituation } from './offline-situation.ts';

describe('what the offline note says', () => {
  it('says the test goes on only during the test, and that the result waits once it is over', () => {
    expect(offlineSituation('inProgress')).toBe('testGoesOn');
    expect(offlineSituation('paused')).toBe('testGoesOn');
    expect(offlineSituation('ended')).toBe('resultKept');
    expect(offlineSituation('sealed')).toBe('resultKept');
    expect(offlineSituation('uploaded')).toBe('resultSent');
    expect(offlineSituation('idle')).toBe('beforeJoining');
    for (const phase of ['signedIn', 'waiting', 'resumePending'] as const)
      expect(offlineSituation(phase)).toBe('waitingForInvigilator');
  });

  it('has a sentence in French and in English for every phase', () => {
    for (const phase of EXAM_PHASES) {
      const situation = offlineSituation(phase);
      expect(fr.connection.situation[situation]).toMatch(/\S/);
      expect(en.connection.situation[situation]).toMatch(/\S/);
    }
    expect(fr.connection.situation.resultKept).not.toMatch(/test continue/);
  });
});
