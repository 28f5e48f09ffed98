import { describe, expect, it } from 'vitest';
import { alertOn, at, card, T0 } from '../testing/room-fixtures.ts';
import {
  attentionOf,
  highlightOf,
  roomCounts,
  roomEntry,
  sortRoom,
  unseenLockdownEvents,
} from './attention.ts';
import { uploadWord } from './card-text.ts';
import { connectionHealth, resumeStationHealth } from './connection-health.ts';

const now = { nowMs: T0 + 1000 };
const names = (list: { candidate: { lastName: string } }[]) => list.map((e) => e.candidate.lastName);

describe('connection health from heartbeats', () => {
  it('is ok under 5 s, amber from 5 s, red from 15 s', () => {
    const c = card({ lastHeartbeatAt: at(0) });
    expect(connectionHealth(c, T0 + 4_999).health).toBe('ok');
    expect(connectionHealth(c, T0 + 5_000).health).toBe('late');
    expect(connectionHealth(c, T0 + 14_999).health).toBe('late');
    expect(connectionHealth(c, T0 + 15_000)).toEqual({ health: 'lost', silentMs: 15_000 });
  });

  it('watches only stations that should be alive', () => {
    expect(connectionHealth(card({ state: 'notArrived', lastHeartbeatAt: null }), T0).health).toBe('none');
    expect(connectionHealth(card({ state: 'resultReceived' }), T0 + 60_000).health).toBe('none');
    expect(connectionHealth(card({ state: 'waiting', lastHeartbeatAt: null }), T0).health).toBe('none');
    expect(connectionHealth(card({ state: 'ended' }), T0 + 60_000).health).toBe('off');
  });

  it('watches the station where a candidate asks to resume, while the resume waits, as finalization does', () => {
    const request = { stationId: 's2', stationName: 'Poste 02', at: at(-60_000), lastHeardAt: at(0) };
    const asking = card({ state: 'resumePending', lastHeartbeatAt: at(-60_000), resumeRequest: request });
    expect(resumeStationHealth(asking, T0 + 2_000)).toEqual({ health: 'ok', silentMs: 2_000 });
    expect(resumeStationHealth(asking, T0 + 14_999)?.health).toBe('late');
    // The same limit as the server's: from then on, finalization asks an abort reason for the test.
    expect(resumeStationHealth(asking, T0 + 15_000)).toEqual({ health: 'lost', silentMs: 15_000 });
    expect(roomEntry(asking, { nowMs: T0 + 15_000 })).toMatchObject({
      attention: [{ kind: 'resume' }],
      resumeHealth: { health: 'lost' },
    });
    const unheard = card({ state: 'resumePending', resumeRequest: { ...request, lastHeardAt: null } });
    expect(resumeStationHealth(unheard, T0)?.health).toBe('none');
    expect(resumeStationHealth(card({ ...asking, authorization: 'resume' }), T0)).toBeNull();
    expect(resumeStationHealth(card(), T0)).toBeNull();
  });

  it('reads a silent station after the test ended as off, waiting for its result, not as missing', () => {
    const closed = card({ state: 'ended', upload: 'pending', lastHeartbeatAt: at(0) });
    const later = { nowMs: T0 + 60_000 };
    expect(connectionHealth(closed, later.nowMs)).toEqual({ health: 'off', silentMs: 60_000 });
    expect(attentionOf(closed, later)).toEqual([]);
    expect(roomEntry(closed, later)).toMatchObject({ group: 'finished', highlight: 'finished' });
    expect(uploadWord(closed.upload, 'off')).toBe('waitingStation');
    expect(uploadWord(closed.upload, 'ok')).toBe('pending');
    expect(uploadWord('received', 'off')).toBe('received');
    // A test under way still turns red.
    expect(connectionHealth(card({ lastHeartbeatAt: at(0) }), later.nowMs).health).toBe('lost');
  });
});

