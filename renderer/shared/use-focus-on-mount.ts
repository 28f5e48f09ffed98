// When a screen appears, keyboard and screen-reader users start from its title, not from wherever
// focus was on the screen that just went away.
import { useEffect, useRef } from 'react';

export function useFocusOnMount<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus({ preventScroll: false });
  }, [enabled]);
  return ref;
}
