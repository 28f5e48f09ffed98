// Announcements follow the event, not the render: the previous value is kept, and a re-render that
// does not change it (a language switch gives a new `t`, a status about something else) says nothing
// again.
import { useEffect, useRef } from 'react';
import { announce } from '../shared/announcer.tsx';

type Politeness = 'polite' | 'assertive';

/** Nothing seen yet: the first value is announced (when `atMount`). */
const UNSEEN: unique symbol = Symbol('unseen');

/** What to say when the value went from `previous` to `next`: nothing when it did not change. */
export function changeAnnouncement<T>(
  previous: T | typeof UNSEEN,
  next: T,
  say: (value: T) => string | null,
): string | null {
  return previous !== UNSEEN && Object.is(previous, next) ? null : say(next);
}

/** The value as first seen: UNSEEN so that it is announced at mount, or itself so that it is not. */
export function firstSeen<T>(value: T, atMount: boolean): T | typeof UNSEEN {
  return atMount ? UNSEEN : value;
}

/**
 * Announces `say(value)` each time `value` changes (`say` returns null for what is not said).
 * `atMount`: whether the value the screen opens with is announced too.
 */
export function useAnnounceOnChange<T>(
  value: T,
  say: (value: T) => string | null,
  options: { politeness?: Politeness; atMount?: boolean } = {},
): void {
  const { politeness = 'polite', atMount = true } = options;
  const previous = useRef<T | typeof UNSEEN>(firstSeen(value, atMount));
  useEffect(() => {
    const before = previous.current;
    previous.current = value;
    const sentence = changeAnnouncement(before, value, say);
    if (sentence) announce(sentence, politeness);
  });
}