describe('what needs the invigilator', () => {
  it('finds a pending alert, a resume to authorize, a waiting candidate, a silent station', () => {
    expect(attentionOf(card({ alert: alertOn(5, 0) }), now).map((a) => a.kind)).toEqual(['alert']);
    expect(
      attentionOf(
        card({
          state: 'resumePending',
          resumeRequest: { stationId: 's2', stationName: 'Poste 02', at: at(0), lastHeardAt: at(0) },
        }),
        now,
      ).map((a) => a.kind),
    ).toEqual(['resume']);
    expect(attentionOf(card({ state: 'waiting' }), now).map((a) => a.kind)).toEqual(['waiting']);
    expect(attentionOf(card({ lastHeartbeatAt: at(-20_000) }), now).map((a) => a.kind)).toEqual([
      'stationMissing',
    ]);
    expect(attentionOf(card(), now)).toEqual([]);
  });

  it('keeps the alert first when the same candidate also asks to resume (an alert is never hidden)', () => {
    const both = card({
      state: 'resumePending',
      alert: alertOn(7, -60_000),
      resumeRequest: { stationId: 's2', stationName: 'Poste 02', at: at(0), lastHeardAt: at(0) },
    });
    expect(attentionOf(both, now).map((a) => a.kind)).toEqual(['alert', 'resume']);
    expect(roomEntry(both, now).highlight).toBe('urgent');
  });

  it('stops asking once the resume is authorized, and does not call a dead station missing twice', () => {
    const authorized = card({
      state: 'resumePending',
      authorization: 'resume',
      lastHeartbeatAt: at(-60_000),
    });
    expect(attentionOf(authorized, now)).toEqual([]);
  });

  it('flags lockdown events until the invigilator has seen them, and a station locked by one', () => {
    const events = [
      { event: 'focusLost' as const, detail: 'another window', at: at(-30_000) },
      { event: 'focusRegained' as const, detail: '', at: at(-25_000) },
    ];
    const c = card({ lockdownEvents: events });
    expect(unseenLockdownEvents(c, null)).toBe(1);
    expect(attentionOf(c, now).map((a) => a.kind)).toEqual(['lockdown']);
    const seen = { ...now, lockdownSeenAt: () => at(-30_000) };
    expect(attentionOf(c, seen)).toEqual([]);
    // A newer problem after the acknowledgment flags the card again.
    const again = card({
      lockdownEvents: [...events, { event: 'displayAdded', detail: 'HDMI-1', at: at(-1000) }],
    });
    expect(attentionOf(again, seen).map((a) => a.kind)).toEqual(['lockdown']);
    const locked = card({ state: 'paused', pause: { cause: 'lockdown', reason: 'focus lost' } });
    expect(attentionOf(locked, seen).map((a) => a.kind)).toEqual(['lockdown']);
    // Once the test is over, the events stay on the card for the jury but need nothing now.
    expect(
      attentionOf(card({ state: 'resultReceived', upload: 'received', lockdownEvents: events }), now),
    ).toEqual([]);
  });

  it('flags a result the server refused until the session is finalized: the station will not send it again', () => {
    const refused = card({
      lastName: 'Refus',
      state: 'ended',
      endReason: 'finished',
      upload: 'refused',
      uploadRefusal: { code: 'CHAIN_BROKEN', at: at(-2000) },
      lastHeartbeatAt: at(-60_000),
    });
    expect(attentionOf(refused, now)).toEqual([{ kind: 'resultRefused', since: T0 - 2000 }]);
    expect(roomEntry(refused, now)).toMatchObject({ group: 'attention', highlight: 'action' });
    // After what blocks a candidate, before the tests under way and the finished ones.
    const room = [
      card({ lastName: 'Fini', state: 'resultReceived', upload: 'received' }),
      card({ lastName: 'EnCours' }),
      refused,
      card({ lastName: 'Alerte', alert: alertOn(3, -2000) }),
    ];
    expect(names(sortRoom(room, now))).toEqual(['Alerte', 'Refus', 'EnCours', 'Fini']);
    // A finalized room handles nothing more: the card still says it (card-text.ts), among the finished.
    expect(roomEntry(refused, { ...now, sessionOpen: false })).toMatchObject({
      attention: [],
      group: 'finished',
    });
    // Still being sent, or received: nothing to do.
    expect(attentionOf(card({ state: 'ended', upload: 'pending' }), now)).toEqual([]);
  });

  it('does not turn every station red while the screen itself is cut off from the server', () => {
    const c = card({ lastHeartbeatAt: at(0) });
    expect(attentionOf(c, { nowMs: T0 + 60_000 }).map((a) => a.kind)).toEqual(['stationMissing']);
    expect(attentionOf(c, { nowMs: T0 + 60_000, healthNowMs: T0 + 2000 })).toEqual([]);
  });
});

describe('highlighting', () => {
  it('marks blocked candidates urgent, decisions and station events as actions, silence as a warning, and finished tests', () => {
    expect(highlightOf('attention', [{ kind: 'alert', since: 0 }])).toBe('urgent');
    expect(highlightOf('attention', [{ kind: 'resume', since: 0 }])).toBe('urgent');
    expect(highlightOf('attention', [{ kind: 'waiting', since: null }])).toBe('action');
    expect(highlightOf('attention', [{ kind: 'lockdown', since: 0 }])).toBe('action');
    expect(highlightOf('attention', [{ kind: 'stationMissing', since: 0 }])).toBe('warning');
    expect(highlightOf('finished', [])).toBe('finished');
    expect(highlightOf('active', [])).toBe('none');
    expect(roomEntry(card({ state: 'resultReceived', upload: 'received' }), now).highlight).toBe('finished');
    expect(roomEntry(card({ state: 'ended', upload: 'pending' }), now).highlight).toBe('finished');
  });
});

