import { describe, expect, it } from 'vitest';
import { IntakeGate } from './intake-gate.ts';

function recordingLog() {
  const lines: string[] = [];
  return {
    lines,
    log: {
      warn: (_fields: object, message: string) => void lines.push(`warn: ${message}`),
      info: (fields: object, message: string) =>
        void lines.push(`info: ${message} ${JSON.stringify(fields)}`),
    },
  };
}

describe('the intake gate', () => {
  it('takes uploads up to its limit, then refuses until a place is given back', () => {
    const { log } = recordingLog();
    const gate = new IntakeGate(2, log);
    expect([gate.tryEnter(), gate.tryEnter(), gate.tryEnter()]).toEqual([true, true, false]);
    expect(gate.inFlight).toBe(2);
    gate.leave();
    expect([gate.tryEnter(), gate.inFlight]).toEqual([true, 2]);
  });

  it('logs when it starts refusing and when it is back under half its limit, not each refusal', () => {
    const { lines, log } = recordingLog();
    const gate = new IntakeGate(4, log);
    for (let i = 0; i < 4; i++) gate.tryEnter();
    for (let i = 0; i < 3; i++) gate.tryEnter();
    expect(lines).toEqual([
      'warn: result intake at its limit: uploads are answered 503 and the stations send them again',
    ]);
    gate.leave();
    expect(lines).toHaveLength(1);
    gate.leave();
    expect(lines[1]).toBe('info: result intake under its limit again {"refused":3}');
  });

  it('never counts below zero', () => {
    const gate = new IntakeGate(1, recordingLog().log);
    gate.leave();
    expect(gate.inFlight).toBe(0);
  });
});
