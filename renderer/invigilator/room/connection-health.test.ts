// Where « Autoriser la reprise » resumes a test, as the confirmation says it: the server's rule.
import { describe, expect, it } from 'vitest';
import { at, card, T0 } from '../testing/room-fixtures.ts';
import { resumesOnOwnStation } from './connection-health.ts';

describe('where the resume goes', () => {
  const asked = (lastHeardMs: number, ownHeardMs: number | null) =>
    card({
      state: 'resumePending',
      lastHeartbeatAt: ownHeardMs === null ? null : at(ownHeardMs),
      resumeRequest: {
        stationId: 'st-spare',
        stationName: 'Poste 03',
        at: at(0),
        lastHeardAt: at(lastHeardMs),
      },
    });
  const now = T0 + 60_000;

  it('stays on the candidate’s own station once the other one stopped asking and their own beats again', () => {
    expect(resumesOnOwnStation(asked(40_000, 58_000), now)).toBe(true);
  });

  it('goes to the station asking while it asks, or when neither is heard', () => {
    expect(resumesOnOwnStation(asked(58_000, 58_000), now)).toBe(false);
    expect(resumesOnOwnStation(asked(58_000, 0), now)).toBe(false);
    expect(resumesOnOwnStation(asked(40_000, 0), now)).toBe(false);
    expect(resumesOnOwnStation(asked(40_000, null), now)).toBe(false);
    expect(resumesOnOwnStation(card({ state: 'inProgress' }), now)).toBe(false);
  });
});
