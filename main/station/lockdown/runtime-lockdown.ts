// The one LockdownWatch of a station: what the shell detects (focus, displays, lock screen, crashes)
// and what the forbidden-process watch finds go through the same watch into the test under way, as a
// journal `lockdown` record (paused when the report says so). The shell makes it before the station
// services exist (the kiosk window is placed by the display rule first), hence the late-bound runtime.
import { lockdownPayload } from '../../../core/journal/lockdown-facts.ts';
import type { ExamRuntime } from '../runtime/exam-runtime.ts';
import { LockdownWatch } from './lockdown-watch.ts';

export function runtimeLockdownWatch(
  runtime: () => ExamRuntime | null,
  log: (message: string) => void,
  now: () => number = Date.now,
): LockdownWatch {
  return new LockdownWatch({
    now,
    // The shell fires these and forgets them (`void watch.focusLost()`): never a rejection left unhandled.
    report: async ({ event, detail, lock, facts }) => {
      log(`lockdown: ${event}${lock ? ' (test paused)' : ''}`);
      try {
        await runtime()?.reportLockdown(
          { kind: 'lockdown', payload: lockdownPayload(event, detail, facts) },
          lock,
        );
      } catch (error) {
        log(`lockdown: ${event} not handled: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  });
}
