import { describe, expect, it } from 'vitest';
import { alertReasonCodesFor } from '../../../core/contracts/invigilator-api.ts';
import { card } from '../testing/room-fixtures.ts';
import {
  alertCodeGroups,
  availableActions,
  confirmedAtCardStation,
  unpauseWord,
} from './candidate-actions.ts';

describe('actions offered on a card', () => {
  it('follows the candidate through the test', () => {
    expect(availableActions(card({ state: 'notArrived', testId: null }))).toEqual([]);
    // Signed in, not started: the station can be closed (a candidate who leaves would otherwise hold
    // finalization back as long as it stays on).
    expect(availableActions(card({ state: 'signedIn' }))).toEqual(['authorizeStart', 'closeStation']);
    expect(availableActions(card({ state: 'waiting' }))).toEqual(['authorizeStart', 'closeStation']);
    expect(availableActions(card({ state: 'startAuthorized', authorization: 'start' }))).toEqual([
      'withdrawAuthorization',
      'closeStation',
    ]);
    expect(
      availableActions(card({ state: 'startAuthorized', authorization: 'start', wentAhead: true })),
    ).toEqual(['closeStation']);
    expect(availableActions(card({ state: 'waiting', station: null }))).toEqual(['authorizeStart']);
    expect(availableActions(card({ state: 'inProgress' }))).toEqual(['pause', 'addTime', 'endTest']);
    expect(availableActions(card({ state: 'paused' }))).toEqual(['unlock', 'addTime', 'endTest']);
    expect(availableActions(card({ state: 'resumePending' }))).toEqual([
      'authorizeResume',
      'addTime',
      'endTest',
    ]);
    expect(availableActions(card({ state: 'resumePending', authorization: 'resume' }))).toEqual([
      'addTime',
      'endTest',
    ]);
    // Once the test is over, its station may be closed (the server checks nothing else runs on it).
    expect(availableActions(card({ state: 'ended' }))).toEqual(['closeStation']);
    expect(availableActions(card({ state: 'resultReceived' }))).toEqual(['closeStation']);
    expect(availableActions(card({ state: 'resultReceived', station: null }))).toEqual([]);
  });

  it('offers nothing once the session is finalized', () => {
    expect(availableActions(card({ state: 'inProgress' }), false)).toEqual([]);
  });
});

describe('E codes offered for an alert', () => {
  const groups = (content: Partial<Record<'image' | 'attachment' | 'embed' | 'focused', boolean>>) => {
    const full = { image: false, attachment: false, embed: false, focused: false, ...content };
    return alertCodeGroups(full, alertReasonCodesFor(full));
  };

  it('suggests the code that matches what the question contains first', () => {
    expect(groups({ image: true }).suggested).toEqual(['E1']);
    expect(groups({ attachment: true }).suggested).toEqual(['E3']);
    expect(groups({ embed: true }).suggested).toEqual(['E2']);
    expect(groups({ focused: true }).suggested).toEqual(['E10']);
    expect(groups({ image: true, attachment: true, focused: true }).suggested).toEqual(['E1', 'E3', 'E10']);
  });

  it('always offers the websites, software, skip, accessibility and time codes, and never a code the content rules out', () => {
    const plain = groups({});
    expect(plain.suggested).toEqual([]);
    expect(plain.others).toEqual(['E4', 'E5', 'E9', 'E11', 'E12', 'E8']);
    for (const content of [{}, { image: true }, { embed: true }]) {
      const all = [...groups(content).suggested, ...groups(content).others];
      expect(all.includes('E3')).toBe(false);
      expect(all.includes('E10')).toBe(false);
    }
  });
});

describe('ending a pause', () => {
  it('continues the test after the invigilator’s own pause, and unlocks a station that locked itself', () => {
    expect(unpauseWord(card({ state: 'paused', pause: { cause: 'invigilator', reason: '' } }))).toBe(
      'continue',
    );
    expect(unpauseWord(card({ state: 'paused', pause: { cause: 'lockdown', reason: 'x' } }))).toBe('unlock');
    // Paused without a known cause: as the card words it, the invigilator's pause.
    expect(unpauseWord(card({ state: 'paused', pause: null }))).toBe('continue');
  });
});

describe('a presence confirmed from a card', () => {
  it('names the station the card shows, so that a start never reaches a station nobody looked at', () => {
    const atPoste01 = card({ station: { id: 'st-01', name: 'Poste 01' } });
    expect(confirmedAtCardStation(atPoste01, { type: 'authorizeStart' })).toEqual({
      type: 'authorizeStart',
      stationId: 'st-01',
    });
    // Other commands, and a card with no station, go as they are.
    expect(confirmedAtCardStation(atPoste01, { type: 'unlock' })).toEqual({ type: 'unlock' });
    expect(confirmedAtCardStation(card({ station: null }), { type: 'authorizeStart' })).toEqual({
      type: 'authorizeStart',
    });
  });
});
