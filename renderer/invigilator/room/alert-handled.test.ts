import { describe, expect, it, vi } from 'vitest';
import type { RoomAlertDecision } from '../../../core/contracts/invigilator-api.ts';
import { createI18n } from '../../shared/i18n/i18n.ts';
import { addInvigilatorMessages, translator } from '../i18n/use-t.ts';
import { at, card } from '../testing/room-fixtures.ts';
import { announceHandledElsewhere, decisionOn, decisionWhen, handledElsewhereText } from './alert-handled.ts';

const fr = translator(addInvigilatorMessages(createI18n('fr')));
const en = translator(addInvigilatorMessages(createI18n('en')));

const validated: RoomAlertDecision = {
  alertId: 'alert-1',
  decision: 'validated',
  reasonCode: 'E4',
  questionNumber: 12,
  decidedAt: at(0),
};
const dismissed: RoomAlertDecision = { ...validated, decision: 'dismissed', reasonCode: null };

describe('an alert decided on another screen', () => {
  it('is found on the card only for the alert the screen was showing', () => {
    const decidedCard = card({ lastAlertDecision: validated });
    expect(decisionOn(decidedCard, 'alert-1')).toBe(validated);
    expect(decisionOn(decidedCard, 'alert-0')).toBeNull();
    expect(decisionOn(card(), 'alert-1')).toBeNull();
  });

  it('says whether the question was neutralized or the candidate must answer it', () => {
    expect(handledElsewhereText(validated, fr)).toBe(
      'Alerte déjà traitée (depuis un autre écran ?) : validée (E4) — question neutralisée',
    );
    expect(handledElsewhereText(dismissed, fr)).toBe(
      'Alerte déjà traitée (depuis un autre écran ?) : refusée — le candidat doit répondre',
    );
    expect(handledElsewhereText(validated, en)).toBe(
      'Alert already handled (from another screen?): validated (E4) — question neutralized',
    );
    expect(handledElsewhereText(null, fr)).toMatch(
      /^Alerte déjà traitée \(depuis un autre écran\u202f\?\)\./,
    );
    expect(decisionWhen(validated, fr, 'fr')).toMatch(/^Question 12, décision prise à \d\d:\d\d\.$/);
  });

  it('is announced at once to screen readers', () => {
    const say = vi.fn();
    announceHandledElsewhere(dismissed, fr, say);
    expect(say).toHaveBeenCalledWith(
      'Alerte déjà traitée (depuis un autre écran ?) : refusée — le candidat doit répondre',
      'assertive',
    );
  });
});
