import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { addInvigilatorMessages, translator } from '../i18n/use-t.ts';
import { card } from '../testing/room-fixtures.ts';
import { unfinishedStateText } from './unfinished-state.ts';

const fr = translator(addInvigilatorMessages(createI18n('fr')));
const en = translator(addInvigilatorMessages(createI18n('en')));

describe('what the finalization screen says of an unfinished test', () => {
  // The station applied the start and died: the card still shows the wait.
  const wentAhead = card({ state: 'startAuthorized', startedAt: null, progress: null, wentAhead: true });

  it('says the station started the test and went silent, where the card still shows the wait', () => {
    expect(unfinishedStateText(wentAhead, fr, true)).toBe(
      'Le poste a lancé le test puis ne s’est plus manifesté\u00a0: indiquez pourquoi il s’est arrêté',
    );
    expect(unfinishedStateText({ ...wentAhead, state: 'waiting' }, en, true)).toBe(
      'The station started the test, then was never heard from again: say why it stopped',
    );
  });

  it('says what the card says otherwise', () => {
    const held = { ...wentAhead, wentAhead: false };
    expect(unfinishedStateText(held, fr, true)).toBe(fr('state.startAuthorized'));
    const running = card({ state: 'inProgress', progress: { question: 3, answered: 2, total: 48 } });
    expect(unfinishedStateText(running, fr, true)).toBe('Question 3 sur 48');
    expect(unfinishedStateText(wentAhead, fr, false)).toBe('Test non terminé');
  });
});
