import { describe, expect, it } from 'vitest';
import { card } from '../testing/room-fixtures.ts';
import { checkFinalization, runningTests, unfinishedTests } from './finalization-rules.ts';

const finished = card({
  candidateId: 'fin',
  state: 'resultReceived',
  endReason: 'finished',
  upload: 'received',
});
const timeUp = card({ candidateId: 'tu', state: 'ended', endReason: 'timeUp', upload: 'pending' });
const ended = card({ candidateId: 'end', state: 'resultReceived', endReason: 'endedByInvigilator' });
const running = card({ candidateId: 'run', state: 'inProgress' });
const crashed = card({ candidateId: 'crash', state: 'resumePending' });
const waiting = card({ candidateId: 'wait', state: 'waiting', startedAt: null, progress: null });
const absent = card({
  candidateId: 'abs',
  state: 'notArrived',
  testId: null,
  startedAt: null,
  station: null,
});
const room = [finished, timeUp, ended, running, crashed, waiting, absent];

describe('finalization', () => {
  it('asks an abort reason for every started test that did not end normally', () => {
    expect(unfinishedTests(room).map((c) => c.candidateId)).toEqual(['end', 'run', 'crash']);
    expect(runningTests(room).map((c) => c.candidateId)).toEqual(['run', 'crash']);
  });

  it('refuses a draft without the reasons, with a comment too long, or a question unanswered', () => {
    const check = checkFinalization(
      {
        abortReasons: { end: 'candidate' },
        globalComment: 'x'.repeat(501),
        hadIncident: null,
        candidateCouldNotJoin: false,
      },
      room,
    );
    expect(check).toEqual({
      ok: false,
      errors: [
        { field: 'abortReason', candidateId: 'run' },
        { field: 'abortReason', candidateId: 'crash' },
        { field: 'globalComment' },
        { field: 'hadIncident' },
      ],
    });
  });

  it('builds the request the server takes', () => {
    const check = checkFinalization(
      {
        abortReasons: { end: 'candidate', run: 'technical', crash: 'technical', fin: 'candidate' },
        globalComment: `  ${'é'.repeat(500)}  `,
        hadIncident: true,
        candidateCouldNotJoin: false,
      },
      room,
    );
    expect(check).toEqual({
      ok: true,
      request: {
        abortReasons: [
          { candidateId: 'end', reason: 'candidate' },
          { candidateId: 'run', reason: 'technical' },
          { candidateId: 'crash', reason: 'technical' },
        ],
        globalComment: 'é'.repeat(500),
        hadIncident: true,
        candidateCouldNotJoin: false,
      },
    });
  });
});
