// The facts said through each desk's own keys (`say`), and what a record's unknown time changes. The
// sentences themselves are checked where each desk shows them (the invigilator's
// room/lockdown-events.test.tsx, the back office's test-record/test-record-screen.test.tsx).
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n/i18n.ts';
import { lockdownFactsText, type SayLockdown } from './lockdown-facts-text.ts';

const tShared: TFunction = createI18n('fr').t;
/** Says the key and its values, as a desk's table would say its words. */
const say: SayLockdown = (key, values) => (values ? `${key} ${JSON.stringify(values)}` : key);

describe('an event said from its facts', () => {
  it('reads the words under the desk’s keys: the facts’ and, for a count left out, the event’s name', () => {
    expect(
      lockdownFactsText(
        { event: 'focusLost', facts: { type: 'omitted', count: 3 }, at: null },
        say,
        tShared,
        'fr',
      ),
    ).toBe('facts.omitted {"event":"events.focusLost","count":3}');
    expect(
      lockdownFactsText(
        {
          event: 'forbiddenProcess',
          facts: {
            type: 'program',
            name: 'AnyDesk',
            category: 'remoteControl',
            executables: ['a.exe', 'b.exe'],
          },
          at: null,
        },
        say,
        tShared,
        'fr',
      ),
    ).toBe(
      'facts.program {"name":"AnyDesk","executables":"a.exe, b.exe","category":"facts.categories.remoteControl"}',
    );
  });

  it('is null without facts, or with facts of another event', () => {
    expect(lockdownFactsText({ event: 'suspend', at: null }, say, tShared, 'fr')).toBeNull();
    expect(
      lockdownFactsText(
        { event: 'suspend', facts: { type: 'away', awayMs: 1000 }, at: null },
        say,
        tShared,
        'fr',
      ),
    ).toBeNull();
  });

  it('dates the last sign of life only when it fell on another day than the event (or the event’s time is unknown: time only)', () => {
    const lastSeenAt = new Date(2026, 11, 7, 18, 40).getTime();
    const facts = { type: 'lastSeen', lastSeenAt } as const;
    expect(lockdownFactsText({ event: 'uncleanExit', facts, at: null }, say, tShared, 'fr')).toBe(
      'facts.lastSeen {"time":"18:40"}',
    );
    expect(
      lockdownFactsText(
        { event: 'uncleanExit', facts, at: new Date(2026, 11, 8, 9, 0).toISOString() },
        say,
        tShared,
        'en',
      ),
    ).toBe('facts.lastSeenOn {"date":"7 December","time":"18:40"}');
    expect(
      lockdownFactsText(
        { event: 'uncleanExit', facts, at: new Date(2026, 11, 7, 18, 45).toISOString() },
        say,
        tShared,
        'en',
      ),
    ).toBe('facts.lastSeen {"time":"18:40"}');
  });
});