describe('sorting the room', () => {
  it('puts what needs the invigilator first (alerts, resumes, waiting, silent stations, lockdown), then tests under way, finished, absent', () => {
    const room = [
      card({ lastName: 'Absent', state: 'notArrived', testId: null, station: null, lastHeartbeatAt: null }),
      card({ lastName: 'Fini', state: 'resultReceived', upload: 'received' }),
      card({ lastName: 'EnCours' }),
      card({
        lastName: 'Verrou',
        lockdownEvents: [{ event: 'forbiddenProcess', detail: 'x', at: at(-5000) }],
      }),
      card({ lastName: 'Muet', lastHeartbeatAt: at(-30_000) }),
      card({ lastName: 'Attend', state: 'waiting' }),
      card({
        lastName: 'Reprise',
        state: 'resumePending',
        resumeRequest: { stationId: 's', stationName: 'P', at: at(-1000), lastHeardAt: at(0) },
      }),
      card({ lastName: 'Alerte', alert: alertOn(3, -2000) }),
    ];
    expect(names(sortRoom(room, now))).toEqual([
      'Alerte',
      'Reprise',
      'Attend',
      'Muet',
      'Verrou',
      'EnCours',
      'Fini',
      'Absent',
    ]);
  });

  it('serves the oldest alert first, and keeps everyone else in name order (French collation)', () => {
    const room = [
      card({ lastName: 'Récent', alert: alertOn(2, -1000) }),
      card({ lastName: 'Ancien', alert: alertOn(9, -90_000) }),
      card({ lastName: 'Zola' }),
      card({ lastName: 'Émile' }),
      card({ lastName: 'dupont' }),
      card({ lastName: 'Durand' }),
    ];
    expect(names(sortRoom(room, now))).toEqual(['Ancien', 'Récent', 'dupont', 'Durand', 'Émile', 'Zola']);
  });

  it('counts the room for the toolbar', () => {
    const entries = sortRoom(
      [
        card({ alert: alertOn(1, 0) }),
        card({ state: 'waiting' }),
        card(),
        card({ state: 'ended', upload: 'pending' }),
        card({ state: 'notArrived', testId: null, lastHeartbeatAt: null }),
      ],
      now,
    );
    expect(roomCounts(entries)).toEqual({
      total: 5,
      attention: 2,
      alerts: 1,
      blocked: 1,
      active: 1,
      finished: 1,
      absent: 1,
    });
  });
});

describe('a finalized room', () => {
  it('has nothing left to handle: no alert, resume or missing station is counted or put first', () => {
    const alerting = card({ alert: alertOn(15, -60_000) });
    const resuming = card({
      state: 'resumePending',
      resumeRequest: { stationId: 'st-9', stationName: 'Poste 09', at: at(-30_000), lastHeardAt: at(0) },
    });
    const open = sortRoom([alerting, resuming], { nowMs: T0 });
    expect(roomCounts(open)).toMatchObject({ attention: 2, alerts: 1 });
    const closed = sortRoom([alerting, resuming], { nowMs: T0, sessionOpen: false });
    expect(roomCounts(closed)).toMatchObject({ attention: 0, alerts: 0 });
    expect(closed.every((e) => e.attention.length === 0 && e.highlight === 'none')).toBe(true);
  });
});

describe('an alert the station raised, not received yet', () => {
  const inTransit = card({ alertInTransit: true });

  it('needs the invigilator as urgently as an alert, and counts as one', () => {
    expect(attentionOf(inTransit, now)).toEqual([{ kind: 'alertInTransit', since: null }]);
    expect(roomEntry(inTransit, now)).toMatchObject({ group: 'attention', highlight: 'urgent' });
    const counts = roomCounts(sortRoom([inTransit, card()], now));
    expect(counts).toMatchObject({ attention: 1, alerts: 1, blocked: 1 });
  });

  it('comes before a resume request or a waiting candidate, after a received alert', () => {
    const resuming = card({ lastName: 'Aaa', state: 'resumePending' });
    const alerting = card({ lastName: 'Zzz', alert: alertOn(2, -5_000) });
    const sorted = sortRoom([resuming, { ...inTransit, lastName: 'Mmm' }, alerting], now);
    expect(names(sorted)).toEqual(['Zzz', 'Mmm', 'Aaa']);
  });

  it('gives way to the alert itself once its record arrives', () => {
    const arrived = { ...inTransit, alert: alertOn(4, 0) };
    expect(attentionOf(arrived, now).map((a) => a.kind)).toEqual(['alert']);
  });
});
