import { describe, expect, it } from 'vitest';
import { STATION_MISSING_MS } from '../../../core/exam/station-presence.ts';
import { alertOn, at, card, T0 } from '../testing/room-fixtures.ts';
import {
  checkFinalization,
  isRunning,
  maybeRunningOffline,
  pendingAlerts,
  refusedResults,
  runningTests,
  silentStations,
  unfinishedTests,
  waitsForResume,
} from './finalization-rules.ts';

/** Ten seconds after the fixtures' last heartbeat: their stations are still heard from. */
const NOW = T0 + 10_000;
const silent = { lastHeartbeatAt: at(-STATION_MISSING_MS) };
/** Its time was all but up when its station went silent: over by now (time up), or gone. */
const timeGone = { timeLeftMs: 5_000, timeLeftAt: at(-STATION_MISSING_MS) };
const noDraft = {
  abortReasons: {},
  confirmedOver: {},
  globalComment: '',
  hadIncident: false,
  candidateCouldNotJoin: false,
};

const finished = card({
  candidateId: 'fin',
  state: 'resultReceived',
  endReason: 'finished',
  upload: 'received',
});
const timeUp = card({ candidateId: 'tu', state: 'ended', endReason: 'timeUp', upload: 'pending' });
const ended = card({ candidateId: 'end', state: 'resultReceived', endReason: 'endedByInvigilator' });
const running = card({ candidateId: 'run', state: 'inProgress' });
const paused = card({ candidateId: 'pause', state: 'paused' });
const lost = card({ candidateId: 'lost', state: 'inProgress', ...silent, ...timeGone });
const crashed = card({ candidateId: 'crash', state: 'resumePending', ...silent });
const waiting = card({ candidateId: 'wait', state: 'waiting', startedAt: null, progress: null });
const absent = card({
  candidateId: 'abs',
  state: 'notArrived',
  testId: null,
  startedAt: null,
  station: null,
});
const room = [finished, timeUp, ended, lost, crashed, absent];

