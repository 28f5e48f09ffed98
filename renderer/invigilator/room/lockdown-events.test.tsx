// The station events in a candidate's file: said from the station's facts in the screen's language,
// and, for an older station's record (its French sentence only), its name and the data in the sentence.
import { describe, expect, it } from 'vitest';
import type { RoomCandidate } from '../../../core/contracts/invigilator-api.ts';
import type { LockdownFacts } from '../../../core/journal/lockdown-facts.ts';
import type { Language } from '../../shared/i18n/i18n.ts';
import { card, T0 } from '../testing/room-fixtures.ts';
import { renderRoom } from '../testing/render-room.tsx';
import { LockdownEvents } from './lockdown-events.tsx';

type Event = RoomCandidate['lockdownEvents'][number];

const at = (s: number) => new Date(T0 + s * 1000).toISOString();

/** Each row's text (newest first, as listed), tags and the time left out. */
function rows(events: Event[], language: Language): string[] {
  const html = renderRoom(
    <LockdownEvents
      candidate={card({ lockdownEvents: events })}
      unseen={0}
      onAcknowledge={() => undefined}
      headingId="h"
    />,
    { language },
  );
  return [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map(([, row]) =>
    (row ?? '')
      .replace(/<time[^>]*>.*?<\/time>/, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&#x27;/g, "'")
      .trim(),
  );
}

const withFacts = (event: Event['event'], facts: LockdownFacts, detail = 'phrase du poste'): Event => ({
  event,
  detail,
  facts,
  at: at(0),
});

const program: LockdownFacts = {
  type: 'program',
  name: 'AnyDesk',
  category: 'remoteControl',
  executables: ['anydesk.exe'],
};
const crash: LockdownFacts = {
  type: 'crash',
  process: 'graphics',
  reason: 'crashed',
  exitCode: null,
  crashes: 3,
  windowMs: 60_000,
  restarted: false,
};
const display: LockdownFacts = {
  type: 'display',
  label: 'HP E24',
  width: 1280,
  height: 1024,
  handling: 'covered',
};

/** Said in the screen's time zone, as every time on the screen (the machine's, in the tests). */
const lastSeen = new Date(2026, 11, 8, 9, 15);

describe('a station event said from its facts', () => {
  const events: Event[] = [
    withFacts('forbiddenProcess', program),
    withFacts('rendererCrashed', crash),
    withFacts('rendererCrashed', { ...crash, process: 'screen', crashes: 1, restarted: true }),
    withFacts('rendererCrashed', { ...crash, process: 'screen', crashes: 2, restarted: true }),
    withFacts('focusRegained', { type: 'away', awayMs: 130_000 }),
    withFacts('resume', { type: 'asleep', asleepMs: 2 * 3600_000 + 5 * 60_000 }),
    withFacts('displayAdded', display),
    withFacts('displayAdded', { ...display, label: null, handling: 'refused' }),
    withFacts('displayRemoved', { ...display, handling: null }),
    withFacts('uncleanExit', { type: 'lastSeen', lastSeenAt: lastSeen.getTime() }),
    withFacts('focusLost', { type: 'omitted', count: 12 }),
    withFacts('forbiddenProcess', { ...program, executables: [], category: 'aiAssistant', name: 'ChatGPT' }),
  ].map((e, i) => ({ ...e, at: at(i) }));

  it('in French, with French punctuation, never the station’s own sentence', () => {
    expect(rows(events, 'fr').reverse()).toEqual([
      'Logiciel interdit\u00a0: AnyDesk (anydesk.exe), prise de main à distance',
      'L’affichage du poste a planté 3 fois en 1\u00a0min\u00a0: le poste doit être changé',
      'L’écran du test a planté et a été relancé',
      'L’écran du test a planté et a été relancé (2 fois en 1\u00a0min)',
      'Retour dans la fenêtre du test après 2\u00a0min 10\u00a0s d’absence',
      'Sortie de veille du poste après 2\u00a0h 05\u00a0min en veille',
      'Écran supplémentaire branché\u00a0: HP E24 (1280 × 1024), caché par un écran vide',
      'Écran supplémentaire branché\u00a0: écran sans nom (1280 × 1024). Le centre l’interdit, le test est suspendu',
      'Écran supplémentaire débranché\u00a0: HP E24 (1280 × 1024)',
      'Arrêt brutal du poste (coupure, plantage), dernier signe de vie à 09:15',
      'Le candidat a quitté la fenêtre du test\u00a0: 12 fois de plus, non notées dans le journal (limite atteinte)',
      'Logiciel interdit\u00a0: ChatGPT, assistant d’intelligence artificielle',
    ]);
  });

  it('in English, without a word of the station’s French', () => {
    const said = rows(events, 'en').reverse();
    expect(said).toEqual([
      'Forbidden software: AnyDesk (anydesk.exe), remote control',
      "The station's display crashed 3 times in 1\u00a0min: the station must be changed",
      'The test screen crashed and was restarted',
      'The test screen crashed and was restarted (2 times in 1\u00a0min)',
      'Back in the test window after 2\u00a0min 10\u00a0s away',
      'Station woke up after 2\u00a0h 05\u00a0min asleep',
      'Extra display plugged in: HP E24 (1280 × 1024), hidden behind a blank screen',
      'Extra display plugged in: unnamed display (1280 × 1024). The centre forbids it, the test is paused',
      'Extra display unplugged: HP E24 (1280 × 1024)',
      'Station stopped abruptly (power cut, crash), last sign of life at 09:15',
      'The candidate left the test window: 12 more times, not written in the journal (limit reached)',
      'Forbidden software: ChatGPT, AI assistant',
    ]);
    expect(said.join(' ')).not.toMatch(/phrase du poste|Logiciel|planté/);
  });
});

describe('a station event with facts of another event', () => {
  it('is said by its name, as an older station’s, never with those facts', () => {
    const events = [withFacts('focusLost', program), withFacts('uncleanExit', crash)];
    expect(rows(events, 'fr').reverse()).toEqual([
      'Le candidat a quitté la fenêtre du test',
      'Arrêt brutal du poste (coupure, plantage)',
    ]);
    expect(rows(events, 'en').reverse()).toEqual([
      'The candidate left the test window',
      'Station stopped abruptly (power cut, crash)',
    ]);
  });
});

describe('the last sign of life before a station stopped abruptly', () => {
  const stopped = (seen: Date, event: Date): Event => ({
    ...withFacts('uncleanExit', { type: 'lastSeen', lastSeenAt: seen.getTime() }),
    at: event.toISOString(),
  });

  it('gives its date too when it is not the day of the event, and the year when not the same', () => {
    const events = [
      stopped(new Date(2026, 11, 7, 18, 40), new Date(2026, 11, 8, 8, 5)),
      stopped(new Date(2025, 11, 31, 23, 50), new Date(2026, 0, 1, 8, 5)),
      stopped(new Date(2026, 11, 8, 7, 55), new Date(2026, 11, 8, 8, 5)),
    ];
    expect(rows(events, 'fr').reverse()).toEqual([
      'Arrêt brutal du poste (coupure, plantage), dernier signe de vie le 7 décembre à 18:40',
      'Arrêt brutal du poste (coupure, plantage), dernier signe de vie le 31 décembre 2025 à 23:50',
      'Arrêt brutal du poste (coupure, plantage), dernier signe de vie à 07:55',
    ]);
    expect(rows(events, 'en').reverse()).toEqual([
      'Station stopped abruptly (power cut, crash), last sign of life on 7 December at 18:40',
      'Station stopped abruptly (power cut, crash), last sign of life on 31 December 2025 at 23:50',
      'Station stopped abruptly (power cut, crash), last sign of life at 07:55',
    ]);
  });
});

describe('an older station’s event (its French sentence only)', () => {
  const events: Event[] = [
    {
      event: 'forbiddenProcess',
      detail:
        'Logiciel interdit en cours d’exécution : TeamViewer (TeamViewer.exe, prise de main à distance).',
      at: at(0),
    },
    { event: 'focusLost', detail: 'La fenêtre du test n’est plus au premier plan.', at: at(1) },
    {
      event: 'rendererCrashed',
      detail:
        'L’écran du test s’est arrêté (crashed). Il plante de façon répétée : le poste doit être changé.',
      at: at(2),
    },
  ];

  it('gives its name in the screen’s language, then the data its sentence holds', () => {
    expect(rows(events, 'fr').reverse()).toEqual([
      'Logiciel interdit détecté — TeamViewer (TeamViewer.exe, prise de main à distance)',
      'Le candidat a quitté la fenêtre du test',
      'L’écran du test a planté et a été relancé — L’écran du test s’est arrêté (crashed). Il plante de façon répétée : le poste doit être changé.',
    ]);
    expect(rows(events, 'en').reverse()).toEqual([
      'Forbidden software detected — TeamViewer (TeamViewer.exe, prise de main à distance)',
      'The candidate left the test window',
      'The test screen crashed and was restarted — L’écran du test s’est arrêté (crashed). Il plante de façon répétée : le poste doit être changé.',
    ]);
  });
});
