import { describe, expect, it } from 'vitest';
import { settleWithin } from './closing.ts';

describe('closing within a time limit', () => {
  it('waits for work that ends in time', async () => {
    expect(await settleWithin(Promise.resolve(), 1000)).toEqual({ outcome: 'done' });
  });

  it('reports a failure instead of throwing', async () => {
    const error = new Error('journal busy');
    expect(await settleWithin(Promise.reject(error), 1000)).toEqual({ outcome: 'failed', error });
  });

  it('stops waiting for work that outlasts the limit (an upload in flight)', async () => {
    const started = Date.now();
    expect(await settleWithin(new Promise(() => undefined), 50)).toEqual({ outcome: 'late' });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
