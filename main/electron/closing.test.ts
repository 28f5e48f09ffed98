import { describe, expect, it, vi } from 'vitest';
import { type Settled, settleWithin } from './closing.ts';

describe('closing within a time limit', () => {
  it('waits for work that ends in time', async () => {
    expect(await settleWithin(Promise.resolve(), 1000)).toEqual({ outcome: 'done' });
  });

  it('reports a failure instead of throwing', async () => {
    const error = new Error('journal busy');
    expect(await settleWithin(Promise.reject(error), 1000)).toEqual({ outcome: 'failed', error });
  });

  it('stops waiting for work that outlasts the limit (an upload in flight)', async () => {
    // Fake timers: the limit itself ends the wait, whatever the machine's speed.
    vi.useFakeTimers();
    try {
      let result: Settled | undefined;
      void settleWithin(new Promise(() => undefined), 50).then((r) => (result = r));
      await vi.advanceTimersByTimeAsync(49);
      expect(result).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(result).toEqual({ outcome: 'late' });
    } finally {
      vi.useRealTimers();
    }
  });
});
