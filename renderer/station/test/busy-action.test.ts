// « Enregistrement… » lasts while the station works on the click, never longer: an answer stored
// without a new question (the end of the test not recorded yet) frees the buttons too.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBusyAction } from './busy-action.ts';

describe('the action under way', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('frees the buttons once the station has stored the answer, even without a new question', async () => {
    const shown: (string | null)[] = [];
    const busy = createBusyAction<string>((action) => shown.push(action), 150);
    let answer!: (value: { ok: true }) => void;
    const running = busy.run('submit', () => new Promise<{ ok: true }>((resolve) => (answer = resolve)));
    expect(busy.acting).toBe('submit');
    vi.advanceTimersByTime(150);
    expect(shown).toEqual(['submit']);
    answer({ ok: true });
    expect(await running).toEqual({ ok: true });
    expect(busy.acting).toBeNull();
    expect(shown.at(-1)).toBeNull();
  });

  it('ignores a second click while the first is on its way, and frees the buttons after a refusal', async () => {
    const busy = createBusyAction<string>(() => undefined, 150);
    let refuse!: () => void;
    const first = busy.run(
      'submit',
      () => new Promise<string>((_, reject) => (refuse = () => reject(new Error('x')))),
    );
    const second = vi.fn(() => Promise.resolve('skip'));
    expect(await busy.run('skip', second)).toBeNull();
    expect(second).not.toHaveBeenCalled();
    refuse();
    await expect(first).rejects.toThrow('x');
    expect(busy.acting).toBeNull();
  });

  it('does not draw « Enregistrement… » for an answer quicker than the delay', async () => {
    const shown: (string | null)[] = [];
    const busy = createBusyAction<string>((action) => shown.push(action), 150);
    await busy.run('skip', () => Promise.resolve('done'));
    vi.advanceTimersByTime(1000);
    expect(shown).toEqual([null]);
  });
});
