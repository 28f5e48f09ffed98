// The facts said through each desk's own keys (`say`), and what a record's unknown time changes. The
// sentences themselves are checked where each desk shows them (the invigilator's
// room/lockdown-events.test.tsx, the back office's test-record/test-record-screen.test.tsx).
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n/i18n.ts';
import { lockdownFactsText, type FactsEvent, type SayLockdown } from './lockdown-facts-text.ts';

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

  describe('beside the event’s name (a table with a column for it): only what the name does not say', () => {
    const crash = (process: 'screen' | 'graphics', crashes: number, restarted: boolean) =>
      lockdownFactsText(
        {
          event: 'rendererCrashed',
          facts: {
            type: 'crash',
            process,
            reason: 'crashed',
            exitCode: null,
            crashes,
            windowMs: 60_000,
            restarted,
          },
          at: null,
        },
        say,
        tShared,
        'fr',
        'besideName',
      );

    it('the software, the display, the time away, the count left out, without the name’s words', () => {
      const program: FactsEvent = {
        event: 'forbiddenProcess',
        facts: { type: 'program', name: 'AnyDesk', category: 'remoteControl', executables: ['a.exe'] },
        at: null,
      };
      expect(lockdownFactsText(program, say, tShared, 'fr', 'besideName')).toBe(
        'facts.beside.program {"name":"AnyDesk","executables":"a.exe","category":"facts.categories.remoteControl"}',
      );
      // In place of the name (the invigilator's card), the whole sentence, as before.
      expect(lockdownFactsText(program, say, tShared, 'fr')).toMatch(/^facts\.program /);
      const unnamed = { type: 'display', label: null, width: 1280, height: 1024, handling: null } as const;
      expect(
        lockdownFactsText(
          { event: 'displayRemoved', facts: unnamed, at: null },
          say,
          tShared,
          'fr',
          'besideName',
        ),
      ).toBe('facts.beside.displayUnnamed {"width":1280,"height":1024}');
      expect(
        lockdownFactsText(
          { event: 'displayAdded', facts: { ...unnamed, handling: 'refused' }, at: null },
          say,
          tShared,
          'fr',
          'besideName',
        ),
      ).toBe(
        'facts.beside.displayRefused {"display":"facts.beside.displayUnnamed {\\"width\\":1280,\\"height\\":1024}"}',
      );
      expect(
        lockdownFactsText(
          { event: 'focusLost', facts: { type: 'omitted', count: 3 }, at: null },
          say,
          tShared,
          'fr',
          'besideName',
        ),
      ).toBe('facts.beside.omitted {"count":3}');
    });

    it('a crash: nothing for the test screen restarted once (the name says it all), else what differs', () => {
      expect(crash('screen', 1, true)).toBeNull();
      expect(crash('graphics', 1, true)).toBe('facts.beside.crashGraphics');
      expect(crash('screen', 2, true)).toBe('facts.beside.crashAgain {"count":2,"window":"1\u00a0min"}');
      expect(crash('graphics', 4, false)).toBe(
        'facts.beside.crashRepeatedGraphics {"count":4,"window":"1\u00a0min"}',
      );
    });
  });
});
