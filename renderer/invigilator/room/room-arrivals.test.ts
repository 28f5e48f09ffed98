import { describe, expect, it } from 'vitest';
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import { alertOn, at, card, T0 } from '../testing/room-fixtures.ts';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { addInvigilatorMessages, translator } from '../i18n/use-t.ts';
import { sortRoom } from './attention.ts';
import { arrivalsAnnouncement } from './arrival-words.ts';
import { RoomArrivals } from './room-arrivals.ts';

const room = (...candidates: RoomCandidate[]) => sortRoom(candidates, { nowMs: T0 });
const seen = (arrivals: ReturnType<RoomArrivals['observe']>) =>
  arrivals.map((a) => [a.entry.candidate.candidateId, a.chime]);
const fr = translator(addInvigilatorMessages(createI18n('fr')));
const en = translator(addInvigilatorMessages(createI18n('en')));

describe('what newly needs the invigilator', () => {
  const calm = card({ candidateId: 'calm' });
  const alerting = card({ candidateId: 'alerting', alert: alertOn(3, -1000) });

  it('says nothing of what is pending when the room loads, then each new request once', () => {
    const arrivals = new RoomArrivals();
    // Before the room is loaded the screen has no candidates; then the room comes with an alert.
    expect(arrivals.observe([], false)).toEqual([]);
    expect(arrivals.observe(room(calm, alerting), true)).toEqual([]);
    expect(arrivals.observe(room(calm, alerting), true)).toEqual([]);
    const raised = { ...calm, alert: alertOn(5, 0) };
    expect(seen(arrivals.observe(room(raised, alerting), true))).toEqual([['calm', true]]);
    expect(arrivals.observe(room(raised, alerting), true)).toEqual([]);
  });

  it('tells a request that blocks the candidate from one that does not', () => {
    const arrivals = new RoomArrivals();
    arrivals.observe(room(calm), true);
    const waiting = { ...calm, state: 'waiting' as const };
    expect(seen(arrivals.observe(room(waiting), true))).toEqual([['calm', false]]);
    const resuming = {
      ...calm,
      state: 'resumePending' as const,
      resumeRequest: { stationId: 'st-2', stationName: 'Poste 02', at: at(0), lastHeardAt: at(0) },
    };
    expect(seen(arrivals.observe(room(resuming), true))).toEqual([['calm', true]]);
  });

  it('counts a second alert on the same card as new, and an alert handled as nothing new', () => {
    const arrivals = new RoomArrivals();
    arrivals.observe(room(alerting), true);
    const handled = { ...alerting, alert: null };
    expect(arrivals.observe(room(handled), true)).toEqual([]);
    const again = { ...alerting, alert: alertOn(4, 0) };
    expect(seen(arrivals.observe(room(again), true))).toEqual([['alerting', true]]);
  });

  it('sees nothing to handle in a finalized room', () => {
    const arrivals = new RoomArrivals();
    const closed = (...c: RoomCandidate[]) => sortRoom(c, { nowMs: T0, sessionOpen: false });
    arrivals.observe(closed(calm), true);
    expect(arrivals.observe(closed({ ...calm, alert: alertOn(5, 0) }), true)).toEqual([]);
  });
});

describe('what screen readers hear of it', () => {
  const lea = card({ candidateId: 'lea', firstName: 'Léa', lastName: 'Martin' });
  const tom = card({ candidateId: 'tom', firstName: 'Tom', lastName: 'Durand' });

  it('names the reason just added, not the one that already topped the card', () => {
    const arrivals = new RoomArrivals();
    const alerting = { ...lea, alert: alertOn(3, -1000) };
    arrivals.observe(room(alerting), true);
    // A lockdown event on a card whose alert was already known: the news is the event.
    const locked = {
      ...alerting,
      lockdownEvents: [{ event: 'focusLost' as const, detail: '', at: at(0) }],
    };
    const found = arrivals.observe(room(locked), true);
    expect(found.map((a) => a.added)).toEqual([['lockdown']]);
    expect(arrivalsAnnouncement(found, fr)).toEqual({
      message: 'Léa MARTIN : Événement sur le poste.',
      politeness: 'polite',
    });
  });

  it('says every arrival of one look in one message, the blocked candidates first and at once', () => {
    const arrivals = new RoomArrivals();
    arrivals.observe(room(lea, tom), true);
    const found = arrivals.observe(
      room({ ...lea, state: 'waiting' }, { ...tom, alert: alertOn(7, 0) }),
      true,
    );
    expect(arrivalsAnnouncement(found, fr)).toEqual({
      message: 'Tom DURAND : Alerte · question 7. Léa MARTIN : Attend la confirmation.',
      politeness: 'assertive',
    });
    expect(arrivalsAnnouncement(found, en)?.message).toBe(
      'Tom DURAND: Alert · question 7. Léa MARTIN: Waiting to start.',
    );
    expect(arrivalsAnnouncement([], fr)).toBeNull();
  });

  it('chimes for an alert the station says is on its way, and not again when it arrives', () => {
    const arrivals = new RoomArrivals();
    arrivals.observe(room(lea), true);
    const transit = arrivals.observe(room({ ...lea, alertInTransit: true }), true);
    expect(seen(transit)).toEqual([['lea', true]]);
    expect(arrivalsAnnouncement(transit, fr)).toEqual({
      message: 'Léa MARTIN : Alerte signalée par le poste, pas encore reçue : allez voir le candidat.',
      politeness: 'assertive',
    });
    const arrived = arrivals.observe(room({ ...lea, alertInTransit: false, alert: alertOn(5, 0) }), true);
    // Said (it can be decided now), without a second chime.
    expect(seen(arrived)).toEqual([['lea', false]]);
    expect(arrivalsAnnouncement(arrived, fr)?.message).toBe('Léa MARTIN : Alerte · question 5.');
  });
});
