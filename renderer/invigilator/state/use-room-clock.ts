// The room's clocks for a screen: the server's time now (ticking every second), the time stations are
// judged by (health-clock.ts), and whether the screen is cut off from the server (health unknown).
import { useRoom } from './room-context.tsx';
import { healthNow } from './health-clock.ts';
import { useNow } from './use-now.ts';

export function useRoomClock(): { now: number; healthNow: number; cutOff: boolean } {
  const offset = useRoom((s) => s.serverOffsetMs);
  const stream = useRoom((s) => s.stream);
  const lostAtServerMs = useRoom((s) => s.lostAtServerMs);
  const reopenedAtServerMs = useRoom((s) => s.reopenedAtServerMs);
  const now = useNow() + offset;
  return {
    now,
    healthNow: healthNow({ stream, lostAtServerMs, reopenedAtServerMs }, now),
    cutOff: stream === 'lost',
  };
}