describe('finalization', () => {
  it('asks an abort reason for every started test that did not end normally and whose station is gone', () => {
    expect(unfinishedTests(room, NOW).map((c) => c.candidateId)).toEqual(['end', 'lost', 'crash']);
    expect(runningTests(room, NOW)).toEqual([]);
  });

  it('waits for the tests still running on a live station, and the candidates waiting at one', () => {
    const live = [...room, running, paused, waiting];
    expect(runningTests(live, NOW).map((c) => c.candidateId)).toEqual(['run', 'pause', 'wait']);
    expect(unfinishedTests(live, NOW).map((c) => c.candidateId)).toEqual(['end', 'lost', 'crash']);
    const check = checkFinalization(noDraft, [running], NOW);
    expect(check).toEqual({ ok: false, errors: [{ field: 'running' }] });
  });

  it('waits for a candidate waiting at another station to resume, as the server does, until it goes silent', () => {
    // Their own station died; the one where they wait for the resume was heard 5 s ago.
    const request = { stationId: 'stn_2', stationName: 'Poste 2', at: at(-60_000) };
    const resuming = card({
      candidateId: 'resume',
      state: 'resumePending',
      ...silent,
      resumeRequest: { ...request, lastHeardAt: at(5_000) },
    });
    expect(isRunning(resuming, NOW)).toBe(true);
    expect(waitsForResume(resuming, NOW)).toBe(true);
    expect(runningTests([...room, resuming], NOW).map((c) => c.candidateId)).toEqual(['resume']);
    expect(unfinishedTests([...room, resuming], NOW).map((c) => c.candidateId)).toEqual([
      'end',
      'lost',
      'crash',
    ]);
    const draft = noDraft;
    expect(checkFinalization(draft, [resuming], NOW)).toEqual({ ok: false, errors: [{ field: 'running' }] });

    // That station silent too (the candidate left): the test needs an abort reason.
    const later = T0 + 5_000 + STATION_MISSING_MS;
    expect(isRunning(resuming, later)).toBe(false);
    expect(waitsForResume(resuming, later)).toBe(false);
    expect(runningTests([resuming], later)).toEqual([]);
    expect(unfinishedTests([resuming], later).map((c) => c.candidateId)).toEqual(['resume']);
    expect(checkFinalization(draft, [resuming], later)).toEqual({
      ok: false,
      errors: [{ field: 'abortReason', candidateId: 'resume' }],
    });
    // Never heard since the server started: nothing says the candidate is there.
    const unheard = card({
      state: 'resumePending',
      ...silent,
      resumeRequest: { ...request, lastHeardAt: null },
    });
    expect(unfinishedTests([unheard], NOW)).toEqual([unheard]);
    // Authorized: the resume is the station's to make; the test is still running while it is heard.
    const authorized = { ...resuming, authorization: 'resume' as const };
    expect(waitsForResume(authorized, NOW)).toBe(false);
  });

  it('waits for the alerts awaiting a decision, even on a test over', () => {
    const frozen = card({ candidateId: 'frozen', state: 'ended', endReason: 'timeUp', alert: alertOn(7, 0) });
    expect(pendingAlerts([...room, frozen]).map((c) => c.candidateId)).toEqual(['frozen']);
    const check = checkFinalization(noDraft, [frozen], NOW);
    expect(check).toEqual({ ok: false, errors: [{ field: 'alerts' }] });
  });

  it('lists the results the server refused without holding finalization back', () => {
    const refused = card({
      candidateId: 'refused',
      state: 'ended',
      endReason: 'finished',
      upload: 'refused',
      uploadRefusal: { code: 'PACKAGE_MISMATCH', at: at(0) },
    });
    expect(refusedResults([...room, refused]).map((c) => c.candidateId)).toEqual(['refused']);
    expect(runningTests([refused], NOW)).toEqual([]);
    expect(unfinishedTests([refused], NOW)).toEqual([]);
    const check = checkFinalization(
      { ...noDraft, globalComment: 'Résultat refusé', hadIncident: true },
      [refused],
      NOW,
    );
    expect(check.ok).toBe(true);
  });

  it('refuses a draft without the reasons, with a comment too long, or a question unanswered', () => {
    const check = checkFinalization(
      {
        abortReasons: { end: 'candidate' },
        confirmedOver: {},
        globalComment: 'x'.repeat(501),
        hadIncident: null,
        candidateCouldNotJoin: false,
      },
      room,
      NOW,
    );
    expect(check).toEqual({
      ok: false,
      errors: [
        { field: 'abortReason', candidateId: 'lost' },
        { field: 'abortReason', candidateId: 'crash' },
        { field: 'globalComment' },
        { field: 'hadIncident' },
      ],
    });
  });

  it('builds the request the server takes', () => {
    const check = checkFinalization(
      {
        abortReasons: { end: 'candidate', lost: 'technical', crash: 'technical', fin: 'candidate' },
        confirmedOver: {},
        globalComment: `  ${'é'.repeat(500)}  `,
        hadIncident: true,
        candidateCouldNotJoin: false,
      },
      room,
      NOW,
    );
    expect(check).toEqual({
      ok: true,
      request: {
        abortReasons: [
          { candidateId: 'end', reason: 'candidate' },
          { candidateId: 'lost', reason: 'technical' },
          { candidateId: 'crash', reason: 'technical' },
        ],
        globalComment: 'é'.repeat(500),
        hadIncident: true,
        candidateCouldNotJoin: false,
        confirmedOver: [],
      },
    });
  });

  describe('a test whose station is silent while its candidate may still have time (it goes on offline)', () => {
    // Silent for 25 s; 40 minutes were left when it was last heard.
    const offline = card({
      candidateId: 'offline',
      state: 'inProgress',
      ...silent,
      timeLeftMs: 40 * 60_000,
      timeLeftAt: at(-STATION_MISSING_MS),
    });

    it('holds finalization back until the invigilator confirms it over, then asks its abort reason', () => {
      expect(maybeRunningOffline(offline, NOW)).toBe(true);
      expect(runningTests([offline], NOW)).toEqual([]);
      expect(unfinishedTests([...room, offline], NOW).map((c) => c.candidateId)).toEqual([
        'end',
        'lost',
        'crash',
      ]);
      expect(silentStations([...room, offline], NOW)).toEqual([
        { candidate: offline, silentForMs: STATION_MISSING_MS + 10_000, timeLeftMs: 40 * 60_000 },
      ]);
      expect(checkFinalization(noDraft, [offline], NOW)).toEqual({
        ok: false,
        errors: [{ field: 'maybeOffline', candidateId: 'offline' }],
      });

      const confirmed = { ...noDraft, confirmedOver: { offline: true } };
      expect(unfinishedTests([offline], NOW, confirmed.confirmedOver)).toEqual([offline]);
      expect(checkFinalization(confirmed, [offline], NOW)).toEqual({
        ok: false,
        errors: [{ field: 'abortReason', candidateId: 'offline' }],
      });
      expect(
        checkFinalization({ ...confirmed, abortReasons: { offline: 'technical' } }, [offline], NOW),
      ).toEqual({
        ok: true,
        request: {
          abortReasons: [{ candidateId: 'offline', reason: 'technical' }],
          globalComment: '',
          hadIncident: false,
          candidateCouldNotJoin: false,
          confirmedOver: ['offline'],
        },
      });
    });

    it('is running again once its station is heard, and needs only an abort reason once its time is gone', () => {
      const back = { ...offline, lastHeartbeatAt: at(5_000) };
      expect(maybeRunningOffline(back, NOW)).toBe(false);
      expect(runningTests([back], NOW)).toEqual([back]);

      const later = NOW + 40 * 60_000;
      expect(maybeRunningOffline(offline, later)).toBe(false);
      expect(silentStations([offline], later)).toEqual([]);
      expect(unfinishedTests([offline], later)).toEqual([offline]);
    });

    it('counts a paused test’s time as standing still, and goes by the theoretical end without a time report', () => {
      const paused = card({
        state: 'paused',
        ...silent,
        timeLeftMs: 10 * 60_000,
        timeLeftAt: at(-STATION_MISSING_MS),
      });
      expect(maybeRunningOffline(paused, NOW + 3 * 60 * 60_000)).toBe(true);

      // Started 45 minutes ago (105 allowed), no time reported: maybe still working for an hour.
      const unreported = card({ state: 'inProgress', ...silent, timeLeftMs: null, timeLeftAt: null });
      expect(maybeRunningOffline(unreported, NOW)).toBe(true);
      expect(silentStations([unreported], NOW)[0]?.timeLeftMs).toBe(60 * 60_000 + STATION_MISSING_MS);
      expect(maybeRunningOffline(unreported, T0 + 61 * 60_000)).toBe(false);
      const unknown = card({ ...unreported, startedAt: null, lastHeartbeatAt: null });
      expect(silentStations([unknown], NOW)).toEqual([
        { candidate: unknown, silentForMs: null, timeLeftMs: null },
      ]);
    });

    it('counts a start or a resume its station acknowledged before going silent, its clock running from then', () => {
      // The start applied and acknowledged 25 s ago; no record or heartbeat since: the whole allowed time.
      const acked = card({
        candidateId: 'acked',
        state: 'startAuthorized',
        authorization: 'start',
        startedAt: null,
        theoreticalEndAt: null,
        progress: null,
        timeLeftMs: null,
        timeLeftAt: null,
        lastHeartbeatAt: null,
        allowedMs: 126 * 60_000,
        goAheadAt: at(-STATION_MISSING_MS),
      });
      expect(maybeRunningOffline(acked, NOW)).toBe(true);
      expect(silentStations([acked], NOW)).toEqual([
        { candidate: acked, silentForMs: STATION_MISSING_MS + 10_000, timeLeftMs: 126 * 60_000 },
      ]);
      expect(maybeRunningOffline(acked, T0 - STATION_MISSING_MS + 126 * 60_000)).toBe(false);
      expect(maybeRunningOffline({ ...acked, goAheadAt: null }, NOW)).toBe(false);

      // A resume acknowledged 25 s ago, 30 minutes left when last heard, 10 minutes before (clock stood).
      const resumed = card({
        candidateId: 'resumed',
        state: 'resumePending',
        lastHeartbeatAt: at(-10 * 60_000),
        timeLeftMs: 30 * 60_000,
        timeLeftAt: at(-10 * 60_000),
        goAheadAt: at(-STATION_MISSING_MS),
      });
      expect(maybeRunningOffline(resumed, NOW)).toBe(true);
      expect(silentStations([resumed], NOW)[0]?.timeLeftMs).toBe(30 * 60_000);
      expect(checkFinalization(noDraft, [resumed], NOW)).toEqual({
        ok: false,
        errors: [{ field: 'maybeOffline', candidateId: 'resumed' }],
      });
      // A heartbeat since tells the state: the acknowledgement no longer does.
      expect(maybeRunningOffline({ ...resumed, lastHeartbeatAt: at(-STATION_MISSING_MS + 1) }, NOW)).toBe(
        false,
      );
    });

    it('asks an abort reason for a start its station applied and never said more of, as the server does', () => {
      // The station applied the start, said so, and died: the candidate was there, not absent.
      const acked = card({
        wentAhead: true,
        candidateId: 'acked',
        state: 'startAuthorized',
        authorization: 'start',
        startedAt: null,
        theoreticalEndAt: null,
        progress: null,
        timeLeftMs: null,
        timeLeftAt: null,
        lastHeartbeatAt: null,
        allowedMs: 126 * 60_000,
        goAheadAt: at(-STATION_MISSING_MS),
      });
      // Confirmed over while it may still run, or once its whole time is gone.
      expect(unfinishedTests([acked], NOW, { acked: true }).map((c) => c.candidateId)).toEqual(['acked']);
      const later = T0 + 127 * 60_000;
      expect(unfinishedTests([acked], later).map((c) => c.candidateId)).toEqual(['acked']);
      expect(checkFinalization(noDraft, [acked], later)).toEqual({
        ok: false,
        errors: [{ field: 'abortReason', candidateId: 'acked' }],
      });
      // Authorized and never acknowledged: nothing says the candidate came (absent, no reason asked).
      const never = { ...acked, goAheadAt: null, wentAhead: false };
      expect(unfinishedTests([never], later)).toEqual([]);
      // Acknowledged but held (the candidate still read the instructions): not gone ahead either.
      const held = { ...acked, wentAhead: false };
      expect(unfinishedTests([held], later)).toEqual([]);
      expect(checkFinalization(noDraft, [held, never], later)).toMatchObject({
        ok: true,
        request: { abortReasons: [] },
      });
    });

    it('leaves out a test waiting for its resume or its start: its station goes on only with the server', () => {
      expect(maybeRunningOffline({ ...offline, state: 'resumePending' }, NOW)).toBe(false);
      expect(maybeRunningOffline({ ...offline, state: 'waiting', startedAt: null }, NOW)).toBe(false);
      expect(maybeRunningOffline({ ...offline, state: 'ended', endReason: 'finished' }, NOW)).toBe(false);
    });
  });
});
