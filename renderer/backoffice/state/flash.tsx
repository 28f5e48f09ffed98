// A confirmation that survives one navigation ("Session créée", "Candidat retiré"): shown on the page
// the user lands on, read out by screen readers, and gone at the next navigation.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { announce } from '../../shared/announcer.tsx';
import { useHash } from './router.ts';

interface Flash {
  message: string;
  /** The address it was shown on; null until the next page shows it. */
  shownOn: string | null;
}

const FlashContext = createContext<{ flash: Flash | null; show(message: string): void } | null>(null);

export function FlashProvider({ children }: { children: ReactNode }) {
  const [flash, setFlash] = useState<Flash | null>(null);
  const hash = useHash();
  useEffect(() => {
    if (!flash) return;
    if (flash.shownOn === null) {
      setFlash({ ...flash, shownOn: hash });
      announce(flash.message);
    } else if (flash.shownOn !== hash) setFlash(null);
  }, [flash, hash]);
  const value = useMemo(
    () => ({ flash, show: (message: string) => setFlash({ message, shownOn: null }) }),
    [flash],
  );
  return <FlashContext.Provider value={value}>{children}</FlashContext.Provider>;
}

export function useFlash(): (message: string) => void {
  const value = useContext(FlashContext);
  if (!value) throw new Error('useFlash outside FlashProvider');
  return value.show;
}

export function FlashNotice() {
  const value = useContext(FlashContext);
  if (!value?.flash) return null;
  return (
    <p className="notice notice-ok flash" data-testid="flash">
      {value.flash.message}
    </p>
  );
}
