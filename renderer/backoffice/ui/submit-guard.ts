// One submission at a time. The buttons say they are busy with aria-disabled, which keeps them
// focusable and announced but blocks neither a second click nor Enter; and a double click's two events
// both run before React renders the busy state. So each submit first claims this guard, held in a ref
// (not state: it must change at once), and does nothing when a submission is already in flight: a
// double click on « Créer la session » creates one session, not two.
import { useRef } from 'react';

export interface SubmitGuard {
  /** True, and the guard held, when no submission is in flight; false otherwise (do nothing). */
  claim(): boolean;
  /** The submission is over (failed, or done and staying on the page): the next one may go. */
  release(): void;
  /** Whether a submission is in flight. */
  readonly held: boolean;
}

export function createSubmitGuard(): SubmitGuard {
  let held = false;
  return {
    claim() {
      if (held) return false;
      held = true;
      return true;
    },
    release() {
      held = false;
    },
    get held() {
      return held;
    },
  };
}

/**
 * Runs `work` unless a submission is in flight (then resolves to undefined at once). The guard is
 * released when it fails, and when it succeeds unless `keepAfterSuccess` (the page moves on: a second
 * submit before it has gone must not save twice).
 */
export async function guarded<T>(
  guard: SubmitGuard,
  work: () => Promise<T>,
  options: { keepAfterSuccess?: boolean } = {},
): Promise<T | undefined> {
  if (!guard.claim()) return undefined;
  try {
    const result = await work();
    if (!options.keepAfterSuccess) guard.release();
    return result;
  } catch (error) {
    guard.release();
    throw error;
  }
}

/** A guard that lives as long as the component. */
export function useSubmitGuard(): SubmitGuard {
  const ref = useRef<SubmitGuard | null>(null);
  ref.current ??= createSubmitGuard();
  return ref.current;
}
