// A sentence is said when its event happens, once: not again when the screen redraws for another
// reason, such as the candidate switching the language.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../shared/i18n/i18n.ts';
import { changeAnnouncement, firstSeen } from './announce-on-change.ts';
import { timeWarningSaid } from './test/time-warning.ts';

describe('announcements on change', () => {
  const i18n = createI18n('fr');
  const warningSentence = (warning: 15 | 5 | null) =>
    warning === null ? null : timeWarningSaid(warning, i18n.t);

  it('says a time warning when it arrives, and not again on a language switch', () => {
    expect(changeAnnouncement(null, 15, warningSentence)).toBe('Il reste moins de 15 minutes.');
    void i18n.changeLanguage('en');
    // Same warning, new words: the effect runs again (a new `t`) but nothing happened.
    expect(changeAnnouncement(15, 15, warningSentence)).toBeNull();
    expect(changeAnnouncement(15, 5, warningSentence)).toBe(
      'Less than 5 minutes left. Remember to validate your answer.',
    );
    void i18n.changeLanguage('fr');
  });

  it('says what the screen opens with only when asked to', () => {
    expect(changeAnnouncement(firstSeen(true, true), true, () => 'Test en pause.')).toBe('Test en pause.');
    expect(
      changeAnnouncement(firstSeen(true, false), true, () => 'Vous avez quitté la question.'),
    ).toBeNull();
  });

  it('says nothing for a change to a value that has no sentence', () => {
    expect(changeAnnouncement(15, null, warningSentence)).toBeNull();
  });
});
