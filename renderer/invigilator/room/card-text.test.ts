import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { addInvigilatorMessages, translator } from '../i18n/use-t.ts';
import { card } from '../testing/room-fixtures.ts';
import { cardStateText, stateText, uploadWord } from './card-text.ts';

const fr = translator(addInvigilatorMessages(createI18n('fr')));
const en = translator(addInvigilatorMessages(createI18n('en')));

describe('the words on a card', () => {
  it('says "not arrived yet" while the session is open, and "absent" once it is finalized', () => {
    const away = card({ state: 'notArrived', testId: null, station: null, progress: null });
    expect(stateText(away, fr, true)).toBe('Pas encore arrivé');
    expect(stateText(away, fr, false)).toBe('Absent : n’est pas venu');
    expect(stateText(away, en, false)).toBe('Absent: did not come');
  });

  it('says that a test still under way when the session was finalized did not finish', () => {
    const running = card({ state: 'inProgress' });
    expect(stateText(running, fr, true)).toBe('Question 3 sur 48');
    expect(stateText(running, fr, false)).toBe('Test non terminé');
    expect(stateText(card({ state: 'resumePending' }), en, false)).toBe('Test not finished');
  });

  it('gives a candidate who finished the same words whether the session is open or not', () => {
    const done = card({ state: 'resultReceived', endReason: 'finished' });
    expect(stateText(done, fr, false)).toBe(stateText(done, fr, true));
    expect(stateText(done, fr, false)).toBe('Test terminé');
  });
});

describe('the room’s counts', () => {
  it('agree in number in French: one candidate, one finished, one not arrived, one absent', () => {
    expect(fr('room.counts.total', { count: 1 })).toBe('1 candidat');
    expect(fr('room.counts.total', { count: 31 })).toBe('31 candidats');
    expect(fr('room.counts.finished', { count: 1 })).toBe('1 terminé');
    expect(fr('room.counts.finished', { count: 0 })).toBe('0 terminé');
    expect(fr('room.counts.finished', { count: 2 })).toBe('2 terminés');
    expect(fr('room.counts.absent', { count: 1 })).toBe('1 pas arrivé');
    expect(fr('room.counts.absentClosed', { count: 30 })).toBe('30 absents');
    expect(fr('room.counts.unfinished', { count: 1 })).toBe('1 non terminé');
    expect(fr('room.counts.unfinished', { count: 21 })).toBe('21 non terminés');
  });

  it('and in English', () => {
    expect(en('room.counts.total', { count: 1 })).toBe('1 candidate');
    expect(en('room.counts.total', { count: 2 })).toBe('2 candidates');
    expect(en('room.counts.absentClosed', { count: 3 })).toBe('3 absent');
  });

  it('says a result refused by the server stays on the station, and to finalize with a comment', () => {
    // Whatever the station's connection: it will not send that result again.
    expect(uploadWord('refused', 'off')).toBe('refused');
    expect(uploadWord('refused', 'ok')).toBe('refused');
    expect(fr('attention.resultRefused')).toBe('Résultat refusé par le serveur');
    expect(fr(`upload.${uploadWord('refused', 'off')}`)).toBe(
      'Gardé sur le poste. Finalisez avec un commentaire.',
    );
    expect(fr('upload.refusedLong')).toBe(
      'Le serveur a refusé ce résultat. Il reste enregistré sur le poste, même éteint : n’effacez pas et ne réinstallez pas ce poste tant que le référent ne vous l’a pas dit. Finalisez la session quand même, en le signalant dans le commentaire : le jury examinera le poste.',
    );
    expect(en('attention.resultRefused')).toBe('Result refused by the server');
    expect(en(`upload.${uploadWord('refused', 'lost')}`)).toBe(
      'Kept on the station. Finalize with a comment.',
    );
    expect(en('upload.refusedLong')).toBe(
      'The server refused this result. It stays recorded on the station, even switched off: do not wipe or reinstall the station until the referent says so. Finalize the session anyway, mentioning it in the comment: the jury will examine the station.',
    );
  });

  it('once the session is finalized, says the result was refused without asking to finalize', () => {
    expect(fr(`upload.${uploadWord('refused', 'off', false)}`)).toBe(
      'Refusé par le serveur, gardé sur le poste',
    );
    expect(en(`upload.${uploadWord('refused', 'off', false)}`)).toBe(
      'Refused by the server, kept on the station',
    );
    // The other results read the same open or closed.
    expect(uploadWord('received', 'none', false)).toBe('received');
    expect(uploadWord('pending', 'off', false)).toBe('waitingStation');
  });

  it('asks to switch a silent station back on when a finished test’s result has not arrived', () => {
    expect(fr(`upload.${uploadWord('pending', 'off')}`)).toBe('Rallumez le poste pour envoyer le résultat');
    expect(en(`upload.${uploadWord('pending', 'off')}`)).toBe(
      'Switch the station back on to send the result',
    );
  });
});

describe('the state on a narrow card', () => {
  it('shortens « Terminé par le surveillant », cut on a card of 30, keeping the whole words as its name', () => {
    const ended = card({ state: 'ended', endReason: 'endedByInvigilator' });
    expect(cardStateText(ended, fr, true)).toEqual({
      short: 'Terminé (surveillant)',
      long: 'Terminé par le surveillant',
    });
    expect(cardStateText(ended, en, false)).toEqual({
      short: 'Ended (invigilator)',
      long: 'Ended by the invigilator',
    });
  });

  it('keeps the other states whole', () => {
    const done = card({ state: 'resultReceived', endReason: 'finished' });
    expect(cardStateText(done, fr, true)).toEqual({ short: 'Test terminé', long: 'Test terminé' });
  });
});
