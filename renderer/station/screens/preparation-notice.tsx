// Once the invigilator started (or let resume) the test, the station gets it ready: the waiting screens
// say so, since the candidate no longer waits for an invigilator who already clicked, and say when the
// test does not arrive (the station tries again every few seconds) so the candidate raises a hand.
import { useTranslation } from 'react-i18next';
import type { ExamView } from '../../../core/contracts/station-api.ts';
import { useAnnounceOnChange } from '../announce-on-change.ts';

type Preparation = ExamView['preparation'];

/** The sentence for the preparation's state; null when there is none (`none`: nothing authorized yet). */
export function preparationKey(
  preparation: Preparation,
  resume: boolean,
): 'preparation.started' | 'preparation.resumed' | 'preparation.retrying' | null {
  if (preparation === 'downloading') return resume ? 'preparation.resumed' : 'preparation.started';
  if (preparation === 'retrying') return 'preparation.retrying';
  return null;
}

/**
 * Said politely when the state changes, from the screen that stays while it does (the station sets
 * `retrying` once and keeps it while it tries again: said once, not at each try).
 */
export function usePreparationAnnouncement(preparation: Preparation, resume: boolean): void {
  const { t } = useTranslation();
  useAnnounceOnChange(preparation, (state) => {
    const key = preparationKey(state, resume);
    return key && t(key);
  });
}

/** The sentence, in place of what the screen said before the invigilator clicked. */
export function PreparationNotice({ preparation, resume }: { preparation: Preparation; resume: boolean }) {
  const { t } = useTranslation();
  const key = preparationKey(preparation, resume);
  if (!key) return null;
  return (
    <div
      className={`notice ${preparation === 'retrying' ? 'notice-warning' : 'notice-info'}`}
      data-testid="preparation"
      data-preparation={preparation}
    >
      <p className="strong">{t(key)}</p>
    </div>
  );
}
