// Words that must not mean two things on the invigilator screen: a test that can resume is
// « interrompu », one that is over is « arrêté » (as the station says); the invigilator pauses a test,
// and « verrouillé » is for a station that locked itself.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { card } from '../testing/room-fixtures.ts';
import { stateText } from '../room/card-text.ts';
import { addBackOfficeMessages, translator as backOfficeTranslator } from '../../backoffice/i18n/use-t.ts';
import { addInvigilatorMessages, translator } from './use-t.ts';

const fr = translator(addInvigilatorMessages(createI18n('fr')));
const en = translator(addInvigilatorMessages(createI18n('en')));

describe('an interrupted test and a stopped one', () => {
  it('are told apart: « interrompu » can resume, « arrêté » is over, as on the station', () => {
    expect(stateText(card({ state: 'resumePending' }), fr, true)).toBe(
      'Test interrompu : demande la reprise',
    );
    expect(stateText(card({ state: 'ended', endReason: 'aborted' }), fr, true)).toBe('Test arrêté');
    expect(stateText(card({ state: 'ended', endReason: 'aborted' }), en, true)).toBe('Test stopped');
    expect(stateText(card({ state: 'resumePending' }), en, true)).toContain('Test interrupted');
  });
});

describe('the invigilator’s pause and a station’s lock', () => {
  const pauseKeys = [
    'actions.pause',
    'actions.pauseConfirm',
    'actions.done.pause',
    'actions.continue',
    'actions.done.continue',
    'confirm.pauseTitle',
    'confirm.pauseBody',
    'state.pausedInvigilator',
  ] as const;

  it('says « pause » from the button to the confirmation, never « verrouiller »', () => {
    for (const key of pauseKeys) {
      expect(fr(key, { name: 'Léa MARTIN' })).not.toMatch(/verrouill/i);
      expect(en(key, { name: 'Léa MARTIN' })).not.toMatch(/\block/i);
    }
    expect(fr('actions.pause')).toBe('Mettre en pause');
    expect(fr('actions.pauseConfirm')).toBe('Mettre en pause');
    expect(fr('actions.done.pause', { name: 'Léa MARTIN' })).toBe('Le test de Léa MARTIN est en pause.');
    expect(en('actions.done.pause', { name: 'Léa MARTIN' })).toBe("Léa MARTIN's test is paused.");
  });

  it('ends the pause with « Reprendre le test », which goes on, never « relancer » (start over)', () => {
    expect(fr('actions.continue')).toBe('Reprendre le test');
    expect(en('actions.continue')).toBe('Continue the test');
    expect(fr('actions.done.continue', { name: 'Léa MARTIN' })).toBe('Le test de Léa MARTIN reprend.');
    expect(en('actions.done.continue', { name: 'Léa MARTIN' })).toBe("Léa MARTIN's test continues.");
    expect(fr('confirm.pauseBody')).toContain('« Reprendre le test »');
    expect(en('confirm.pauseBody')).toContain('"Continue the test"');
    for (const key of pauseKeys) {
      expect(fr(key, { name: 'Léa MARTIN' })).not.toMatch(/relanc/i);
      expect(en(key, { name: 'Léa MARTIN' })).not.toMatch(/restart/i);
    }
    // Kept apart from the resume of a test interrupted on its station.
    expect(fr('actions.authorizeResume')).toBe('Autoriser la reprise');
    expect(en('actions.authorizeResume')).toBe('Authorize resume');
  });

  it('keeps « verrouillé » for the station’s own locks', () => {
    expect(fr('state.pausedLockdown')).toBe('Verrouillé par le poste');
    expect(fr('attention.locked')).toBe('Verrouillé');
    expect(fr('actions.unlock')).toBe('Déverrouiller');
  });
});

describe('a test the invigilator ended', () => {
  it('reads « terminé », as the button and the station say: « arrêté » is an aborted test', () => {
    expect(stateText(card({ state: 'ended', endReason: 'endedByInvigilator' }), fr, true)).toBe(
      'Terminé par le surveillant',
    );
    expect(stateText(card({ state: 'ended', endReason: 'endedByInvigilator' }), en, true)).toBe(
      'Ended by the invigilator',
    );
  });
});

describe('a result the server refused', () => {
  it('gives one rule everywhere: kept on the station, even switched off; not wiped nor reinstalled', () => {
    const keys = [
      'upload.refusedLong',
      'finalization.refusedHint',
      'confirm.closeStationResultRefused',
    ] as const;
    for (const key of keys) {
      const french = fr(key, { name: 'Léa MARTIN' });
      expect(french).not.toMatch(/éteignez/);
      expect(french).toMatch(/réinstallez pas .*tant que le référent ne vous l’a pas dit/);
      const english = en(key, { name: 'Léa MARTIN' });
      expect(english).not.toMatch(/switch (it|them) off/);
      expect(english).toMatch(/wipe or reinstall .* until the referent says so/);
    }
  });
});

