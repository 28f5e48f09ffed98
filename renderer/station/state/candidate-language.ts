// The screens' language belongs to the candidate at the station. It survives a reload of the screens
// (the shell reloads them after a crash: an English-speaking candidate must not get French mid-test),
// and goes back to French when the station returns home for the next candidate. Kept in
// sessionStorage, which a reload keeps and a relaunch of the app drops.
import type { i18n } from 'i18next';
import type { ExamPhase } from '../../../core/contracts/station-api.ts';
import { LANGUAGES, type Language } from '../../shared/i18n/i18n.ts';

export const LANGUAGE_KEY = 'pix-station.candidate-language';

/** What is kept: the language, and the last phase seen (to tell a return home from a reload). */
interface Kept {
  language: Language;
  /** Compared only, never trusted as a phase. */
  phase: string | null;
}

type KeptStorage = Pick<Storage, 'getItem' | 'setItem'>;

function read(storage: KeptStorage | null): Kept {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(LANGUAGE_KEY) ?? 'null');
    if (typeof parsed === 'object' && parsed !== null && 'language' in parsed && 'phase' in parsed) {
      const { language, phase } = parsed;
      const known = LANGUAGES.find((l) => l === language);
      if (known) return { language: known, phase: typeof phase === 'string' ? phase : null };
    }
  } catch {
    // Unreadable or unavailable: French, as for a new candidate.
  }
  return { language: 'fr', phase: null };
}

function write(storage: KeptStorage | null, kept: Kept): void {
  try {
    storage?.setItem(LANGUAGE_KEY, JSON.stringify(kept));
  } catch {
    // Storage full or refused: the choice then lasts until the next reload only.
  }
}

/** The language to open the screens in: the current candidate's choice, else French. */
export function keptLanguage(storage: KeptStorage | null): Language {
  return read(storage).language;
}

/**
 * Keeps `i18n`'s language for the current candidate; returns what to call with each phase the station
 * reports. Entering `idle` from another phase (the end screen's "back home", "not you", a test gone on
 * elsewhere) is the next candidate: French again. A reload lands on `idle` with `idle` or nothing
 * kept, so the choice made on the home screen stays.
 */
export function keepCandidateLanguage(
  instance: i18n,
  storage: KeptStorage | null,
): (phase: ExamPhase | null) => void {
  instance.on('languageChanged', (language: string) => {
    const known = LANGUAGES.find((l) => l === language);
    if (known) write(storage, { ...read(storage), language: known });
  });
  return (phase) => {
    if (phase === null) return;
    const kept = read(storage);
    if (phase === kept.phase) return;
    const nextCandidate = phase === 'idle' && kept.phase !== null;
    write(storage, { language: nextCandidate ? 'fr' : kept.language, phase });
    if (nextCandidate && instance.language !== 'fr') void instance.changeLanguage('fr');
  };
}

/** The window's sessionStorage, or null where it is not available. */
export function sessionStore(): KeptStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}
