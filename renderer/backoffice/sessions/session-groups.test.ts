import { describe, expect, it } from 'vitest';
import type { CentreSession } from '../api/centre-client.ts';
import { groupSessions, localDay, sessionGroup, sessionStateLabel } from './session-groups.ts';

function session(number: number, date: string, extra: Partial<CentreSession> = {}): CentreSession {
  return {
    id: `ses_${number}`,
    number,
    centreId: 'ctr_1',
    centreName: 'Collège',
    address: 'a',
    room: 'B12',
    date,
    time: '09:00',
    examiner: 'Mme Leroy',
    description: '',
    accessCode: 'BCDF23',
    invigilatorPassword: 'abc234',
    state: 'created',
    finalizedAt: null,
    publishedAt: null,
    counts: { candidates: 3, joined: 0, started: 0, resultsReceived: 0, resultsRefused: 0, running: 0 },
    createdAt: '2026-11-01T08:00:00.000Z',
    ...extra,
  };
}

describe('the sessions page groups', () => {
  const today = '2026-12-08';

  it('puts a session by its state, its date and whether tests started', () => {
    expect(sessionGroup(session(1, '2026-12-09'), today)).toBe('upcoming');
    expect(sessionGroup(session(2, today), today)).toBe('upcoming');
    const started = session(3, today, {
      counts: { candidates: 3, joined: 2, started: 1, resultsReceived: 0, resultsRefused: 0, running: 0 },
    });
    expect(sessionGroup(started, today)).toBe('toFinalize');
    expect(sessionGroup(session(4, '2026-12-01'), today)).toBe('toFinalize');
    expect(sessionGroup(session(5, '2026-12-01', { state: 'processed' }), today)).toBe('processed');
    expect(sessionGroup(session(6, '2026-12-20', { state: 'finalized' }), today)).toBe('processed');
  });

  it('keeps a session whose tests are running in progress, not to finalize, until they end or their station is gone', () => {
    const running = (date: string) =>
      session(7, date, {
        counts: { candidates: 3, joined: 3, started: 1, resultsReceived: 0, resultsRefused: 0, running: 2 },
      });
    expect(sessionGroup(running(today), today)).toBe('upcoming');
    // Even past midnight, or once its date has passed: the server refuses to finalize it yet.
    expect(sessionGroup(running('2026-12-07'), today)).toBe('upcoming');
    expect(sessionStateLabel(running(today), today)).toBe('inProgress');
    const over = session(8, today, {
      counts: { candidates: 3, joined: 3, started: 3, resultsReceived: 2, resultsRefused: 0, running: 0 },
    });
    expect(sessionGroup(over, today)).toBe('toFinalize');
    expect(sessionStateLabel(over, today)).toBe('toFinalize');
  });

  it('lists upcoming sessions soonest first and the others most recent first', () => {
    const groups = groupSessions(
      [
        session(1, '2026-12-20'),
        session(2, '2026-12-10'),
        session(3, '2026-11-01'),
        session(4, '2026-11-20'),
        session(5, '2026-10-01', { state: 'processed' }),
        session(6, '2026-10-15', { state: 'processed' }),
      ],
      today,
    );
    expect(groups.upcoming.map((s) => s.number)).toEqual([2, 1]);
    expect(groups.toFinalize.map((s) => s.number)).toEqual([4, 3]);
    expect(groups.processed.map((s) => s.number)).toEqual([6, 5]);
  });

  it('names the publication state, and today in the local calendar', () => {
    expect(sessionStateLabel(session(1, today), today)).toBe('created');
    expect(sessionStateLabel(session(1, '2026-12-01'), today)).toBe('toFinalize');
    expect(sessionStateLabel(session(1, today, { state: 'processed' }), today)).toBe('toPublish');
    expect(
      sessionStateLabel(
        session(1, today, { state: 'processed', publishedAt: '2026-12-10T10:00:00Z' }),
        today,
      ),
    ).toBe('published');
    expect(localDay(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