describe('closing the station of a refused result', () => {
  it('says that closing the app keeps the result there, and not to wipe or reinstall it', () => {
    const text = fr('confirm.closeStationResultRefused', { name: 'Léa MARTIN' });
    expect(text).toContain('Fermer l’application le garde sur ce poste');
    expect(text).toContain(
      'N’effacez pas et ne réinstallez pas ce poste tant que le référent ne vous l’a pas dit',
    );
    const english = en('confirm.closeStationResultRefused', { name: 'Léa MARTIN' });
    expect(english).toContain('Closing the app keeps it on this station');
    expect(english).toContain('Do not wipe or reinstall the station until the referent says so');
  });
});

describe('a candidate waiting at another station for the resume', () => {
  it('is told to settle in the room with the button the room shows, and to wait for that station to go silent if they left', () => {
    expect(fr('finalization.resumeHint')).toContain(`«\u202f${fr('quick.resume')}\u202f»`);
    expect(en('finalization.resumeHint')).toContain(`"${en('quick.resume')}"`);
    expect(fr('finalization.resumeHint')).toContain('attendez que ce poste soit muet');
    expect(en('finalization.resumeHint')).toContain('wait for that station to go silent');
    // « muet », as the room says of a silent station.
    expect(fr('attention.resumeStationMissing')).toContain(fr('attention.stationMissing').toLowerCase());
    expect(fr('finalization.resumeWaiting', { name: 'Léa MARTIN', station: 'Poste 09' })).toBe(
      'Léa MARTIN : attend la reprise sur Poste 09',
    );
    expect(en('finalization.resumeWaiting', { name: 'Léa MARTIN', station: 'Poste 09' })).toBe(
      'Léa MARTIN: waiting to resume on Poste 09',
    );
  });
});

describe('the same things in the room and in the back office', () => {
  const bo = backOfficeTranslator(addBackOfficeMessages(createI18n('fr')));
  const boEn = backOfficeTranslator(addBackOfficeMessages(createI18n('en')));

  it('asks one positive question about a candidate who could not join, « Oui » meaning one could not', () => {
    expect(fr('finalization.couldNotJoin')).toBe(
      'Un candidat inscrit a-t-il été empêché de rejoindre la session\u202f?',
    );
    expect(bo('finalization.couldNotJoin')).toBe(fr('finalization.couldNotJoin'));
    expect(bo('finalizationRecord.couldNotJoin')).toBe(fr('finalization.couldNotJoin'));
    expect(bo('jury.panel.couldNotJoin')).toBe(fr('finalization.couldNotJoin'));
    expect(boEn('finalization.couldNotJoin')).toBe(en('finalization.couldNotJoin'));
  });

  it('says a test the invigilator ended is « terminé par le surveillant », never « arrêté »', () => {
    expect(bo('finalization.ended.endedByInvigilator')).toBe('terminé par le surveillant');
    expect(boEn('finalization.ended.endedByInvigilator')).toBe('ended by the invigilator');
  });

  it('explains each abort reason with the back office’s hints', () => {
    expect(fr('finalization.abortReasonHints.candidate')).toBe(bo('finalization.reasons.candidateHint'));
    expect(fr('finalization.abortReasonHints.technical')).toBe(bo('finalization.reasons.technicalHint'));
    expect(en('finalization.abortReasonHints.technical')).toBe(boEn('finalization.reasons.technicalHint'));
  });
});

describe('leaving a candidate’s file', () => {
  it('says « Retour à la salle », never « Fermer » beside « Fermer le poste »', () => {
    expect(fr('panel.close')).toBe('Retour à la salle');
    expect(en('panel.close')).toBe('Back to the room');
    expect(fr('actions.closeStation')).toBe('Fermer le poste');
  });
});

describe('a station named in a sentence', () => {
  it('reads well with a name that already says « Poste »', () => {
    expect(fr('confirm.resumeOnOther', { station: 'Poste 07' })).toBe('Il reprendra sur\u00a0: Poste 07.');
    expect(en('confirm.resumeOnOther', { station: 'Poste 07' })).toBe('It will resume on: Poste 07.');
    for (const key of ['confirm.resumeOnOwn', 'panel.resumeRequest', 'panel.resumeStationSilent'] as const) {
      const said = fr(key, { station: 'Poste 07', other: 'Poste 12', time: '3 min' });
      expect(said).not.toMatch(/poste Poste/i);
      expect(en(key, { station: 'Poste 07', other: 'Poste 12', time: '3 min' })).not.toMatch(
        /station Poste/i,
      );
    }
  });
});
