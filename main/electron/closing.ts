// Closing within a time limit (no Electron import: tested in plain Node). An OS shutdown waits for the
// station only a few seconds, and an upload in flight may hold the station services' close for up to
// its request timeout. Cutting that wait short loses nothing: every answer is already on disk.

/** How long the station services may take to close before the app quits anyway. */
export const CLOSE_BUDGET_MS = 3_000;

export type Settled = { outcome: 'done' } | { outcome: 'failed'; error: unknown } | { outcome: 'late' };

/** Waits for `work`, but no longer than `ms`; never rejects (a late failure is dropped). */
export async function settleWithin(work: Promise<unknown>, ms: number): Promise<Settled> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => resolve({ outcome: 'late' }), ms);
  });
  const settled = work.then(
    (): Settled => ({ outcome: 'done' }),
    (error: unknown): Settled => ({ outcome: 'failed', error }),
  );
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}
