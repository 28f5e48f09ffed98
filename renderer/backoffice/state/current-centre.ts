// The centre the user works on: a referent has one; an administrator picks one, remembered in this
// browser so the next visit opens it again.
const KEY = 'pix-backoffice-centre';

export function rememberedCentre(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberCentre(centreId: string): void {
  try {
    window.localStorage.setItem(KEY, centreId);
  } catch {
    // Private browsing: nothing remembered, nothing lost.
  }
}

/** The centre to open: the remembered one if still reachable, else the first, else none. */
export function pickCentre(centres: readonly { id: string }[], remembered: string | null): string | null {
  if (remembered && centres.some((c) => c.id === remembered)) return remembered;
  return centres[0]?.id ?? null;
}
